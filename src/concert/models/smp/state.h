// concert/models/smp/state.h — one state of the SMP (internal to turns.cc):
// positions (= ideals, KTAB's identity accommodation), salience-weighted
// distances, risk attitudes, every actor's estimate of every utility, and the
// expected value of a challenge. See turns.h for the turn.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/models/smp/scalar_math.h"
#include "concert/models/smp/turns.h"

namespace concert::smp {

// |a - b| over n dimensions (KBase::norm of the difference).
double Norm(const double* a, const double* b, std::size_t n);
// Salience-weighted distance from an ideal to a position (SMPModel::bvDiff); 0
// when every salience is 0.
double WeightedDistance(const double* ideal, const double* pos, const double* sal, std::size_t n);
// The parallel loop's control for a step over n actors: one thread below 32
// actors (not worth it), else config.threads.
RunControl StepControl(const Config& config, std::size_t n);

class State {
 public:
  State(const Input& in, const Config& config, Matrix position);

  static const double* Row(const Matrix& m, std::size_t r) { return &m.data[r * m.cols]; }
  const Matrix& position() const { return x_; }
  const std::vector<double>& risk() const { return risk_; }
  double total_salience(std::size_t i) const { return total_salience_[i]; }
  // h's estimate of i's utility for j's position (aUtil[h](i, j)).
  double U(std::size_t h, std::size_t i, std::size_t j) const {
    return DistanceUtility(distance_(i, j), estimate_(h, i));
  }
  // Sum over x of a's utility for x's position (the status quo's value in
  // SMPState::updateBestBrgnPositions).
  double OwnUtilitySum(std::size_t a) const { return own_sum_[a]; }
  // a's utility for a position p not held by anyone (SMPActor::posUtil).
  double PositionUtility(std::size_t a, const std::vector<double>& p) const {
    return DistanceUtility(WeightedDistance(Row(x_, a), p.data(), Row(in_.salience, a), dims_),
                           risk_[a]);
  }
  // Fills turn.distinct and turn.distinct_probability.
  void Distinct(Turn& turn) const;
  // h's estimate of the probability that i beats j and of the change in k's
  // utility when i challenges j (SMPState::probEduChlg).
  std::pair<double, double> Challenge(std::size_t h, std::size_t k, std::size_t i,
                                      std::size_t j) const;

 private:
  template <VotingRule vr, Commitment commitment>
  std::pair<double, double> ChallengeT(std::size_t h, std::size_t k, std::size_t i,
                                       std::size_t j) const;
  template <VotingRule vr, Commitment commitment>
  static double ThirdPartyVote(double wk, double pik, double pjk, double uki, double ukj,
                               double ukk);

  const Input& in_;
  const Config& config_;
  Matrix x_;
  std::size_t n_, dims_;
  Matrix distance_, distance_t_, estimate_;
  std::vector<double> risk_, total_salience_, own_sum_, self_distance_, weight_;
};

}  // namespace concert::smp
