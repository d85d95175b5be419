// concert/models/exchange.h — the Stokman & Van Oosten exchange model ("exchange").
//
// Actors trade positions across pairs of issues: two actors on opposite sides
// of the current outcome on issues p and q, where each cares relatively more
// about a different one, agree that each moves ("supplies") on the issue it
// values less toward the other, so that both gain. In the equal-gain variant
// the exchange rate gives both the same utility gain. Each round every
// candidate exchange is computed, the one with the highest gain executed, the
// others recalculated, until none is left; the outcome of each issue is the
// capability x salience weighted mean of the voting positions, and the
// actors' next positions move partly toward their voting positions.
//
// Parameters:
//   rounds   number of rounds (default 10)
//   variant  equal-gain (default). random-rate (Dijkstra et al. 2018) is
//            registered but not implemented yet: asking for it is an error.
//   p        randomisation of equal-gain exchange rates (default 0; only 0 is
//            implemented yet, larger values are an error)
//   ties     ordered (default): exchanges whose gains tie (to 1e-12, relative)
//            execute in list order — creation order (issue pairs in scenario
//            order; a x d before b x c; actors in scenario order) as re-sorted
//            by gain each step, exactly as the reference with its random
//            tie-breaking switched off; random: at each tie at the top, the
//            next exchange goes first with probability 1/2, from a stream
//            seeded by --seed.
//
// Positions are normalised to 0-100 per issue for the computation (as in the
// reference) and reported on each issue's own scale.
//
// Reference: Stokman, F. N. & Van Oosten, R. (1994). The exchange of voting
// positions: an object-oriented model of policy networks. In B. Bueno de
// Mesquita & F. N. Stokman (eds.), European Community Decision Making (pp.
// 105-127). Yale University Press. Implementation followed:
// foarsitter/decide-exchange-model @ 51dee66 (docs/models/exchange.md lists
// its quirks and what concert does about each).
#pragma once

#include <memory>

#include "concert/models/model.h"

namespace concert {

ModelInfo ExchangeInfo();
std::unique_ptr<Model> MakeExchange(const Params& params);

}  // namespace concert
