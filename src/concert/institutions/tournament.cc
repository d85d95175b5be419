#include "concert/institutions/tournament.h"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

#include "concert/core/error.h"

namespace concert {
namespace {

Move Perceive(Move played, double noise, Stream& stream) {
  if (noise > 0 && stream.Uniform() < noise) {
    return played == Move::kCooperate ? Move::kDefect : Move::kCooperate;
  }
  return played;
}

int DrawLength(const MatchOptions& options, Stream& stream) {
  if (options.continuation <= 0) return options.turns;
  int length = 1;
  while (stream.Uniform() < options.continuation && length < 1000000) ++length;
  return length;
}

}  // namespace

void ValidateMatchOptions(const MatchOptions& options) {
  if (options.turns < 1) {
    throw InputError({"", 0, "turns"},
                     fmt::format("expected at least 1 move but got {}", options.turns));
  }
  if (!(options.noise >= 0 && options.noise <= 1)) {
    throw InputError({"", 0, "noise"},
                     fmt::format("expected a probability in [0, 1] but got {}", options.noise));
  }
  if (!(options.discount > 0 && options.discount <= 1)) {
    throw InputError(
        {"", 0, "discount"},
        fmt::format("expected a discount factor in (0, 1] but got {}", options.discount));
  }
  if (!(options.continuation >= 0 && options.continuation < 1)) {
    throw InputError(
        {"", 0, "continuation"},
        fmt::format("expected a probability in [0, 1) but got {}", options.continuation));
  }
  const Payoffs& g = options.payoffs;
  for (const double v : {g.reward, g.temptation, g.sucker, g.punishment}) {
    if (!std::isfinite(v)) {
      throw InputError({"", 0, "payoffs"},
                       fmt::format("expected finite payoffs R T S P but got R={} T={} S={} P={}",
                                   g.reward, g.temptation, g.sucker, g.punishment));
    }
  }
  if (!(g.temptation > g.reward && g.reward > g.punishment && g.punishment > g.sucker)) {
    throw InputError({"", 0, "payoffs"},
                     fmt::format("expected T > R > P > S but got T={} R={} P={} S={}", g.temptation,
                                 g.reward, g.punishment, g.sucker));
  }
}

MatchResult PlayMatch(Strategy& a, Strategy& b, const MatchOptions& options, std::uint64_t seed,
                      std::uint64_t k) {
  Stream stream_a(seed, 4 * k), stream_b(seed, 4 * k + 1), noise(seed, 4 * k + 2),
      length(seed, 4 * k + 3);
  const int turns = DrawLength(options, length);
  const int known = options.continuation > 0 ? 0 : turns;
  MatchResult result;
  std::vector<Move> a_sees, b_sees;  // each player's view of the other
  result.a.reserve(turns);
  result.b.reserve(turns);
  a_sees.reserve(turns);
  b_sees.reserve(turns);
  a.Reset();
  b.Reset();
  double weight = 1;  // discount^t
  for (int t = 0; t < turns; ++t) {
    const Move move_a = a.Next({result.a, a_sees, t, known, options.payoffs}, stream_a);
    const Move move_b = b.Next({result.b, b_sees, t, known, options.payoffs}, stream_b);
    result.score_a += weight * options.payoffs.Score(move_a, move_b);
    result.score_b += weight * options.payoffs.Score(move_b, move_a);
    weight *= options.discount;
    result.a.push_back(move_a);
    result.b.push_back(move_b);
    a_sees.push_back(Perceive(move_b, options.noise, noise));
    b_sees.push_back(Perceive(move_a, options.noise, noise));
  }
  return result;
}

TournamentResult RunTournament(const std::vector<std::string>& specs,
                               const TournamentOptions& options, const RunControl& control) {
  ValidateMatchOptions(options.match);
  ValidateGroupOptions(options.group);
  if (options.repetitions < 1) {
    throw InputError({"", 0, "repetitions"},
                     fmt::format("expected at least 1 but got {}", options.repetitions));
  }
  if (specs.empty()) throw InputError({"", 0, "strategies"}, "expected at least one strategy");
  TournamentResult result;
  for (const std::string& spec : specs) {
    CreatedStrategy created = CreateStrategy(spec);
    for (const std::string& seen : result.specs) {
      if (seen == created.spec) {
        throw InputError({"", 0, "strategies"},
                         fmt::format("strategy '{}' given twice; each strategy already meets its "
                                     "own twin",
                                     created.spec));
      }
    }
    result.specs.push_back(created.spec);
    result.infos.push_back(created.info);
  }
  const std::size_t n = specs.size();
  const std::size_t reps = static_cast<std::size_t>(options.repetitions);
  // Per ordered pair (i, j) with i <= j and repetition: both players' totals.
  std::vector<double> first(n * n * reps), second(n * n * reps);
  std::vector<double> coop_first(n * n * reps), coop_second(n * n * reps);
  std::vector<double> moves(n * n * reps);
  const bool grouped = options.group.size > 2;
  const auto group_size = static_cast<std::size_t>(options.group.size);
  ParallelFor(n * n * reps, control, [&](std::size_t k) {
    const std::size_t pair = k / reps, i = pair / n, j = pair % n;
    if (j < i && !grouped) return;
    auto a = CreateStrategy(specs[i]).strategy;
    if (grouped) {
      // One row player and N - 1 col players.
      std::vector<std::unique_ptr<Strategy>> owned;
      std::vector<Strategy*> players{a.get()};
      for (std::size_t p = 1; p < group_size; ++p) {
        owned.push_back(CreateStrategy(specs[j]).strategy);
        players.push_back(owned.back().get());
      }
      std::vector<Move> row;
      const std::vector<double> totals =
          PlayGroup(players, options.match, options.group, options.seed, k, &row);
      double all = 0;
      for (double v : totals) all += v;
      first[k] = i == j ? all / static_cast<double>(group_size) : totals[0];
      for (Move move : row) coop_first[k] += move == Move::kCooperate;
      moves[k] = static_cast<double>(row.size());
      return;
    }
    auto b = CreateStrategy(specs[j]).strategy;
    const MatchResult m = PlayMatch(*a, *b, options.match, options.seed, k);
    first[k] = m.score_a;
    second[k] = m.score_b;
    for (Move move : m.a) coop_first[k] += move == Move::kCooperate;
    for (Move move : m.b) coop_second[k] += move == Move::kCooperate;
    moves[k] = static_cast<double>(m.a.size());
  });

  result.matrix.assign(n, std::vector<double>(n, 0.0));
  std::vector<double> coop(n, 0.0), played(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = grouped ? 0 : i; j < n; ++j) {
      for (std::size_t r = 0; r < reps; ++r) {
        const std::size_t k = (i * n + j) * reps + r;
        if (grouped) {
          result.matrix[i][j] += first[k] / reps;
        } else if (i == j) {
          result.matrix[i][i] += (first[k] + second[k]) / 2 / reps;
        } else {
          result.matrix[i][j] += first[k] / reps;
          result.matrix[j][i] += second[k] / reps;
        }
        coop[i] += coop_first[k];
        played[i] += moves[k];
        if (!grouped) {
          coop[j] += coop_second[k];
          played[j] += moves[k];
        }
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    double total = 0;
    for (double v : result.matrix[i]) total += v;
    result.scores.push_back(total / n);
    result.cooperation.push_back(coop[i] / played[i]);
  }
  return result;
}

}  // namespace concert
