#include "concert/analysis/backtest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/random.h"
#include "concert/io/text.h"

namespace concert {
namespace {

std::map<std::string, double> ReadCapabilityFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, "capability"}, "cannot open the capability file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::map<std::string, double> out;
  const auto lines = text::SplitLines(bytes.str());
  for (std::size_t k = 1; k < lines.size(); ++k) {  // line 1: header actor_code,capability
    if (text::IsBlank(lines[k].content)) continue;
    const auto f = text::SplitCsv(lines[k].content);
    if (f.size() != 2) {
      throw InputError(
          {path, lines[k].number, ""},
          fmt::format("expected 2 columns (actor_code,capability) but got {}", f.size()));
    }
    const double c = text::ParseNumber(f[1], {path, lines[k].number, "capability"}, "a capability");
    if (c < 0) {
      throw InputError({path, lines[k].number, "capability"},
                       fmt::format("expected a capability >= 0 but got {}", c));
    }
    out[f[0]] = c;
  }
  return out;
}

class Capability {
 public:
  Capability(const DeuData& data, const std::string& mode) : data_(data), mode_(mode) {
    if (mode != "equal" && mode != "council") file_ = ReadCapabilityFile(mode);
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
        draft.actors.push_back({{s.actor, s.actor, {capability(*issue, s.actor), {}}, ""}, {}});
      }
      draft.stances.push_back({s.actor, issue->id, {{s.position, {}}, {s.salience, {}}, {}}, {}});
    }
  }
  return BuildScenario(draft);
}

}  // namespace

BacktestResult RunBacktest(const DeuData& data, const std::vector<CreatedModel>& models,
                           const BacktestOptions& options) {
  const Capability capability(data, options.capability);
  BacktestResult result;
  result.capability = options.capability;
  result.skipped = {{"no_outcome", 0}, {"fewer_than_3_actors", 0}};
  if (options.group != "issue" && options.group != "proposal") {
    throw InputError({"", 0, "group"},
                     fmt::format("expected issue or proposal but got '{}'", options.group));
  }
  // The scored issues, grouped into scenarios: one each, or one per proposal.
  std::vector<std::vector<const DeuIssue*>> groups;
  for (const DeuIssue& issue : data.issues) {
    if (!issue.outcome) {
      ++result.skipped["no_outcome"];
      continue;
    }
    if (issue.stances.size() < 3) {
      ++result.skipped["fewer_than_3_actors"];
      continue;
    }
    if (options.group == "proposal" && !groups.empty() &&
        groups.back().front()->proposal == issue.proposal) {
      groups.back().push_back(&issue);
    } else {
      groups.push_back({&issue});
    }
  }
  for (const auto& group : groups) {
    const Scenario scenario = MakeScenario(group, capability);
    std::vector<Forecast> forecasts;
    for (const CreatedModel& m : models) forecasts.push_back(m.model->Run(scenario, RunContext{}));
    for (std::size_t d = 0; d < group.size(); ++d) {
      IssueScore score{group[d]->id, *group[d]->outcome, {}};
      for (const Forecast& f : forecasts) score.forecast.push_back(f.issues[d].outcome);
      result.issues.push_back(std::move(score));
    }
  }
  for (std::size_t k = 0; k < models.size(); ++k) {
    ModelScore s;
    s.model = models[k].spec;
    std::vector<double> errors;
    for (const IssueScore& i : result.issues) {
      if (i.forecast[k]) errors.push_back(std::abs(*i.forecast[k] - i.outcome));
    }
    s.n = errors.size();
    if (!errors.empty()) {
      double sum = 0, squares = 0, in10 = 0, in25 = 0;
      for (double e : errors) {
        sum += e;
        squares += e * e;
        in10 += e <= 10;
        in25 += e <= 25;
      }
      const double n = static_cast<double>(errors.size());
      s.mae = sum / n;
      s.rmse = std::sqrt(squares / n);
      s.within_10 = in10 / n;
      s.within_25 = in25 / n;
      std::sort(errors.begin(), errors.end());
      s.median_ae = Quantile(errors, 0.5);
    }
    result.models.push_back(s);
  }
  for (std::size_t a = 0; a < models.size(); ++a) {
    for (std::size_t b = a + 1; b < models.size(); ++b) {
      std::vector<double> d;
      for (const IssueScore& i : result.issues) {
        if (i.forecast[a] && i.forecast[b]) {
          d.push_back(std::abs(*i.forecast[a] - i.outcome) - std::abs(*i.forecast[b] - i.outcome));
        }
      }
      PairedDifference p{a, b, d.size(), 0, 0, 0};
      if (!d.empty()) {
        double sum = 0;
        for (double x : d) sum += x;
        p.mean = sum / static_cast<double>(d.size());
        std::vector<double> means;
        for (std::size_t r = 0; r < options.bootstrap; ++r) {
          Stream stream(options.seed, r);
          double resample = 0;
          for (std::size_t k = 0; k < d.size(); ++k) {
            resample +=
                d[static_cast<std::size_t>(stream.Uniform() * static_cast<double>(d.size()))];
          }
          means.push_back(resample / static_cast<double>(d.size()));
        }
        std::sort(means.begin(), means.end());
        p.low = Quantile(means, 0.025);
        p.high = Quantile(means, 0.975);
      }
      result.pairs.push_back(p);
    }
  }
  return result;
}

}  // namespace concert
