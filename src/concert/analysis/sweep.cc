// concert/analysis/sweep.cc — job expansion, paths and one job's run (sweep.h).
#include "concert/analysis/sweep.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/random.h"
#include "concert/core/sha256.h"

namespace concert {
namespace {

std::size_t GridSize(const SweepSpec& spec) {
  std::size_t size = 1;
  for (const SweepAxis& axis : spec.axes) size *= axis.values.size();
  return size;
}

std::size_t CaseCount(const SweepSpec& spec) { return spec.cases.empty() ? 1 : spec.cases.size(); }

std::size_t FindId(const std::vector<std::string>& ids, const std::string& id,
                   const std::string& what, const ErrorLocation& where) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] == id) return k;
  }
  throw InputError(where, fmt::format("unknown {} '{}'; the scenario's {}s: {}", what, id, what,
                                      fmt::join(ids, ", ")));
}

std::vector<std::string> ActorIds(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Actor& actor : scenario.actors) ids.push_back(actor.id);
  return ids;
}

std::vector<std::string> IssueIds(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Issue& issue : scenario.issues) ids.push_back(issue.id);
  return ids;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts(1);
  for (char c : path) {
    if (c == '.') {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

void Within(double value, double low, double high, const std::string& what,
            const ErrorLocation& where) {
  if (!std::isfinite(value) || value < low || value > high) {
    throw InputError(where, fmt::format("{} must be in [{}, {}]; got {}", what, low, high, value));
  }
}

constexpr const char* kPaths =
    "actors.ID.capability, stances.ACTOR.ISSUE.position, stances.ACTOR.ISSUE.salience or "
    "issues.ID.status_quo";

}  // namespace

void SetScenarioNumber(Scenario* scenario, const std::string& path, double value,
                       const ErrorLocation& where) {
  const std::vector<std::string> parts = SplitPath(path);
  if (parts.size() == 3 && parts[0] == "actors" && parts[2] == "capability") {
    Actor& actor = scenario->actors[FindId(ActorIds(*scenario), parts[1], "actor", where)];
    if (!std::isfinite(value) || value < 0) {
      throw InputError(where,
                       fmt::format("a capability must be a finite number >= 0; got {}", value));
    }
    actor.capability = Number{value, {}};
    return;
  }
  if (parts.size() == 3 && parts[0] == "issues" && parts[2] == "status_quo") {
    Issue& issue = scenario->issues[FindId(IssueIds(*scenario), parts[1], "issue", where)];
    Within(value, issue.scale_min, issue.scale_max, "the status quo (on the issue's scale)", where);
    issue.status_quo = Number{value, {}};
    return;
  }
  if (parts.size() == 4 && parts[0] == "stances" &&
      (parts[3] == "position" || parts[3] == "salience")) {
    const std::size_t a = FindId(ActorIds(*scenario), parts[1], "actor", where);
    const std::size_t i = FindId(IssueIds(*scenario), parts[2], "issue", where);
    Stance* stance = scenario->mutable_stance(a, i);
    if (stance == nullptr) {
      throw InputError(where, fmt::format("actor '{}' takes no stance on issue '{}' in the "
                                          "scenario, so there is nothing to vary",
                                          parts[1], parts[2]));
    }
    if (parts[3] == "position") {
      const Issue& issue = scenario->issues[i];
      Within(value, issue.scale_min, issue.scale_max, "a position (on the issue's scale)", where);
      stance->position = Number{value, {}};
    } else {
      Within(value, 0, 100, "a salience (in points)", where);
      stance->salience = Number{value / 100.0, {}};
    }
    return;
  }
  throw InputError(where, fmt::format("unknown path '{}'; expected {}", path, kPaths));
}

SweepPlan PlanSweep(SweepSpec spec, std::size_t max_jobs) {
  const ErrorLocation top{spec.file, 0, ""};
  if (spec.scenarios.empty()) throw InputError({spec.file, 0, "scenarios"}, "names no scenario");
  if (spec.models.empty()) throw InputError({spec.file, 0, "models"}, "names no model");
  SweepPlan plan;
  for (const std::string& model : spec.models) {
    try {
      plan.models.push_back(Registry::Builtin().Create(model));
    } catch (const InputError& e) {
      ErrorLocation where = spec.models_where;
      if (where.field.empty()) where = {spec.file, 0, "models"};
      throw InputError(where, e.message());
    }
  }
  auto check = [&](const std::string& path, double value, const ErrorLocation& where) {
    for (const SweepScenario& s : spec.scenarios) {
      Scenario copy = s.scenario;
      try {
        SetScenarioNumber(&copy, path, value, where);
        ValidateScenario(copy);
      } catch (const InputError& e) {
        const std::string in = spec.scenarios.size() > 1 ? " (in " + s.path + ")" : "";
        throw InputError(where, e.message() + in);
      }
    }
  };
  for (const SweepAxis& axis : spec.axes) {
    if (axis.values.empty()) throw InputError(axis.where, "has no values");
    std::vector<double> sorted = axis.values;
    std::sort(sorted.begin(), sorted.end());
    const auto repeated = std::adjacent_find(sorted.begin(), sorted.end());
    if (repeated != sorted.end()) {
      throw InputError(axis.where, fmt::format("value {} is repeated (each value makes its own "
                                               "jobs; use draws for replications)",
                                               *repeated));
    }
    for (double value : axis.values) check(axis.path, value, axis.where);
  }
  for (std::size_t k = 0; k < spec.cases.size(); ++k) {
    const SweepCase& c = spec.cases[k];
    for (const SweepAssignment& a : c.set) check(a.path, a.value, c.where);
    for (std::size_t j = 0; j < k; ++j) {
      const std::vector<SweepAssignment>& other = spec.cases[j].set;
      const bool same = other.size() == c.set.size() &&
                        std::equal(other.begin(), other.end(), c.set.begin(),
                                   [](const SweepAssignment& x, const SweepAssignment& y) {
                                     return x.path == y.path && x.value == y.value;
                                   });
      if (same) throw InputError(c.where, fmt::format("repeats case {}", j));
    }
  }
  long double jobs =
      static_cast<long double>(spec.scenarios.size()) * CaseCount(spec) * plan.models.size();
  for (const SweepAxis& axis : spec.axes) jobs *= axis.values.size();
  if (jobs > static_cast<long double>(max_jobs)) {
    throw InputError(top, fmt::format("the sweep has {:.0f} jobs, more than the limit of {}",
                                      static_cast<double>(jobs), max_jobs));
  }
  plan.cells = spec.scenarios.size() * CaseCount(spec) * GridSize(spec);
  plan.spec = std::move(spec);
  return plan;
}

SweepJob JobAt(const SweepPlan& plan, std::size_t index) {
  const SweepSpec& spec = plan.spec;
  SweepJob job;
  job.index = index;
  job.model = index % plan.models.size();
  job.cell = index / plan.models.size();
  std::size_t rest = job.cell;
  job.axis_values.assign(spec.axes.size(), 0);
  for (std::size_t k = spec.axes.size(); k-- > 0;) {
    job.axis_values[k] = rest % spec.axes[k].values.size();
    rest /= spec.axes[k].values.size();
  }
  job.case_index = rest % CaseCount(spec);
  job.scenario = rest / CaseCount(spec);
  job.seed = DerivedSeed(spec.seed, job.cell);
  if (!spec.cases.empty()) job.set = spec.cases[job.case_index].set;
  for (std::size_t k = 0; k < spec.axes.size(); ++k) {
    const SweepAssignment a{spec.axes[k].path, spec.axes[k].values[job.axis_values[k]]};
    const auto same = std::find_if(job.set.begin(), job.set.end(),
                                   [&](const SweepAssignment& b) { return b.path == a.path; });
    if (same != job.set.end()) {
      same->value = a.value;  // the axis overrides the case
    } else {
      job.set.push_back(a);
    }
  }
  return job;
}

namespace {

nlohmann::ordered_json SpecObject(const SweepPlan& plan, const SweepJob& job, bool with_path) {
  const SweepScenario& scenario = plan.spec.scenarios[job.scenario];
  nlohmann::ordered_json spec;
  if (with_path) spec["scenario"] = scenario.path;
  spec["input_sha256"] = scenario.scenario.sha256;
  spec["model"] = plan.models[job.model].spec;
  nlohmann::ordered_json set = nlohmann::ordered_json::array();
  for (const SweepAssignment& a : job.set) set.push_back({a.path, a.value});
  spec["set"] = set;
  spec["draws"] = plan.spec.draws;
  spec["seed"] = job.seed;
  spec["rounds"] = plan.spec.rounds;
  return spec;
}

}  // namespace

std::string JobSpecJson(const SweepPlan& plan, const SweepJob& job) {
  return SpecObject(plan, job, true).dump();
}

std::string JobKey(const SweepPlan& plan, const SweepJob& job) {
  return Sha256Hex(SpecObject(plan, job, false).dump());
}

SweepJobResult RunSweepJob(const SweepPlan& plan, std::size_t index) {
  const auto start = std::chrono::steady_clock::now();
  const SweepJob job = JobAt(plan, index);
  const SweepSpec& spec = plan.spec;
  Scenario scenario = spec.scenarios[job.scenario].scenario;
  for (const SweepAssignment& a : job.set) {
    SetScenarioNumber(&scenario, a.path, a.value, {spec.file, 0, a.path});
  }
  const Model& model = *plan.models[job.model].model;
  RunContext context;
  context.seed = job.seed;
  context.control.threads = 1;
  context.outcomes_only = !spec.rounds;
  const Forecast forecast = model.Run(scenario, context);

  SweepJobResult result;
  result.index = index;
  result.key = JobKey(plan, job);
  result.spec_json = JobSpecJson(plan, job);
  result.scenario = spec.scenarios[job.scenario].path;
  result.input_sha256 = scenario.sha256;
  result.model = plan.models[job.model].spec;
  result.set = job.set;
  result.seed = job.seed;
  result.draws = spec.draws;
  for (const IssueForecast& f : forecast.issues) {
    SweepIssueResult issue;
    issue.issue = scenario.issues[f.issue].id;
    issue.has_outcome = f.outcome.has_value();
    issue.outcome = f.outcome.value_or(0);
    issue.note = f.note;
    result.issues.push_back(issue);
    for (const Round& round : spec.rounds ? f.rounds : std::vector<Round>{}) {
      for (std::size_t a = 0; a < round.positions.size(); ++a) {
        if (!round.positions[a]) continue;
        result.rounds.push_back(
            {round.round, scenario.actors[a].id, issue.issue, *round.positions[a]});
      }
    }
  }
  if (spec.draws > 0) {
    MonteCarloOptions options;
    options.draws = spec.draws;
    options.seed = job.seed;
    RunControl one;
    one.threads = 1;
    const MonteCarloResult mc = RunMonteCarlo(scenario, model, options, one);
    for (const IssueDistribution& dist : mc.issues) {
      for (SweepIssueResult& issue : result.issues) {
        if (issue.issue != scenario.issues[dist.issue].id) continue;
        issue.n = dist.n;
        issue.mean = dist.mean;
        issue.sd = dist.sd;
        for (const auto& [p, value] : dist.quantiles) {
          if (p == 0.05) issue.q05 = value;
          if (p == 0.50) issue.q50 = value;
          if (p == 0.95) issue.q95 = value;
        }
      }
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string SweepResultToJson(const SweepJobResult& r) {
  nlohmann::json j;
  j["index"] = r.index;
  j["key"] = r.key;
  j["spec"] = r.spec_json;
  j["scenario"] = r.scenario;
  j["input_sha256"] = r.input_sha256;
  j["model"] = r.model;
  for (const SweepAssignment& a : r.set) j["set"].push_back({a.path, a.value});
  j["seed"] = r.seed;
  j["draws"] = r.draws;
  j["issues"] = nlohmann::json::array();
  for (const SweepIssueResult& i : r.issues) {
    j["issues"].push_back(
        {i.issue, i.has_outcome, i.outcome, i.note, i.n, i.mean, i.sd, i.q05, i.q50, i.q95});
  }
  j["rounds"] = nlohmann::json::array();
  for (const SweepRoundRow& row : r.rounds) {
    j["rounds"].push_back({row.round, row.actor, row.issue, row.position});
  }
  j["seconds"] = r.seconds;
  return j.dump();
}

SweepJobResult SweepResultFromJson(const std::string& text) {
  const nlohmann::json j = nlohmann::json::parse(text);
  SweepJobResult r;
  r.index = j.at("index").get<std::size_t>();
  r.key = j.at("key").get<std::string>();
  r.spec_json = j.at("spec").get<std::string>();
  r.scenario = j.at("scenario").get<std::string>();
  r.input_sha256 = j.at("input_sha256").get<std::string>();
  r.model = j.at("model").get<std::string>();
  if (j.contains("set")) {
    for (const auto& a : j["set"]) r.set.push_back({a[0].get<std::string>(), a[1].get<double>()});
  }
  r.seed = j.at("seed").get<std::uint64_t>();
  r.draws = j.at("draws").get<std::size_t>();
  for (const auto& i : j.at("issues")) {
    r.issues.push_back({i[0].get<std::string>(), i[1].get<bool>(), i[2].get<double>(),
                        i[3].get<std::string>(), i[4].get<std::size_t>(), i[5].get<double>(),
                        i[6].get<double>(), i[7].get<double>(), i[8].get<double>(),
                        i[9].get<double>()});
  }
  for (const auto& row : j.at("rounds")) {
    r.rounds.push_back({row[0].get<int>(), row[1].get<std::string>(), row[2].get<std::string>(),
                        row[3].get<double>()});
  }
  r.seconds = j.at("seconds").get<double>();
  return r;
}

}  // namespace concert
