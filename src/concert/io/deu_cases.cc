#include "concert/io/deu_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "concert/core/limits.h"
#include "concert/io/read.h"
#include "concert/io/text.h"

namespace concert {

std::map<std::string, double> ReadCapabilityCsv(const std::string& path) {
  std::string bytes;
  try {
    bytes = ReadTextFile(path);
  } catch (const InputError& e) {
    throw InputError({path, 0, "capability"},
                     e.message() +
                         "; expected --capability equal, council or a CSV file "
                         "actor_code,capability");
  }
  text::CheckUtf8(path, bytes);
  std::map<std::string, double> out;
  const auto lines = text::SplitLines(bytes);
  for (std::size_t k = 1; k < lines.size(); ++k) {  // line 1: header actor_code,capability
    if (text::IsBlank(lines[k].content)) continue;
    const auto f = text::SplitCsv(lines[k].content);
    if (f.size() != 2) {
      throw InputError(
          {path, lines[k].number, ""},
          fmt::format("expected 2 columns (actor_code,capability) but got {}", f.size()));
    }
    const double c = text::ParseNumber(f[1], {path, lines[k].number, "capability"}, "a capability");
    if (c < 0 || c > kMaxCapability || (c > 0 && c < kMinWeight)) {
      throw InputError({path, lines[k].number, "capability"},
                       fmt::format("expected a capability of 0 or in [{:g}, {:g}] but got {}",
                                   kMinWeight, kMaxCapability, c));
    }
    if (!out.emplace(f[0], c).second) {
      throw InputError({path, lines[k].number, "actor_code"},
                       fmt::format("a second capability for actor '{}'", f[0]));
    }
  }
  return out;
}

namespace {

class Capability {
 public:
  Capability(const DeuData& data, const std::string& mode) : data_(data), mode_(mode) {
    if (mode != "equal" && mode != "council") file_ = ReadCapabilityCsv(mode);
    for (const DeuActor& a : data.actors) {
      if (a.votes_eu15) largest_eu15_ = std::max(largest_eu15_, *a.votes_eu15);
      if (a.votes_nice) largest_nice_ = std::max(largest_nice_, *a.votes_nice);
    }
  }

  double operator()(const DeuIssue& issue, const std::string& code) const {
    if (mode_ == "equal") return 1.0;
    if (mode_ != "council") {
      auto it = file_.find(code);
      if (it == file_.end()) {
        throw InputError({mode_, 0, "actor_code"},
                         fmt::format("no capability for actor '{}'", code));
      }
      return it->second;
    }
    const bool nice = std::tie(issue.year, issue.month, issue.day) >= std::tuple(2004, 5, 1);
    const double largest = nice ? largest_nice_ : largest_eu15_;
    if (code == "com") return largest;
    if (code == "ep") return issue.procedure == "COD" ? largest : 0.0;
    const DeuActor* a = data_.actor(code);
    const auto& votes = nice ? a->votes_nice : a->votes_eu15;
    return votes ? *votes : 0.0;
  }

 private:
  const DeuData& data_;
  std::string mode_;
  std::map<std::string, double> file_;
  double largest_eu15_ = 0, largest_nice_ = 0;
};

// One scenario of the given issues (one, or all of a proposal); actors in
// order of first appearance.
Scenario MakeScenario(const std::vector<const DeuIssue*>& issues, const Capability& capability) {
  ScenarioDraft draft;
  draft.name = issues.front()->proposal;
  draft.salience_unit = 100.0;
  std::vector<std::string> seen;
  for (const DeuIssue* issue : issues) {
    Issue i;
    i.id = issue->id;
    i.name = issue->name;
    if (issue->reference_point) i.status_quo = Number{*issue->reference_point, {}};
    draft.issues.push_back({i, {}});
    for (const DeuStance& s : issue->stances) {
      if (std::find(seen.begin(), seen.end(), s.actor) == seen.end()) {
        seen.push_back(s.actor);
        draft.actors.push_back(
            {{s.actor, s.actor, {capability(*issue, s.actor), {}}, ""}, s.where});
      }
      draft.stances.push_back(
          {s.actor, issue->id, {{s.position, {}}, {s.salience, {}}, {}}, s.where});
    }
  }
  return BuildScenario(draft);
}

}  // namespace

BacktestCases DeuBacktestCases(const DeuData& data, const std::string& mode,
                               const std::string& group) {
  if (group != "issue" && group != "proposal") {
    throw InputError({"", 0, "group"},
                     fmt::format("expected issue or proposal but got '{}'", group));
  }
  const Capability capability(data, mode);
  BacktestCases out;
  out.capability = mode;
  out.skipped = {{"no_outcome", 0}, {"fewer_than_3_actors", 0}};
  std::vector<std::vector<const DeuIssue*>> groups;
  for (const DeuIssue& issue : data.issues) {
    if (!issue.outcome) {
      ++out.skipped["no_outcome"];
      continue;
    }
    if (issue.stances.size() < 3) {
      ++out.skipped["fewer_than_3_actors"];
      continue;
    }
    if (group == "proposal" && !groups.empty() &&
        groups.back().front()->proposal == issue.proposal) {
      groups.back().push_back(&issue);
    } else {
      groups.push_back({&issue});
    }
  }
  for (const auto& issues : groups) {
    BacktestCase c{MakeScenario(issues, capability), {}};
    for (const DeuIssue* issue : issues) c.outcomes.push_back(*issue->outcome);
    out.cases.push_back(std::move(c));
  }
  return out;
}

}  // namespace concert
