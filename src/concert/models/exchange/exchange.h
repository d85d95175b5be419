// concert/models/exchange/exchange.h — the Stokman & Van Oosten exchange model ("exchange").
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
//   variant  equal-gain (default), or random-rate (Dijkstra, Van Assen,
//            Stokman & Draaijer 2018): each candidate's rate dq/dp is drawn
//            between the two actors' break-even rates; an exchange executes
//            when it is the best for both of its actors, otherwise actors
//            concede gain on their best exchanges down to their second best;
//            1024 passes without a mutual best end the round (deadlock).
//   p        equal-gain: randomisation of each exchange's gains in [0, 1]
//            (default 0, the equal gain; "REX"): one side, drawn at random,
//            gains eu + p z (eu_max - eu) or eu - p z eu, z ~ U(0, 1).
//            Exchanges still execute in order of their equal gain.
//            Randomised variants draw from Stream(seed, DrawIndex(round,
//            candidate)): reproducible under the run's seed, whatever the threads.
//   ties     ordered (default): exchanges whose gains tie (to 1e-12, relative)
//            execute in list order — creation order (issue pairs in scenario
//            order; a x d before b x c; actors in scenario order) as re-sorted
//            by gain each step, exactly as the reference with its random
//            tie-breaking switched off; random: at each tie at the top, the
//            next exchange goes first with probability 1/2, from a stream
//            seeded by the run's seed.
//   arithmetic  double (default): fast; decimal: every value a 28-digit
//            decimal (decimal28.h) computed in the reference's order, which
//            reproduces its every decision (slower; docs/models/exchange.md).
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
