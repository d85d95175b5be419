// The turns of the SMP; see turns.h. The order of every floating-point
// operation follows KTAB (smp.cpp, smpbcn.cpp, kmodel.cpp) so that positions
// agree with it bit for bit on its reference runs; comments give the KTAB function.
#include "concert/models/smp/turns.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <type_traits>
#include <utility>

#include "concert/core/random.h"
#include "concert/models/smp/state.h"

namespace concert::smp {
namespace {

// KTAB's round4 in SMPActor::interpBrgnSnPm: to 4 decimals on [0, 1].
double Round4(double x) {
  // KTAB's own rounding (truncating x + 0.5), kept to reproduce it exactly.
  return static_cast<double>(
             static_cast<int>(0.5 + (x * 10000.0))) /  // NOLINT(bugprone-incorrect-roundings)
         10000.0;
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
// Mean utility to every actor a of the state after bargain b (bargains x
// actors): its own view of everyone's position, with the two parties replaced
// by their bargain, summed in KTAB's order (brgnUtil in updateBestBrgnPositions:
// the two bargain positions first, then the others in actor order). The order
// matters: under the binary voting rules a last-bit difference becomes a vote.
Matrix BargainValues(const State& s, const Config& config, const std::vector<ChallengeMade>& made,
                     std::size_t n) {
  Matrix value(made.size(), n);
  ParallelFor(made.size(), StepControl(config, n), [&](std::size_t m) {
    const ChallengeMade& b = made[m];
    for (std::size_t a = 0; a < n; ++a) {
      double sum = 0.0;
      sum = sum + s.PositionUtility(a, b.initiator_position);
      sum = sum + s.PositionUtility(a, b.receiver_position);
      for (std::size_t x = 0; x < n; ++x) {
        if (x != b.initiator && x != b.receiver) sum = sum + s.U(a, a, x);
      }
      value(m, a) = sum / n;
    }
  });
  return value;
}

std::size_t ChooseBargain(const State& s, const Input& in, const Config& config,
                          const Matrix& values, const std::vector<std::size_t>& list, std::size_t k,
                          int turn) {
  const std::size_t n = in.capability.size();
  Matrix u(n, list.size());
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t m = 0; m < list.size(); ++m) {
      u(a, m) = list[m] == kStatusQuo ? s.OwnUtilitySum(a) / n : values(list[m], a);
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
  ParallelFor(n, StepControl(config, n), [&](std::size_t i) { targets[i] = BestTarget(s, i, n); });
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
    // KTAB divides 0 by 0 here when the initiator has no capability (or no
    // salience at all): then the initiator's bargain stands.
    for (std::size_t k = 0; wi + wj > 0 && k < iij.initiator_position.size(); ++k) {
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
  const Matrix values = BargainValues(s, config, made, n);
  std::vector<std::size_t> choice(n);
  ParallelFor(n, StepControl(config, n), [&](std::size_t k) {
    choice[k] = lists[k][ChooseBargain(s, in, config, values, lists[k], k, turn)];
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
