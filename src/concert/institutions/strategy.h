// concert/institutions/strategy.h — strategies for the iterated prisoner's dilemma.
//
// Read this header first for the repeated-games layer. A Strategy chooses
// cooperate or defect each move from what it has seen: its own moves and the
// opponent's moves as it perceived them (with noise a move can be misread).
// Strategies are named like models, by a spec such as `tft`, `gtft(p=0.1)` or
// `random(p=0.5)`; CreateStrategy() parses and validates the spec. Stochastic
// strategies draw only from the Stream they are given, so a match depends on
// its seed and index alone.
//
// The library holds the classics (Axelrod 1984, ch. 2; Nowak & Sigmund 1992,
// 1993) and the 15 entries of Axelrod's first tournament, reconstructed from
// the descriptions in Axelrod (1980), "Effective Choice in the Prisoner's
// Dilemma", Journal of Conflict Resolution 24(1): 3-25, and for three entries
// from the round-one Fortran kept in Axelrod's TourExec code. docs/institutions.md
// lists each entry, its rule as implemented, its source and where the rule is a
// reconstruction.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "concert/core/random.h"
#include "concert/models/model.h"

namespace concert {

enum class Move : std::uint8_t { kCooperate = 0, kDefect = 1 };

// The one-shot payoffs to the row player: T > R > P > S (and 2R > T + S for
// the repeated game). Axelrod's tournaments used R=3, T=5, S=0, P=1.
struct Payoffs {
  double reward = 3;      // R: both cooperate
  double temptation = 5;  // T: I defect, the other cooperates
  double sucker = 0;      // S: I cooperate, the other defects
  double punishment = 1;  // P: both defect
  double Score(Move mine, Move theirs) const;
};

// What a strategy sees before choosing move number `turn` (0-based).
struct MatchView {
  const std::vector<Move>& mine;    // my moves so far, as played
  const std::vector<Move>& theirs;  // the opponent's moves as I perceived them
  int turn = 0;
  int turns = 0;  // the match length, or 0 when the players do not know it
  const Payoffs& payoffs;
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  // Called before every match; strategies with state forget it here.
  virtual void Reset() {}
  virtual Move Next(const MatchView& view, Stream& stream) = 0;
};

struct StrategyInfo {
  std::string name;               // e.g. "gtft"
  std::string summary;            // the rule in one or two sentences
  std::vector<ParamInfo> params;  // as a model's (models/model.h); empty if none
  bool stochastic = false;
  // Axelrod (1980) first tournament: the entry's name in his Table 2, its rank
  // and published mean score per 200-move game; empty / 0 when not an entry.
  std::string axelrod_entry;
  int axelrod_rank = 0;
  double axelrod_score = 0;
};

struct CreatedStrategy {
  std::unique_ptr<Strategy> strategy;
  std::string spec;  // canonical: name(p=value) with every parameter
  const StrategyInfo* info = nullptr;
};

// Every strategy concert knows, in a fixed order.
const std::vector<StrategyInfo>& StrategyLibrary();

// Parses and validates `name` or `name(key=value)`; throws InputError naming
// the known strategies or parameters, with `field` as the error's field.
CreatedStrategy CreateStrategy(const std::string& spec, const std::string& field = "strategies");

// Expands a list of specs: the word `axelrod-first` stands for the 15 entries
// of Axelrod's first tournament in his rank order, `classics` for the classic
// strategies; other words are specs. Comma-separated text is split at commas
// outside parentheses.
std::vector<std::string> ExpandStrategyList(const std::vector<std::string>& words);

// ---- implemented in strategies_classic.cc and strategies_axelrod.cc ----
struct StrategyParams {
  double p = 0;  // the one numeric parameter some strategies take
};
std::unique_ptr<Strategy> MakeClassicStrategy(const std::string& name,
                                              const StrategyParams& params);
std::unique_ptr<Strategy> MakeAxelrodStrategy(const std::string& name);

// Helpers for strategies.
inline bool Chance(Stream& stream, double probability) { return stream.Uniform() < probability; }
inline Move CooperateIf(bool condition) { return condition ? Move::kCooperate : Move::kDefect; }

}  // namespace concert
