#include "concert/models/bdm/success_probabilities.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace concert::bdm {
namespace {

double Distance(double x, double y, double range, double rho) {
  const double base = std::abs(x - y) / range;
  return rho == 1.0 ? base : std::pow(base, rho);  // pow(b, 1) is b, bit for bit
}

}  // namespace

void VoteTable::Prepare(const std::vector<double>& x, const std::vector<double>& w,
                        const std::vector<double>& rho, double range, bool paper_denominator) {
  n_ = x.size();
  paper_ = paper_denominator;
  ys_.assign(x.begin(), x.end());
  std::sort(ys_.begin(), ys_.end());
  ys_.erase(std::unique(ys_.begin(), ys_.end()), ys_.end());
  const std::size_t m = ys_.size();
  std::vector<std::size_t>& multiplicity = multiplicity_;
  multiplicity.assign(m, 0);
  pos_index_.resize(n_);
  for (std::size_t a = 0; a < n_; ++a) {
    pos_index_[a] = std::lower_bound(ys_.begin(), ys_.end(), x[a]) - ys_.begin();
    ++multiplicity[pos_index_[a]];
  }
  std::vector<std::size_t>& voters = voters_;
  voters.resize(n_);
  std::iota(voters.begin(), voters.end(), 0);
  // Ties in position are ordered by weight and exponent, so the sums below add
  // the same numbers in the same order whatever the order of the input.
  std::sort(voters.begin(), voters.end(), [&](std::size_t a, std::size_t b) {
    if (x[a] != x[b]) return x[a] < x[b];
    if (w[a] != w[b]) return w[a] < w[b];
    if (rho[a] != rho[b]) return rho[a] < rho[b];
    return a < b;
  });
  voter_x_.resize(n_);
  for (std::size_t k = 0; k < n_; ++k) voter_x_[k] = x[voters[k]];

  // prefix_[y][k] = sum over the first k voters (by position) of w (|x - y| / R)^rho.
  prefix_.assign(m * (n_ + 1), 0.0);
  std::vector<double>& value = value_;
  value.resize(m);
  denominator_ = 0.0;
  for (std::size_t k = 0; k < n_; ++k) {
    const std::size_t v = voters[k];
    for (std::size_t y = 0; y < m; ++y) {
      value[y] = w[v] * Distance(x[v], ys_[y], range, rho[v]);
      prefix_[y * (n_ + 1) + k + 1] = prefix_[y * (n_ + 1) + k] + value[y];
    }
    if (paper_) continue;
    // sum_{a,b} |e_a - e_b| with e sorted ascending by distance from the voter:
    // merge the positions left of the voter (walking down) and right (walking up).
    std::size_t right = std::lower_bound(ys_.begin(), ys_.end(), x[v]) - ys_.begin();
    std::size_t left = right;  // next left candidate is left - 1
    double below = 0.0;        // count of actors with smaller e so far
    double sum = 0.0;
    while (left > 0 || right < m) {
      // Walk down when there is a left candidate no farther than the right one.
      const bool down = left > 0 && (right == m || x[v] - ys_[left - 1] <= ys_[right] - x[v]);
      const std::size_t y = down ? --left : right++;
      double count = static_cast<double>(multiplicity[y]);
      double above = static_cast<double>(n_) - below - count;
      sum += count * value[y] * (below - above);
      below += count;
    }
    denominator_ += 2.0 * sum;
  }
}

double VoteTable::Numerator(std::size_t ya, std::size_t yb) const {
  if (ya == yb) return 0.0;
  const double mid = (ys_[ya] + ys_[yb]) / 2;
  if (ya < yb) {
    // Voters left of the midpoint are closer to a.
    std::size_t k = std::lower_bound(voter_x_.begin(), voter_x_.end(), mid) - voter_x_.begin();
    return std::max(0.0, Prefix(yb, k) - Prefix(ya, k));  // guard against rounding below 0
  }
  std::size_t k = std::upper_bound(voter_x_.begin(), voter_x_.end(), mid) - voter_x_.begin();
  return std::max(0.0, (Prefix(yb, n_) - Prefix(yb, k)) - (Prefix(ya, n_) - Prefix(ya, k)));
}

double VoteTable::P(std::size_t a, std::size_t b) const {
  const std::size_t ya = pos_index_[a], yb = pos_index_[b];
  if (ya == yb) return 0.0;
  const double n_ab = Numerator(ya, yb);
  if (paper_) {
    const double total = n_ab + Numerator(yb, ya);
    return total > 0 ? n_ab / total : 0.5;
  }
  return denominator_ > 0 ? n_ab / denominator_ : 0.0;
}

double BruteForceDenominator(const std::vector<double>& x, const std::vector<double>& w,
                             const std::vector<double>& rho, double range) {
  double total = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    for (std::size_t a = 0; a < x.size(); ++a) {
      for (std::size_t b = 0; b < x.size(); ++b) {
        total += std::abs(
            w[k] * (Distance(x[k], x[b], range, rho[k]) - Distance(x[k], x[a], range, rho[k])));
      }
    }
  }
  return total;
}

}  // namespace concert::bdm
