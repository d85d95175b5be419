// The expected-utility CSV of the open BDM replications: a header line
// (Actor,Capability,Position,Salience; replications also write
// Stakeholder,Resources,Position,Salience) and one row per actor, one issue.
// Old Mac files end lines with a lone CR. Saliences are fractions (0-1) when
// none exceeds 1, else on 0-100. The issue's scale is [min, max] of the
// positions; the issue id is "issue".
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/core/limits.h"
#include "concert/io/read.h"
#include "concert/io/text.h"

namespace concert {

ScenarioDraft ReadBdmDraft(const std::string& path, std::string_view text) {
  std::vector<text::Line> lines;
  for (auto& line : text::SplitLines(text)) {
    if (!text::IsBlank(line.content)) lines.push_back(std::move(line));
  }
  if (lines.empty()) throw InputError({path, 0, ""}, "the file is empty; expected a BDM CSV");
  std::vector<std::string> header = text::SplitCsv(lines[0].content);
  if (header.size() != 4) {
    throw InputError({path, lines[0].number, ""},
                     fmt::format("expected the header Actor,Capability,Position,Salience (4 "
                                 "columns) but got {} columns",
                                 header.size()));
  }
  bool numeric_header = true;
  for (std::size_t k = 1; k < 4 && numeric_header; ++k) {
    try {
      text::ParseNumber(header[k], {}, "");
    } catch (const InputError&) {
      numeric_header = false;
    }
  }
  if (numeric_header) {
    throw InputError({path, lines[0].number, ""},
                     "expected a header line (Actor,Capability,Position,Salience) first, but "
                     "the first line holds numbers");
  }
  ScenarioDraft draft;
  draft.file = path;
  IssueDraft issue;
  issue.issue.id = "issue";
  issue.issue.name = "issue";
  issue.where = {path, lines[0].number, ""};
  if (lines.size() < 2) throw InputError({path, lines[0].number, ""}, "expected actor rows");

  double max_salience = 0;
  double low = 0, high = 0;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    std::vector<std::string> f = text::SplitCsv(lines[k].content);
    int n = lines[k].number;
    if (f.size() != 4) {
      throw InputError({path, n, ""}, fmt::format("expected 4 columns but got {}", f.size()));
    }
    ActorDraft actor;
    actor.actor.id = f[0];
    actor.actor.name = f[0];
    actor.where = {path, n, ""};
    actor.actor.capability.value = text::ParseNumber(f[1], {path, n, header[1]}, "a capability");
    StanceDraft s;
    s.actor_id = f[0];
    s.issue_id = "issue";
    s.where = {path, n, ""};
    s.stance.position.value = text::ParseNumber(f[2], {path, n, header[2]}, "a position");
    s.stance.salience.value = text::ParseNumber(f[3], {path, n, header[3]}, "a salience");
    max_salience = std::max(max_salience, s.stance.salience.value);
    double x = s.stance.position.value;
    if (std::fabs(x) > kMaxScale) {
      throw InputError({path, n, header[2]},
                       fmt::format("expected a position within [-{0:g}, {0:g}] but got {1:g} "
                                   "(rescale the positions)",
                                   kMaxScale, x));
    }
    low = k == 1 ? x : std::min(low, x);
    high = k == 1 ? x : std::max(high, x);
    draft.actors.push_back(actor);
    draft.stances.push_back(s);
  }
  draft.salience_unit = max_salience <= 1.0 ? 1.0 : 100.0;
  issue.issue.scale_min = low;
  issue.issue.scale_max = high > low ? high : low + 1.0;  // all at one point: a unit scale
  if (high > low && high - low < kMinWeight) {
    throw InputError({path, 0, header.size() > 2 ? header[2] : ""},
                     fmt::format("the positions span {:g}, less than {:g}; expected them spread "
                                 "wider (rescale them)",
                                 high - low, kMinWeight));
  }
  draft.issues.push_back(issue);
  return draft;
}

}  // namespace concert
