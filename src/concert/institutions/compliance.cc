#include "concert/institutions/compliance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/core/error.h"

namespace concert {
namespace {

double MeanOthers(const std::vector<double>& values, std::size_t i, double sum) {
  return values.size() > 1 ? (sum - values[i]) / static_cast<double>(values.size() - 1) : 0.0;
}

double ExitOption(const PartyTerms& p, int t) { return p.exit_value + p.exit_growth * t; }

double TotalAid(const GameTerms& g) {
  double total = 0;
  for (const auto& p : g.parties) total += p.aid;
  return total;
}

// r_i times the mean loss of the others when i alone defects: each j loses b_j / (N - 1).
double RelativeGainConstant(const GameTerms& g, std::size_t i) {
  const double n = static_cast<double>(g.parties.size());
  double others = 0;
  for (std::size_t j = 0; j < g.parties.size(); ++j) {
    if (j != i) others += g.parties[j].benefit / (n - 1);
  }
  return g.parties[i].relative_gains * others / (n - 1);
}

double Seen(const GameTerms& g) { return std::max(0.0, g.monitoring - g.false_alarm); }

// DefectionLoss with the parties' net values given.
double Loss(const GameTerms& g, std::size_t i, double net_i, double net_others, double sanction) {
  const PartyTerms& p = g.parties[i];
  const double r = p.relative_gains;
  const double aid = g.aid_conditional ? p.aid : 0.0;
  const double future = (1 - g.forgiveness) * PunishmentWeight(p.discount, g.punishment) *
                        ((1 + r) * net_i - r * net_others);
  return Seen(g) * ((1 + r) * (sanction + aid) + future);
}

InputError TermError(const std::string& field, const std::string& message) {
  return InputError({"", 0, field}, message);
}

void CheckRange(double value, double low, double high, const std::string& field,
                bool open_high = false) {
  if (!(value >= low && (open_high ? value < high : value <= high))) {
    throw TermError(field, fmt::format("expected a number in [{}, {}{} but got {}", low, high,
                                       open_high ? ")" : "]", value));
  }
}

// Outside the agreement (never signed, ended, or suspended) each party lives on its
// outside option, max(0, x_i + g_i t), for periods from .. to - 1; summed in closed
// form when the option does not grow.
void OutsideValues(const GameTerms& g, int from, int to, PathResult* out) {
  for (std::size_t i = 0; i < g.parties.size(); ++i) {
    const PartyTerms& p = g.parties[i];
    if (p.exit_growth == 0) {
      out->payoff[i] += std::max(0.0, p.exit_value) * (to - from);
    } else {
      for (int t = from; t < to; ++t) out->payoff[i] += std::max(0.0, ExitOption(p, t));
    }
  }
}

// The least delta in [0, 1) with PunishmentWeight(delta, k) >= need (need < k),
// by bisection (the weight increases in delta).
double SolveDiscount(double need, int k) {
  double low = 0, high = 1;
  for (int step = 0; step < 200 && high - low > 1e-15; ++step) {
    const double mid = (low + high) / 2;
    (PunishmentWeight(mid, k) >= need ? high : low) = mid;
  }
  return high;
}

}  // namespace

double EffectiveSanction(const GameTerms& g, std::size_t i) {
  if (g.enforcer == kNoEnforcer || g.sanction <= 0) return 0.0;
  const double target = g.parties[i].capability;
  double power = 0;
  if (g.enforcer == kCollective) {
    for (std::size_t j = 0; j < g.parties.size(); ++j)
      power += j == i ? 0 : g.parties[j].capability;
  } else {
    if (static_cast<std::size_t>(g.enforcer) == i) return 0.0;  // no one sanctions the guarantor
    power = g.parties[static_cast<std::size_t>(g.enforcer)].capability;
  }
  return g.sanction * (target > 0 ? std::min(1.0, power / target) : 1.0);
}

double NetValue(const GameTerms& g, std::size_t i, int t) {
  const PartyTerms& p = g.parties[i];
  return p.benefit - p.cost + p.aid - p.aid_share * TotalAid(g) - std::max(0.0, ExitOption(p, t));
}

bool Signs(const GameTerms& g, std::size_t i) { return NetValue(g, i, 0) >= 0; }

double PunishmentWeight(double discount, int punishment) {
  if (punishment <= 0) return discount / (1 - discount);
  return discount * (1 - std::pow(discount, punishment)) / (1 - discount);
}

double DefectionGain(const GameTerms& g, std::size_t i, double cost) {
  return (1 + g.parties[i].relative_gains) * cost + RelativeGainConstant(g, i);
}

double DefectionLoss(const GameTerms& g, std::size_t i, int t) {
  std::vector<double> net(g.parties.size());
  double sum = 0;
  for (std::size_t j = 0; j < net.size(); ++j) sum += net[j] = NetValue(g, j, t);
  return Loss(g, i, net[i], MeanOthers(net, i, sum), EffectiveSanction(g, i));
}

std::optional<double> Threshold(const GameTerms& g, std::size_t i) {
  // U-gain A <= K + M delta / (1 - delta) V, solved for delta (docs/institutions.md, eq. 3).
  const PartyTerms& p = g.parties[i];
  const double r = p.relative_gains;
  const double gain = DefectionGain(g, i, p.cost);
  const double now =
      Seen(g) * (1 + r) * (EffectiveSanction(g, i) + (g.aid_conditional ? p.aid : 0));
  std::vector<double> net(g.parties.size());
  double sum = 0;
  for (std::size_t j = 0; j < net.size(); ++j) sum += net[j] = NetValue(g, j, 0);
  const double future =
      Seen(g) * (1 - g.forgiveness) * ((1 + r) * net[i] - r * MeanOthers(net, i, sum));
  if (gain <= now) return 0.0;
  if (future <= 0) return std::nullopt;
  if (g.punishment <= 0) return (gain - now) / (gain - now + future);
  // delta (1 - delta^k) / (1 - delta) >= (gain - now) / future; the weight stays below k.
  const double need = (gain - now) / future;
  if (need >= g.punishment) return std::nullopt;
  return SolveDiscount(need, g.punishment);
}

void ValidateTerms(const GameTerms& g) {
  if (g.parties.size() < 2) throw TermError("parties", "expected at least two parties");
  if (g.periods < 1)
    throw TermError("periods", fmt::format("expected at least 1 but got {}", g.periods));
  CheckRange(g.monitoring, 0, 1, "monitoring");
  CheckRange(g.false_alarm, 0, 1, "false_alarm");
  CheckRange(g.forgiveness, 0, 1, "forgiveness");
  CheckRange(g.cost_volatility, 0, 1, "cost_volatility");
  if (g.punishment < 0) {
    throw TermError("punishment", fmt::format("expected >= 0 periods but got {}", g.punishment));
  }
  if (!(g.sanction >= 0))
    throw TermError("sanction.size", fmt::format("expected >= 0 but got {}", g.sanction));
  if (!(g.sanction_cost >= 0)) {
    throw TermError("sanction.cost", fmt::format("expected >= 0 but got {}", g.sanction_cost));
  }
  for (const PartyTerms& p : g.parties) {
    const std::string f = "parties." + p.id;
    CheckRange(p.discount, 0, 1, f + ".discount", true);
    if (!(p.relative_gains >= 0)) {
      throw TermError(f + ".relative_gains",
                      fmt::format("expected >= 0 but got {}", p.relative_gains));
    }
    if (!(p.aid >= 0)) throw TermError(f + ".aid", fmt::format("expected >= 0 but got {}", p.aid));
    if (!(p.benefit >= 0 && p.cost >= 0 && p.capability >= 0)) {
      throw TermError(f, "expected benefit, cost and capability >= 0");
    }
  }
}

void SimulatePath(const GameTerms& g, Stream& stream, PathResult* out,
                  std::int64_t* complying_count, std::int64_t* in_force_count) {
  const std::size_t n = g.parties.size();
  *out = PathResult();
  out->payoff.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (g.parties[i].consent && !Signs(g, i)) {
      out->end = PathResult::End::kNeverSigned;
      out->ended_by = static_cast<int>(i);
      OutsideValues(g, 0, g.periods, out);
      for (double& p : out->payoff) p /= g.periods;
      return;
    }
  }
  std::vector<double> net(n), sanction(n), gain_constant(n), cost(n);
  std::vector<char> comply(n), seen(n);
  for (std::size_t i = 0; i < n; ++i) {
    sanction[i] = EffectiveSanction(g, i);
    gain_constant[i] = RelativeGainConstant(g, i);
  }
  const double total_aid = TotalAid(g);
  bool in_force = true;
  int suspended_until = 0;  // periods t < suspended_until are a punishment phase
  for (int t = 0; t < g.periods; ++t) {
    if (t < suspended_until) {
      OutsideValues(g, t, t + 1, out);
      continue;
    }
    double net_sum = 0;
    for (std::size_t i = 0; i < n; ++i) net_sum += net[i] = NetValue(g, i, t);
    for (std::size_t i = 0; i < n && in_force; ++i) {
      if (net[i] < 0) {
        in_force = false;
        out->end = PathResult::End::kExit;
        out->ended_by = static_cast<int>(i);
      }
    }
    if (!in_force) {
      OutsideValues(g, t, g.periods, out);
      break;
    }
    int complying = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const PartyTerms& p = g.parties[i];
      cost[i] = p.cost * (1 + g.cost_volatility * (2 * stream.Uniform() - 1));
      const double gain = (1 + p.relative_gains) * cost[i] + gain_constant[i];
      comply[i] = gain <= Loss(g, i, net[i], MeanOthers(net, i, net_sum), sanction[i]);
      complying += comply[i];
    }
    double aid_paid = 0;
    int first_seen = -1, first_violator = -1;
    for (std::size_t i = 0; i < n; ++i) {
      seen[i] = stream.Uniform() < (comply[i] ? g.false_alarm : g.monitoring);
      if (seen[i] && first_seen < 0) first_seen = static_cast<int>(i);
      if (seen[i] && !comply[i] && first_violator < 0) first_violator = static_cast<int>(i);
      if (!(g.aid_conditional && seen[i])) aid_paid += g.parties[i].aid;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const PartyTerms& p = g.parties[i];
      double u = p.benefit * (complying - comply[i]) / static_cast<double>(n - 1);
      if (comply[i]) u -= cost[i];
      if (!(g.aid_conditional && seen[i])) u += p.aid;
      u -= total_aid > 0 ? p.aid_share * aid_paid : 0.0;
      if (seen[i] && sanction[i] > 0) {
        u -= sanction[i];
        const double bill = g.sanction_cost * sanction[i];
        out->enforcement_cost += bill;
        if (g.enforcer == kCollective) {
          for (std::size_t j = 0; j < n; ++j) {
            if (j != i) out->payoff[j] -= bill / static_cast<double>(n - 1);
          }
        } else {
          out->payoff[static_cast<std::size_t>(g.enforcer)] -= bill;
        }
      }
      out->payoff[i] += u;
    }
    out->aid_paid += aid_paid;
    complying_count[t] += complying;
    if (in_force_count != nullptr) in_force_count[t] += 1;
    ++out->periods_in_force;
    if (first_seen >= 0 && stream.Uniform() >= g.forgiveness) {
      if (g.punishment > 0) {
        ++out->suspensions;
        suspended_until = t + 1 + g.punishment;
        continue;
      }
      out->end = first_violator >= 0 ? PathResult::End::kViolation : PathResult::End::kFalseAlarm;
      out->ended_by = first_violator >= 0 ? first_violator : first_seen;
      OutsideValues(g, t + 1, g.periods, out);
      break;
    }
  }
  for (double& p : out->payoff) p /= g.periods;
}

}  // namespace concert
