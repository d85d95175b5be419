// Small order sections built in code, for the order model's tests.
#pragma once

#include "concert/core/order_spec.h"
#include "concert/order/order_model.h"

namespace concert::testing {

// Actors with constant economies and military spending in the given
// proportions (economic_weight 1, so capability = the economic share), years
// 2000-2001 of data, base year 2001. A = 0.05, B = 0.01, I = 0.02, rho = 0,
// voice = capability, zero growth; H = 0.1, K = 0.03, P = 0.01, q = 0.5,
// lambda = 0; thresholds 0.5 / 0.8 / 1.5.
inline OrderSpec Actors(const std::vector<double>& sizes) {
  OrderSpec spec;
  spec.file = "test.yaml";
  spec.leader = "L";
  spec.base_year = 2001;
  spec.first_year = 2000;
  spec.last_year = 2001;
  spec.numbers[kEconomicWeight] = Number{1.0, {}};
  spec.numbers[kHierarchyPremium] = Number{0.1, {}};
  spec.numbers[kChallengeCost] = Number{0.03, {}};
  spec.numbers[kProvisionCost] = Number{0.01, {}};
  spec.numbers[kReciprocity] = Number{0.5, {}};
  spec.numbers[kVoiceAdjustment] = Number{0.0, {}};
  spec.numbers[kRenegotiationRate] = Number{0.0, {}};
  const char* ids[] = {"L", "C", "D", "E"};
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    OrderActor a;
    a.id = a.name = ids[i];
    a.economy = {{2000, 100 * sizes[i]}, {2001, 100 * sizes[i]}};
    a.military = {{2000, 10 * sizes[i]}, {2001, 10 * sizes[i]}};
    a.numbers[kGrowth] = Number{0.0, {}};
    a.numbers[kMilitaryGrowth] = Number{0.0, {}};
    a.numbers[kCrisisShock] = Number{0.0, {}};
    a.numbers[kVoice] = Number{sizes[i], {}};
    a.numbers[kRelativeGains] = Number{0.0, {}};
    a.numbers[kBenefit] = Number{0.05, {}};
    a.numbers[kBurden] = Number{0.01, {}};
    a.numbers[kInterdependence] = Number{0.02, {}};
    spec.actors.push_back(a);
  }
  return spec;
}
inline OrderSpec TwoActors(double leader, double other) { return Actors({leader, other}); }
inline OrderSpec ThreeActors(double leader, double b, double c) { return Actors({leader, b, c}); }

inline OrderOutcome RunOnce(const OrderSpec& spec) {
  OrderRun run(spec, 2000, 2000);
  return run.Run(CentralNumbers(spec), [](const OrderYearState&) {});
}

}  // namespace concert::testing
