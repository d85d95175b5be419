// The random-rate execution loop: mutual best, concessions, deadlock.
#include "concert/models/exchange/random_rate_loop.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "concert/models/exchange/rates.h"

namespace concert::exchange {

bool SameGain(double a, double b) {
  return std::abs(a - b) <= kTieTolerance * std::max(std::abs(a), std::abs(b)) + 1e-14;
}

namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();

// Per actor: its highest gain and its highest gain not equal to that.
struct Best {
  std::vector<double> first, second;
};

template <typename T>
Best BestGains(std::size_t actors, const std::vector<Exchange<T>>& all,
               const std::vector<std::size_t>& alive) {
  Best best{std::vector<double>(actors, kNone), std::vector<double>(actors, kNone)};
  for (std::size_t k : alive) {
    for (const Side<T>* side : {&all[k].i, &all[k].j}) {
      double& first = best.first[side->actor];
      first = std::max(first, ToDouble(side->eu));
    }
  }
  for (std::size_t k : alive) {
    for (const Side<T>* side : {&all[k].i, &all[k].j}) {
      const double eu = ToDouble(side->eu);
      double& second = best.second[side->actor];
      if (!SameGain(eu, best.first[side->actor]) && eu > second) second = eu;
    }
  }
  return best;
}

}  // namespace

template <typename T>
void ExecuteMutualBest(const Round<T>& round, std::size_t actors, std::vector<Exchange<T>>& all,
                       RoundResult<T>& result, const RoundOptions<T>& options) {
  std::vector<std::size_t> alive;
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (all[k].valid) alive.push_back(k);
  }
  auto at_best = [](const Best& best, const Side<T>& side) {
    return SameGain(ToDouble(side.eu), best.first[side.actor]);
  };
  int idle = 0;
  while (!alive.empty()) {
    const Best best = BestGains(actors, all, alive);
    std::size_t chosen = all.size();
    double score = kNone;
    for (std::size_t k : alive) {
      const Exchange<T>& e = all[k];
      if (!at_best(best, e.i) || !at_best(best, e.j)) continue;
      const double smaller = std::min(ToDouble(e.i.eu), ToDouble(e.j.eu));
      if (chosen == all.size() || smaller > score) {
        chosen = k;
        score = smaller;
      }
    }
    if (chosen != all.size()) {
      if (options.on_execute) {
        std::vector<const Exchange<T>*> in_play;
        in_play.reserve(alive.size());
        for (std::size_t k : alive) in_play.push_back(&all[k]);
        options.on_execute(in_play, all[chosen]);
      }
      const Exchange<T>& done = all[chosen];
      std::vector<std::size_t> kept;
      for (std::size_t k : alive) {
        if (k == chosen) continue;
        round.Recalculate(all[k], done);
        if (all[k].valid) kept.push_back(k);
      }
      alive = std::move(kept);
      result.executed.push_back({done, static_cast<int>(result.executed.size()) + 1, {}, {}});
      idle = 0;
      continue;
    }
    // No exchange is best for both. The actor with the highest best gain (that
    // has a lower one) concedes on its best exchanges down to its second best.
    std::size_t conceder = actors;
    for (std::size_t a = 0; a < actors; ++a) {
      if (best.second[a] == kNone) continue;
      if (conceder == actors || best.first[a] > best.first[conceder]) conceder = a;
    }
    if (conceder == actors || ++idle > options.rates.max_passes) {
      result.deadlock = true;
      break;
    }
    ++result.passes;
    const T target = Num<T>(best.second[conceder]);
    for (std::size_t k : alive) {
      Exchange<T>& e = all[k];
      if (e.i.actor == conceder && at_best(best, e.i)) {
        Concede(round, e, 0, target);
      } else if (e.j.actor == conceder && at_best(best, e.j)) {
        Concede(round, e, 1, target);
      }
    }
    std::vector<std::size_t> kept;
    for (std::size_t k : alive) {
      if (all[k].valid) kept.push_back(k);
    }
    alive = std::move(kept);
  }
}

template void ExecuteMutualBest(const Round<double>&, std::size_t, std::vector<Exchange<double>>&,
                                RoundResult<double>&, const RoundOptions<double>&);
template void ExecuteMutualBest(const Round<Decimal28>&, std::size_t,
                                std::vector<Exchange<Decimal28>>&, RoundResult<Decimal28>&,
                                const RoundOptions<Decimal28>&);

}  // namespace concert::exchange
