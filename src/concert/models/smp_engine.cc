// The turns of the SMP; see smp_engine.h. The order of every floating-point
// operation follows KTAB (smp.cpp, smpbcn.cpp, kmodel.cpp) so that positions
// agree with it to ~1e-12; comments give the KTAB function.
#include "concert/models/smp_engine.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <type_traits>
#include <utility>

#include "concert/core/random.h"

namespace concert::smp {
namespace {

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

// Threads for a step over n actors: one below 32 actors (not worth it).
unsigned Threads(const Config& config, std::size_t n) { return n < 32 ? 1 : config.threads; }

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

// One state: positions (= ideals), distances, risk attitudes and utilities.
class State {
 public:
  State(const Input& in, const Config& config, Matrix position)
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
    for (std::size_t k = 0; k < n_ * n_; ++k)
      neutral.data[k] = DistanceUtility(distance_.data[k], 0);
    const auto p = ScalarPce(config_.voting, config_.victory, config_.pce, in_.capability, neutral,
                             Threads(config_, n_));
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

  // Sum over x of a's utility for x's position (status quo of SMPState::updateBestBrgnPositions).
  double OwnUtilitySum(std::size_t a) const { return own_sum_[a]; }
  static const double* Row(const Matrix& m, std::size_t r) { return &m.data[r * m.cols]; }
  const Matrix& position() const { return x_; }
  const std::vector<double>& risk() const { return risk_; }
  // h's estimate of i's utility for j's position (aUtil[h](i, j)).
  double U(std::size_t h, std::size_t i, std::size_t j) const {
    return DistanceUtility(distance_(i, j), estimate_(h, i));
  }
  // a's utility for a position p not held by anyone (SMPActor::posUtil).
  double PositionUtility(std::size_t a, const std::vector<double>& p) const {
    return DistanceUtility(WeightedDistance(Row(x_, a), p.data(), Row(in_.salience, a), dims_),
                           risk_[a]);
  }

  // Distinct positions (State::setUENdx, equivalence within 1e-3 on [0, 1])
  // and the PCE among them from each actor's own view (SMPState::pDist(-1)).
  void Distinct(Turn& turn) const {
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
                                          in_.capability, u, Threads(config_, n_));
  }

  // h's estimate of the probability that i beats j and of the change in k's
  // utility when i challenges j (SMPState::probEduChlg).
  std::pair<double, double> Challenge(std::size_t h, std::size_t k, std::size_t i,
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

  double total_salience(std::size_t i) const { return total_salience_[i]; }

 private:
  template <VotingRule vr, Commitment commitment>
  std::pair<double, double> ChallengeT(std::size_t h, std::size_t k, std::size_t i,
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
  static double ThirdPartyVote(double wk, double pik, double pjk, double uki, double ukj,
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

  const Input& in_;
  const Config& config_;
  Matrix x_;
  std::size_t n_, dims_;
  Matrix distance_, distance_t_, estimate_;
  std::vector<double> risk_, total_salience_, own_sum_, self_distance_, weight_;
};

// KTAB's round4 in SMPActor::interpBrgnSnPm: to 4 decimals on [0, 1].
double Round4(double x) {
  return static_cast<double>(static_cast<int>(0.5 + (x * 10000.0))) / 10000.0;
}

// The bargain i proposes to j (SMPActor::interpolateBrgn): per dimension, both
// move to nearly the same point, weighted by salience and probability.
ChallengeMade Interpolate(const Input& in, const Matrix& x, Interpolation how, std::size_t i,
                          std::size_t j, double prob_i, double prob_j) {
  ChallengeMade b;
  b.initiator = i;
  b.receiver = j;
  const std::size_t dims = x.cols;
  b.initiator_position.resize(dims);
  b.receiver_position.resize(dims);
  for (std::size_t k = 0; k < dims; ++k) {
    const double tik = x(i, k), sik = in.salience(i, k), tjk = x(j, k), sjk = in.salience(j, k);
    double bik = 0, bjk = 0;
    if (how == Interpolation::kS2PMax) {
      const double di = prob_j > prob_i ? prob_j - prob_i : 0;
      const double dj = prob_i > prob_j ? prob_i - prob_j : 0;
      const double sik2 = sik * sik, sjk2 = sjk * sjk, min_w = 1e-6;
      const double dik = (di * sjk2) / ((di * sjk2) + min_w + ((1 - di) * sik2));
      const double djk = (dj * sik2) / ((dj * sik2) + min_w + ((1 - dj) * sjk2));
      bik = tik + dik * (tjk - tik);
      bjk = tjk + djk * (tik - tjk);
    } else {
      const double e = how == Interpolation::kS1P1 ? 1 : 2;
      const double wik = std::pow(sik, e) * std::pow(prob_i, e);
      const double wjk = std::pow(sjk, e) * std::pow(prob_j, e);
      const double min_w = 1e-6;
      bik = Round4(((wik + min_w) * tik + wjk * tjk) / (wik + min_w + wjk));
      bjk = Round4((wik * tik + (min_w + wjk) * tjk) / (wik + min_w + wjk));
    }
    b.initiator_position[k] = bik;
    b.receiver_position[k] = bjk;
  }
  return b;
}

// The best target of i (SMPState::bestChallenge over probEduChlg(i, i, i, j)):
// the first j with the largest expected gain above 1e-5; none when no gain.
std::optional<std::pair<std::size_t, std::pair<double, double>>> BestTarget(const State& s,
                                                                            std::size_t i,
                                                                            std::size_t n) {
  std::optional<std::pair<std::size_t, std::pair<double, double>>> best;
  double best_eu = -1.0;
  for (std::size_t j = 0; j < n; ++j) {
    if (j == i) continue;
    const auto pe = s.Challenge(i, i, i, j);
    if (1e-5 < pe.second && best_eu < pe.second) {
      best = {j, pe};
      best_eu = pe.second;
    }
  }
  return best;
}

// A bargain on actor k's list: an index into the turn's challenges, or the
// status quo.
constexpr std::size_t kStatusQuo = static_cast<std::size_t>(-1);

// Actor k's choice among its bargains (SMPState::updateBestBrgnPositions).
std::size_t ChooseBargain(const State& s, const Input& in, const Config& config,
                          const std::vector<ChallengeMade>& made,
                          const std::vector<std::size_t>& list, std::size_t k, int turn) {
  const std::size_t n = in.capability.size();
  // Mean utility to each actor a of the state after bargain m: its own view of
  // everyone's position, with the two parties replaced by their bargain. The
  // status-quo sum is computed once per actor (KTAB re-sums it per bargain, in
  // another order: the results differ in the last bits only).
  Matrix u(n, list.size());
  for (std::size_t a = 0; a < n; ++a) {
    const double status_quo = s.OwnUtilitySum(a);
    for (std::size_t m = 0; m < list.size(); ++m) {
      double sum = status_quo;
      if (list[m] != kStatusQuo) {
        const ChallengeMade& b = made[list[m]];
        sum = s.PositionUtility(a, b.initiator_position) +
              s.PositionUtility(a, b.receiver_position) +
              (status_quo - s.U(a, a, b.initiator) - s.U(a, a, b.receiver));
      }
      u(a, m) = sum / n;
    }
  }
  const auto p = ScalarPce(config.voting, config.victory, config.pce, in.capability, u);
  if (config.stochastic) {
    Stream stream(config.seed, static_cast<std::uint64_t>(turn) * n + k);
    const double r = stream.Uniform();
    double cumulative = 0;
    for (std::size_t m = 0; m < p.size(); ++m) {
      cumulative += p[m];
      if (r < cumulative) return m;
    }
    return p.size() - 1;
  }
  std::size_t best = 0;  // KBase::ndxMaxAbs: the first maximum
  for (std::size_t m = 1; m < p.size(); ++m) {
    if (std::fabs(p[best]) < std::fabs(p[m])) best = m;
  }
  return best;
}

// The bargains proposed from state s (SMPState::doBCN(i), run for i in order).
std::vector<ChallengeMade> Propose(const State& s, const Input& in, const Config& config) {
  const std::size_t n = in.capability.size();
  std::vector<ChallengeMade> made;
  std::vector<std::optional<std::pair<std::size_t, std::pair<double, double>>>> targets(n);
  ParallelFor(n, Threads(config, n), [&](std::size_t i) { targets[i] = BestTarget(s, i, n); });
  for (std::size_t i = 0; i < n; ++i) {
    const auto& target = targets[i];
    if (!target || !(target->second.second > 0)) continue;
    const std::size_t j = target->first;
    const double p_i = target->second.first, gain = target->second.second;
    ChallengeMade iij = Interpolate(in, s.position(), config.interpolation, i, j, p_i, 1 - p_i);
    iij.probability = p_i;
    iij.gain = gain;
    if (config.bargain == BargainModel::kInitiator) {
      made.push_back(std::move(iij));
      continue;
    }
    // j's estimate that i prevails, and the bargain from j's point of view.
    const double p_j = s.Challenge(j, i, i, j).first;
    ChallengeMade jij = Interpolate(in, s.position(), config.interpolation, i, j, p_j, 1 - p_j);
    jij.probability = p_i;
    jij.gain = gain;
    if (config.bargain == BargainModel::kBoth) {
      made.push_back(std::move(iij));
      made.push_back(std::move(jij));
      continue;
    }
    // Power-weighted compromise. KTAB weighs j's view by i's capability times
    // j's salience (scj is taken from brgnJIJ->actInit, which is i); kept.
    const double wi = in.capability[i] * s.total_salience(i);
    const double wj = in.capability[i] * s.total_salience(j);
    for (std::size_t k = 0; k < iij.initiator_position.size(); ++k) {
      iij.initiator_position[k] =
          (wi * iij.initiator_position[k] + wj * jij.initiator_position[k]) / (wi + wj);
      iij.receiver_position[k] =
          (wi * iij.receiver_position[k] + wj * jij.receiver_position[k]) / (wi + wj);
    }
    made.push_back(std::move(iij));
  }
  return made;
}

// Every actor adopts its side of its best bargain; returns the new positions.
Matrix Resolve(const State& s, const Input& in, const Config& config,
               std::vector<ChallengeMade>& made, int turn) {
  const std::size_t n = in.capability.size();
  // Each actor's list in the order a sequential KTAB run builds it: bargains
  // from earlier initiators that target it, its status quo, its own, later ones.
  std::vector<std::vector<std::size_t>> lists(n);
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    lists[i].push_back(kStatusQuo);
    for (; next < made.size() && made[next].initiator == i; ++next) {
      lists[i].push_back(next);
      lists[made[next].receiver].push_back(next);
    }
  }
  std::vector<std::size_t> choice(n);
  ParallelFor(n, Threads(config, n), [&](std::size_t k) {
    choice[k] = lists[k][ChooseBargain(s, in, config, made, lists[k], k, turn)];
  });
  Matrix x = s.position();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t chosen = choice[k];
    if (chosen == kStatusQuo) continue;
    ChallengeMade& b = made[chosen];
    const bool init = b.initiator == k;
    (init ? b.initiator_adopted : b.receiver_adopted) = true;
    const auto& p = init ? b.initiator_position : b.receiver_position;
    for (std::size_t d = 0; d < x.cols; ++d) x(k, d) = p[d];
  }
  return x;
}

Turn Record(const State& s, int turn) {
  Turn t;
  t.turn = turn;
  t.position = s.position();
  t.risk = s.risk();
  s.Distinct(t);
  return t;
}

}  // namespace

Result Run(const Input& input, const Config& config, const std::function<void(int)>& progress,
           const std::function<bool()>& cancel) {
  Result result;
  auto state = std::make_unique<State>(input, config, input.position);
  result.turns.push_back(Record(*state, 0));
  const std::size_t n = input.capability.size(), dims = input.position.cols;
  double first_change = 0;
  for (int turn = 1;; ++turn) {
    Turn& previous = result.turns.back();
    previous.challenges = Propose(*state, input, config);
    Matrix x = Resolve(*state, input, config, previous.challenges, turn);
    auto next = std::make_unique<State>(input, config, std::move(x));
    Turn t = Record(*next, turn);
    for (std::size_t i = 0; i < n; ++i) {  // SMPModel::stateDist
      t.change += Norm(State::Row(t.position, i), State::Row(previous.position, i), dims);
    }
    if (turn == 1) first_change = t.change + 1e-4;
    const double ratio = t.change / first_change;
    result.turns.push_back(std::move(t));
    state = std::move(next);
    if (progress) progress(turn);
    if (turn >= config.max_turns) {
      result.stop_reason = fmt::format("reached the maximum of {} turns", config.max_turns);
      break;
    }
    if (turn >= config.min_turns && ratio < config.stop_ratio) {
      result.stop_reason = fmt::format(
          "converged after {} turns: the last change is {:.4g} of the first (threshold {})", turn,
          ratio, config.stop_ratio);
      break;
    }
    if (cancel && cancel()) {
      result.stop_reason = fmt::format("cancelled after {} turns", turn);
      result.cancelled = true;
      break;
    }
  }
  return result;
}

}  // namespace concert::smp
