// REX (equal gain randomised by p) and the random-rate exchange; the math is
// in rates.h.
#include "concert/models/exchange/rates.h"

namespace concert::exchange {

template <typename T>
void RandomiseGain(const Round<T>& round, Exchange<T>& e) {
  const double u = e.draws.Uniform(), v = e.draws.Uniform(), z = e.draws.Uniform();
  const T p = Num<T>(round.rates().p);
  const T dp_cap = ShiftCap(round, e, e.j, e.i);
  const T dq_cap = ShiftCap(round, e, e.i, e.j);
  e.i.eu_max = MaxGain(e.i, e.j, dq_cap, dp_cap);
  e.j.eu_max = MaxGain(e.j, e.i, dp_cap, dq_cap);
  e.drawn_side = -1;
  const T& eu = e.gain;  // the equal gain; it stays the exchange's rank
  // The overshoot guard of the equal-gain calculation cuts one move and derives
  // the other without checking the other's cap, so the equal-gain point can lie
  // beyond the frontier (a side's eu_max below eu): such an exchange keeps its
  // equal gain.
  const T slack = Num<T>(1 + 1e-12);
  if (eu > e.i.eu_max * slack || eu > e.j.eu_max * slack) return;
  const int side = u < 0.5 ? 0 : 1;
  const T& eu_max = side == 0 ? e.i.eu_max : e.j.eu_max;
  T target = v < 0.5 ? eu + p * Num<T>(z) * (eu_max - eu) : eu - p * Num<T>(z) * eu;
  if (target > eu_max) target = eu_max;  // by rounding only
  e.drawn_side = side;
  SetGain(round, e, side, target);
}

template <typename T>
void CalculateAtRate(const Round<T>& round, Exchange<T>& e) {
  Side<T>& i = e.i;
  Side<T>& j = e.j;
  if (!e.has_rate) {
    const T a = j.s_supply / j.s_demand;  // j breaks even
    const T b = i.s_demand / i.s_supply;  // i breaks even
    e.rate = a + (b - a) * Num<T>(e.draws.Uniform());
    e.has_rate = true;
  }
  i.moves.push_back(round.zero());
  j.moves.push_back(round.zero());
  const T dp_cap = ShiftCap(round, e, j, i);
  const T dq_cap = ShiftCap(round, e, i, j);
  T dp = dp_cap, dq = e.rate * dp_cap;
  if (dq > dq_cap) {
    dq = dq_cap;
    dp = dq / e.rate;
  }
  ApplyShifts(round, e, dp, dq);
  e.gain = std::min(i.eu, j.eu);
  // As in equal gain: an exchange that gains one of the two nothing is not
  // made (e.g. both weigh the two issues alike, so the rate range is a point).
  if (e.gain < Num<T>(1e-10)) e.valid = false;
}

template void RandomiseGain(const Round<double>&, Exchange<double>&);
template void RandomiseGain(const Round<Decimal28>&, Exchange<Decimal28>&);
template void CalculateAtRate(const Round<double>&, Exchange<double>&);
template void CalculateAtRate(const Round<Decimal28>&, Exchange<Decimal28>&);

}  // namespace concert::exchange
