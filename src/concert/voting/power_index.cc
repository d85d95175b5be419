// Power indices: validation, fixed point, the choice of method, and the
// generating functions (power_index.h).
#include "concert/voting/power_index.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <set>

#include "concert/core/error.h"
#include "concert/voting/fixed_rule.h"

namespace concert {

void ValidateRule(const VotingRule& rule) {
  const std::size_t n = rule.names.size();
  if (n == 0) throw InputError({"", 0, "names"}, "a voting rule needs at least one player");
  if (n > kMaxPowerPlayers) {
    throw InputError({"", 0, "names"},
                     fmt::format("{} players; at most {} are supported", n, kMaxPowerPlayers));
  }
  std::set<std::string> seen;
  for (const std::string& name : rule.names) {
    if (name.empty()) throw InputError({"", 0, "names"}, "a player's name is empty");
    if (!seen.insert(name).second) {
      throw InputError({"", 0, "names"}, fmt::format("player '{}' is named twice", name));
    }
  }
  if (rule.weights.empty() || rule.weights.size() != rule.quotas.size()) {
    throw InputError({"", 0, "quota"},
                     fmt::format("{} criteria of weights and {} quotas; expected one quota per "
                                 "criterion, and at least one",
                                 rule.weights.size(), rule.quotas.size()));
  }
  if (!rule.criteria.empty() && rule.criteria.size() != rule.weights.size()) {
    throw InputError({"", 0, "criteria"}, fmt::format("{} criterion names for {} criteria",
                                                      rule.criteria.size(), rule.weights.size()));
  }
  for (std::size_t k = 0; k < rule.weights.size(); ++k) {
    const std::vector<double>& w = rule.weights[k];
    if (w.size() != n) {
      throw InputError({"", 0, "weights"},
                       fmt::format("criterion {}: {} weights for {} players", k + 1, w.size(), n));
    }
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(w[i]) || w[i] < 0) {
        throw InputError({"", 0, "weights"},
                         fmt::format("criterion {}: the weight of '{}' is {}; expected a finite "
                                     "number >= 0",
                                     k + 1, rule.names[i], w[i]));
      }
      total += w[i];
    }
    const double q = rule.quotas[k];
    if (!std::isfinite(q) || q <= 0 || q > total) {
      throw InputError({"", 0, "quota"},
                       fmt::format("criterion {}: quota {} is not in (0, {}], the total weight "
                                   "(a quota above it lets no coalition win)",
                                   k + 1, q, total));
    }
  }
}

namespace voting {

FixedRule ToFixed(const VotingRule& rule) {
  FixedRule r;
  r.players = rule.names.size();
  r.criteria = rule.weights.size();
  r.weights.resize(r.players * r.criteria);
  r.quotas.resize(r.criteria);
  r.integral.resize(r.criteria);
  for (std::size_t k = 0; k < r.criteria; ++k) {
    bool integral = true;
    double total = 0;
    for (double w : rule.weights[k]) {
      integral = integral && w == std::floor(w);
      total += w;
    }
    const double scale = integral ? 1.0 : 1e6;
    if (total * scale > 4e18) {
      throw InputError({"", 0, "weights"},
                       fmt::format("criterion {}: the total weight {} is too large to add "
                                   "exactly{}",
                                   k + 1, total, integral ? "" : " in millionths"));
    }
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < r.players; ++i) {
      const std::int64_t w = std::llround(rule.weights[k][i] * scale);
      r.weights[i * r.criteria + k] = w;
      sum += w;
    }
    const double q = rule.quotas[k] * scale;
    std::int64_t quota = std::llround(q);
    if (static_cast<double>(quota) < q * (1 - 1e-12)) ++quota;  // upward, past rounding noise
    if (quota < 1) quota = 1;  // a positive quota of less than a millionth
    if (quota > sum) {
      throw InputError({"", 0, "quota"},
                       fmt::format("criterion {}: quota {} is above the total weight once the "
                                   "weights are taken to millionths",
                                   k + 1, rule.quotas[k]));
    }
    r.quotas[k] = quota;
    r.integral[k] = integral;
  }
  return r;
}

std::vector<double> ShapleyWeights(std::size_t n) {
  std::vector<double> f(n);
  double binomial = 1;  // C(n-1, k)
  for (std::size_t k = 0; k < n; ++k) {
    f[k] = 1.0 / (static_cast<double>(n) * binomial);
    binomial = binomial * static_cast<double>(n - 1 - k) / static_cast<double>(k + 1);
  }
  return f;
}

double GeneratingStates(const FixedRule& rule) {
  double states = 1;
  for (std::size_t k = 0; k < rule.criteria; ++k) {
    if (!rule.integral[k]) return std::numeric_limits<double>::infinity();
    states *= static_cast<double>(rule.quotas[k]) + 1;
  }
  return states;
}

double GeneratingCost(const FixedRule& rule) {
  const double n = static_cast<double>(rule.players);
  return GeneratingStates(rule) * n * n * (n + 1) / 2;
}

PowerResult GeneratingFunctions(const FixedRule& rule, const RunControl& control) {
  const std::size_t n = rule.players, nk = rule.criteria;
  const std::size_t states = static_cast<std::size_t>(GeneratingStates(rule));
  std::vector<std::size_t> stride(nk);
  std::size_t top = 0;  // every criterion at its quota: the one winning state
  for (std::size_t k = 0, s = 1; k < nk; ++k) {
    stride[k] = s;
    top += static_cast<std::size_t>(rule.quotas[k]) * s;
    s *= static_cast<std::size_t>(rule.quotas[k]) + 1;
  }
  // next[s]: the state after adding player j, each weight capped at its quota.
  auto transitions = [&](std::size_t j, std::vector<std::uint32_t>& next) {
    for (std::size_t s = 0; s < states; ++s) {
      std::size_t to = 0;
      for (std::size_t k = 0; k < nk; ++k) {
        const std::int64_t q = rule.quotas[k];
        const std::int64_t at = static_cast<std::int64_t>(s / stride[k]) % (q + 1);
        to += static_cast<std::size_t>(std::min(q, at + rule.weights[j * nk + k])) * stride[k];
      }
      next[s] = static_cast<std::uint32_t>(to);
    }
  };
  const std::vector<double> f = ShapleyWeights(n);
  PowerResult result;
  result.method = PowerMethod::kGeneratingFunctions;
  result.players.resize(n);
  double winning = 0;
  const std::vector<char> done = ParallelFor(n, control, [&](std::size_t i) {
    // count[size * states + s]: coalitions of the players other than i.
    std::vector<double> count(n * states, 0.0);
    std::vector<std::uint32_t> next(states);
    count[0] = 1;
    std::size_t added = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      transitions(j, next);
      for (std::size_t size = added + 1; size-- > 0;) {
        const double* from = &count[size * states];
        double* to = &count[(size + 1) * states];
        for (std::size_t s = 0; s < states; ++s) {
          if (from[s] != 0) to[next[s]] += from[s];
        }
      }
      ++added;
    }
    transitions(i, next);
    double swings = 0, shapley = 0, wins = 0;
    for (std::size_t size = 0; size < n; ++size) {
      const double* row = &count[size * states];
      double at_size = 0;
      for (std::size_t s = 0; s < states; ++s) {
        if (next[s] == top) {
          wins += row[s];
          if (s != top) at_size += row[s];
        }
      }
      wins += row[top];
      swings += at_size;
      shapley += at_size * f[size];
    }
    PlayerPower& p = result.players[i];
    p.swings = swings;
    p.shapley_shubik = shapley;
    p.banzhaf_absolute = std::ldexp(swings, -static_cast<int>(n - 1));
    if (i == 0) winning = wins;
  });
  for (char d : done) result.cancelled = result.cancelled || !d;
  double total = 0;
  for (const PlayerPower& p : result.players) total += p.swings;
  for (PlayerPower& p : result.players) p.banzhaf = total > 0 ? p.swings / total : 0;
  result.p_winning = std::ldexp(winning, -static_cast<int>(n));
  return result;
}

}  // namespace voting

PowerMethod ChooseMethod(const VotingRule& rule) {
  const voting::FixedRule fixed = voting::ToFixed(rule);
  const double generating = voting::GeneratingCost(fixed);
  const double memory = voting::GeneratingStates(fixed) * static_cast<double>(fixed.players) * 8;
  const bool can_generate = generating <= kMaxGeneratingCost && memory <= 2e9;
  const bool can_enumerate = fixed.players <= kMaxEnumerationPlayers;
  const double enumeration = std::ldexp(4.0 * static_cast<double>(fixed.criteria + 1),
                                        static_cast<int>(std::min<std::size_t>(fixed.players, 64)));
  if (can_generate && (!can_enumerate || generating <= enumeration)) {
    return PowerMethod::kGeneratingFunctions;
  }
  if (can_enumerate) return PowerMethod::kEnumeration;
  return PowerMethod::kMonteCarlo;
}

PowerResult ComputePower(const VotingRule& rule, const PowerOptions& options,
                         const RunControl& control) {
  ValidateRule(rule);
  const voting::FixedRule fixed = voting::ToFixed(rule);
  PowerMethod method = options.method;
  if (method == PowerMethod::kAuto) method = ChooseMethod(rule);
  switch (method) {
    case PowerMethod::kGeneratingFunctions: {
      for (std::size_t k = 0; k < fixed.criteria; ++k) {
        if (!fixed.integral[k]) {
          throw InputError({"", 0, "method"},
                           fmt::format("generating functions need integer weights, and criterion "
                                       "{} has others; use enumeration or monte-carlo",
                                       k + 1));
        }
      }
      const double cost = voting::GeneratingCost(fixed);
      const double memory = voting::GeneratingStates(fixed) * static_cast<double>(fixed.players);
      if (cost > 100 * kMaxGeneratingCost || memory * 8 > 2e9) {
        throw InputError({"", 0, "method"},
                         fmt::format("generating functions would take about {:.3g} additions and "
                                     "{:.3g} GB here; use monte-carlo",
                                     cost, memory * 8 / 1e9));
      }
      return voting::GeneratingFunctions(fixed, control);
    }
    case PowerMethod::kEnumeration:
      if (fixed.players > kMaxEnumerationPlayers) {
        throw InputError({"", 0, "method"},
                         fmt::format("enumeration is for at most {} players, and the rule has "
                                     "{}; use generating-functions or monte-carlo",
                                     kMaxEnumerationPlayers, fixed.players));
      }
      return voting::Enumeration(fixed, control);
    case PowerMethod::kMonteCarlo:
    case PowerMethod::kAuto:
      break;
  }
  if (options.samples == 0) {
    throw InputError({"", 0, "samples"}, "Monte Carlo needs at least one sample");
  }
  return voting::MonteCarlo(fixed, options.samples, options.seed, control);
}

double ParseQuota(const std::string& text, double total) {
  const bool percent = !text.empty() && text.back() == '%';
  const std::string number = percent ? text.substr(0, text.size() - 1) : text;
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(number, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (number.empty() || used != number.size() || !std::isfinite(value) ||
      number.find_first_of("xXpP") != std::string::npos) {
    throw InputError({"", 0, "quota"},
                     fmt::format("quota '{}': expected a number (255) or a share of the total "
                                 "weight (62%)",
                                 text));
  }
  return percent ? value / 100 * total : value;
}

VotingRule RuleFromLists(const std::vector<std::string>& names,
                         const std::vector<std::vector<double>>& weights,
                         const std::vector<std::string>& quotas) {
  if (weights.empty()) throw InputError({"", 0, "weights"}, "give the weights and a quota");
  if (weights.size() != quotas.size()) {
    throw InputError({"", 0, "quota"},
                     fmt::format("{} lists of weights and {} quotas; expected one quota per "
                                 "list of weights, in the same order",
                                 weights.size(), quotas.size()));
  }
  VotingRule rule;
  rule.weights = weights;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    double total = 0;
    for (double w : weights[k]) total += w;
    rule.quotas.push_back(ParseQuota(quotas[k], total));
  }
  const std::size_t n = weights[0].size();
  if (names.empty()) {
    for (std::size_t i = 0; i < n; ++i) rule.names.push_back(fmt::format("p{}", i + 1));
  } else if (names.size() != n) {
    throw InputError({"", 0, "names"}, fmt::format("{} names for {} weights", names.size(), n));
  } else {
    rule.names = names;
  }
  return rule;
}

const char* PowerMethodName(PowerMethod method) {
  switch (method) {
    case PowerMethod::kAuto:
      return "auto";
    case PowerMethod::kGeneratingFunctions:
      return "generating-functions";
    case PowerMethod::kEnumeration:
      return "enumeration";
    case PowerMethod::kMonteCarlo:
      return "monte-carlo";
  }
  return "";
}

PowerMethod ParsePowerMethod(const std::string& text) {
  for (PowerMethod m : {PowerMethod::kAuto, PowerMethod::kGeneratingFunctions,
                        PowerMethod::kEnumeration, PowerMethod::kMonteCarlo}) {
    if (text == PowerMethodName(m)) return m;
  }
  throw InputError({"", 0, "method"},
                   fmt::format("unknown method '{}'; expected auto, generating-functions, "
                               "enumeration or monte-carlo",
                               text));
}

}  // namespace concert
