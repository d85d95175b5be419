// concert/models/exchange/equal_gain.h — one round of the Stokman & Van Oosten
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
//
// Rates (below) selects the variant: equal gain, equal gain randomised by p
// ("REX"), or random exchange rates with mutual-best selection
// (rates.h has the math of both).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "concert/core/random.h"
#include "concert/models/exchange/decimal28.h"

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
  T eu{};          // own utility gain (equal gain: the exchange's gain)
  T eu_max{};      // p > 0: the most this side can gain while the partner gains >= 0
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
  // Randomised variants: the exchange's own stream (see DrawIndex), the side
  // whose gain REX drew (0 = i, 1 = j), and random-rate's exchange rate dq/dp.
  Stream draws{0, 0};
  int drawn_side = -1;
  T rate{};
  bool has_rate = false;
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
  std::size_t passes = 0;  // random-rate: passes that lowered gains (no mutual best)
  bool deadlock = false;   // random-rate: the round ended after max_passes such passes in a row
};

// How exchange rates are set.
struct Rates {
  enum class Variant { kEqualGain, kRandomRate };
  Variant variant = Variant::kEqualGain;
  double p = 0;            // equal gain: randomisation of each exchange's gains, [0, 1]
  std::uint64_t seed = 0;  // the run's seed
  int round = 1;           // 1-based; part of each exchange's stream index
  int max_passes = 1024;   // random-rate: passes without a mutually best exchange
  bool random_rate() const { return variant == Variant::kRandomRate; }
};

// Candidate k (creation order) of round r draws from Stream(seed, DrawIndex(r,
// k)): its numbers depend on the seed, the round and its place in the list
// only, not on the order in which exchanges are (re)calculated nor on threads.
// Index 0 (seeded tie-breaking) never collides: bit 63 is set here.
inline std::uint64_t DrawIndex(int round, std::size_t candidate) {
  return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(round) << 32) |
         static_cast<std::uint64_t>(candidate);
}

// Picks the index into the sorted list of the exchange to execute (default:
// the first). Used for seeded random tie-breaking.
template <typename T>
using TieBreak = std::function<std::size_t(const std::vector<Exchange<T>>& sorted)>;

template <typename T>
struct RoundOptions {
  TieBreak<T> tie_break;
  bool full_sort = false;     // equal gain: the reference's loop instead of the fast one (tests)
  bool externalities = true;  // else Executed::externality and inner stay empty
  Rates rates;
  // random-rate, for tests: called before each execution with the exchanges
  // still in play and the one chosen.
  std::function<void(const std::vector<const Exchange<T>*>& alive, const Exchange<T>& chosen)>
      on_execute;
};

// Runs one round from `board`; the board is left at the next round's positions.
// Without tie_break the equal-gain loop uses an index and a heap instead of
// the reference's full re-sort and recalculation after every execution (in
// both arithmetics; with Decimal28 it orders by exact gains and so takes the
// reference's decisions); `full_sort` forces the reference's loop (for tests).
template <typename T>
RoundResult<T> RunRound(Board<T>& board, const RoundOptions<T>& options);
template <typename T>
RoundResult<T> RunRound(Board<T>& board, const TieBreak<T>& tie_break = {},
                        bool full_sort = false) {
  RoundOptions<T> options;
  options.tie_break = tie_break;
  options.full_sort = full_sort;
  return RunRound(board, options);
}

// With doubles, gains closer than this (relative) are ties, and outcomes closer
// than kSameOutcome (on 0-100) are equal: the reference's decimals make such
// values exactly equal where doubles leave rounding noise of either sign.
constexpr double kTieTolerance = 1e-12;
constexpr double kSameOutcome = 1e-9;

double ToDouble(double x);
double ToDouble(const Decimal28& x);

}  // namespace concert::exchange
