// concert/output/backtest_output.h — backtest results as text, JSON or CSV.
// JSON: {"data", "capability", "seed", "bootstrap",
//        "models": [{"model", "n", "mae", "rmse", "median_ae", "within_10", "within_25"}],
//        "pairs": [{"a", "b", "n", "mean_difference", "low", "high"}], "skipped": {reason: n},
//        ["compare_capability", "capability_comparison": [{"model", "n", "mae",
//         "mae_compared", "mean_difference", "low", "high"}]] (with a comparison)}
// CSV (one row per model x issue): model,issue,forecast,outcome,error
#pragma once

#include <string>

#include "concert/analysis/backtest.h"

namespace concert {

std::string BacktestToText(const BacktestResult& result, const BacktestOptions& options);
std::string BacktestToJson(const BacktestResult& result, const BacktestOptions& options,
                           const std::string& data);
std::string BacktestToCsv(const BacktestResult& result);
// A self-contained HTML page: the score table, and per model the distribution
// of absolute errors and forecast against outcome.
std::string BacktestToHtml(const BacktestResult& result, const BacktestOptions& options);

}  // namespace concert
