// concert/output/forecast_output.h — forecasts out as JSON, tidy CSV or a text table.
//
// The JSON contract (docs/output.md) is stable: later models add fields, never rename.
//   {"scenario": {"name", "sha256"}, "seed",
//    "forecasts": [{"model", "issues": [{"id", "name", "outcome", ["note"],
//                   "rounds": [{"round", "outcome", <model values, e.g. "median">,
//                               "positions": {actor: position},
//                               ["actors": {actor: {<values>, "offer", "from"}}]}]}]}]}
// CSV is long format, one row per model x issue x round x actor:
//   model,issue,round,actor,position,outcome
// Numbers are written in their shortest exact decimal form; a missing outcome is
// null in JSON and an empty field in CSV.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "concert/analysis/monte_carlo.h"
#include "concert/analysis/sobol.h"
#include "concert/analysis/what_if.h"
#include "concert/core/scenario.h"
#include "concert/models/model.h"
#include "concert/output/monte_carlo_output.h"

namespace concert {

// Monte Carlo summaries (MonteCarloResults, monte_carlo_output.h), one per
// forecast, add a "monte_carlo" object to each forecast in JSON, a table to the
// text output, and the CSV tables "monte-carlo" and "sensitivity".

// A WhatIfResult (drop-one-actor, salience sweep) adds "what_if" to JSON, the CSV
// tables "drop-one" and "salience-sweep", and sections to the text
// (what_if_output.h); Sobol indices add "sobol", the CSV table "sobol" and
// text sections (sobol_output.h).
std::string ForecastsToJson(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                            std::uint64_t seed, const MonteCarloResults& monte_carlo = {},
                            const WhatIfResult& what_if = {},
                            const std::vector<SobolResult>& sobol = {},
                            std::size_t sobol_bootstrap = 0);
// table "rounds" (default): the long format above; "outcomes": one row per
// model x issue (model,issue,outcome,note); "exchanges": one row per
// executed exchange (model,round,order,i_actor,i_supply,i_demand,i_start,
// i_before,i_after,i_move,j_...,gain,<model values>); "actors": the per-actor
// summary (model,actor,<values>). Throws InputError for another name.
std::string ForecastsToCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                           const std::string& table = "rounds",
                           const MonteCarloResults& monte_carlo = {},
                           const WhatIfResult& what_if = {},
                           const std::vector<SobolResult>& sobol = {});
std::string ForecastsToText(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                            const MonteCarloResults& monte_carlo = {},
                            const WhatIfResult& what_if = {},
                            const std::vector<SobolResult>& sobol = {});

// RFC 4180 quoting when a field holds a comma, quote or line break. A field
// that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
// or a carriage return) gets a leading apostrophe and is quoted (OWASP's guard
// against CSV injection); docs/output.md says so.
std::string CsvField(const std::string& field);
// A number as a CSV cell: shortest round-trip form; empty when not finite.
std::string CsvNumber(double value);

}  // namespace concert
