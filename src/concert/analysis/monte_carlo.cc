#include "concert/analysis/monte_carlo.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <type_traits>

#include "concert/core/uncertain.h"

namespace concert {
namespace {

constexpr double kProbabilities[] = {0.05, 0.25, 0.50, 0.75, 0.95};

// Visits every number of the scenario in drawing order with its bounds and name.
template <typename S, typename Visit>
void ForEachNumber(S& s, Visit visit) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (auto& a : s.actors) visit(a.capability, 0.0, kInf, "capability " + a.id);
  for (auto& i : s.issues) {
    if (i.status_quo) visit(*i.status_quo, i.scale_min, i.scale_max, "status_quo " + i.id);
  }
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    const std::string issue = s.issues[d].id;
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      auto* stance = [&]() {
        if constexpr (std::is_const_v<S>) {
          return s.stance(a, d);
        } else {
          return s.mutable_stance(a, d);
        }
      }();
      if (stance == nullptr) continue;
      const std::string who = s.actors[a].id + " " + issue;
      visit(stance->position, s.issues[d].scale_min, s.issues[d].scale_max, "position " + who);
      visit(stance->salience, 0.0, 1.0, "salience " + who);
      if (stance->capability) visit(*stance->capability, 0.0, kInf, "capability " + who);
    }
  }
}

// Solves the symmetric positive (semi)definite system a x = b in place by
// Gaussian elimination with partial pivoting; false when singular.
bool Solve(std::vector<std::vector<double>>& a, std::vector<double>& b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    if (std::abs(a[pivot][c]) < 1e-12) return false;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  for (std::size_t c = n; c-- > 0;) {
    for (std::size_t k = c + 1; k < n; ++k) b[c] -= a[c][k] * b[k];
    b[c] /= a[c][c];
  }
  return true;
}

}  // namespace

Band ParseBand(const std::string& text) {
  Band band;
  std::string range = text;
  if (auto eq = text.find('='); eq != std::string::npos) {
    band.issue = text.substr(0, eq);
    range = text.substr(eq + 1);
  }
  const auto colon = range.find(':');
  try {
    std::size_t used = 0;
    if (colon == std::string::npos) throw std::invalid_argument("no colon");
    band.low = std::stod(range.substr(0, colon), &used);
    if (used != colon) throw std::invalid_argument("junk");
    const std::string high = range.substr(colon + 1);
    band.high = std::stod(high, &used);
    if (used != high.size()) throw std::invalid_argument("junk");
  } catch (const std::exception&) {
    throw InputError({"", 0, "bands"},
                     fmt::format("expected LOW:HIGH or ISSUE=LOW:HIGH but got '{}'", text));
  }
  return band;
}

Scenario DrawScenario(const Scenario& base, Stream& stream, std::vector<double>* drawn) {
  Scenario s = base;
  ForEachNumber(s, [&](Number& number, double low, double high, const std::string&) {
    number.value = DrawNumber(number, low, high, stream);
    if (drawn != nullptr && number.uncertainty.kind != Uncertainty::Kind::kNone) {
      drawn->push_back(number.value);
    }
  });
  return s;
}

Scenario ScenarioAtQuantiles(const Scenario& base, const std::vector<double>& u) {
  Scenario s = base;
  std::size_t j = 0;
  ForEachNumber(s, [&](Number& number, double low, double high, const std::string&) {
    if (number.uncertainty.kind == Uncertainty::Kind::kNone) return;
    number.value = NumberAtQuantile(number, low, high, u.at(j++));
  });
  return s;
}

std::vector<std::string> UncertainInputs(const Scenario& scenario) {
  std::vector<std::string> names;
  ForEachNumber(scenario, [&](const Number& number, double, double, const std::string& name) {
    if (number.uncertainty.kind != Uncertainty::Kind::kNone) names.push_back(name);
  });
  return names;
}

Sensitivity Regress(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  Sensitivity out;
  const std::size_t n = y.size();
  if (n == 0) return out;
  const std::size_t k = x.front().size();
  // Standardise: inputs that do not vary drop out.
  auto mean_sd = [&](auto get) {
    double m = 0, v = 0;
    for (std::size_t i = 0; i < n; ++i) m += get(i);
    m /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) v += (get(i) - m) * (get(i) - m);
    return std::pair<double, double>{m, n > 1 ? std::sqrt(v / static_cast<double>(n - 1)) : 0};
  };
  const auto [my, sy] = mean_sd([&](std::size_t i) { return y[i]; });
  std::vector<std::size_t> used;
  std::vector<std::pair<double, double>> stats;
  for (std::size_t j = 0; j < k; ++j) {
    const auto ms = mean_sd([&](std::size_t i) { return x[i][j]; });
    if (ms.second > 0) {
      used.push_back(j);
      stats.push_back(ms);
    }
  }
  const std::size_t p = used.size();
  if (!(sy > 0) || n < p + 2) return out;
  // Normal equations of the standardised regression: (Z'Z) beta = Z'y.
  std::vector<std::vector<double>> zz(p, std::vector<double>(p, 0));
  std::vector<double> zy(p, 0), z(p);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t a = 0; a < p; ++a) z[a] = (x[i][used[a]] - stats[a].first) / stats[a].second;
    const double yi = (y[i] - my) / sy;
    for (std::size_t a = 0; a < p; ++a) {
      zy[a] += z[a] * yi;
      for (std::size_t b = a; b < p; ++b) zz[a][b] += z[a] * z[b];
    }
  }
  for (std::size_t a = 0; a < p; ++a) {
    for (std::size_t b = 0; b < a; ++b) zz[a][b] = zz[b][a];
  }
  std::vector<double> beta = zy;
  std::vector<std::vector<double>> system = zz;
  if (!Solve(system, beta)) return out;
  // R^2 = beta' Z'y / y'y for standardised y (y'y = n - 1).
  double explained = 0;
  for (std::size_t a = 0; a < p; ++a) explained += beta[a] * zy[a];
  out.r_squared = explained / static_cast<double>(n - 1);
  for (std::size_t a = 0; a < p; ++a) out.src.emplace_back(used[a], beta[a]);
  std::stable_sort(out.src.begin(), out.src.end(), [](const auto& l, const auto& r) {
    return std::abs(l.second) > std::abs(r.second);
  });
  return out;
}

double Quantile(const std::vector<double>& sorted, double probability) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = (static_cast<double>(sorted.size()) - 1) * probability;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

namespace {

using TradeKey = std::array<std::size_t, 4>;

// Trade frequencies over the finished draws, added in draw order (so they do
// not depend on the threads), one block of draws at a time.
class TradeTally {
 public:
  // The (trade key, gain) of every trade one draw executed, in execution order.
  void Add(const std::vector<std::pair<TradeKey, double>>& trades) {
    seen_.clear();
    for (const auto& [key, gain] : trades) {
      Sum& sum = sums_[key];
      if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) {
        seen_.push_back(key);
        ++sum.draws;
      }
      ++sum.executions;
      sum.gain += gain;
    }
  }

  std::vector<TradeFrequency> Frequencies(std::size_t draws) const {
    std::vector<TradeFrequency> out;
    for (const auto& [key, sum] : sums_) {
      TradeFrequency t{key[0], key[1], key[2], key[3], sum.draws};
      t.share = static_cast<double>(sum.draws) / static_cast<double>(draws);
      t.mean_gain = sum.gain / static_cast<double>(sum.draws);
      t.mean_executions = static_cast<double>(sum.executions) / static_cast<double>(sum.draws);
      out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(), [](const TradeFrequency& x, const TradeFrequency& y) {
      return x.draws > y.draws;
    });
    return out;
  }

 private:
  struct Sum {
    std::size_t draws = 0, executions = 0;
    double gain = 0;
  };
  std::map<TradeKey, Sum> sums_;
  std::vector<TradeKey> seen_;  // this draw's distinct trades (few)
};

// Draws run in blocks of this many: a block's trades are tallied, then dropped.
constexpr std::size_t kTradeBlock = 4096;

}  // namespace

MonteCarloResult RunMonteCarlo(const Scenario& scenario, const Model& model,
                               const MonteCarloOptions& options, const RunControl& control) {
  for (const Band& band : options.bands) {
    const bool known =
        band.issue.empty() || std::any_of(scenario.issues.begin(), scenario.issues.end(),
                                          [&](const Issue& i) { return i.id == band.issue; });
    if (!known) {
      throw InputError({"", 0, "bands"}, fmt::format("unknown issue '{}' in a band", band.issue));
    }
    if (!(band.low <= band.high)) {
      throw InputError(
          {"", 0, "bands"},
          fmt::format("expected low <= high in a band but got {} and {}", band.low, band.high));
    }
  }
  // With correlations: the involved inputs' values of every draw, reordered.
  std::vector<std::size_t> involved;
  std::vector<std::vector<double>> columns;
  if (!options.correlations.empty()) {
    const std::vector<std::string> names = UncertainInputs(scenario);
    CorrelationTarget(names, options.correlations);  // every error, before anything runs
    for (const RankCorrelation& c : options.correlations) {
      for (const std::string* name : {&c.a, &c.b}) {
        involved.push_back(
            static_cast<std::size_t>(std::find(names.begin(), names.end(), *name) - names.begin()));
      }
    }
    std::sort(involved.begin(), involved.end());
    involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
    if (options.draws < involved.size() + 2) {
      throw InputError({"", 0, "correlations"},
                       fmt::format("correlating {} inputs needs at least {} draws, not {}",
                                   involved.size(), involved.size() + 2, options.draws));
    }
    std::vector<std::string> sub;
    sub.reserve(involved.size());
    for (std::size_t j : involved) sub.push_back(names[j]);
    columns.assign(involved.size(), std::vector<double>(options.draws));
    for (std::size_t i = 0; i < options.draws; ++i) {
      Stream stream(options.seed, i);
      std::vector<double> drawn;
      DrawScenario(scenario, stream, &drawn);
      for (std::size_t j = 0; j < involved.size(); ++j) columns[j][i] = drawn[involved[j]];
    }
    ImanConover(&columns, CorrelationTarget(sub, options.correlations), options.seed);
  }
  const std::size_t issues = scenario.num_issues();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // outcomes[draw * issues + issue]; NaN where the model gave no outcome.
  std::vector<double> outcomes(options.draws * issues, nan);
  std::vector<std::vector<double>> inputs(options.sensitivity ? options.draws : 0);
  std::vector<char> finished(options.draws, 0);
  // Per draw of the running block: (trade key, gain) of every trade executed.
  std::vector<std::vector<std::pair<TradeKey, double>>> trades(
      std::min(options.draws, kTradeBlock));
  TradeTally tally;
  bool gap = false;        // a draw before this one did not finish (cancelled)
  std::size_t offset = 0;  // the running block's first draw
  RunControl block_control = control;
  if (control.progress) {
    block_control.progress = [&](std::size_t done, std::size_t) {
      control.progress(offset + done, options.draws);
    };
  }
  auto draw = [&](std::size_t i) {
    Stream stream(options.seed, i);
    Scenario drawn = DrawScenario(scenario, stream, options.sensitivity ? &inputs[i] : nullptr);
    if (!involved.empty()) {
      std::size_t j = 0, next = 0;
      ForEachNumber(drawn, [&](Number& number, double, double, const std::string&) {
        if (number.uncertainty.kind == Uncertainty::Kind::kNone) return;
        if (next < involved.size() && involved[next] == j) {
          number.value = columns[next][i];
          if (options.sensitivity) inputs[i][j] = number.value;
          ++next;
        }
        ++j;
      });
    }
    RunContext context;
    // A stochastic model's own randomness: a seed derived from (seed, i) too.
    context.seed = DerivedSeed(options.seed, i);
    context.control.threads = 1;  // the draws already run in parallel
    context.control.cancel = control.cancel;
    context.outcomes_only = true;
    const Forecast f = model.Run(drawn, context);
    for (std::size_t d = 0; d < issues && d < f.issues.size(); ++d) {
      if (f.issues[d].outcome) outcomes[i * issues + d] = *f.issues[d].outcome;
    }
    for (const Trade& t : f.trades) {
      const bool swap = t.j.actor < t.i.actor;
      const Trade::Party &a = swap ? t.j : t.i, &b = swap ? t.i : t.j;
      trades[i - offset].push_back({TradeKey{a.actor, a.supply, b.actor, b.supply}, t.gain});
    }
    // A draw the cancel cut short inside the model does not count.
    finished[i] = !(control.cancel && control.cancel());
  };
  // Cancelled: keep the longest run of finished draws from draw 0, so the
  // summary equals an uninterrupted run with that many draws.
  for (; offset < options.draws && !gap; offset += kTradeBlock) {
    const std::size_t size = std::min(kTradeBlock, options.draws - offset);
    for (std::size_t k = 0; k < size; ++k) trades[k].clear();
    ParallelFor(size, block_control, [&](std::size_t k) { draw(offset + k); });
    for (std::size_t k = 0; k < size; ++k) {
      gap = gap || !finished[offset + k];
      if (gap) {
        finished[offset + k] = 0;
      } else {
        tally.Add(trades[k]);
      }
    }
  }

  MonteCarloResult result;
  result.inputs = UncertainInputs(scenario);
  for (std::size_t i = 0; i < options.draws; ++i) result.draws += finished[i];
  result.cancelled = result.draws < options.draws;
  result.trades = tally.Frequencies(result.draws);
  result.outcomes.assign(outcomes.begin(),
                         outcomes.begin() + static_cast<std::ptrdiff_t>(result.draws * issues));
  for (std::size_t d = 0; d < issues; ++d) {
    IssueDistribution dist;
    dist.issue = d;
    std::vector<double> values;
    for (std::size_t i = 0; i < options.draws; ++i) {
      if (!finished[i]) continue;
      const double x = outcomes[i * issues + d];
      if (std::isnan(x)) {
        ++dist.missing;
      } else {
        values.push_back(x);
      }
    }
    dist.n = values.size();
    if (!values.empty()) {
      double sum = 0;
      for (double x : values) sum += x;
      dist.mean = sum / static_cast<double>(values.size());
      double squares = 0;
      for (double x : values) squares += (x - dist.mean) * (x - dist.mean);
      dist.sd = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0;
    }
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (double p : kProbabilities) dist.quantiles.emplace_back(p, Quantile(sorted, p));
    dist.values = sorted;
    for (const Band& band : options.bands) {
      if (!band.issue.empty() && band.issue != scenario.issues[d].id) continue;
      std::size_t inside = 0;
      for (double x : values) inside += x >= band.low && x <= band.high;
      dist.bands.emplace_back(
          band,
          values.empty() ? nan : static_cast<double>(inside) / static_cast<double>(values.size()));
    }
    if (options.sensitivity) {
      std::vector<std::vector<double>> x;
      std::vector<double> y;
      for (std::size_t i = 0; i < options.draws; ++i) {
        if (!finished[i] || std::isnan(outcomes[i * issues + d])) continue;
        x.push_back(inputs[i]);
        y.push_back(outcomes[i * issues + d]);
      }
      dist.sensitivity = Regress(x, y);
    }
    result.issues.push_back(std::move(dist));
  }
  return result;
}

}  // namespace concert
