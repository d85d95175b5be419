#include "concert/io/deu_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "concert/core/limits.h"
#include "concert/io/read.h"
#include "concert/io/text.h"
#include "concert/voting/power_index.h"

namespace concert {

std::map<std::string, double> ReadCapabilityCsv(const std::string& path) {
  std::string bytes;
  try {
    bytes = ReadTextFile(path);
  } catch (const InputError& e) {
    throw InputError({path, 0, "capability"},
                     e.message() +
                         "; expected --capability equal, council, council-banzhaf, "
                         "council-shapley or a CSV file actor_code,capability");
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

bool IsCouncilPower(const std::string& mode) {
  return mode == "council-banzhaf" || mode == "council-shapley";
}

// The period's Council under qualified majority as a voting rule: the EU-15's
// 62 of 87 votes, or the EU-25's Nice rule, 232 of 321 votes cast by 13 of the 25
// members (the population check, which changes almost no outcome, is left out:
// the data's population columns are unreliable). Bulgaria, Romania and Croatia,
// members from 2007 and 2013, are not in the EU-25.
VotingRule CouncilRule(const DeuData& data, bool nice) {
  VotingRule rule;
  rule.weights.resize(nice ? 2 : 1);
  for (const DeuActor& a : data.actors) {
    const auto& votes = nice ? a.votes_nice : a.votes_eu15;
    if (!votes || (nice && (a.code == "bu" || a.code == "ro" || a.code == "cr"))) continue;
    rule.names.push_back(a.code);
    rule.weights[0].push_back(*votes);
    if (nice) rule.weights[1].push_back(1);
  }
  double total = 0;
  for (double v : rule.weights[0]) total += v;
  const double expected = nice ? 321 : 87;
  if (total != expected || rule.names.size() != (nice ? 25u : 15u)) {
    throw InputError(
        {"", 0, "capability"},
        fmt::format("the Council votes in actors.csv total {} for {} members; the "
                    "{} Council has {} votes for {} members",
                    total, rule.names.size(), nice ? "EU-25" : "EU-15", expected, nice ? 25 : 15));
  }
  rule.quotas = nice ? std::vector<double>{232, 13} : std::vector<double>{62};
  return rule;
}

class Capability {
 public:
  Capability(const DeuData& data, const std::string& mode) : data_(data), mode_(mode) {
    if (mode != "equal" && mode != "council" && !IsCouncilPower(mode)) {
      file_ = ReadCapabilityCsv(mode);
    }
    for (const DeuActor& a : data.actors) {
      if (a.votes_eu15) largest_eu15_ = std::max(largest_eu15_, *a.votes_eu15);
      if (a.votes_nice) largest_nice_ = std::max(largest_nice_, *a.votes_nice);
    }
    if (IsCouncilPower(mode)) {
      for (bool nice : {false, true}) {
        const VotingRule rule = CouncilRule(data, nice);
        const PowerResult power = ComputePower(rule);
        double& largest = nice ? largest_nice_ : largest_eu15_;
        largest = 0;
        for (std::size_t i = 0; i < rule.names.size(); ++i) {
          const PlayerPower& p = power.players[i];
          const double index = mode == "council-banzhaf" ? p.banzhaf : p.shapley_shubik;
          (nice ? power_nice_ : power_eu15_)[rule.names[i]] = index;
          largest = std::max(largest, index);
        }
      }
    }
  }

  double operator()(const DeuIssue& issue, const std::string& code) const {
    if (mode_ == "equal") return 1.0;
    if (mode_ != "council" && !IsCouncilPower(mode_)) {
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
    if (IsCouncilPower(mode_)) {
      const auto& power = nice ? power_nice_ : power_eu15_;
      auto it = power.find(code);
      return it == power.end() ? 0.0 : it->second;
    }
    const DeuActor* a = data_.actor(code);
    const auto& votes = nice ? a->votes_nice : a->votes_eu15;
    return votes ? *votes : 0.0;
  }

 private:
  const DeuData& data_;
  std::string mode_;
  std::map<std::string, double> file_;
  std::map<std::string, double> power_eu15_, power_nice_;
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
