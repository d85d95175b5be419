// concert/models/exchange_engine.h — one round of the Stokman & Van Oosten
// exchange model, equal-gain variant, as the reference implements it
// (foarsitter/decide-exchange-model @ 51dee66; see docs/models/exchange.md).
//
// Positions are on 0-100 (each issue normalised from its scale). An exchange
// pairs two actors on opposite sides of the outcome on two issues p and q:
// actor I moves ("supplies") on q toward J and gains on p, J moves on p toward
// I and gains on q, with equal utility gains. The round builds every candidate,
// executes the one with the highest gain, recalculates the candidates it
// affects, and repeats until none is left.
//
// The number type T is double (fast) or Decimal28 (the reference computes in
// Python's 28-digit decimals; with Decimal28 concert takes exactly its
// decisions, including those that hinge on a difference being exactly zero).
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <vector>

#include "concert/core/decimal.h"

namespace concert::exchange {

// The moves of a side: usually one or two, so the first four live inline (a
// round creates hundreds of thousands of candidate exchanges).
template <typename T>
class Moves {
 public:
  void push_back(const T& v) {
    if (size_ < kInline) {
      inline_[size_] = v;
    } else {
      overflow_.push_back(v);
    }
    ++size_;
  }
  void pop_back() {
    --size_;
    if (size_ >= kInline) overflow_.pop_back();
  }
  T& back() { return size_ > kInline ? overflow_.back() : inline_[size_ - 1]; }
  const T& back() const { return size_ > kInline ? overflow_.back() : inline_[size_ - 1]; }
  const T& operator[](std::size_t k) const {
    return k < kInline ? inline_[k] : overflow_[k - kInline];
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kInline = 4;
  std::array<T, kInline> inline_{};
  std::vector<T> overflow_;
  std::size_t size_ = 0;
};

// Round-start state: [issue][actor] stances, positions on 0-100.
template <typename T>
struct Board {
  std::size_t actors = 0, issues = 0;
  std::vector<char> present;  // has a stance
  std::vector<T> x, s, c;
  std::size_t at(std::size_t issue, std::size_t actor) const { return issue * actors + actor; }
  T Denominator(std::size_t issue) const;  // sum s c
  T Outcome(std::size_t issue) const;      // sum x s c / sum s c (0 when the sum is 0)
};

// One actor's side of an exchange ("exchange actor" in the reference).
template <typename T>
struct Side {
  std::size_t actor = 0, supply = 0, demand = 0;
  T supply_x{};  // current position on the supply issue (moves with executed exchanges)
  T start{};     // position on the supply issue at the start of the round
  T demand_x{};  // own position on the demand issue
  T s_supply{}, c_supply{}, s_demand{};
  T y{}, move{}, nbs0{}, nbs1{};
  Moves<T> moves;  // own move plus moves inherited on the same supply issue
};

template <typename T>
struct Update {
  std::size_t issue, actor;
  T x;
};

template <typename T>
struct Exchange {
  Side<T> i, j;  // i supplies q and demands p; j supplies p and demands q
  std::size_t p = 0, q = 0;
  bool inner_ad = true;  // groups a-d (else b-c)
  T dp{}, dq{}, gain{};
  bool valid = true;
  std::vector<Update<T>> updates;  // positions of others moved by executed exchanges
  std::size_t order = 0;           // position in the list, for ties
};

// An executed exchange with its externalities (reference
// observers/externalities.py): for each actor, the utility change the exchange
// caused it through the two outcome shifts; for the two traders, the gain.
// `inner`: the actor sits in the exchange's own pair of groups (a-d or b-c).
template <typename T>
struct Executed {
  Exchange<T> exchange;
  int order = 0;                    // 1-based within the round
  std::vector<double> externality;  // per actor
  std::vector<char> inner;          // per actor
};

template <typename T>
struct RoundResult {
  std::vector<T> outcome_before, outcome_after;  // per issue, 0-100
  std::vector<T> voting, next;                   // [issue][actor], 0-100
  std::vector<Executed<T>> executed;
  std::size_t candidates = 0;
};

// Picks the index into the sorted list of the exchange to execute (default:
// the first). Used for seeded random tie-breaking.
template <typename T>
using TieBreak = std::function<std::size_t(const std::vector<Exchange<T>>& sorted)>;

// Runs one round from `board`; the board is left at the next round's positions.
// With doubles and no tie_break the execution loop uses an index and a heap
// instead of the reference's full re-sort and recalculation after every
// execution; `full_sort` forces the reference's loop (for tests).
template <typename T>
RoundResult<T> RunRound(Board<T>& board, const TieBreak<T>& tie_break = {}, bool full_sort = false);

// With doubles, gains closer than this (relative) are ties, and outcomes closer
// than kSameOutcome (on 0-100) are equal: the reference's decimals make such
// values exactly equal where doubles leave rounding noise of either sign.
constexpr double kTieTolerance = 1e-12;
constexpr double kSameOutcome = 1e-9;

double ToDouble(double x);
double ToDouble(const Decimal28& x);

}  // namespace concert::exchange
