#include "concert/analysis/rank_correlation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "concert/core/error.h"
#include "concert/core/random.h"
#include "concert/core/uncertain.h"

namespace concert {
namespace {

InputError Bad(const std::string& message) { return InputError({"", 0, "correlations"}, message); }

// Lower-triangular L with L L' = a; false when a is not positive semi-definite
// (a pivot below -1e-10). A zero pivot (a singular, semi-definite a) leaves its
// column 0.
bool Cholesky(const std::vector<std::vector<double>>& a, std::vector<std::vector<double>>* l) {
  const std::size_t n = a.size();
  l->assign(n, std::vector<double>(n, 0));
  for (std::size_t j = 0; j < n; ++j) {
    double d = a[j][j];
    for (std::size_t k = 0; k < j; ++k) d -= (*l)[j][k] * (*l)[j][k];
    if (d < -1e-10) return false;
    const double root = d > 1e-12 ? std::sqrt(d) : 0;
    (*l)[j][j] = root;
    for (std::size_t i = j + 1; i < n; ++i) {
      double s = a[i][j];
      for (std::size_t k = 0; k < j; ++k) s -= (*l)[i][k] * (*l)[j][k];
      (*l)[i][j] = root > 0 ? s / root : 0;
    }
  }
  return true;
}

std::vector<double> Ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = 0.5 * static_cast<double>(i + j) + 1;
    i = j + 1;
  }
  return rank;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

}  // namespace

RankCorrelation ParseRankCorrelation(const std::string& text) {
  const std::size_t eq = text.rfind('='), comma = text.find(',');
  if (eq == std::string::npos || comma == std::string::npos || comma > eq) {
    throw Bad(fmt::format("'{}': expected 'INPUT A,INPUT B=RHO'", text));
  }
  RankCorrelation r{text.substr(0, comma), text.substr(comma + 1, eq - comma - 1), 0};
  const std::string rho = text.substr(eq + 1);
  std::size_t used = 0;
  try {
    r.rho = std::stod(rho, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (rho.empty() || used != rho.size() || !(r.rho >= -1 && r.rho <= 1)) {
    throw Bad(fmt::format("'{}': expected a correlation in [-1, 1] after '='", text));
  }
  return r;
}

std::vector<std::vector<double>> CorrelationTarget(const std::vector<std::string>& names,
                                                   const std::vector<RankCorrelation>& pairs) {
  const std::size_t n = names.size();
  std::vector<std::vector<double>> c(n, std::vector<double>(n, 0));
  std::vector<std::vector<bool>> given(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i) c[i][i] = 1;
  auto index = [&](const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      throw Bad(fmt::format("unknown uncertain input '{}'; the scenario's are: {}", name,
                            fmt::join(names, ", ")));
    }
    return static_cast<std::size_t>(it - names.begin());
  };
  for (const RankCorrelation& p : pairs) {
    const std::size_t a = index(p.a), b = index(p.b);
    if (a == b) throw Bad(fmt::format("'{}' is correlated with itself", p.a));
    if (given[a][b]) throw Bad(fmt::format("the pair '{}', '{}' is given twice", p.a, p.b));
    if (!(p.rho >= -1 && p.rho <= 1)) throw Bad(fmt::format("{}: expected [-1, 1]", p.rho));
    given[a][b] = given[b][a] = true;
    c[a][b] = c[b][a] = p.rho;
  }
  std::vector<std::vector<double>> l;
  if (!Cholesky(c, &l)) {
    throw Bad("the correlations are not consistent: their matrix is not positive semi-definite");
  }
  return c;
}

void ImanConover(std::vector<std::vector<double>>* columns,
                 const std::vector<std::vector<double>>& target, std::uint64_t seed) {
  const std::size_t k = columns->size();
  if (k == 0) return;
  const std::size_t n = (*columns)[0].size();
  if (n < k + 2) return;  // too few draws to impose anything
  // Scores, each column in its own random order.
  std::vector<double> scores(n);
  for (std::size_t r = 0; r < n; ++r) {
    scores[r] = NormalQuantile(static_cast<double>(r + 1) / static_cast<double>(n + 1));
  }
  std::vector<std::vector<double>> m(k, scores);
  for (std::size_t j = 0; j < k; ++j) {
    Stream stream(seed ^ 0x1c0ULL, j);
    for (std::size_t i = n; i-- > 1;) {
      const std::size_t r =
          std::min(i, static_cast<std::size_t>(stream.Uniform() * static_cast<double>(i + 1)));
      std::swap(m[j][i], m[j][r]);
    }
  }
  std::vector<std::vector<double>> e(k, std::vector<double>(k, 1)), f, p;
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = a + 1; b < k; ++b) e[a][b] = e[b][a] = Pearson(m[a], m[b]);
  }
  Cholesky(e, &f);
  Cholesky(target, &p);
  // Row by row: y = F^-1 m (forward substitution), t = P y.
  std::vector<std::vector<double>> t(k, std::vector<double>(n));
  std::vector<double> y(k);
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t a = 0; a < k; ++a) {
      double s = m[a][r];
      for (std::size_t b = 0; b < a; ++b) s -= f[a][b] * y[b];
      y[a] = f[a][a] > 0 ? s / f[a][a] : 0;
    }
    for (std::size_t a = 0; a < k; ++a) {
      double s = 0;
      for (std::size_t b = 0; b <= a; ++b) s += p[a][b] * y[b];
      t[a][r] = s;
    }
  }
  // Each column's values in the order of T's ranks.
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> sorted = (*columns)[j];
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return t[j][a] < t[j][b]; });
    for (std::size_t r = 0; r < n; ++r) (*columns)[j][order[r]] = sorted[r];
  }
}

double SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y) {
  return Pearson(Ranks(x), Ranks(y));
}

}  // namespace concert
