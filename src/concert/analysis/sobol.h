// concert/analysis/sobol.h — variance-based sensitivity: Sobol first-order and
// total-order indices of every uncertain input, with bootstrap intervals.
//
// For a function f of k independent inputs, S_j = V(E[f | x_j]) / V(f) is the
// share of f's variance that input j explains alone, and ST_j = E[V(f | x_~j)]
// / V(f) the share it explains with all its interactions (Sobol 1993). The
// design (Saltelli 2002; Saltelli et al. 2010): two N x k matrices A and B of
// independent quantiles in (0, 1), and for each j the matrix AB_j, A with
// column j from B: N (k + 2) runs of f. Estimators (Saltelli et al. 2010,
// table 2):
//   first order  S_j  = (1/N) sum_r (f(B)_r - m) (f(AB_j)_r - f(A)_r) / V
//   total order  ST_j = (1/2N) sum_r (f(A)_r - f(AB_j)_r)^2 / V   (Jansen 1999)
// with m and V the mean and variance of the 2N values f(A), f(B) (centring by m
// leaves the estimator's expectation unchanged, since E[f(AB_j) - f(A)] = 0, and
// removes the variance an outcome's mean far from 0 would add). Percentile bootstrap 95 %
// intervals resample the N rows (`bootstrap` times, resample b from
// Stream(seed ^ kBootstrapSalt, b)). Row r of A and B draws from Stream(seed, r)
// alone (A's k quantiles, then B's), so the result does not depend on threads.
// A row where f gives no value (NaN) for an output is left out of that
// output's estimates, and counted.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/models/model.h"

namespace concert {

struct SobolOptions {
  std::size_t base_samples = 1000;  // N
  std::size_t bootstrap = 500;
  std::uint64_t seed = 0;
};

struct SobolIndex {
  double first = 0, first_low = 0, first_high = 0;
  double total = 0, total_low = 0, total_high = 0;
};

struct SobolOutput {
  double variance = 0;
  std::size_t rows = 0;            // rows used (with every value present)
  std::vector<SobolIndex> inputs;  // per input
};

struct SobolResult {
  std::vector<std::string> inputs;   // names
  std::vector<SobolOutput> outputs;  // per output (for a model: per issue)
  std::size_t runs = 0;              // N (k + 2)
  bool cancelled = false;
};

// The estimator on any function of k quantiles returning `outputs` values.
// f must be thread-safe; it runs in parallel over rows.
SobolResult SobolIndices(
    std::size_t k, std::size_t outputs,
    const std::function<std::vector<double>(const std::vector<double>& quantiles)>& f,
    const SobolOptions& options, const RunControl& control = {});

// A model's outcomes of each issue as f, over the scenario's uncertain inputs
// (analysis/monte_carlo.h's UncertainInputs and ScenarioAtQuantiles). Throws
// InputError naming "sobol" when the scenario has no uncertain input, or
// "base_samples" for N < 2 or N (k + 2) above core/limits.h's kMaxDraws.
SobolResult RunSobol(const Scenario& scenario, const Model& model, const SobolOptions& options,
                     const RunControl& control = {});

}  // namespace concert
