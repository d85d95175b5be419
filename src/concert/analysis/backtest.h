// concert/analysis/backtest.h — scoring models on decisions with known outcomes.
//
// The cases (scenarios with known outcomes) come from io/deu_cases.h, which
// says how DEU issues become scenarios and how capability is set. Per model:
// n, mean absolute error, RMSE, median
// absolute error, the shares within 10 and 25 points; for each pair of models
// the mean paired difference of absolute errors over the issues both forecast,
// with a percentile bootstrap 95 % interval drawn from Stream(seed, b).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "concert/io/deu.h"
#include "concert/io/deu_cases.h"
#include "concert/models/registry.h"

namespace concert {

struct BacktestOptions {
  std::string capability = "equal";  // equal | council | path to a CSV
  std::uint64_t seed = 0;
  std::size_t bootstrap = 2000;
  // issue: each issue its own scenario (the default); proposal: the scored issues
  // of a proposal in one scenario, so that models that link issues (exchange) can.
  std::string group = "issue";
  // Non-empty: score every model under this capability too, and report per model
  // the paired difference of absolute errors (this one's less the main one's).
  std::string compare_capability;
};

struct IssueScore {
  std::string issue;
  double outcome = 0;
  std::vector<std::optional<double>> forecast;  // per model; none when the model gave none
};

struct ModelScore {
  std::string model;
  std::size_t n = 0;
  double mae = 0, rmse = 0, median_ae = 0, within_10 = 0, within_25 = 0;
};

struct PairedDifference {
  std::size_t a = 0, b = 0;  // model indices
  std::size_t n = 0;
  double mean = 0, low = 0, high = 0;  // mean of |e_a| - |e_b| and its 95 % interval
};

// One model under two capabilities, over the issues both forecast.
struct CapabilityDifference {
  std::string model;
  std::size_t n = 0;
  double mae = 0, mae_compared = 0;    // under options.capability and compare_capability
  double mean = 0, low = 0, high = 0;  // mean of |e_compared| - |e| and its 95 % interval
};

struct BacktestResult {
  std::vector<ModelScore> models;
  std::vector<IssueScore> issues;
  std::vector<PairedDifference> pairs;
  std::map<std::string, std::size_t> skipped;  // reason -> count
  std::string capability;
  std::string compare_capability;                            // empty: no comparison
  std::vector<CapabilityDifference> capability_differences;  // per model
};

// Scores the models on the cases (io/deu_cases.h builds them from DEU data).
BacktestResult RunBacktest(const BacktestCases& cases, const std::vector<CreatedModel>& models,
                           const BacktestOptions& options);
// The same on DEU data, with the cases built from options.capability and options.group.
BacktestResult RunBacktest(const DeuData& data, const std::vector<CreatedModel>& models,
                           const BacktestOptions& options);

}  // namespace concert
