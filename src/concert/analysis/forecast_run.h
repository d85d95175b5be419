// concert/analysis/forecast_run.h — the forecast job of the run API: one
// request in, one result out, for every front end (CLI, report, bindings).
//
// Every model runs once on the scenario; with draws, every model also runs on
// the same Monte Carlo draws (analysis/monte_carlo.h), one model after another.
// Errors name the request's fields (models, explain, bands, sensitivity), so
// each front end can say them in its own words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "concert/analysis/monte_carlo.h"
#include "concert/analysis/sobol.h"
#include "concert/analysis/what_if.h"
#include "concert/core/parallel.h"
#include "concert/models/registry.h"

namespace concert {

struct ForecastRequest {
  Scenario scenario;
  std::vector<std::string> models;  // specs; empty: every model run by default
  std::uint64_t seed = 0;
  std::size_t draws = 0;  // Monte Carlo draws; 0: none
  bool sensitivity = false;
  std::vector<Band> bands;
  std::vector<RankCorrelation> correlations;  // of the draws (analysis/rank_correlation.h)
  std::string explain;                        // actor id: record why it moved (models that explain)
  bool drop_one = false;      // also each model without each actor (analysis/what_if.h)
  double salience_sweep = 0;  // > 0: also each salience moved by +- this many points
  std::size_t sobol = 0;      // > 0: Sobol indices with this many base samples (analysis/sobol.h)
  std::size_t sobol_bootstrap = 500;
};

struct ForecastResult {
  std::vector<Forecast> forecasts;  // one per model, named by its full spec
  // With draws, one per model; after a cancel, the later models' have no draw.
  std::vector<MonteCarloResult> monte_carlo;
  std::string explanation;         // with explain: one line per step, "" if none explains
  WhatIfResult what_if;            // with drop_one or salience_sweep
  std::vector<SobolResult> sobol;  // with sobol: one per model (after a cancel, fewer)
  bool cancelled = false;
  // Cancelled before every model's forecast of the scenario finished: the
  // forecasts are partial and must not be reported (monte_carlo is empty).
  bool forecasts_cut_short = false;

  // The Monte Carlo results as the writers take them (null for models not run).
  MonteCarloResults MonteCarlo() const;
};

// The named models, or every model run by default; each spec is checked
// (ValueError-like InputError naming `models`) before anything runs.
std::vector<CreatedModel> CreateModels(const std::vector<std::string>& specs);

// A model's estimated peak working set, in bytes, on `scenario` (docs/limits.md:
// fitted to measured peak resident memory, output included; an estimate, not
// a bound). RunForecast refuses a request whose models' total exceeds
// GetLimits().max_memory_bytes, before anything runs.
double EstimateBytes(const CreatedModel& model, const Scenario& scenario);

// control.progress reports (done, total) in steps of the whole job: each model
// run (its forecast of the scenario, and each of its draws) counts
// kProgressSteps steps, so done / total is the fraction finished. control.cancel
// is polled between rounds, by the forecasts and the draws alike.
inline constexpr std::size_t kProgressSteps = 1000;
ForecastResult RunForecast(const ForecastRequest& request, const RunControl& control = {});

}  // namespace concert
