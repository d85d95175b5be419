// The N-player public-goods form of the repeated prisoner's dilemma (tournament.h):
// each contribution costs its player 1 and returns M / N to every player.
#include <fmt/format.h>

#include "concert/core/error.h"
#include "concert/institutions/tournament.h"

namespace concert {

Payoffs GroupPayoffs(const GroupOptions& g) {
  const double n = g.size, m = g.multiplier;
  return {m - 1, m * (n - 1) / n, m / n - 1, 0};
}

void ValidateGroupOptions(const GroupOptions& g) {
  if (g.size < 2 || g.size > 1000) {
    throw InputError({"", 0, "group_size"},
                     fmt::format("expected 2 to 1000 players but got {}", g.size));
  }
  if (g.size > 2 && !(g.multiplier > 1 && g.multiplier < g.size)) {
    throw InputError({"", 0, "multiplier"},
                     fmt::format("expected 1 < multiplier < group size ({}) so that contributing "
                                 "is a social dilemma, but got {}",
                                 g.size, g.multiplier));
  }
  if (!(g.quorum > 0 && g.quorum <= 1)) {
    throw InputError({"", 0, "quorum"},
                     fmt::format("expected a share in (0, 1] but got {}", g.quorum));
  }
}

std::vector<double> PlayGroup(const std::vector<Strategy*>& players, const MatchOptions& match,
                              const GroupOptions& group, std::uint64_t seed, std::uint64_t k,
                              std::vector<Move>* row_moves) {
  const std::size_t n = players.size();
  const std::uint64_t base = (n + 1) * k;
  std::vector<Stream> streams;
  for (std::size_t p = 0; p < n; ++p) streams.emplace_back(seed, base + p);
  Stream noise(seed, base + n);
  int turns = match.turns;
  if (match.continuation > 0) {
    turns = 1;
    while (noise.Uniform() < match.continuation && turns < 1000000) ++turns;
  }
  const int known = match.continuation > 0 ? 0 : turns;
  const Payoffs payoffs = GroupPayoffs(group);
  std::vector<std::vector<Move>> mine(n), seen(n);
  std::vector<Move> moves(n);
  std::vector<double> totals(n, 0.0);
  for (Strategy* s : players) s->Reset();
  const double others = static_cast<double>(n - 1);
  double weight = 1;  // discount^t
  for (int t = 0; t < turns; ++t) {
    int contributors = 0;
    for (std::size_t p = 0; p < n; ++p) {
      moves[p] = players[p]->Next({mine[p], seen[p], t, known, payoffs}, streams[p]);
      contributors += moves[p] == Move::kCooperate;
    }
    const double share = group.multiplier * contributors / static_cast<double>(n);
    for (std::size_t p = 0; p < n; ++p) {
      totals[p] += weight * (share - (moves[p] == Move::kCooperate ? 1.0 : 0.0));
      mine[p].push_back(moves[p]);
      int perceived = 0;  // others seen contributing
      for (std::size_t q = 0; q < n; ++q) {
        if (q == p) continue;
        bool cooperated = moves[q] == Move::kCooperate;
        if (match.noise > 0 && noise.Uniform() < match.noise) cooperated = !cooperated;
        perceived += cooperated;
      }
      seen[p].push_back(perceived >= group.quorum * others - 1e-9 ? Move::kCooperate
                                                                  : Move::kDefect);
    }
  }
  if (row_moves != nullptr) *row_moves = mine[0];
  return totals;
}

}  // namespace concert
