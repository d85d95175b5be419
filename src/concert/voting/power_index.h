// concert/voting/power_index.h — a priori voting power in weighted voting games.
//
// A rule has players and one or more criteria, each a weight per player and a
// quota: a coalition wins when its weight reaches the quota on every criterion
// (a "multiple majority"; the Council of the EU-27 under the Treaty of Nice:
// votes >= 255 of 345, member states >= 14, population >= 62 %). Weights are
// >= 0, so the game is monotone.
//
// For a player i and the coalitions S of the others, S is a swing for i when S
// loses and S + {i} wins. Over n players:
//   Shapley & Shubik (1954): phi_i = sum over swings S of |S|! (n - |S| - 1)! / n!,
//     the share of the n! orders of voting in which i is pivotal (sum_i phi_i = 1);
//   Penrose (1946), Banzhaf (1965): eta_i = the number of swings; the absolute
//     index (Penrose measure) beta'_i = eta_i / 2^(n-1), the normalised index
//     beta_i = eta_i / sum_j eta_j (Felsenthal & Machover 1998, ch. 3).
// Coleman's (1971) power of the collectivity to act: the share of the 2^n
// coalitions that win.
//
// Methods (PowerMethod):
//   generating functions — integer weights: for each player, the coalitions of
//     the others counted by size and by weight on each criterion, each weight
//     capped at its quota (Cantor 1962 and Brams & Affuso 1976 for one quota;
//     Bilbao, Fernández, Jiménez & López 2002, Eur. J. Oper. Res. 143: 181-196,
//     for double and triple majorities). Cost
//     about n^3 prod_k (q_k + 1) additions; exact while counts stay below 2^53
//     (n <= 54), floating point beyond;
//   enumeration — any weights, n <= 30: every coalition once, in Gray-code
//     order, using eta_i = 2 |{winning T containing i}| - |{winning T}| (true
//     of any monotone game); exact;
//   Monte Carlo — any size: `samples` random orders (Shapley–Shubik: who is
//     pivotal) and as many random coalitions, each player in with probability
//     1/2 (Banzhaf: who is a swing), with the standard errors sqrt(p (1-p) / N).
// Enumeration and Monte Carlo add weights in fixed point: integers as they
// are, other criteria in millionths of their unit (a weight with more than six
// decimals is rounded there; the quota is taken upward to the next millionth).
//
// Results are deterministic: exact methods do not depend on the order of the
// work, and Monte Carlo block b draws from Stream(seed, b) (core/random.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/parallel.h"

namespace concert {

struct VotingRule {
  std::vector<std::string> names;            // per player, unique
  std::vector<std::vector<double>> weights;  // [criterion][player], >= 0
  std::vector<double> quotas;                // [criterion], in (0, that criterion's total]
  std::vector<std::string> criteria;         // their names; optional (empty, or one each)
};

enum class PowerMethod { kAuto, kGeneratingFunctions, kEnumeration, kMonteCarlo };

struct PowerOptions {
  PowerMethod method = PowerMethod::kAuto;  // auto: the cheapest exact method, else Monte Carlo
  std::size_t samples = 1'000'000;          // Monte Carlo: orders, and as many coalitions
  std::uint64_t seed = 0;                   // Monte Carlo
};

struct PlayerPower {
  double shapley_shubik = 0;
  double banzhaf = 0;           // normalised
  double banzhaf_absolute = 0;  // Penrose measure
  double swings = 0;            // eta_i; Monte Carlo: the estimate 2^(n-1) beta'_i
  double shapley_shubik_se = 0, banzhaf_absolute_se = 0;  // Monte Carlo only; 0 when exact
};

struct PowerResult {
  PowerMethod method = PowerMethod::kAuto;  // the one used
  std::vector<PlayerPower> players;
  double p_winning = 0;     // Coleman's power of the collectivity to act
  std::size_t samples = 0;  // Monte Carlo
  bool cancelled = false;
};

// Limits on the exact methods, for kAuto and for the errors of an explicit request.
inline constexpr double kMaxGeneratingCost = 4e9;  // additions
inline constexpr std::size_t kMaxEnumerationPlayers = 30;
inline constexpr std::size_t kMaxPowerPlayers = 100'000;

// Throws InputError (fields "names", "weights", "quota") for an empty rule, a
// duplicate or empty name, a criterion with the wrong number of weights, a
// negative or non-finite weight, or a quota not in (0, total].
void ValidateRule(const VotingRule& rule);

// The method kAuto picks for this rule.
PowerMethod ChooseMethod(const VotingRule& rule);

// Validates, then computes. An explicit method the rule does not allow (non-
// integer weights for generating functions, too many players to enumerate, a
// cost above the limits) is an InputError naming "method". Parallel over
// players (generating functions) or blocks of coalitions or samples.
PowerResult ComputePower(const VotingRule& rule, const PowerOptions& options = {},
                         const RunControl& control = {});

// A quota as written: a number ("255") or a share of the criterion's total
// ("62%"). InputError naming "quota" for anything else.
double ParseQuota(const std::string& text, double total);

// A rule from its parts as a front end gets them: per criterion the weights and
// the quota as written (ParseQuota); names empty: p1, p2, ... InputError naming
// "quota" when the counts differ, "names" when the names do not match the
// weights (the rule itself is checked by ComputePower).
VotingRule RuleFromLists(const std::vector<std::string>& names,
                         const std::vector<std::vector<double>>& weights,
                         const std::vector<std::string>& quotas);

const char* PowerMethodName(PowerMethod method);        // "auto", "generating-functions", ...
PowerMethod ParsePowerMethod(const std::string& text);  // InputError naming "method"

}  // namespace concert
