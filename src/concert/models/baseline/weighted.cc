// The math of the baseline models (baseline.h), on flat arrays.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "concert/models/baseline/baseline.h"

namespace concert {

std::optional<double> WeightedMean(const std::vector<double>& x, const std::vector<double>& w) {
  double total = 0, sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    total += w[i];
    sum += w[i] * x[i];
  }
  if (!(total > 0)) return std::nullopt;
  return sum / total;
}

std::optional<double> WeightedMedian(const std::vector<double>& x, const std::vector<double>& w) {
  std::vector<std::size_t> order;
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (w[i] > 0) {
      order.push_back(i);
      total += w[i];
    }
  }
  if (order.empty()) return std::nullopt;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  // Walk up the distinct positions to the first at which the weight at or below
  // reaches half (all actors at a position count together).
  const double half = total / 2;
  const double tie = 1e-12 * total;
  double below = 0;
  for (std::size_t k = 0; k < order.size();) {
    const double at = x[order[k]];
    while (k < order.size() && x[order[k]] == at) below += w[order[k++]];
    if (below >= half - tie) {
      // Exactly half the weight at or below `at`: every point up to the next
      // distinct position minimises the sum; take the midpoint.
      if (std::abs(below - half) <= tie && k < order.size()) return (at + x[order[k]]) / 2;
      return at;
    }
  }
  return x[order.back()];
}

NashResult NashSolution(const std::vector<double>& x, const std::vector<double>& w,
                        const std::vector<bool>& constrains, double q) {
  // The agreements every constraining actor weakly prefers to q form an interval
  // [low, high] around q: actor i accepts x with |x - x_i| <= r_i = |q - x_i|.
  double low = -INFINITY, high = INFINITY;
  bool anyone = false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!constrains[i]) continue;
    double r = std::abs(q - x[i]);
    low = std::max(low, x[i] - r);
    high = std::min(high, x[i] + r);
    anyone = anyone || w[i] > 0;
  }
  if (!anyone) return {};
  // Actors on both sides of q (or one at q): every move hurts someone.
  if (!(low < high)) return {q, true};
  // f(x) = sum w_i log(r_i - |x - x_i|) is strictly concave on (low, high).
  // Bisect on the sign of its right derivative
  // f'(x+) = sum_i w_i * (x < x_i ? 1 : -1) / (r_i - |x - x_i|).
  double lo = low, hi = high;
  for (int iter = 0; iter < 200 && lo < hi; ++iter) {
    double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    double slope = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!constrains[i] || !(w[i] > 0)) continue;
      double gap = std::abs(q - x[i]) - std::abs(mid - x[i]);
      slope += w[i] * (mid < x[i] ? 1.0 : -1.0) / gap;
    }
    if (slope > 0) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return {lo + (hi - lo) / 2, false};
}

}  // namespace concert
