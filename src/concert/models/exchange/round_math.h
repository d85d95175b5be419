// concert/models/exchange/round_math.h — the calculations of one exchange round
// (internal to the exchange model): outcomes with updates, the equal-gain
// exchange, the overshoot guard, recalculation after an executed exchange.
// Function names follow the reference's (decide/model/base.py, equalgain.py,
// calculations.py) so the two can be read side by side; the arithmetic follows
// its order of operations, so that with Decimal28 every intermediate value
// equals the reference's. The randomised variants are in rates.h.
#pragma once

#include <cmath>
#include <type_traits>
#include <vector>

#include "concert/models/exchange/equal_gain.h"

namespace concert::exchange {

inline double Abs(double x) { return std::abs(x); }

// Constants as the reference writes them: Python floats (exact binary values)
// or ints, which Decimal compares and multiplies exactly.
template <typename T>
T Num(double v) {
  if constexpr (std::is_same_v<T, double>) {
    return v;
  } else {
    return T::FromDouble(v);
  }
}
template <typename T>
constexpr bool kExact = !std::is_same_v<T, double>;

template <typename T>
class Round;
// rates.h: REX (p > 0) and the random-rate variant.
template <typename T>
void RandomiseGain(const Round<T>& round, Exchange<T>& e);
template <typename T>
void CalculateAtRate(const Round<T>& round, Exchange<T>& e);

template <typename T>
class Round {
 public:
  Round(const Board<T>& board, const Rates& rates) : board_(board), rates_(rates) {
    for (std::size_t d = 0; d < board.issues; ++d) {
      denominator_.push_back(board.Denominator(d));
      numerator_.push_back(board.Outcome(d) * denominator_.back());
    }
    if constexpr (kExact<T>) {
      // x s c of every stance at the round's positions, as the sums below round it.
      term_.resize(board.x.size());
      prefix_.resize(board.x.size());
      for (std::size_t d = 0; d < board.issues; ++d) {
        T sum = zero_;
        for (std::size_t k = 0; k < board.actors; ++k) {
          const std::size_t at = board.at(d, k);
          if (board.present[at]) {
            term_[at] = board.x[at] * board.s[at] * board.c[at];
            sum = sum + term_[at];
          }
          prefix_[at] = sum;
        }
      }
    }
  }

  // Exact sums over an issue's actors in order: the first actor whose term may
  // differ from the round's (the moving actor or one with an update), so that
  // the sum can start from the round's prefix sum before it.
  std::size_t FirstChanged(const Exchange<T>& e, std::size_t issue, std::size_t actor) const {
    std::size_t first = actor;
    for (const Update<T>& u : e.updates) {
      if (u.issue == issue && u.actor < first) first = u.actor;
    }
    return first;
  }
  T SumBefore(std::size_t issue, std::size_t first) const {
    return first == 0 ? zero_ : prefix_[board_.at(issue, first - 1)];
  }

  const T& D(std::size_t issue) const { return denominator_[issue]; }
  const Rates& rates() const { return rates_; }
  const T& zero() const { return zero_; }

  // calculations.adjusted_nbs: the outcome on a's supply issue with the updates
  // applied and a at `position`.
  T AdjustedNbs(const Exchange<T>& e, const Side<T>& a, const T& position) const {
    const std::size_t d = a.supply;
    if (D(d) == zero_) return zero_;
    if constexpr (!kExact<T>) {
      // Doubles: from the issue's sum, O(number of updates) instead of O(actors).
      T numerator = numerator_[d];
      for (const Update<T>& u : e.updates) {
        if (u.issue == d && u.actor != a.actor) numerator += (u.x - X(d, u.actor)) * W(d, u.actor);
      }
      numerator += (position - X(d, a.actor)) * W(d, a.actor);
      return numerator / D(d);
    }
    const std::size_t first = FirstChanged(e, d, a.actor);
    T numerator = SumBefore(d, first);
    for (std::size_t k = first; k < board_.actors; ++k) {
      const std::size_t at = board_.at(d, k);
      if (!board_.present[at]) continue;
      const T* x = &board_.x[at];
      if (const Update<T>* u = Find(e, d, k)) x = &u->x;
      if (k == a.actor) x = &position;
      numerator = numerator + Term(at, *x);
    }
    return numerator / D(d);
  }

  // calculations.adjusted_nbs_by_position: the move of a (from x_pos) that puts
  // the outcome on `target`. The updates override a's own position, and the sum
  // includes a (the reference's `key is not actor` never holds on its deep copy).
  T AdjustedDelta(const Exchange<T>& e, const Side<T>& a, const T& x_pos, const T& target) const {
    const std::size_t d = a.supply;
    if constexpr (!kExact<T>) {
      T own = x_pos;
      T numerator = numerator_[d];
      for (const Update<T>& u : e.updates) {
        if (u.issue != d) continue;
        if (u.actor == a.actor) {
          own = u.x;
        } else {
          numerator += (u.x - X(d, u.actor)) * W(d, u.actor);
        }
      }
      numerator += (own - X(d, a.actor)) * W(d, a.actor);
      return (target * D(d) - numerator) / W(d, a.actor);
    }
    const std::size_t first = FirstChanged(e, d, a.actor);
    T numerator = SumBefore(d, first);
    for (std::size_t k = first; k < board_.actors; ++k) {
      const std::size_t at = board_.at(d, k);
      if (!board_.present[at]) continue;
      const T* x = k == a.actor ? &x_pos : &board_.x[at];
      if (const Update<T>* u = Find(e, d, k)) x = &u->x;
      numerator = numerator + Term(at, *x);
    }
    const std::size_t own = board_.at(d, a.actor);
    return (target * D(d) - numerator) / (board_.s[own] * board_.c[own]);
  }

  // x s c of stance `at` with the actor at x (exact sums): the round's term
  // when x is the round's position, so that only moved actors multiply.
  T Term(std::size_t at, const T& x) const {
    if (&x == &board_.x[at] || x == board_.x[at]) return term_[at];
    return x * board_.s[at] * board_.c[at];
  }

  const T& X(std::size_t d, std::size_t k) const { return board_.x[board_.at(d, k)]; }
  T W(std::size_t d, std::size_t k) const {
    return board_.s[board_.at(d, k)] * board_.c[board_.at(d, k)];
  }

  static const Update<T>* Find(const Exchange<T>& e, std::size_t issue, std::size_t actor) {
    for (const Update<T>& u : e.updates) {
      if (u.issue == issue && u.actor == actor) return &u;
    }
    return nullptr;
  }
  static void SetUpdate(Exchange<T>& e, std::size_t issue, std::size_t actor, const T& x) {
    for (Update<T>& u : e.updates) {
      if (u.issue == issue && u.actor == actor) {
        u.x = x;
        return;
      }
    }
    e.updates.push_back({issue, actor, x});
  }

  // AbstractExchangeActor.is_move_valid (None counts as invalid).
  bool IsMoveValid(const Side<T>& a, const T& move) const {
    const T size = Abs(move);
    if (size > hundred_ || size <= tiny_) return false;
    const T y = a.supply_x + move;
    if (y < zero_ || y > hundred_) return false;
    // sum(moves): 0 + m is m (a rounded result already), so the sum starts at
    // the first move; the same value as the reference's.
    if (a.moves.size() > 0) {
      T sum = a.moves[0];
      for (std::size_t k = 1; k < a.moves.size(); ++k) sum = sum + a.moves[k];
      if (sum > hundred_) return false;
    }
    bool negative = true, positive = true;
    for (std::size_t k = 0; k < a.moves.size(); ++k) {
      negative = negative && a.moves[k] < zero_;
      positive = positive && a.moves[k] > zero_;
    }
    return negative || positive;
  }

  // calculations.by_exchange_ratio: the partner's outcome shift that gives equal gains.
  static T ByExchangeRatio(const Side<T>& a, const Side<T>& opposite, const T& ratio) {
    return ((a.s_supply + opposite.s_demand) / (a.s_demand + opposite.s_supply)) * ratio;
  }
  // calculations.reverse_move: the move of `a` that shifts its supply outcome by `ratio`.
  T ReverseMove(const Side<T>& a, const T& ratio) const {
    return (ratio * D(a.supply)) / (a.c_supply * a.s_supply);
  }
  // calculations.by_absolute_move: the outcome shift if `a` moves all the way to
  // the partner's position on a's supply issue.
  T ByAbsoluteMove(const Side<T>& a, const Side<T>& opposite) const {
    return (Abs(opposite.demand_x - a.supply_x) * a.s_supply * a.c_supply) / D(a.supply);
  }
  static T ExpectedUtility(const Side<T>& a, const T& demand_ratio, const T& supply_ratio) {
    return Abs(demand_ratio * a.s_supply - supply_ratio * a.s_demand);
  }

  // AbstractExchangeActor.check_nbs: if the outcome on a's supply issue would
  // pass the partner's own position, cut the move so that it lands on it.
  void CheckNbs(Exchange<T>& e, Side<T>& a, Side<T>& opposite) const {
    a.nbs0 = AdjustedNbs(e, a, a.supply_x);
    a.nbs1 = AdjustedNbs(e, a, a.y);
    const T& x = opposite.demand_x;
    T d0 = x - a.nbs0, d1 = x - a.nbs1;
    if constexpr (!kExact<T>) {
      // When an earlier exchange has put the outcome on the partner's position,
      // the reference's decimals mostly give an exact zero here (and the move
      // passes); doubles leave noise of either sign. Snap it to zero.
      if (Abs(d0) <= kSameOutcome) d0 = 0;
      if (Abs(d1) <= kSameOutcome) d1 = 0;
    }
    if ((d0 >= zero_ && d1 >= zero_) || (d0 <= zero_ && d1 <= zero_)) return;
    const T delta = Abs(AdjustedDelta(e, a, a.supply_x, x));
    e.dp = (delta * a.s_supply * a.c_supply) / D(a.supply);
    e.dq = ByExchangeRatio(a, opposite, e.dp);
    opposite.move = Abs(ReverseMove(opposite, e.dq));
    a.move = delta;
    if (opposite.supply_x > a.demand_x) opposite.move = -opposite.move;
    if (a.supply_x > opposite.demand_x) a.move = -a.move;
    opposite.moves.back() = opposite.move;
    a.moves.back() = a.move;
    opposite.y = opposite.supply_x + opposite.move;
    a.y = a.supply_x + a.move;
    e.gain = Abs(ExpectedUtility(opposite, e.dq, e.dp));
    const bool b1 = IsMoveValid(opposite, opposite.move);
    const bool b2 = IsMoveValid(a, a.move);
    a.nbs1 = AdjustedNbs(e, a, a.y);
    e.valid = b1 && b2;
  }

  // EqualGainExchange.calculate: equal gain, then randomised when p > 0; or
  // the random-rate variant (rates.h).
  void Calculate(Exchange<T>& e) const {
    if (rates_.random_rate()) {
      CalculateAtRate(*this, e);
      return;
    }
    CalculateEqualGain(e);
    if (rates_.p > 0 && e.valid) RandomiseGain(*this, e);
  }

  // EqualGainExchange.calculate with p = 0.
  void CalculateEqualGain(Exchange<T>& e) const {
    Side<T>& i = e.i;
    Side<T>& j = e.j;
    e.dp = ByAbsoluteMove(j, i);
    e.dq = ByExchangeRatio(j, i, e.dp);
    i.move = ReverseMove(i, e.dq);
    j.move = Abs(i.demand_x - j.supply_x);
    if (Abs(i.move) > Abs(j.demand_x - i.supply_x)) {
      e.dq = ByAbsoluteMove(i, j);
      e.dp = ByExchangeRatio(i, j, e.dq);
      i.move = Abs(j.demand_x - i.supply_x);
      j.move = ReverseMove(j, e.dp);
    }
    if (i.supply_x > j.demand_x) i.move = -i.move;
    if (j.supply_x > i.demand_x) j.move = -j.move;
    i.moves.push_back(i.move);
    j.moves.push_back(j.move);
    i.y = i.supply_x + i.move;
    j.y = j.supply_x + j.move;
    e.gain = Abs(ExpectedUtility(i, e.dq, e.dp));
    e.valid = IsMoveValid(i, i.move) && IsMoveValid(j, j.move);
    i.eu = j.eu = e.gain;
    if (e.gain < tiny_) e.valid = false;
    if (!e.valid) return;
    CheckNbs(e, i, j);
    CheckNbs(e, j, i);
    e.valid = IsMoveValid(i, i.move) && IsMoveValid(j, j.move);
    i.eu = j.eu = e.gain;
  }

  static bool SameSupply(const Side<T>& a, const Side<T>& b) {
    return a.actor == b.actor && a.supply == b.supply;
  }
  static bool SameDemand(const Side<T>& a, const Side<T>& b) {
    return a.actor == b.actor && a.demand == b.demand;
  }
  static void InvalidateMove(Exchange<T>& e) {
    e.i.moves.pop_back();
    e.j.moves.pop_back();
  }

  // AbstractExchange.invalidate_exchange_by_supply.
  static bool InvalidateBySupply(Exchange<T>& self, const Exchange<T>& done) {
    bool hit = false;
    for (Side<T>* side : {&self.i, &self.j}) {
      for (const Side<T>* other : {&done.i, &done.j}) {
        if (SameSupply(*side, *other)) {
          side->supply_x = other->y;
          side->moves.push_back(other->moves.back());
          hit = true;
          break;
        }
      }
    }
    // The reference then drops the last move of both sides: for a side that
    // matched, that is the move just inherited.
    if (hit) InvalidateMove(self);
    return hit;
  }

  // AbstractExchange.update_updates.
  static void UpdateUpdates(Exchange<T>& self, const Side<T>& moved, std::size_t issue,
                            const T& x) {
    T value;
    if (moved.start <= x) {
      value = x < moved.y ? x : moved.y;
    } else {
      value = x > moved.y ? x : moved.y;
    }
    SetUpdate(self, issue, moved.actor, value);
  }

  // AbstractExchange.recalculate after `done` was executed.
  void Recalculate(Exchange<T>& self, const Exchange<T>& done) const {
    bool recalc = InvalidateBySupply(self, done);
    auto note = [&](const Side<T>& partner, const Side<T>& moved) {
      // `partner` shares actor and demand issue with one of self's sides: the
      // position `moved` took on that issue now counts for self.
      if (!SameDemand(partner, self.j) && !SameDemand(partner, self.i)) return;
      const std::size_t issue = partner.demand;
      if (const Update<T>* u = Find(self, issue, moved.actor)) {
        const T previous = u->x;
        UpdateUpdates(self, moved, issue, previous);
      } else {
        SetUpdate(self, issue, moved.actor, moved.y);
      }
      if (!recalc) {
        InvalidateMove(self);
        recalc = true;
      }
    };
    note(done.j, done.i);
    note(done.i, done.j);
    if (recalc) Calculate(self);
  }

  // Candidate exchange (AbstractExchange.__init__): each actor supplies on the
  // issue it values relatively less.
  Exchange<T> Make(std::size_t a, std::size_t b, std::size_t p, std::size_t q,
                   bool inner_ad) const {
    Exchange<T> e;
    e.p = p;
    e.q = q;
    e.inner_ad = inner_ad;
    const T& sap = board_.s[board_.at(p, a)];
    const T& saq = board_.s[board_.at(q, a)];
    const T& sbp = board_.s[board_.at(p, b)];
    const T& sbq = board_.s[board_.at(q, b)];
    const bool swap = sap / saq < sbp / sbq;  // saliences > 0 here (see RunRound)
    e.i = MakeSide(swap ? b : a, q, p);
    e.j = MakeSide(swap ? a : b, p, q);
    return e;
  }

  Side<T> MakeSide(std::size_t actor, std::size_t supply, std::size_t demand) const {
    Side<T> side;
    side.actor = actor;
    side.supply = supply;
    side.demand = demand;
    side.supply_x = side.start = board_.x[board_.at(supply, actor)];
    side.demand_x = board_.x[board_.at(demand, actor)];
    side.s_supply = board_.s[board_.at(supply, actor)];
    side.c_supply = board_.c[board_.at(supply, actor)];
    side.s_demand = board_.s[board_.at(demand, actor)];
    return side;
  }

 private:
  const Board<T>& board_;
  Rates rates_;
  std::vector<T> denominator_;
  std::vector<T> numerator_;  // sum x s c per issue (double fast path)
  std::vector<T> term_;       // x s c per stance (exact path)
  std::vector<T> prefix_;     // sum of the terms of the issue's actors up to each (exact path)
  const T zero_ = Num<T>(0);
  const T hundred_ = Num<T>(100);
  const T tiny_ = Num<T>(1e-10);
};

}  // namespace concert::exchange
