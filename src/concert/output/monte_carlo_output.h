// concert/output/monte_carlo_output.h — Monte Carlo summaries and sensitivity
// as JSON, tidy CSV and text; forecast_output.h puts them beside the forecasts.
//   JSON, per forecast: "monte_carlo": {"draws", "seed", "issues": [{"id", "n",
//     "missing", "mean", "sd", "quantiles": {"5": ...}, "bands": [{"low", "high", "p"}],
//     ["sensitivity"]}]}
//     and, for models that trade, "trades": [{"a", "a_supplies", "b", "b_supplies",
//     "draws", "share", "mean_gain", "mean_executions"}]}
//   CSV "monte-carlo": model,issue,statistic,value; "sensitivity": one row per
//   model x issue x input; "trade-frequencies": one row per model x trade;
//   "draws": model,draw,issue,outcome, every draw's outcome (empty: none)
//   (see docs/monte-carlo.md).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/scenario.h"
#include "concert/models/model.h"

namespace concert {

nlohmann::ordered_json MonteCarloJson(const Scenario& scenario, const MonteCarloResult& mc,
                                      std::uint64_t seed);
std::string MonteCarloCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                          const MonteCarloResults& monte_carlo);
std::string SensitivityCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                           const MonteCarloResults& monte_carlo);
std::string TradeFrequencyCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                              const MonteCarloResults& monte_carlo);
std::string DrawsCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                     const MonteCarloResults& monte_carlo);
// "CHN moves on missiles, USA on refugees".
std::string TradeFrequencyLine(const Scenario& scenario, const TradeFrequency& trade);
std::string MonteCarloText(const Scenario& scenario, const std::string& model,
                           const MonteCarloResult& mc);

}  // namespace concert
