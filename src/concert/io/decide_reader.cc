// The DECIDE exchange-model input format (Stokman's DECIDE; foarsitter's
// decide-exchange-model): tab-separated fields, each optionally quoted with ',
// one record per line:
//   #A  actor-id  name  [description]
//   #P  issue-id  name  [description]
//   #M  issue-id  value  [label]      points on the issue's scale; the smallest and
//                                     largest set its range (default 0-100)
//   #D  actor-id  issue-id  position  salience  power
//   #/ and #O lines are comments; blank lines are ignored.
// Saliences are fractions when none exceeds 1, else on 0-100. Power may differ
// by issue; concert keeps it per stance when it does.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "concert/io/read.h"
#include "concert/io/text.h"

namespace concert {
namespace {

std::string Unquote(const std::string& field) {
  std::string f = text::Trim(field);
  if (f.size() >= 2 && f.front() == '\'' && f.back() == '\'') return f.substr(1, f.size() - 2);
  return f;
}

struct Scale {
  std::vector<Anchor> marks;
  int first_line = 0;
};

}  // namespace

ScenarioDraft ReadDecideDraft(const std::string& path, std::string_view text) {
  ScenarioDraft draft;
  draft.file = path;
  std::map<std::string, Scale> scales;
  std::map<std::string, double> first_power;
  std::vector<double> powers;
  double max_salience = 0;
  bool any = false;
  for (const text::Line& line : text::SplitLines(text)) {
    if (text::IsBlank(line.content)) continue;
    any = true;
    std::vector<std::string> f = text::Split(line.content, '\t');
    for (auto& field : f) field = Unquote(field);
    while (!f.empty() && f.back().empty()) f.pop_back();
    const std::string tag = f.empty() ? "" : f[0];
    ErrorLocation where{path, line.number, ""};
    auto need = [&](std::size_t n, const char* layout) {
      if (f.size() < n) {
        throw InputError(where, fmt::format("expected a {} line with tab-separated fields: {}; "
                                            "got {} fields",
                                            tag, layout, f.size()));
      }
    };
    if (tag == "#/" || tag == "#O") continue;
    if (tag == "#A") {
      need(2, "#A, actor id, name");
      ActorDraft a;
      a.actor.id = f[1];
      a.actor.name = f.size() > 2 && !f[2].empty() ? f[2] : f[1];
      a.actor.description = f.size() > 3 ? f[3] : "";
      a.where = where;
      draft.actors.push_back(a);
    } else if (tag == "#P") {
      need(2, "#P, issue id, name");
      IssueDraft d;
      d.issue.id = f[1];
      d.issue.name = f.size() > 2 && !f[2].empty() ? f[2] : f[1];
      d.issue.description = f.size() > 3 ? f[3] : "";
      d.where = where;
      draft.issues.push_back(d);
    } else if (tag == "#M") {
      need(3, "#M, issue id, value, [label]");
      double at = text::ParseNumber(f[2], {path, line.number, "value"}, "a scale point");
      Scale& scale = scales[f[1]];
      if (scale.marks.empty()) scale.first_line = line.number;
      scale.marks.push_back({at, f.size() > 3 ? f[3] : ""});
    } else if (tag == "#D") {
      need(6, "#D, actor id, issue id, position, salience, power");
      StanceDraft s;
      s.actor_id = f[1];
      s.issue_id = f[2];
      s.where = where;
      s.stance.position.value =
          text::ParseNumber(f[3], {path, line.number, "position"}, "a position");
      s.stance.salience.value =
          text::ParseNumber(f[4], {path, line.number, "salience"}, "a salience");
      double power = text::ParseNumber(f[5], {path, line.number, "power"}, "a power");
      s.stance.capability = Number{power, {}};
      max_salience = std::max(max_salience, s.stance.salience.value);
      first_power.emplace(s.actor_id, power);
      draft.stances.push_back(s);
    } else {
      throw InputError(where, fmt::format("expected a line starting with #A, #P, #M, #D, #/ or "
                                          "#O but got '{}'",
                                          tag));
    }
  }
  if (!any) throw InputError({path, 0, ""}, "the file is empty; expected a DECIDE file");
  draft.salience_unit = max_salience <= 1.0 ? 1.0 : 100.0;

  for (IssueDraft& d : draft.issues) {
    auto it = scales.find(d.issue.id);
    if (it == scales.end()) continue;  // default 0-100
    std::vector<Anchor> marks = it->second.marks;
    std::sort(marks.begin(), marks.end(),
              [](const Anchor& a, const Anchor& b) { return a.at < b.at; });
    if (marks.front().at < marks.back().at) {
      d.issue.scale_min = marks.front().at;
      d.issue.scale_max = marks.back().at;
    }
    for (const Anchor& m : marks) {
      if (!m.label.empty()) d.issue.anchors.push_back(m);
    }
  }
  for (const auto& [id, scale] : scales) {
    const std::string& issue_id = id;  // a structured binding cannot be captured (C++17)
    bool known = std::any_of(draft.issues.begin(), draft.issues.end(),
                             [&](const IssueDraft& d) { return d.issue.id == issue_id; });
    if (!known) {
      throw InputError({path, scale.first_line, ""},
                       fmt::format("scale points for unknown issue '{}' (no #P "
                                   "line names it)",
                                   id));
    }
  }
  // One capability per actor: the power of its first #D line; other issues keep
  // theirs only where it differs.
  for (ActorDraft& a : draft.actors) {
    auto it = first_power.find(a.actor.id);
    a.actor.capability.value = it == first_power.end() ? 0.0 : it->second;
  }
  for (StanceDraft& s : draft.stances) {
    auto it = first_power.find(s.actor_id);
    if (it != first_power.end() && s.stance.capability->value == it->second) {
      s.stance.capability.reset();
    }
  }
  return draft;
}

}  // namespace concert
