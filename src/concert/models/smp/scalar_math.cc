// The scalar building blocks of the SMP; see scalar_math.h. Sums run in KTAB's
// order so that results agree with it to the last bits where that matters.
#include "concert/models/smp/scalar_math.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>
#include <utility>

namespace concert::smp {

std::pair<double, double> VictoryPair(VictoryModel model, double s1, double s2) {
  double x1 = s1, x2 = s2;
  switch (model) {
    case VictoryModel::kLinear:
      break;
    case VictoryModel::kSquare:
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case VictoryModel::kQuartic:
      x1 = (s1 * s1) * (s1 * s1);
      x2 = (s2 * s2) * (s2 * s2);
      break;
    case VictoryModel::kOctic: {
      const double q1 = (s1 * s1) * (s1 * s1), q2 = (s2 * s2) * (s2 * s2);
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case VictoryModel::kBinary: {
      // A 10 % advantage wins outright; in between, linear interpolation.
      const double thresh = 1.10, min_x = 1e-6;
      if (s1 >= thresh * s2) {
        x1 = 1.0;
        x2 = min_x;
      } else if (s2 >= thresh * s1) {
        x1 = min_x;
        x2 = 1.0;
      } else {
        const double r12 = s1 / (s1 + s2);
        const double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  return {x1 / (x1 + x2), x2 / (x1 + x2)};
}

double VictoryProbability(VictoryModel model, double s1, double s2) {
  return VictoryPair(model, s1, s2).first;
}

Matrix Coalitions(VotingRule rule, const std::vector<double>& w, const Matrix& u,
                  unsigned threads) {
  const double min_c = 1e-8;
  const std::size_t options = u.cols, actors = u.rows;
  // Options x actors, so that the votes on a pair read contiguous rows; votes
  // first (vectorisable), then the sums in KTAB's order (actor by actor).
  Matrix ut(options, actors);
  for (std::size_t k = 0; k < actors; ++k) {
    for (std::size_t i = 0; i < options; ++i) ut(i, k) = u(k, i);
  }
  Matrix c(options, options);
  // Small elections are not worth a thread.
  if (options * options * actors < 200000) threads = 1;
  RunControl control;
  control.threads = threads;
  ParallelFor(options, control, [&](std::size_t i) {
    std::vector<double> votes(actors);
    const double* ui = &ut.data[i * actors];
    for (std::size_t j = 0; j < i; ++j) {
      const double* uj = &ut.data[j * actors];
      for (std::size_t k = 0; k < actors; ++k) votes[k] = Vote(rule, w[k], ui[k], uj[k]);
      double cij = min_c, cji = min_c;
      for (std::size_t k = 0; k < actors; ++k) {
        const double v = votes[k];
        cij = v > 0 ? cij + v : cij;
        cji = v < 0 ? cji - v : cji;
      }
      c(i, j) = cij;
      c(j, i) = cji;
    }
    c(i, i) = min_c;
  });
  return c;
}

Matrix VictoryMatrix(VictoryModel model, const Matrix& coalitions) {
  const std::size_t n = coalitions.rows;
  Matrix p(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const auto [pij, pji] = VictoryPair(model, coalitions(i, j), coalitions(j, i));
      p(i, j) = pij;
      p(j, i) = pji;
    }
    p(i, i) = 0.5;
  }
  return p;
}

namespace {

std::vector<double> ConditionalPce(const Matrix& pv) {
  const std::size_t n = pv.rows;
  std::vector<double> p(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double pi = 1.0;
    for (std::size_t j = 0; j < n; ++j) pi *= pv(i, j);
    p[i] = pi;
  }
  for (double x : p) total += x;
  for (double& x : p) x /= total;
  return p;
}

std::vector<double> MarkovUniformPce(const Matrix& pv) {
  const std::size_t n = pv.rows;
  std::vector<double> p(n, 1.0 / n), q(n);
  double change = 1.0;
  for (int iter = 0; change > 1e-6 && iter < 100000; ++iter) {
    change = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double pi = 0.0;
      for (std::size_t j = 0; j < n; ++j) pi += pv(i, j) * (p[i] + p[j]);
      q[i] = pi / n;
      change = std::fmax(change, std::fabs(q[i] - p[i]));
    }
    for (std::size_t i = 0; i < n; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

std::vector<double> MarkovIncentivePce(const Matrix& c, const Matrix& pv) {
  const std::size_t n = c.rows;
  Matrix incentive(n, n), challenge(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      incentive(i, j) = c(i, j) * pv(i, j) + (i == j ? 1e-10 : 0.0);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < n; ++k) sum += incentive(k, j);
      challenge(i, j) = incentive(i, j) / sum;
    }
  }
  std::vector<double> p(n, 1.0 / n), q(n);
  double change = 1.0;
  for (int iter = 0; change > 1e-8 && iter < 100000; ++iter) {
    change = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double qi = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        qi += pv(i, j) * (p[i] * challenge(j, i) + p[j] * challenge(i, j));
      }
      q[i] = qi;
      change = std::fmax(change, std::fabs(q[i] - p[i]));
    }
    for (std::size_t i = 0; i < n; ++i) p[i] = (p[i] + q[i]) / 2.0;
  }
  return p;
}

}  // namespace

std::vector<double> Pce(PceModel pce, VictoryModel victory, const Matrix& coalitions) {
  const Matrix pv = VictoryMatrix(victory, coalitions);
  switch (pce) {
    case PceModel::kConditional:
      return ConditionalPce(pv);
    case PceModel::kMarkovIncentive:
      return MarkovIncentivePce(coalitions, pv);
    case PceModel::kMarkovUniform:
      return MarkovUniformPce(pv);
  }
  throw std::logic_error("unknown PCE model");
}

std::vector<double> ScalarPce(VotingRule rule, VictoryModel victory, PceModel pce,
                              const std::vector<double>& w, const Matrix& u, unsigned threads) {
  return Pce(pce, victory, Coalitions(rule, w, u, threads));
}

std::vector<double> RiskFromProbabilities(const std::vector<double>& p, RiskRange range) {
  double p_min = 1.0, p_max = 0.0;
  for (double x : p) {
    p_min = x < p_min ? x : p_min;
    p_max = x > p_max ? x : p_max;
  }
  std::vector<double> r(p.size(), 0.0);
  if (!(p_max > p_min)) return r;
  for (std::size_t i = 0; i < p.size(); ++i) {
    switch (range) {
      case RiskRange::kMin:
        r[i] = (p[i] - p_min) / (p_max - p_min);
        break;
      case RiskRange::kMid:
        r[i] = (3 * p[i] - (p_max + 2 * p_min)) / (2 * (p_max - p_min));
        break;
      case RiskRange::kMax:
        r[i] = (2 * p[i] - (p_max + p_min)) / (p_max - p_min);
        break;
    }
  }
  return r;
}

}  // namespace concert::smp
