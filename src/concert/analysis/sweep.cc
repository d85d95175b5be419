// concert/analysis/sweep.cc — planning, job expansion, keys and results as JSON (sweep.h).
#include "concert/analysis/sweep.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "concert/core/sha256.h"

namespace concert {
namespace {

std::size_t GridSize(const SweepSpec& spec) {
  std::size_t size = 1;
  for (const SweepAxis& axis : spec.axes) size *= axis.values.size();
  return size;
}

std::size_t CaseCount(const SweepSpec& spec) { return spec.cases.empty() ? 1 : spec.cases.size(); }
std::size_t SeedCount(const SweepSpec& spec) { return spec.seeds.empty() ? 1 : spec.seeds.size(); }

}  // namespace

SweepPlan PlanSweep(SweepSpec spec, std::size_t max_jobs) {
  const ErrorLocation top{spec.file, 0, ""};
  if (spec.scenarios.empty()) throw InputError({spec.file, 0, "scenarios"}, "names no scenario");
  if (spec.models.empty()) throw InputError({spec.file, 0, "models"}, "names no model");
  SweepPlan plan;
  ErrorLocation models_where = spec.models_where;
  if (models_where.field.empty()) models_where = {spec.file, 0, "models"};
  for (const std::string& model : spec.models) {
    if (model == kSimulateModel) {
      for (const SweepScenario& s : spec.scenarios) {
        if (!s.institution.from_file) {
          throw InputError(models_where, fmt::format("`simulate` needs an institution section, "
                                                     "which {} has not",
                                                     s.path));
        }
        if (s.institution.outcomes.empty()) {
          try {
            Registry::Builtin().Create(s.institution.agreement_model);
          } catch (const InputError& e) {
            throw InputError(s.institution.agreement_model_where, e.message());
          }
        }
      }
      plan.models.push_back({nullptr, kSimulateModel, nullptr});
      continue;
    }
    try {
      plan.models.push_back(Registry::Builtin().Create(model));
    } catch (const InputError& e) {
      throw InputError(models_where, e.message());
    }
  }
  auto check = [&](const std::string& path, double value, const ErrorLocation& where) {
    for (const SweepScenario& s : spec.scenarios) {
      Scenario copy = s.scenario;
      InstitutionSpec institution = s.institution;
      try {
        SetSweepNumber(&copy, &institution, path, value, where);
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
  std::vector<std::uint64_t> seeds = spec.seeds;
  std::sort(seeds.begin(), seeds.end());
  if (std::adjacent_find(seeds.begin(), seeds.end()) != seeds.end()) {
    throw InputError(spec.seeds_where, "a seed is repeated");
  }
  long double jobs = static_cast<long double>(spec.scenarios.size()) * SeedCount(spec) *
                     CaseCount(spec) * plan.models.size();
  for (const SweepAxis& axis : spec.axes) jobs *= axis.values.size();
  if (jobs > static_cast<long double>(max_jobs)) {
    throw InputError(top, fmt::format("the sweep has {:.0f} jobs, more than the limit of {}",
                                      static_cast<double>(jobs), max_jobs));
  }
  plan.cells = spec.scenarios.size() * SeedCount(spec) * CaseCount(spec) * GridSize(spec);
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
  rest /= CaseCount(spec);
  job.seed = spec.seeds.empty() ? 0 : spec.seeds[rest % SeedCount(spec)];
  job.scenario = rest / SeedCount(spec);
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

nlohmann::ordered_json SpecObject(const SweepPlan& plan, const SweepJob& job) {
  const SweepScenario& scenario = plan.spec.scenarios[job.scenario];
  nlohmann::ordered_json spec;
  spec["input_sha256"] = scenario.scenario.sha256;
  spec["model"] = plan.models[job.model].spec;
  nlohmann::ordered_json set = nlohmann::ordered_json::array();
  for (const SweepAssignment& a : job.set) set.push_back({a.path, a.value});
  spec["set"] = set;
  if (IsSimulate(plan.models[job.model])) {
    spec["draws"] = plan.spec.simulate_draws;
  } else {
    spec["draws"] = plan.spec.draws;
  }
  spec["seed"] = job.seed;
  spec["rounds"] = plan.spec.rounds;
  return spec;
}

}  // namespace

std::string JobVariantJson(const SweepJob& job, bool rounds) {
  nlohmann::ordered_json variant;
  nlohmann::ordered_json set = nlohmann::ordered_json::array();
  for (const SweepAssignment& a : job.set) set.push_back({a.path, a.value});
  variant["set"] = set;
  variant["rounds"] = rounds;
  return variant.dump();
}

std::string JobKey(const SweepPlan& plan, const SweepJob& job) {
  return Sha256Hex(SpecObject(plan, job).dump());
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
  j["designs"] = nlohmann::json::array();
  for (const SweepDesignResult& d : r.designs) {
    j["designs"].push_back({d.design, d.p_signed, d.held, d.never_signed, d.false_alarm,
                            d.violation, d.exited, d.mean_periods, d.median_periods,
                            d.enforcement_cost, d.aid_paid});
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
  for (const auto& d : j.at("designs")) {
    r.designs.push_back({d[0].get<std::string>(), d[1].get<double>(), d[2].get<double>(),
                         d[3].get<double>(), d[4].get<double>(), d[5].get<double>(),
                         d[6].get<double>(), d[7].get<double>(), d[8].get<double>(),
                         d[9].get<double>(), d[10].get<double>()});
  }
  r.seconds = j.at("seconds").get<double>();
  return r;
}

}  // namespace concert
