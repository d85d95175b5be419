// KTAB SMP CSV (KAPSARC Toolkit for Behavioral Analysis, examples/smp):
//   line 1: scenario name, description, number of actors, number of dimensions
//   line 2: headers: Actor, Description, Power, then Position, Salience per dimension
//   then one row per actor. Positions and saliences are on 0-100; KTAB requires
//   each actor's saliences to sum to at most 100. Trailing commas are ignored.
#include <fmt/format.h>

#include <cmath>

#include "concert/io/read.h"
#include "concert/io/text.h"

namespace concert {
namespace {

std::vector<std::string> Fields(const text::Line& line) {
  std::vector<std::string> fields = text::SplitCsv(line.content);
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

int ParseCount(const std::string& field, const ErrorLocation& where, const std::string& what) {
  double v = text::ParseNumber(field, where, what);
  if (!(v >= 1) || v != std::floor(v) || v > 1e6) {
    throw InputError(where,
                     fmt::format("expected {} as a whole number >= 1 but got '{}'", what, field));
  }
  return static_cast<int>(v);
}

}  // namespace

ScenarioDraft ReadKtabDraft(const std::string& path, std::string_view text) {
  std::vector<text::Line> lines;
  for (auto& line : text::SplitLines(text)) {
    if (!text::IsBlank(line.content)) lines.push_back(std::move(line));
  }
  if (lines.empty()) throw InputError({path, 0, ""}, "the file is empty; expected a KTAB CSV");
  ScenarioDraft draft;
  draft.file = path;
  draft.salience_unit = 100.0;

  std::vector<std::string> head = Fields(lines[0]);
  if (head.size() < 4) {
    throw InputError({path, lines[0].number, ""},
                     "expected 'name, description, number of actors, number of dimensions' "
                     "on the first line");
  }
  draft.name = head[0];
  draft.description = head[1];
  int num_actors =
      ParseCount(head[2], {path, lines[0].number, "numActors"}, "the number of actors");
  int num_dims =
      ParseCount(head[3], {path, lines[0].number, "numDims"}, "the number of dimensions");
  if (lines.size() < 2) {
    throw InputError({path, lines[0].number, ""}, "expected a header line after the first line");
  }
  std::vector<std::string> header = Fields(lines[1]);
  std::size_t columns = 3 + 2 * static_cast<std::size_t>(num_dims);
  if (header.size() != columns) {
    throw InputError({path, lines[1].number, ""},
                     fmt::format("expected {} header columns (Actor, Description, Power, then "
                                 "position and salience for each of {} dimensions) but got {}",
                                 columns, num_dims, header.size()));
  }
  for (int d = 0; d < num_dims; ++d) {
    IssueDraft issue;
    const std::string& title = header[3 + 2 * d];
    issue.issue.id = text::Slug(title).empty() ? fmt::format("dim{}", d + 1) : text::Slug(title);
    issue.issue.name = title;
    issue.where = {path, lines[1].number, title};
    draft.issues.push_back(issue);
  }
  int rows = static_cast<int>(lines.size()) - 2;
  if (rows != num_actors) {
    throw InputError({path, lines[0].number, "numActors"},
                     fmt::format("the first line announces {} actors but the file has {} actor "
                                 "rows",
                                 num_actors, rows));
  }
  for (std::size_t k = 2; k < lines.size(); ++k) {
    const text::Line& line = lines[k];
    std::vector<std::string> f = Fields(line);
    if (f.size() != columns) {
      throw InputError({path, line.number, ""},
                       fmt::format("expected {} columns but got {}", columns, f.size()));
    }
    ActorDraft actor;
    actor.actor.id = f[0];
    actor.actor.name = f[0];
    actor.actor.description = f[1];
    actor.where = {path, line.number, ""};
    ErrorLocation power_where{path, line.number, header[2]};
    actor.actor.capability.value = text::ParseNumber(f[2], power_where, "the actor's power");
    double salience_sum = 0;
    for (int d = 0; d < num_dims; ++d) {
      StanceDraft s;
      s.actor_id = f[0];
      s.issue_id = draft.issues[d].issue.id;
      s.where = {path, line.number, ""};
      const std::string& pos_col = header[3 + 2 * d];
      const std::string& sal_col = header[4 + 2 * d];
      s.stance.position.value =
          text::ParseNumber(f[3 + 2 * d], {path, line.number, pos_col}, "a position");
      s.stance.salience.value =
          text::ParseNumber(f[4 + 2 * d], {path, line.number, sal_col}, "a salience");
      salience_sum += s.stance.salience.value;
      draft.stances.push_back(s);
    }
    if (salience_sum > 100 + 1e-9) {
      throw InputError({path, line.number, ""},
                       fmt::format("expected the saliences of actor '{}' to sum to at most 100 "
                                   "(a KTAB rule) but they sum to {}",
                                   f[0], salience_sum));
    }
    draft.actors.push_back(actor);
  }
  return draft;
}

}  // namespace concert
