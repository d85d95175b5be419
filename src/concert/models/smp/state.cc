// One state of the SMP; see state.h. The order of every floating-point
// operation follows KTAB (smp.cpp, smpbcn.cpp, kmodel.cpp) so that results
// agree with it bit for bit on its reference runs; comments give the KTAB function.
#include "concert/models/smp/state.h"

#include <cmath>
#include <type_traits>

namespace concert::smp {
namespace {

double EstimateRisk(double rh, double ri, RiskAdjust adjust) {  // Model::estNRA
  switch (adjust) {
    case RiskAdjust::kFull:
      return ri;
    case RiskAdjust::kTwoThirds:
      return (rh + (2.0 * ri)) / 3.0;
    case RiskAdjust::kHalf:
      return (rh + ri) / 2;
    case RiskAdjust::kOneThird:
      return ((2.0 * rh) + ri) / 3.0;
    case RiskAdjust::kNone:
      return rh;
  }
  return rh;
}

}  // namespace

double Norm(const double* a, const double* b, std::size_t n) {  // KBase::norm(a - b)
  double s = 0.0;
  for (std::size_t k = 0; k < n; ++k) s += (a[k] - b[k]) * (a[k] - b[k]);
  return std::sqrt(s);
}

// Salience-weighted distance from ideal a to position b (SMPModel::bvDiff).
double WeightedDistance(const double* ideal, const double* pos, const double* sal, std::size_t n) {
  double ds_sqr = 0, ss_sqr = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double ds = (ideal[k] - pos[k]) * sal[k];
    ds_sqr += ds * ds;
    ss_sqr += sal[k] * sal[k];
  }
  return ss_sqr > 0 ? std::sqrt(ds_sqr / ss_sqr) : 0.0;  // no salience: indifferent
}

RunControl StepControl(const Config& config, std::size_t n) {
  RunControl control;
  control.threads = n < 32 ? 1 : config.threads;
  return control;
}

State::State(const Input& in, const Config& config, Matrix position)
    : in_(in), config_(config), x_(std::move(position)), n_(x_.rows), dims_(x_.cols) {
  total_salience_.assign(n_, 0.0);  // KBase::sum(vSal)
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t k = 0; k < dims_; ++k) total_salience_[i] += in_.salience(i, k);
  }
  distance_ = Matrix(n_, n_);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t j = 0; j < n_; ++j) {
      distance_(i, j) = WeightedDistance(Row(x_, i), Row(x_, j), Row(in_.salience, i), dims_);
    }
  }
  // Risk attitudes (SMPState::setAllAUtil): PCE with risk-neutral utilities.
  Matrix neutral(n_, n_);
  for (std::size_t k = 0; k < n_ * n_; ++k) neutral.data[k] = DistanceUtility(distance_.data[k], 0);
  const auto p = ScalarPce(config_.voting, config_.victory, config_.pce, in_.capability, neutral,
                           StepControl(config_, n_).threads);
  risk_ = RiskFromProbabilities(p, config_.risk_range);
  estimate_ = Matrix(n_, n_);
  for (std::size_t h = 0; h < n_; ++h) {
    for (std::size_t i = 0; i < n_; ++i) {
      estimate_(h, i) = EstimateRisk(risk_[h], risk_[i], config_.risk_adjust);
    }
  }
  distance_t_ = Matrix(n_, n_);
  self_distance_.resize(n_);
  weight_.resize(n_);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t j = 0; j < n_; ++j) distance_t_(j, i) = distance_(i, j);
    self_distance_[i] = distance_(i, i);
    weight_[i] = total_salience_[i] * in_.capability[i];
  }
  own_sum_.assign(n_, 0.0);
  for (std::size_t a = 0; a < n_; ++a) {
    for (std::size_t x = 0; x < n_; ++x) own_sum_[a] = own_sum_[a] + U(a, a, x);
  }
}

// Distinct positions (State::setUENdx, equivalence within 1e-3 on [0, 1])
// and the PCE among them from each actor's own view (SMPState::pDist(-1)).
void State::Distinct(Turn& turn) const {
  std::vector<std::size_t> unique;
  for (std::size_t i = 0; i < n_; ++i) {
    std::size_t found = unique.size();
    for (std::size_t u = 0; u < unique.size() && found == unique.size(); ++u) {
      if (Norm(Row(x_, i), Row(x_, unique[u]), dims_) < 1e-3) found = u;
    }
    if (found == unique.size()) {
      unique.push_back(i);
      turn.distinct.push_back({});
    }
    turn.distinct[found].push_back(i);
  }
  Matrix u(n_, unique.size());
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t m = 0; m < unique.size(); ++m) u(i, m) = U(i, i, unique[m]);
  }
  turn.distinct_probability = ScalarPce(config_.voting, config_.victory, config_.pce,
                                        in_.capability, u, StepControl(config_, n_).threads);
}

// h's estimate of the probability that i beats j and of the change in k's
// utility when i challenges j (SMPState::probEduChlg).
std::pair<double, double> State::Challenge(std::size_t h, std::size_t k, std::size_t i,
                                           std::size_t j) const {
  // The voting rule and commitment as template arguments, so that the
  // innermost loop has no switch (it runs n^3 times a turn).
  auto with_commit = [&](auto rule) {
    switch (config_.commitment) {
      case Commitment::kNone:
        return ChallengeT<decltype(rule)::value, Commitment::kNone>(h, k, i, j);
      case Commitment::kSemi:
        return ChallengeT<decltype(rule)::value, Commitment::kSemi>(h, k, i, j);
      case Commitment::kFull:
        break;
    }
    return ChallengeT<decltype(rule)::value, Commitment::kFull>(h, k, i, j);
  };
  switch (config_.voting) {
    case VotingRule::kBinary:
      return with_commit(std::integral_constant<VotingRule, VotingRule::kBinary>());
    case VotingRule::kPropBin:
      return with_commit(std::integral_constant<VotingRule, VotingRule::kPropBin>());
    case VotingRule::kProportional:
      return with_commit(std::integral_constant<VotingRule, VotingRule::kProportional>());
    case VotingRule::kPropCubic:
      return with_commit(std::integral_constant<VotingRule, VotingRule::kPropCubic>());
    case VotingRule::kCubic:
      return with_commit(std::integral_constant<VotingRule, VotingRule::kCubic>());
    case VotingRule::kAsymProspect:
      break;
  }
  return with_commit(std::integral_constant<VotingRule, VotingRule::kAsymProspect>());
}

template <VotingRule vr, Commitment commitment>
std::pair<double, double> State::ChallengeT(std::size_t h, std::size_t k, std::size_t i,
                                            std::size_t j) const {
  const double uii = U(h, i, i), uij = U(h, i, j), uji = U(h, j, i), ujj = U(h, j, j);
  const double eu_sq = U(h, k, i) + U(h, k, j);
  const double uhkij = U(h, k, i) + U(h, k, i);
  const double uhkji = U(h, k, j) + U(h, k, j);
  const double si = total_salience_[i], sj = total_salience_[j];
  const double contrib_i = Vote(vr, si * in_.capability[i], uii, uij);
  const double contrib_j = Vote(vr, sj * in_.capability[j], uji, ujj);
  double chij = 1e-10, chji = 1e-10;
  if (contrib_i > 0.0) chij = chij + contrib_i;
  if (contrib_i < 0.0) chji = chji - contrib_i;
  if (contrib_j > 0.0) chij = chij + contrib_j;
  if (contrib_j < 0.0) chji = chji - contrib_j;
  const double ci = chij, cj = chji;
  // Contiguous rows: distance of every n to i's and j's positions, h's risk estimates.
  const double* to_i = &distance_t_.data[i * n_];
  const double* to_j = &distance_t_.data[j * n_];
  const double* est = &estimate_.data[h * n_];
  // Two passes: every third party's vote (independent, so the compiler can
  // vectorise), then the coalition sums in KTAB's order (a zero vote for i
  // and j themselves leaves them unchanged).
  thread_local std::vector<double> votes;
  votes.resize(n_);
  double* vote = votes.data();
  const double* weight = weight_.data();
  const double* self = self_distance_.data();
  for (std::size_t n = 0; n < n_; ++n) {
    const double uni = DistanceUtility(to_i[n], est[n]), unj = DistanceUtility(to_j[n], est[n]);
    const double unn = DistanceUtility(self[n], est[n]);
    // Actor::vProbLittle: n's view of who wins if it joins i.
    const double v = Vote(vr, weight[n], uni, unj);
    // ci + 0 is ci exactly: selecting the addend keeps KTAB's bits and vectorises.
    const double cni = ci + (v > 0 ? v : 0.0);
    const double cnj = cj - (v < 0 ? v : 0.0);
    const double pin = cni / (cni + cnj);
    vote[n] = ThirdPartyVote<vr, commitment>(weight[n], pin, 1.0 - pin, uni, unj, unn);
  }
  vote[i] = 0.0;
  vote[j] = 0.0;
  for (std::size_t n = 0; n < n_; ++n) {
    const double vnij = vote[n];
    chij = vnij > 0 ? chij + vnij : chij;
    chji = vnij < 0 ? chji - vnij : chji;
  }
  const double phij = chij / (chij + chji);
  const double phji = chji / (chij + chji);
  const double eu_contest = phij * uhkij + phji * uhkji;
  const double eu_challenge = (1 - sj) * uhkij + sj * eu_contest;
  return {phij, eu_challenge - eu_sq};
}

// Actor::thirdPartyVoteSU: a third party's vote for (i with it) over (j with it).
template <VotingRule vr, Commitment commitment>
double State::ThirdPartyVote(double wk, double pik, double pjk, double uki, double ukj,
                             double ukk) {
  double ik_def_j = uki + uki + ukk, j_def_ik = ukj + ukj + ukj;
  double i_def_jk = uki + uki + uki, jk_def_i = ukj + ukj + ukk;
  if constexpr (commitment == Commitment::kFull) {
    ik_def_j = uki + uki + uki;
    jk_def_i = ukj + ukj + ukj;
  } else if constexpr (commitment == Commitment::kNone) {
    j_def_ik = ukj + ukj + ukk;
    i_def_jk = uki + uki + ukk;
  }
  const double u_ik_j = (pik * ik_def_j) + (pjk * j_def_ik);
  const double u_i_jk = (pik * i_def_jk) + (pjk * jk_def_i);
  return Vote(vr, wk, u_ik_j, u_i_jk);
}

}  // namespace concert::smp
