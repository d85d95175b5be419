// concert/models/smp/scalar_math.h — the scalar building blocks of the spatial model
// of politics (smp.h): utility of a distance, votes, coalitions, victory
// probabilities, the probabilistic Condorcet election (PCE) and risk attitudes
// from probabilities. Each function names the KTAB function it follows
// (kmodel.cpp, smp.cpp at lsyaseen/KTAB 3b5b063); the formulas are KTAB's.
#pragma once

#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "concert/core/parallel.h"

namespace concert::smp {

// How an actor turns a difference in utility into influence (KTAB VotingRule).
enum class VotingRule { kBinary, kPropBin, kProportional, kPropCubic, kCubic, kAsymProspect };
// How coalition strengths become a victory probability (KTAB VPModel).
enum class VictoryModel { kLinear, kSquare, kQuartic, kOctic, kBinary };
// Which probabilistic Condorcet election (KTAB PCEModel).
enum class PceModel { kConditional, kMarkovIncentive, kMarkovUniform };
// Range of the risk attitude R estimated from probabilities (KTAB BigRRange).
enum class RiskRange { kMin, kMid, kMax };

// Row-major square or rectangular matrix of doubles.
struct Matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> data;
  Matrix() = default;
  Matrix(std::size_t r, std::size_t c, double fill = 0.0) : rows(r), cols(c), data(r * c, fill) {}
  double& operator()(std::size_t r, std::size_t c) { return data[r * cols + c]; }
  double operator()(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

// Utility of a (salience-weighted) distance d in [0, 1] to an actor with risk
// attitude r (SMPModel::bsUtil): (1 - d)(1 + d r); r = 0 is risk neutral.
// Written as a select of values, not of formulas, so that loops over it vectorise.
inline double DistanceUtility(double d, double r) {
  const double capped = d <= 1 ? d : 1.0;
  return (1 - d) * (1 + capped * r);
}

// Influence an actor of weight w exerts for option 1 over option 2 given its
// utilities of both (Model::vote). Positive: supports option 1.
// Inline: it sits in the innermost loops.
inline double Vote(VotingRule rule, double w, double u1, double u2) {
  const double du = u1 - u2;
  auto binary = [du] { return std::fmax(-1.0, std::fmin(1.0, du / 1e-8)); };
  switch (rule) {
    case VotingRule::kBinary:
      return w * binary();
    case VotingRule::kPropBin:
      return w * ((1 - 0.2) * du + 0.2 * binary());
    case VotingRule::kProportional:
      return w * du;
    case VotingRule::kPropCubic:
      return w * ((1 - 0.5) * du + 0.5 * du * du * du);
    case VotingRule::kCubic:
      return w * (du * du * du);
    case VotingRule::kAsymProspect:
      // Losses count fully, gains two thirds (prospect theory).
      if (du < 0) return w * du;
      if (du > 0) return (2.0 * w * du) / 3.0;
      return 0.0;
  }
  return 0.0;
}

// Probability that a coalition of strength s1 beats one of strength s2
// (Model::vProb, the pairwise form).
double VictoryProbability(VictoryModel model, double s1, double s2);
// Both probabilities, P[1 beats 2] and P[2 beats 1], as KTAB computes them.
std::pair<double, double> VictoryPair(VictoryModel model, double s1, double s2);

// Coalition strengths c(i,j) = 1e-8 + the sum of positive votes for option i
// over j, from weights w (per actor) and utilities u (actors x options)
// (Model::coalitions with Model::vote). The diagonal is 1e-8.
// `threads`: as RunControl::threads (core/parallel.h).
Matrix Coalitions(VotingRule rule, const std::vector<double>& w, const Matrix& u,
                  unsigned threads = 1);

// P[i beats j] for every pair, 0.5 on the diagonal (Model::vProb, matrix form).
Matrix VictoryMatrix(VictoryModel model, const Matrix& coalitions);

// The probability that each option prevails (Model::probCE2): conditional PCE
// (condPCE), Markov incentive (markovIncentivePCE) or Markov uniform
// (markovUniformPCE).
std::vector<double> Pce(PceModel pce, VictoryModel victory, const Matrix& coalitions);

// Model::scalarPCE: the PCE among options with utilities u (actors x options)
// and voting weights w.
std::vector<double> ScalarPce(VotingRule rule, VictoryModel victory, PceModel pce,
                              const std::vector<double>& w, const Matrix& u, unsigned threads = 1);

// Risk attitudes from probabilities (Model::bigRfromProb): the most threatened
// actor gets the lowest R. Mid: R in [-1/2, 1]; Min: [0, 1]; Max: [-1, 1].
// When every probability is equal R is 0 for all (KTAB divides by zero).
std::vector<double> RiskFromProbabilities(const std::vector<double>& p, RiskRange range);

}  // namespace concert::smp
