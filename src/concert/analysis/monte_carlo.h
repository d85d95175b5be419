// concert/analysis/monte_carlo.h — forecasts under uncertain inputs.
//
// Every number in a scenario may carry an uncertainty (core/scenario.h): a
// range (drawn uniformly) or a standard deviation (drawn from a normal
// distribution truncated at the number's bounds: capability >= 0, positions
// and status quo on the issue's scale, salience in [0, 1]). Draw i takes its
// numbers from Stream(seed, i) alone, in a fixed order (actors, then issues,
// then stances issue by issue), so the result does not depend on the number
// of threads. For each issue the summary gives the mean, standard deviation,
// the 5/25/50/75/95 % quantiles (linear interpolation between order
// statistics, R's type 7) and the share of draws whose outcome falls in each
// requested band [low, high].
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "concert/core/random.h"
#include "concert/core/scenario.h"
#include "concert/models/model.h"

namespace concert {

struct Band {
  std::string issue;  // empty: every issue
  double low = 0, high = 0;
};

struct MonteCarloOptions {
  std::size_t draws = 1000;
  std::uint64_t seed = 0;
  unsigned threads = 1;
  std::vector<Band> bands;
  std::function<void(std::size_t done, std::size_t total)> progress;  // from one thread at a time
  const std::atomic<bool>* cancel = nullptr;
};

struct IssueDistribution {
  std::size_t issue = 0;
  std::size_t n = 0;        // draws with an outcome
  std::size_t missing = 0;  // draws where the model gave none
  double mean = 0, sd = 0;
  std::vector<std::pair<double, double>> quantiles;  // (probability, value)
  std::vector<std::pair<Band, double>> bands;        // (band, share of draws inside)
};

struct MonteCarloResult {
  std::size_t draws = 0;  // completed (fewer than asked when cancelled)
  bool cancelled = false;
  std::vector<IssueDistribution> issues;
};

// One draw of the uncertain numbers; numbers without uncertainty are kept.
Scenario DrawScenario(const Scenario& base, Stream& stream);

// Runs `model` on options.draws draws; throws InputError for a band that names
// an unknown issue or has low > high.
MonteCarloResult RunMonteCarlo(const Scenario& scenario, const Model& model,
                               const MonteCarloOptions& options);

// Quantile of sorted values, R's type 7.
double Quantile(const std::vector<double>& sorted, double probability);

}  // namespace concert
