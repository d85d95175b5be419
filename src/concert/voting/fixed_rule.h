// concert/voting/fixed_rule.h — internal to voting/: a validated VotingRule in
// fixed point (power_index.h says how), and the three methods over it.
#pragma once

#include <cstdint>
#include <vector>

#include "concert/voting/power_index.h"

namespace concert::voting {

struct FixedRule {
  std::size_t players = 0, criteria = 0;
  std::vector<std::int64_t> weights;  // [player * criteria + k]
  std::vector<std::int64_t> quotas;   // [k], > 0 and <= the sum of the criterion's weights
  std::vector<bool> integral;         // [k]: the criterion's weights were integers (scale 1)
};

FixedRule ToFixed(const VotingRule& rule);

// 1 / (n C(n-1, k)) = k! (n-k-1)! / n!, for k in [0, n).
std::vector<double> ShapleyWeights(std::size_t n);

PowerResult GeneratingFunctions(const FixedRule& rule, const RunControl& control);
PowerResult Enumeration(const FixedRule& rule, const RunControl& control);
PowerResult MonteCarlo(const FixedRule& rule, std::size_t samples, std::uint64_t seed,
                       const RunControl& control);

// The generating functions' number of states (prod_k (q_k + 1)) and additions;
// infinity when a criterion is not integral.
double GeneratingStates(const FixedRule& rule);
double GeneratingCost(const FixedRule& rule);

}  // namespace concert::voting
