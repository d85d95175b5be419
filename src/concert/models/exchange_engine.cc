// The equal-gain exchange round. Function names follow the reference's
// (decide/model/base.py, equalgain.py, calculations.py) so the two can be read
// side by side; the arithmetic follows its order of operations, so that with
// Decimal28 every intermediate value equals the reference's.
#include "concert/models/exchange_engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <tuple>
#include <type_traits>

namespace concert::exchange {

double ToDouble(double x) { return x; }
double ToDouble(const Decimal28& x) { return x.ToDouble(); }

namespace {

double Abs(double x) { return std::abs(x); }

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
class Round {
 public:
  explicit Round(const Board<T>& board) : board_(board) {
    for (std::size_t d = 0; d < board.issues; ++d) {
      denominator_.push_back(board.Denominator(d));
      numerator_.push_back(board.Outcome(d) * denominator_.back());
    }
  }

  const T& D(std::size_t issue) const { return denominator_[issue]; }

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
    T numerator = zero_;
    for (std::size_t k = 0; k < board_.actors; ++k) {
      const std::size_t at = board_.at(d, k);
      if (!board_.present[at]) continue;
      const T* x = &board_.x[at];
      if (const Update<T>* u = Find(e, d, k)) x = &u->x;
      if (k == a.actor) x = &position;
      numerator = numerator + *x * board_.s[at] * board_.c[at];
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
    T numerator = zero_;
    for (std::size_t k = 0; k < board_.actors; ++k) {
      const std::size_t at = board_.at(d, k);
      if (!board_.present[at]) continue;
      const T* x = k == a.actor ? &x_pos : &board_.x[at];
      if (const Update<T>* u = Find(e, d, k)) x = &u->x;
      numerator = numerator + *x * board_.s[at] * board_.c[at];
    }
    const std::size_t own = board_.at(d, a.actor);
    return (target * D(d) - numerator) / (board_.s[own] * board_.c[own]);
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
    if (Abs(move) > hundred_ || Abs(move) <= tiny_) return false;
    if (a.supply_x + move < zero_ || a.supply_x + move > hundred_) return false;
    T sum = zero_;
    for (std::size_t k = 0; k < a.moves.size(); ++k) sum = sum + a.moves[k];
    if (sum > hundred_) return false;
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

  // EqualGainExchange.calculate with p = 0.
  void Calculate(Exchange<T>& e) const {
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
    if (e.gain < tiny_) e.valid = false;
    if (!e.valid) return;
    CheckNbs(e, i, j);
    CheckNbs(e, j, i);
    e.valid = IsMoveValid(i, i.move) && IsMoveValid(j, j.move);
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
  std::vector<T> denominator_;
  std::vector<T> numerator_;  // sum x s c per issue (double fast path)
  const T zero_ = Num<T>(0);
  const T hundred_ = Num<T>(100);
  const T tiny_ = Num<T>(1e-10);
};

// EqualGainModel.sort_exchanges: stable sort by gain, highest first. With
// doubles, gains within kTieTolerance count as equal and keep their list order.
template <typename T>
void SortByGain(std::vector<Exchange<T>>& list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const Exchange<T>& a, const Exchange<T>& b) { return a.gain > b.gain; });
  if constexpr (!kExact<T>) {
    std::size_t start = 0;
    while (start < list.size()) {
      std::size_t end = start + 1;
      while (end < list.size() &&
             list[start].gain - list[end].gain <= kTieTolerance * std::abs(list[start].gain)) {
        ++end;
      }
      if (end - start > 1) {
        std::stable_sort(
            list.begin() + static_cast<std::ptrdiff_t>(start),
            list.begin() + static_cast<std::ptrdiff_t>(end),
            [](const Exchange<T>& a, const Exchange<T>& b) { return a.order < b.order; });
      }
      start = end;
    }
  }
}

// Index of issue pair (p, q), p < q, in creation order.
std::size_t PairIndex(std::size_t p, std::size_t q, std::size_t issues) {
  return p * issues - p * (p + 1) / 2 + (q - p - 1);
}

// calculations.actor_externalities and Externalities._add_exchange_set.
template <typename T>
void Externalities(const Board<T>& board, const std::vector<std::vector<char>>& groups,
                   Executed<T>& executed) {
  const Exchange<T>& e = executed.exchange;
  const std::size_t p = e.j.supply, q = e.i.supply;
  const std::vector<char>& member = groups[PairIndex(std::min(p, q), std::max(p, q), board.issues)];
  executed.externality.assign(board.actors, 0.0);
  executed.inner.assign(board.actors, 0);
  for (std::size_t k = 0; k < board.actors; ++k) {
    const int g = member[k];
    executed.inner[k] = e.inner_ad ? (g == 0 || g == 3) : (g == 1 || g == 2);
    if (k == e.i.actor || k == e.j.actor) {
      executed.externality[k] = ToDouble(e.gain);
      continue;
    }
    if (!board.present[board.at(p, k)] || !board.present[board.at(q, k)]) continue;
    const T& xp = board.x[board.at(p, k)];
    const T& xq = board.x[board.at(q, k)];
    const T l = Abs(e.j.nbs0 - xp) - Abs(e.j.nbs1 - xp);
    const T r = Abs(e.i.nbs0 - xq) - Abs(e.i.nbs1 - xq);
    executed.externality[k] = ToDouble(l * board.s[board.at(p, k)] + r * board.s[board.at(q, k)]);
  }
}

// The double fast path of the execution loop. The reference re-sorts the whole
// list after every execution (a stable sort by gain) and recalculates every
// exchange. Only exchanges that share an actor and issue with the executed one
// can change; an index finds them. The list order is kept as keys (-gain,
// label) in a heap: an exchange whose gain changed enters its new tie group
// before all its members if it came from a higher gain and after them if it
// came from a lower one (that is where a stable sort puts it), so it takes the
// next label from a falling or a rising counter; exchanges that move at the
// same step take them in their previous order.
template <typename T>
void ExecuteFast(const Round<T>& round, const Board<T>& board,
                 const std::vector<std::vector<char>>& groups, std::vector<Exchange<T>>& all,
                 RoundResult<T>& result) {
  using Entry = std::tuple<double, double, std::size_t>;  // (-gain, label, exchange)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  std::vector<double> key(all.size()), label(all.size());
  std::vector<char> alive(all.size(), 0);
  const std::size_t cells = board.actors * board.issues;
  std::vector<std::vector<std::size_t>> by_supply(cells), by_demand(cells);
  // Gains are keyed rounded to 36 bits of mantissa (relative 1.5e-11): gains
  // the reference's decimals see as equal then tie here too, except in the rare
  // case that rounding noise straddles a rounding boundary.
  auto snap = [](double gain_key) {
    int exponent = 0;
    const double mantissa = std::frexp(gain_key, &exponent);
    return std::ldexp(std::round(std::ldexp(mantissa, 36)), exponent - 36);
  };
  auto join = [](std::size_t) {};
  auto leave = [](std::size_t) {};
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (!all[k].valid) continue;  // never executed; the reference drops them at once
    alive[k] = 1;
    key[k] = snap(-ToDouble(all[k].gain));
    label[k] = static_cast<double>(k);  // creation order: the first sort is stable
    join(k);
    heap.push({key[k], label[k], k});
    for (const Side<T>* side : {&all[k].i, &all[k].j}) {
      by_supply[board.at(side->supply, side->actor)].push_back(k);
      by_demand[board.at(side->demand, side->actor)].push_back(k);
    }
  }
  double falling = -1, rising = static_cast<double>(all.size());

  struct Move {
    double old_key, old_label;
    std::size_t k;
  };
  std::vector<Move> moved;
  std::vector<std::size_t> seen(all.size(), 0);
  std::size_t stamp = 0;
  while (!heap.empty()) {
    const auto [top_key, top_label, top] = heap.top();
    heap.pop();
    if (!alive[top] || key[top] != top_key || label[top] != top_label) continue;  // stale
    alive[top] = 0;
    leave(top);
    const Exchange<T>& done = all[top];
    ++stamp;
    moved.clear();
    auto visit = [&](const std::vector<std::size_t>& list) {
      for (std::size_t k : list) {
        if (!alive[k] || seen[k] == stamp) continue;
        seen[k] = stamp;
        Exchange<T>& e = all[k];
        round.Recalculate(e, done);
        if (!e.valid) {
          alive[k] = 0;
          leave(k);
        } else if (key[k] != snap(-ToDouble(e.gain))) {
          moved.push_back({key[k], label[k], k});
          leave(k);
        }
      }
    };
    for (const Side<T>* side : {&done.i, &done.j}) {
      visit(by_supply[board.at(side->supply, side->actor)]);
      visit(by_demand[board.at(side->demand, side->actor)]);
    }
    // In their previous order: those rising take falling labels, last first,
    // so the first of them ends up first; those falling take rising labels.
    std::sort(moved.begin(), moved.end(), [](const Move& a, const Move& b) {
      return std::tie(a.old_key, a.old_label) < std::tie(b.old_key, b.old_label);
    });
    for (const Move& m : moved) {
      key[m.k] = snap(-ToDouble(all[m.k].gain));
      join(m.k);
    }
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      if (key[it->k] > it->old_key) label[it->k] = falling--;  // came from a higher gain
    }
    for (const Move& m : moved) {
      if (key[m.k] < m.old_key) label[m.k] = rising++;  // came from a lower gain
      heap.push({key[m.k], label[m.k], m.k});
    }
    Executed<T> executed{done, static_cast<int>(result.executed.size()) + 1, {}, {}};
    Externalities(board, groups, executed);
    result.executed.push_back(std::move(executed));
  }
}

}  // namespace

template <typename T>
T Board<T>::Denominator(std::size_t issue) const {
  T sum = Num<T>(0);
  for (std::size_t k = 0; k < actors; ++k) {
    if (present[at(issue, k)]) sum = sum + s[at(issue, k)] * c[at(issue, k)];
  }
  return sum;
}

template <typename T>
T Board<T>::Outcome(std::size_t issue) const {
  const T denominator = Denominator(issue);
  if (denominator == Num<T>(0)) return Num<T>(0);
  T numerator = Num<T>(0);
  for (std::size_t k = 0; k < actors; ++k) {
    const std::size_t i = at(issue, k);
    if (present[i]) numerator = numerator + x[i] * s[i] * c[i];
  }
  return numerator / denominator;
}

template <typename T>
RoundResult<T> RunRound(Board<T>& board, const TieBreak<T>& tie_break, bool full_sort) {
  RoundResult<T> result;
  const Round<T> round(board);
  std::vector<char> left(board.x.size());
  for (std::size_t d = 0; d < board.issues; ++d) {
    const T outcome = board.Outcome(d);
    result.outcome_before.push_back(outcome);
    for (std::size_t k = 0; k < board.actors; ++k) {
      left[board.at(d, k)] = board.x[board.at(d, k)] <= outcome;
    }
  }

  // Candidates: issue pairs in order; actors on opposite sides of the outcome
  // on both issues (groups a x d, then b x c). Actors with no weight on an
  // issue (salience or capability 0) take no part: the reference divides by it.
  auto trades = [&](std::size_t d, std::size_t k) {
    const std::size_t at = board.at(d, k);
    return board.present[at] && board.s[at] * board.c[at] > Num<T>(0);
  };
  std::vector<Exchange<T>> list;
  std::vector<std::vector<char>> groups;  // per issue pair, each actor's group or 4
  {
    // Count the candidates first: one allocation for all of them.
    std::size_t count = 0;
    for (std::size_t p = 0; p < board.issues; ++p) {
      for (std::size_t q = p + 1; q < board.issues; ++q) {
        std::size_t size[4] = {0, 0, 0, 0};
        for (std::size_t k = 0; k < board.actors; ++k) {
          if (trades(p, k) && trades(q, k))
            ++size[left[board.at(p, k)] | (left[board.at(q, k)] << 1)];
        }
        count += size[0] * size[3] + size[1] * size[2];
      }
    }
    list.reserve(count);
  }
  for (std::size_t p = 0; p < board.issues; ++p) {
    for (std::size_t q = p + 1; q < board.issues; ++q) {
      std::vector<std::size_t> group[4];
      std::vector<char> member(board.actors, 4);
      for (std::size_t k = 0; k < board.actors; ++k) {
        if (!trades(p, k) || !trades(q, k)) continue;
        const int g = left[board.at(p, k)] | (left[board.at(q, k)] << 1);
        group[g].push_back(k);
        member[k] = static_cast<char>(g);
      }
      groups.push_back(std::move(member));
      for (int pair = 0; pair < 2; ++pair) {
        for (std::size_t a : group[pair == 0 ? 0 : 1]) {
          for (std::size_t b : group[pair == 0 ? 3 : 2]) {
            Exchange<T> e = round.Make(a, b, p, q, pair == 0);
            round.Calculate(e);
            e.order = list.size();
            list.push_back(std::move(e));
          }
        }
      }
    }
  }
  result.candidates = list.size();

  // Execute the highest gain, recalculate the rest, repeat (ModelLoop.loop).
  if constexpr (!kExact<T>) {
    if (!tie_break && !full_sort) {
      ExecuteFast(round, board, groups, list, result);
      list.clear();
    }
  }
  while (!list.empty()) {
    SortByGain(list);
    for (std::size_t k = 0; k < list.size(); ++k) list[k].order = k;
    const std::size_t pick = tie_break ? tie_break(list) : 0;
    Exchange<T> done = std::move(list[pick]);
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(pick));
    if (!done.valid) continue;
    std::vector<Exchange<T>> kept;
    kept.reserve(list.size());
    for (Exchange<T>& e : list) {
      if (!e.valid) continue;
      round.Recalculate(e, done);
      if (e.valid) kept.push_back(std::move(e));
    }
    list = std::move(kept);
    Executed<T> executed{std::move(done), static_cast<int>(result.executed.size()) + 1, {}, {}};
    Externalities(board, groups, executed);
    result.executed.push_back(std::move(executed));
  }

  // Voting positions (the last executed exchange of an actor on an issue wins),
  // then the next round's positions (calculations.new_start_position).
  for (const Executed<T>& done : result.executed) {
    for (const Side<T>* side : {&done.exchange.i, &done.exchange.j}) {
      board.x[board.at(side->supply, side->actor)] = side->y;
    }
  }
  result.voting = board.x;
  for (std::size_t d = 0; d < board.issues; ++d) result.outcome_after.push_back(board.Outcome(d));
  const T one = Num<T>(1), salience_weight = Num<T>(0.4), fixed_weight = Num<T>(0.1);
  for (const Executed<T>& done : result.executed) {
    for (const Side<T>* side : {&done.exchange.i, &done.exchange.j}) {
      const T& s = side->s_supply;
      const T swv = (one - s) * salience_weight * side->y;
      const T fwv = fixed_weight * side->y;
      const T pv = (one - (one - s) * salience_weight - fixed_weight) * side->start;
      board.x[board.at(side->supply, side->actor)] = swv + fwv + pv;
    }
  }
  result.next = board.x;
  return result;
}

template struct Board<double>;
template struct Board<Decimal28>;
template RoundResult<double> RunRound(Board<double>&, const TieBreak<double>&, bool);
template RoundResult<Decimal28> RunRound(Board<Decimal28>&, const TieBreak<Decimal28>&, bool);

}  // namespace concert::exchange
