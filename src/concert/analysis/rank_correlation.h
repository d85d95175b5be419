// concert/analysis/rank_correlation.h — correlated Monte Carlo draws: a rank
// correlation between named uncertain inputs, imposed on the draws by the
// method of Iman & Conover (1982).
//
// Iman-Conover keeps each input's drawn values (so its distribution) and only
// reorders them across the draws: the scores M (van der Waerden's
// Phi^-1(r / (N + 1)), each column in a random order) have sample correlation
// E = F F'; with the target C = P P' (Cholesky), T = M F^-T P' has correlation
// C, and each input's values are rearranged to T's ranks. The rank correlation
// reached is C's up to sampling error (about (1 - rho^2) / sqrt(N)).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concert {

struct RankCorrelation {
  std::string a, b;  // input names, as UncertainInputs spells them
  double rho = 0;    // in [-1, 1]
};

// "NAME A,NAME B=RHO"; InputError naming "correlations" otherwise.
RankCorrelation ParseRankCorrelation(const std::string& text);

// The target matrix over the inputs `names` (identity but for the pairs);
// InputError naming "correlations" for an unknown name, a pair of one input
// with itself, a pair given twice, rho outside [-1, 1], or a matrix that is
// not positive semi-definite.
std::vector<std::vector<double>> CorrelationTarget(const std::vector<std::string>& names,
                                                   const std::vector<RankCorrelation>& pairs);

// Reorders each column's values (columns[j][draw]) so that their rank
// correlation is `target`'s; the random order of the scores from seed.
void ImanConover(std::vector<std::vector<double>>* columns,
                 const std::vector<std::vector<double>>& target, std::uint64_t seed);

// Spearman's rank correlation (ties get their mean rank).
double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace concert
