// concert/order/order_link.h — the order level feeding the institution level:
// a negotiation scenario and its institution section as they would stand in a
// given year of the order model.
//
// The order model runs once at its central values (after an optional preset)
// up to `year`. Every actor of the negotiation whose id is an actor of the
// order takes the order's capability share of that year as its capability,
// and, when the scenario has an institution section, that party's
// relative-gains weight rho becomes the compliance game's r = rho / (1 - rho):
// the order weighs (1 - rho) u + rho (u - u_other) = u - rho u_other and the
// compliance game (1 + r) u - r u_other, which is proportional to
// u - r / (1 + r) u_other, so the two weigh relative gains alike when
// r / (1 + r) = rho. rho = 1 (relative gains only) has no finite r and is an error.
#pragma once

#include <string>
#include <vector>

#include "concert/core/order_spec.h"
#include "concert/core/scenario.h"
#include "concert/institutions/institution.h"

namespace concert {

struct OrderLinkActor {
  std::string id;
  double capability = 0;      // the order's capability share in the year
  double relative_gains = 0;  // rho
  double r = 0;               // the compliance game's weight
};

struct OrderLink {
  std::string file, preset;
  int year = 0;
  std::vector<OrderLinkActor> actors;  // the actors in both, in the scenario's order
};

// Changes `scenario` (and `institution`, unless null or not from a file) as
// above. Throws InputError naming `order_year` when the year is outside the
// order's data and projection, `order` when no actor is shared, and
// `order_preset` for an unknown preset.
OrderLink ApplyOrderYear(const OrderSpec& spec, const std::string& preset, int year,
                         Scenario* scenario, InstitutionSpec* institution);

}  // namespace concert
