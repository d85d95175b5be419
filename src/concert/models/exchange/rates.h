// concert/models/exchange/rates.h — exchange rates other than equal gain
// (internal to the exchange model; docs/models/exchange.md has the math).
//
// An exchange is a pair of outcome shifts: dq on q (i moves toward j's
// position) and dp on p (j moves toward i's position). In terms of the shift
// on a side's own supply issue (ra) and on its demand issue (rb, the partner's
// shift) a side gains
//   u_a = rb s_a,demand - ra s_a,supply   and its partner u_b = ra s_b,demand - rb s_b,supply.
// Each shift is capped: a moves at most to the partner's position, and not so
// far that the outcome passes the partner's position (the overshoot guard).
// Larger shifts at the same ratio make both better off, so the exchanges worth
// making lie on the frontier where one of the two shifts is at its cap.
//
// REX (p > 0; Stokman & Van Oosten's equal gain randomised as in
// decide-exchange-model's `randomized_gain`): u, v, z ~ U(0, 1) from the
// exchange's own stream; u < 1/2 picks side i, else j; that side gains
// eu + p z (eu_max - eu) if v < 1/2, else eu - p z eu, where eu is the equal
// gain and eu_max the most it can gain while the partner gains >= 0; the
// shifts are the frontier point that gives it that gain. (An equal-gain point
// beyond the frontier, which the reference's overshoot guard can produce, keeps
// its equal gain.)
//
// Random rate (Dijkstra, Van Assen, Stokman & Draaijer 2018): the rate
// r = dq / dp is drawn uniformly on [a, b], a = s_jp / s_jq (j breaks even),
// b = s_ip / s_iq (i breaks even), so both gain; the exchange is the frontier
// point at that rate. Concede() moves an exchange along its frontier.
#pragma once

#include <algorithm>
#include <cmath>
#include <utility>

#include "concert/models/exchange/round_math.h"

namespace concert::exchange {

// How far the outcome on a's supply issue can shift in a's favour of partner b.
template <typename T>
T ShiftCap(const Round<T>& round, const Exchange<T>& e, const Side<T>& a, const Side<T>& b) {
  T full = round.ByAbsoluteMove(a, b);
  const T nbs0 = round.AdjustedNbs(e, a, a.supply_x);
  const T nbs_full = round.AdjustedNbs(e, a, b.demand_x);
  T d0 = b.demand_x - nbs0, d1 = b.demand_x - nbs_full;
  if constexpr (!kExact<T>) {
    if (Abs(d0) <= kSameOutcome) d0 = 0;
    if (Abs(d1) <= kSameOutcome) d1 = 0;
  }
  const T& zero = round.zero();
  if ((d0 > zero && d1 < zero) || (d0 < zero && d1 > zero)) return Abs(d0);
  return full;
}

// The most side a can gain while its partner b gains >= 0: b breaks even at
// ra = rb k with k = s_b,supply / s_b,demand, so take rb as large as the caps allow.
template <typename T>
T MaxGain(const Side<T>& a, const Side<T>& b, const T& ra_cap, const T& rb_cap) {
  const T k = b.s_supply / b.s_demand;
  T rb = rb_cap;
  if (rb * k > ra_cap) rb = ra_cap / k;
  return rb * a.s_demand - rb * k * a.s_supply;
}

// The frontier point (ra, rb) at which a gains `target`: a moves all the way
// (ra at its cap) and the partner as far as needed; if that exceeds the
// partner's cap, the partner moves all the way and a less.
template <typename T>
std::pair<T, T> FrontierPoint(const Side<T>& a, const T& ra_cap, const T& rb_cap, const T& target) {
  T ra = ra_cap;
  T rb = (target + ra * a.s_supply) / a.s_demand;
  if (rb > rb_cap) {
    rb = rb_cap;
    ra = (rb * a.s_demand - target) / a.s_supply;
  }
  return {ra, rb};
}

// Sets the exchange to shifts dp and dq: moves (toward the partner, never past
// its position), voting positions, each side's gain, validity, outcomes.
template <typename T>
void ApplyShifts(const Round<T>& round, Exchange<T>& e, const T& dp, const T& dq) {
  Side<T>& i = e.i;
  Side<T>& j = e.j;
  e.dp = dp;
  e.dq = dq;
  i.move = std::min(Abs(round.ReverseMove(i, dq)), Abs(j.demand_x - i.supply_x));
  j.move = std::min(Abs(round.ReverseMove(j, dp)), Abs(i.demand_x - j.supply_x));
  if (i.supply_x > j.demand_x) i.move = -i.move;
  if (j.supply_x > i.demand_x) j.move = -j.move;
  i.moves.back() = i.move;
  j.moves.back() = j.move;
  i.y = i.supply_x + i.move;
  j.y = j.supply_x + j.move;
  i.eu = dp * i.s_demand - dq * i.s_supply;
  j.eu = dq * j.s_demand - dp * j.s_supply;
  e.valid = round.IsMoveValid(i, i.move) && round.IsMoveValid(j, j.move);
  i.nbs0 = round.AdjustedNbs(e, i, i.supply_x);
  i.nbs1 = round.AdjustedNbs(e, i, i.y);
  j.nbs0 = round.AdjustedNbs(e, j, j.supply_x);
  j.nbs1 = round.AdjustedNbs(e, j, j.y);
}

// Side `side` (0 = i, 1 = j) of e gains `target` instead: the frontier point.
// (dq, dp) = (ra, rb) for i and (rb, ra) for j.
template <typename T>
void SetGain(const Round<T>& round, Exchange<T>& e, int side, const T& target) {
  const T dp_cap = ShiftCap(round, e, e.j, e.i);
  const T dq_cap = ShiftCap(round, e, e.i, e.j);
  if (side == 0) {
    const auto [ra, rb] = FrontierPoint(e.i, dq_cap, dp_cap, target);
    ApplyShifts(round, e, rb, ra);
  } else {
    const auto [ra, rb] = FrontierPoint(e.j, dp_cap, dq_cap, target);
    ApplyShifts(round, e, ra, rb);
  }
}

// Random-rate: side `side` gives up gain down to `target` (> its partner's
// gain rises); the exchange keeps the new rate through recalculations.
template <typename T>
void Concede(const Round<T>& round, Exchange<T>& e, int side, const T& target) {
  SetGain(round, e, side, target);
  if (!(e.dp > round.zero()) || !(e.dq > round.zero())) {
    e.valid = false;
    return;
  }
  e.rate = e.dq / e.dp;
  e.gain = std::min(e.i.eu, e.j.eu);
  if (e.gain < Num<T>(1e-10)) e.valid = false;
}

}  // namespace concert::exchange
