#include "concert/analysis/forecast_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "concert/core/limits.h"

namespace concert {

MonteCarloResults ForecastResult::MonteCarlo() const {
  MonteCarloResults out;
  if (monte_carlo.empty()) return out;
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    out.push_back(k < monte_carlo.size() ? &monte_carlo[k] : nullptr);
  }
  return out;
}

std::vector<CreatedModel> CreateModels(const std::vector<std::string>& named) {
  std::vector<std::string> specs = named;
  if (specs.empty()) {
    for (const ModelInfo& info : Registry::Builtin().models()) {
      if (info.by_default) specs.push_back(info.name);
    }
  }
  std::vector<CreatedModel> models;
  models.reserve(specs.size());
  for (const std::string& spec : specs) models.push_back(CreateModel(spec));
  return models;
}

namespace {

// The spec's rounds=N (canonical specs spell every parameter), else 10.
double Rounds(const std::string& spec) {
  const auto at = spec.find("rounds=");
  return at == std::string::npos ? 10.0 : std::strtod(spec.c_str() + at + 7, nullptr);
}

void CheckMemory(const std::vector<CreatedModel>& models, const Scenario& scenario) {
  double total = 0;
  for (const CreatedModel& m : models) total += EstimateBytes(m, scenario);
  const double limit = GetLimits().max_memory_bytes;
  if (total <= limit) return;
  std::string each;
  for (const CreatedModel& m : models) {
    each += fmt::format("{}{} {}", each.empty() ? "" : ", ", m.spec,
                        FormatBytes(EstimateBytes(m, scenario)));
  }
  throw InputError(
      {"", 0, "models"},
      fmt::format("the run would need about {} ({} actors x {} issues: {}), more than the limit "
                  "of {}; raise it with --max-memory-mb, or run fewer actors, issues, rounds or "
                  "models (docs/limits.md)",
                  FormatBytes(total), scenario.num_actors(), scenario.num_issues(), each,
                  FormatBytes(limit)));
}

}  // namespace

double EstimateBytes(const CreatedModel& model, const Scenario& scenario) {
  // Per actor x issue cell and its square, fitted to peak RSS on synthetic
  // scenarios of 200-800 actors x 5-10 issues (docs/limits.md has the table).
  const double cells = static_cast<double>(scenario.num_actors() * scenario.num_issues());
  const std::string& name = model.info ? model.info->name : model.spec;
  const double rounds = Rounds(model.spec);
  double bytes = 6e3 * cells;  // reading the scenario and writing a static forecast
  if (name == "bdm") bytes = 1.6e3 * cells * (rounds + 1);
  if (name == "exchange") {
    bytes = (37e3 * cells + 28 * cells * cells) * std::max((rounds + 10) / 20, (rounds + 1) / 11);
  }
  if (name == "smp") bytes = 66e3 * cells + 35 * cells * cells;
  return 8e6 + bytes;  // the process itself
}

ForecastResult RunForecast(const ForecastRequest& request, const RunControl& control) {
  const std::vector<CreatedModel> models = CreateModels(request.models);
  const Scenario& scenario = request.scenario;
  CheckMemory(models, scenario);
  if (request.draws > kMaxDraws) {
    throw InputError({"", 0, "draws"},
                     fmt::format("expected at most {} draws but got {}", kMaxDraws, request.draws));
  }
  if (!request.bands.empty() && request.draws == 0) {
    throw InputError({"", 0, "bands"}, "a band's probability needs Monte Carlo draws (draws > 0)");
  }
  if (!(request.salience_sweep >= 0 && request.salience_sweep <= 100)) {
    throw InputError(
        {"", 0, "salience_sweep"},
        fmt::format("{}: expected a step in (0, 100] salience points", request.salience_sweep));
  }
  if (!request.correlations.empty() && request.draws == 0) {
    throw InputError({"", 0, "correlations"},
                     "correlated inputs need Monte Carlo draws (draws > 0)");
  }
  if (request.sensitivity && request.draws == 0) {
    throw InputError({"", 0, "sensitivity"}, "the sensitivity needs Monte Carlo draws (draws > 0)");
  }
  ForecastResult result;
  RunContext context;
  context.seed = request.seed;
  if (!request.explain.empty()) {
    for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
      if (scenario.actors[a].id == request.explain) context.explain_actor = a;
    }
    if (!context.explain_actor) {
      std::vector<std::string> ids;
      for (const Actor& a : scenario.actors) ids.push_back(a.id);
      throw InputError({"", 0, "explain"},
                       fmt::format("unknown actor '{}'; the scenario's actors: {}", request.explain,
                                   fmt::join(ids, ", ")));
    }
    context.explain = [&](const std::string& line) { result.explanation += line + "\n"; };
  }
  const std::size_t sobol_runs =
      request.sobol > 0 ? request.sobol * (UncertainInputs(scenario).size() + 2) : 0;
  const std::size_t runs = models.size() * (1 + request.draws + sobol_runs);
  const std::size_t total = runs * kProgressSteps;
  context.control.threads = control.threads;
  context.control.cancel = control.cancel;
  for (std::size_t k = 0; k < models.size(); ++k) {
    if (control.progress) {
      // A model reports (rounds, issues or turns done, their total).
      context.control.progress = [&, k](std::size_t done, std::size_t of) {
        const std::size_t part = of == 0 ? 0 : std::min(done, of) * kProgressSteps / of;
        control.progress(k * kProgressSteps + part, total);
      };
    }
    result.forecasts.push_back(models[k].model->Run(scenario, context));
    if (control.cancel && control.cancel()) {
      result.cancelled = result.forecasts_cut_short = true;
      return result;
    }
  }
  if (control.progress) control.progress(models.size() * kProgressSteps, total);
  if (request.drop_one || request.salience_sweep > 0) {
    RunControl quiet = control;  // its runs are short; the bar counts the forecasts and draws
    quiet.progress = nullptr;
    result.what_if = RunWhatIf(scenario, models, request.drop_one, request.salience_sweep, quiet);
    if (result.what_if.cancelled) {
      result.cancelled = result.forecasts_cut_short = true;
      return result;
    }
  }
  for (std::size_t k = 0; k < models.size() && request.sobol > 0; ++k) {
    SobolOptions options;
    options.base_samples = request.sobol;
    options.bootstrap = request.sobol_bootstrap;
    options.seed = request.seed;
    RunControl each = control;
    const std::size_t per_row = sobol_runs / request.sobol;
    if (control.progress) {
      each.progress = [&, k, per_row](std::size_t done, std::size_t) {
        control.progress((models.size() + k * sobol_runs + done * per_row) * kProgressSteps, total);
      };
    }
    result.sobol.push_back(RunSobol(scenario, *models[k].model, options, each));
    if (result.sobol.back().cancelled) {
      result.sobol.pop_back();
      result.cancelled = result.forecasts_cut_short = true;
      return result;
    }
  }
  if (request.draws == 0) return result;
  const std::size_t done_before_draws = models.size() * (1 + sobol_runs);
  MonteCarloOptions options;
  options.draws = request.draws;
  options.seed = request.seed;
  options.sensitivity = request.sensitivity;
  options.bands = request.bands;
  options.correlations = request.correlations;
  result.monte_carlo.reserve(models.size());
  for (std::size_t k = 0; k < models.size(); ++k) {
    RunControl each = control;
    if (control.progress) {
      each.progress = [&, k](std::size_t done, std::size_t) {
        control.progress((done_before_draws + k * request.draws + done) * kProgressSteps, total);
      };
    }
    if (result.cancelled) {
      // After a cancel every later model still has its block, with no draw.
      each.cancel = [] { return true; };
    }
    result.monte_carlo.push_back(RunMonteCarlo(scenario, *models[k].model, options, each));
    result.cancelled = result.cancelled || result.monte_carlo.back().cancelled;
  }
  return result;
}

}  // namespace concert
