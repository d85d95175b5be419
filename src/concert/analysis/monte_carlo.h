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
#include <optional>
#include <string>
#include <vector>

#include "concert/analysis/rank_correlation.h"
#include "concert/core/parallel.h"
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
  bool sensitivity = false;  // also rank the uncertain inputs (see Sensitivity)
  std::uint64_t seed = 0;
  std::vector<Band> bands;
  // Rank correlations between named uncertain inputs (analysis/rank_correlation.h),
  // imposed by Iman-Conover on the batch: with them draw i depends on (seed, draws),
  // not on (seed, i) alone (still not on the threads), and a cancelled run's
  // finished draws are not those of a shorter run.
  std::vector<RankCorrelation> correlations;
};

// Sensitivity of one issue's outcome to the uncertain inputs: standardised
// regression coefficients from an ordinary least-squares fit of the outcome on
// all uncertain inputs over the draws, SRC_j = b_j sd(x_j) / sd(y). With
// independent inputs SRC_j^2 is the share of the outcome's variance that input
// j explains linearly, and their sum is close to the fit's R^2; a low R^2 says
// the model responds non-linearly and the ranking is only indicative.
struct Sensitivity {
  double r_squared = 0;
  std::vector<std::pair<std::size_t, double>> src;  // (input index, SRC), by |SRC| descending
};

struct IssueDistribution {
  std::size_t issue = 0;
  std::size_t n = 0;        // draws with an outcome
  std::size_t missing = 0;  // draws where the model gave none
  double mean = 0, sd = 0;
  std::vector<std::pair<double, double>> quantiles;  // (probability, value)
  std::vector<std::pair<Band, double>> bands;        // (band, share of draws inside)
  std::optional<Sensitivity> sensitivity;            // with options.sensitivity
  std::vector<double> values;                        // the outcomes, sorted (for charts)
};

// A trade of the exchange model over the draws: actor a moves on (supplies)
// issue supply_a and actor b on supply_b (a < b); the share of draws in which
// it was executed at least once, the mean gain to each of the two over the
// rounds of a draw in which it happened, and the mean executions there.
struct TradeFrequency {
  std::size_t actor_a = 0, supply_a = 0, actor_b = 0, supply_b = 0;
  std::size_t draws = 0;
  double share = 0, mean_gain = 0, mean_executions = 0;
};

struct MonteCarloResult {
  std::size_t draws = 0;  // completed (fewer than asked when cancelled)
  bool cancelled = false;
  std::vector<std::string> inputs;  // names of the uncertain inputs, in drawing order
  std::vector<IssueDistribution> issues;
  // Models that trade: every trade seen, most frequent first (ties: by actors, issues).
  std::vector<TradeFrequency> trades;
  // Per finished draw i (Stream(seed, i)) and issue k: outcomes[i * issues + k], NaN
  // where the model gave none.
  std::vector<double> outcomes;
};

// Monte Carlo summaries, one per forecast (nullptr where there is none).
using MonteCarloResults = std::vector<const MonteCarloResult*>;

// A band from its text form "LOW:HIGH" (every issue) or "ISSUE=LOW:HIGH";
// InputError naming `bands` otherwise.
Band ParseBand(const std::string& text);

// One draw of the uncertain numbers; numbers without uncertainty are kept.
// `drawn`, when given, receives the drawn values in the order of UncertainInputs.
Scenario DrawScenario(const Scenario& base, Stream& stream, std::vector<double>* drawn = nullptr);

// The scenario with uncertain input j at quantile u[j] of its distribution
// (core/uncertain.h's NumberAtQuantile; u in the order of UncertainInputs).
Scenario ScenarioAtQuantiles(const Scenario& base, const std::vector<double>& u);

// Names of the uncertain inputs in drawing order, e.g. "capability USA",
// "status_quo nuclear", "position USA nuclear", "salience USA nuclear".
std::vector<std::string> UncertainInputs(const Scenario& scenario);

// SRCs and R^2 of y on the columns of x (x[draw][input]); inputs that do not
// vary are left out. Empty src when there are fewer draws than inputs + 2.
Sensitivity Regress(const std::vector<std::vector<double>>& x, const std::vector<double>& y);

// Runs `model` on options.draws draws (threads, progress and cancel from
// `control`; draws run in parallel, the model single-threaded); throws
// InputError naming the field `bands` for a band that names an unknown issue
// or has low > high.
MonteCarloResult RunMonteCarlo(const Scenario& scenario, const Model& model,
                               const MonteCarloOptions& options, const RunControl& control = {});

// Quantile of sorted values, R's type 7.
double Quantile(const std::vector<double>& sorted, double probability);

}  // namespace concert
