// concert/models/bdm/success_probabilities.h — probabilities of success in the expected-utility
// model, for every pair of actors in O(n m + n^2 log n) per round instead of
// the reference's O(n^3) per pair.
//
// Voter k's vote for position a over b (Scholz et al. 2011; reference
// `Actor.compare`):  v_k(a, b) = w_k [ (|x_k - b| / R)^rho_k - (|x_k - a| / R)^rho_k ],
// w_k = c_k s_k. The numerator of P(a, b) is N(a, b) = sum_k max(0, v_k(a, b)):
// the voters closer to a than to b, i.e. on a's side of the midpoint (a + b) / 2.
// With the voters sorted by position and, for every distinct position y, the
// prefix sums of w_k (|x_k - y| / R)^rho_k over that order, N(a, b) is the
// difference of two prefix sums at the midpoint's rank: O(log n) per pair.
//
// Denominators:
//   reference  sum_k sum_a sum_b |v_k(x_a, x_b)| over all ordered pairs of actors
//              (Scholz's code; P(a,b) + P(b,a) != 1). For each voter it is a sum
//              of |e_a - e_b| over pairs, computed from the values sorted by
//              distance (a merge of the positions left and right of the voter).
//   paper      N(a, b) + N(b, a), so that P(a, b) + P(b, a) = 1 (0.5 each when no
//              voter prefers either).
// P(a, a) = 0 in both.
#pragma once

#include <cstddef>
#include <vector>

namespace concert::bdm {

class VoteTable {
 public:
  // x: positions of all actors; w: c*s; rho: each voter's exponent; range R > 0.
  void Prepare(const std::vector<double>& x, const std::vector<double>& w,
               const std::vector<double>& rho, double range, bool paper_denominator);

  // Probability that actor a's position prevails against actor b's.
  double P(std::size_t a, std::size_t b) const;
  // N(a, b) for distinct-position indices (see position_index()).
  double Numerator(std::size_t ya, std::size_t yb) const;
  std::size_t position_index(std::size_t actor) const { return pos_index_[actor]; }
  const std::vector<double>& distinct_positions() const { return ys_; }

 private:
  double Prefix(std::size_t y, std::size_t k) const { return prefix_[y * (n_ + 1) + k]; }

  std::size_t n_ = 0;
  bool paper_ = false;
  double denominator_ = 0.0;
  std::vector<double> ys_;              // distinct positions, ascending
  std::vector<std::size_t> pos_index_;  // actor -> index in ys_
  std::vector<double> voter_x_;         // voter positions, ascending
  std::vector<double> prefix_;          // [y][k]: sum over the first k sorted voters
  // Scratch space of Prepare, kept so that a table prepared every round does
  // not allocate after the first.
  std::vector<std::size_t> multiplicity_, voters_;
  std::vector<double> value_;
};

// Reference (Scholz's code) denominator by brute force, O(n^3): for tests.
double BruteForceDenominator(const std::vector<double>& x, const std::vector<double>& w,
                             const std::vector<double>& rho, double range);

}  // namespace concert::bdm
