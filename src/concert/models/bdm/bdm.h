// concert/models/bdm/bdm.h — Bueno de Mesquita's expected-utility model ("bdm"), as
// formalised by Scholz, Calbert & Smith (2011).
//
// Each actor i has capability c_i, salience s_i in [0, 1] and position x_i on
// one issue; multi-issue scenarios run each issue on its own, as BDM does.
// Every round: (1) each actor's risk exponent r_i is estimated from how
// threatened its position is (its "danger", the sum of the expected utilities
// of the others challenging it); (2) every actor i looks at every actor j at
// another position and, from its own point of view (its own r_i), computes the
// expected utility of challenging j (eu_ij) and of j challenging it (eu_ji);
// (3) it accepts the best offer — confrontation (it loses to j: moves to x_j),
// compromise (moves toward x_j by |eu_ij / eu_ji|) or capitulation — and all
// actors move at once. The forecast is the weighted median (the position that
// beats every other in pairwise votes with weights c s and r = 1).
//
// Parameters:
//   rounds   number of rounds (default 10)
//   q        weight of the status quo utility U_sq in EU (default 1)
//   t        paper variant, q < 1: weight of U_b against U_w (default 1)
//   risk     on: estimate r_i each round; off: r_i = 1 throughout (default on)
//   variant  reference: exactly the open reference implementation
//            (jmckib/bdm-scholz-expected-utility-model @ 55f63e9), which follows
//            Scholz's code where it departs from the paper; paper: the published
//            equations. docs/models/bdm.md lists every difference.
//
// Differences (reference -> paper):
//   1. probability denominator: all voters x all ordered pairs of actors
//      -> the votes on the pair itself, so P(i,j) + P(j,i) = 1;
//   2. votes inside P: each voter's risk exponent -> linear (eq. 30);
//   3. capitulation: never (a condition that compares eu_ji with itself)
//      -> when eu_ji > 0 > eu_ij and |eu_ij| > eu_ji;
//   4. choice among compromises: lowest value of a weighted position -> the
//      offer that moves the actor least;
//   5. with q < 1, EU also subtracts (1 - q)(t U_b + (1 - t) U_w) (eqs. 18, 19,
//      25); the reference only scales U_sq by q. Parameter t (default 1).
// Cases the reference does not handle (it divides by zero): all actors at one
// position (nothing moves; a note says so) and equal danger for all actors
// (r = 1 for all that round).
//
// Reference: Scholz, J. T., Calbert, G. J. & Smith, G. A. (2011). Unravelling
// Bueno De Mesquita's group decision model. Journal of Theoretical Politics
// 23(4), 510-531. Bueno de Mesquita, B. (1994). Political forecasting: an
// expected utility method. In Bueno de Mesquita & Stokman (eds.), European
// Community Decision Making, Yale UP, 71-104.
#pragma once

#include <memory>

#include "concert/models/model.h"

namespace concert {

ModelInfo BdmInfo();
std::unique_ptr<Model> MakeBdm(const Params& params);

}  // namespace concert
