// concert/institutions/tournament.h — matches and round-robin tournaments of
// the iterated prisoner's dilemma (Axelrod 1980; Axelrod 1984, ch. 2).
//
// A match is `turns` moves between two strategies (or, with a continuation
// probability w, a length drawn from the geometric law P(length > t) = w^t,
// unknown to the players). With noise e each player misreads each of the
// other's moves with probability e, independently; payoffs follow the moves
// actually played. Match k of a tournament draws every random number from
// Streams built from (seed, k), so results do not depend on thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/institutions/strategy.h"

namespace concert {

struct MatchOptions {
  int turns = 200;          // moves per match when continuation == 0
  double continuation = 0;  // in [0, 1): probability of another move; 0 = fixed length
  double noise = 0;         // in [0, 1]: probability a move is misread
  double discount = 1;      // in (0, 1]: move t's points count discount^t
  Payoffs payoffs;
};

struct MatchResult {
  double score_a = 0, score_b = 0;  // total (discounted) points over the match
  std::vector<Move> a, b;           // moves as played
};

// Plays one match; every random number comes from Streams (seed, 4k + 0..3).
MatchResult PlayMatch(Strategy& a, Strategy& b, const MatchOptions& options, std::uint64_t seed,
                      std::uint64_t k);

// The N-player (public-goods) form, group.cc: each move every player contributes
// (cooperates) or not; each gets multiplier x contributors / N minus 1 if it
// contributed. A strategy sees the others as one opponent who "cooperated" when
// at least `quorum` of them did as it perceived them (noise misreads each one).
struct GroupOptions {
  int size = 2;           // players per group; 2 = the pairwise game above
  double multiplier = 3;  // M, with 1 < M < N so that the game is a social dilemma
  double quorum = 1;      // share of the others in (0, 1]; 1 = all of them
};

struct TournamentOptions {
  MatchOptions match;
  GroupOptions group;
  int repetitions = 5;
  std::uint64_t seed = 0;
};

struct TournamentResult {
  std::vector<std::string> specs;  // canonical, in the order given
  std::vector<const StrategyInfo*> infos;
  // matrix[i][j]: strategy i's mean points per match against j (over the
  // repetitions; on the diagonal, over both seats of the twins).
  std::vector<std::vector<double>> matrix;
  std::vector<double> scores;       // mean of row i: mean points per match, twin included
  std::vector<double> cooperation;  // share of i's moves that were cooperations
};

// Every strategy meets every strategy, itself included, `repetitions` times.
// With group.size N > 2, "row meets col" is a group of one row player and N - 1
// col players (a group of N twins on the diagonal, scored as their mean).
// Throws InputError for an unknown strategy or an option out of range.
// Matches run in parallel (control.threads); the result does not depend on it.
TournamentResult RunTournament(const std::vector<std::string>& specs,
                               const TournamentOptions& options, const RunControl& control = {});

// Throws InputError naming the option when a match option is out of range.
void ValidateMatchOptions(const MatchOptions& options);

// One group match (group.cc): players[0] is the row player; returns each player's
// total and, in `row_moves`, the row player's moves. Streams (seed, (N+1)k + p)
// for player p and (seed, (N+1)k + N) for noise and length.
std::vector<double> PlayGroup(const std::vector<Strategy*>& players, const MatchOptions& match,
                              const GroupOptions& group, std::uint64_t seed, std::uint64_t k,
                              std::vector<Move>* row_moves);
// The prisoner's-dilemma payoffs a group player faces against "all the others"
// (used by strategies that reason with payoffs): R = M - 1, T = M (N-1)/N,
// S = M/N - 1, P = 0.
Payoffs GroupPayoffs(const GroupOptions& group);
void ValidateGroupOptions(const GroupOptions& group);

}  // namespace concert
