// One exchange round: the candidates, the execution loop (the reference's,
// and a fast one for doubles), voting and next positions. The calculations of
// an exchange are in round_math.h; random-rate's loop is in
// random_rate_loop.cc.
#include "concert/models/exchange/equal_gain.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <tuple>
#include <type_traits>

#include "concert/models/exchange/random_rate_loop.h"
#include "concert/models/exchange/round_math.h"

namespace concert::exchange {

double ToDouble(double x) { return x; }
double ToDouble(const Decimal28& x) { return x.ToDouble(); }

namespace {

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
    const int g = static_cast<unsigned char>(member[k]);
    executed.inner[k] = e.inner_ad ? (g == 0 || g == 3) : (g == 1 || g == 2);
    if (k == e.i.actor || k == e.j.actor) {
      executed.externality[k] = ToDouble(k == e.i.actor ? e.i.eu : e.j.eu);
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
// same step take them in their previous order. With Decimal28 the keys are the
// exact gains, so ties are exact as in the reference's sort.
template <typename T>
void ExecuteFast(const Round<T>& round, const Board<T>& board,
                 const std::vector<std::vector<char>>& groups, std::vector<Exchange<T>>& all,
                 RoundResult<T>& result, bool externalities) {
  using Key = std::conditional_t<kExact<T>, T, double>;
  using Entry = std::tuple<Key, double, std::size_t>;  // (-gain, label, exchange)
  // A min-heap with lazy deletion: an exchange whose gain changed is pushed
  // again and its old entry skipped when it surfaces. When stale entries
  // outnumber the live ones the heap is rebuilt from the live ones; (key,
  // label) is a total order, so the order of execution does not change.
  std::vector<Entry> heap;
  std::size_t live = 0;
  auto push = [&](const Entry& e) {
    heap.push_back(e);
    std::push_heap(heap.begin(), heap.end(), std::greater<Entry>());
  };
  std::vector<Key> key(all.size());
  std::vector<double> label(all.size());
  std::vector<char> alive(all.size(), 0);
  // The exchanges in which an actor supplies (demands) on an issue, per cell
  // (issue, actor): cell c's are by_supply[start_supply[c] .. start_supply[c + 1]).
  const std::size_t cells = board.actors * board.issues;
  std::vector<std::size_t> start_supply(cells + 1, 0), start_demand(cells + 1, 0);
  for (const Exchange<T>& e : all) {
    if (!e.valid) continue;
    for (const Side<T>* side : {&e.i, &e.j}) {
      ++start_supply[board.at(side->supply, side->actor) + 1];
      ++start_demand[board.at(side->demand, side->actor) + 1];
    }
  }
  for (std::size_t c = 0; c < cells; ++c) {
    start_supply[c + 1] += start_supply[c];
    start_demand[c + 1] += start_demand[c];
  }
  std::vector<std::size_t> by_supply(start_supply[cells]), by_demand(start_demand[cells]);
  std::vector<std::size_t> next_supply(start_supply.begin(), start_supply.end() - 1),
      next_demand(start_demand.begin(), start_demand.end() - 1);
  // Double gains are keyed rounded to 36 bits of mantissa (relative 1.5e-11):
  // gains the reference's decimals see as equal then tie here too, except in
  // the rare case that rounding noise straddles a rounding boundary.
  auto key_of = [](const T& gain) -> Key {
    if constexpr (kExact<T>) {
      return -gain;
    } else {
      int exponent = 0;
      const double mantissa = std::frexp(-gain, &exponent);
      return std::ldexp(std::round(std::ldexp(mantissa, 36)), exponent - 36);
    }
  };
  auto join = [](std::size_t) {};
  auto leave = [](std::size_t) {};
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (!all[k].valid) continue;  // never executed; the reference drops them at once
    alive[k] = 1;
    key[k] = key_of(all[k].gain);
    label[k] = static_cast<double>(k);  // creation order: the first sort is stable
    join(k);
    heap.emplace_back(key[k], label[k], k);  // made a heap below, in linear time
    ++live;
    for (const Side<T>* side : {&all[k].i, &all[k].j}) {
      by_supply[next_supply[board.at(side->supply, side->actor)]++] = k;
      by_demand[next_demand[board.at(side->demand, side->actor)]++] = k;
    }
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<Entry>());
  double falling = -1, rising = static_cast<double>(all.size());

  struct Move {
    Key old_key;
    double old_label;
    std::size_t k;
  };
  std::vector<Move> moved;
  std::vector<std::size_t> seen(all.size(), 0);
  std::size_t stamp = 0;
  while (!heap.empty()) {
    if (heap.size() > 2 * live + 1024) {
      std::vector<Entry> current;
      current.reserve(live);
      for (const Entry& e : heap) {
        const std::size_t k = std::get<2>(e);
        if (alive[k] && key[k] == std::get<0>(e) && label[k] == std::get<1>(e))
          current.push_back(e);
      }
      heap.swap(current);
      std::make_heap(heap.begin(), heap.end(), std::greater<Entry>());
    }
    std::pop_heap(heap.begin(), heap.end(), std::greater<Entry>());
    const auto [top_key, top_label, top] = heap.back();
    heap.pop_back();
    if (!alive[top] || key[top] != top_key || label[top] != top_label) continue;  // stale
    alive[top] = 0;
    --live;
    leave(top);
    const Exchange<T>& done = all[top];
    ++stamp;
    moved.clear();
    auto visit = [&](const std::vector<std::size_t>& list, const std::vector<std::size_t>& start,
                     std::size_t cell) {
      for (std::size_t n = start[cell]; n < start[cell + 1]; ++n) {
        const std::size_t k = list[n];
        if (!alive[k] || seen[k] == stamp) continue;
        seen[k] = stamp;
        Exchange<T>& e = all[k];
        round.Recalculate(e, done);
        if (!e.valid) {
          alive[k] = 0;
          --live;
          leave(k);
        } else if (key[k] != key_of(e.gain)) {
          moved.push_back({key[k], label[k], k});
          leave(k);
        }
      }
    };
    for (const Side<T>* side : {&done.i, &done.j}) {
      visit(by_supply, start_supply, board.at(side->supply, side->actor));
      visit(by_demand, start_demand, board.at(side->demand, side->actor));
    }
    // In their previous order: those rising take falling labels, last first,
    // so the first of them ends up first; those falling take rising labels.
    std::sort(moved.begin(), moved.end(), [](const Move& a, const Move& b) {
      return std::tie(a.old_key, a.old_label) < std::tie(b.old_key, b.old_label);
    });
    for (const Move& m : moved) {
      key[m.k] = key_of(all[m.k].gain);
      join(m.k);
    }
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      if (key[it->k] > it->old_key) label[it->k] = falling--;  // came from a higher gain
    }
    for (const Move& m : moved) {
      if (key[m.k] < m.old_key) label[m.k] = rising++;  // came from a lower gain
      push({key[m.k], label[m.k], m.k});
    }
    Executed<T> executed{done, static_cast<int>(result.executed.size()) + 1, {}, {}};
    if (externalities) Externalities(board, groups, executed);
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
RoundResult<T> RunRound(Board<T>& board, const RoundOptions<T>& options) {
  const TieBreak<T>& tie_break = options.tie_break;
  RoundResult<T> result;
  const Round<T> round(board, options.rates);
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
            e.order = list.size();
            if (options.rates.random_rate() || options.rates.p > 0) {
              e.draws = Stream(options.rates.seed, DrawIndex(options.rates.round, e.order));
            }
            round.Calculate(e);
            list.push_back(std::move(e));
          }
        }
      }
    }
  }
  result.candidates = list.size();

  // Execute the highest gain, recalculate the rest, repeat (ModelLoop.loop).
  if (options.rates.random_rate()) {
    ExecuteMutualBest(round, board.actors, list, result, options);
    for (Executed<T>& executed : result.executed) {
      if (options.externalities) Externalities(board, groups, executed);
    }
    list.clear();
  }
  if (!tie_break && !options.full_sort && !options.rates.random_rate()) {
    ExecuteFast(round, board, groups, list, result, options.externalities);
    list.clear();
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
    if (options.externalities) Externalities(board, groups, executed);
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
template RoundResult<double> RunRound(Board<double>&, const RoundOptions<double>&);
template RoundResult<Decimal28> RunRound(Board<Decimal28>&, const RoundOptions<Decimal28>&);

}  // namespace concert::exchange
