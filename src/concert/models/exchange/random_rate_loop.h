// concert/models/exchange/random_rate_loop.h — the execution loop of the
// random-rate variant (internal to the exchange model).
//
// Each candidate's rate is drawn once (rates.h). An exchange is
// executed when it gives both of its actors their highest gain among the
// exchanges still in play (of several, the one whose smaller gain is highest,
// then the first created). When none does, every actor lowers the gain of its
// best exchanges to its second-best gain, conceding the difference to the
// partner along the exchange's frontier; after `max_passes` such passes in a
// row the round ends (deadlock). After an execution the exchanges it affects
// are recalculated at their current rates, as in equal gain.
#pragma once

#include <vector>

#include "concert/models/exchange/equal_gain.h"

namespace concert::exchange {

template <typename T>
class Round;

template <typename T>
void ExecuteMutualBest(const Round<T>& round, std::size_t actors, std::vector<Exchange<T>>& all,
                       RoundResult<T>& result, const RoundOptions<T>& options);

// Gains this close (relative, or 1e-14 absolute) count as equal.
bool SameGain(double a, double b);

}  // namespace concert::exchange
