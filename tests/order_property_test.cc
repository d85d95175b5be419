// Properties of the order model on random cases (RapidCheck, seeded in CMakeLists.txt).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "concert/order/run_order.h"
#include "order_test_util.h"

namespace concert::testing {
namespace {

double Real(int low, int high, double scale) { return *rc::gen::inRange(low, high) / scale; }

Number Range(double low, double high) {
  Number n{(low + high) / 2, {}};
  n.uncertainty.kind = Uncertainty::Kind::kRange;
  n.uncertainty.low = low;
  n.uncertainty.high = high;
  return n;
}

// A random order of 2-4 actors over 2000-2030 with uncertain growth, benefits and costs.
OrderSpec RandomOrder(std::size_t actors) {
  std::vector<double> sizes;
  for (std::size_t i = 0; i < actors; ++i) sizes.push_back(Real(1, 100, 100));
  OrderSpec spec = Actors(sizes);
  double voice = 0;
  for (const OrderActor& a : spec.actors) voice += a.numbers[kVoice].value;
  for (OrderActor& a : spec.actors) a.numbers[kVoice].value /= voice;
  spec.numbers[kEconomicWeight] = Number{Real(0, 100, 100), {}};
  spec.numbers[kHierarchyPremium] = Range(0, Real(1, 50, 100));
  spec.numbers[kChallengeCost] = Range(0, Real(0, 10, 100));
  spec.numbers[kProvisionCost] = Range(0, Real(0, 5, 100));
  spec.numbers[kReciprocity] = Range(0, 1);
  spec.last_year = 2030;
  for (OrderActor& a : spec.actors) {
    a.numbers[kGrowth] = Range(-0.02, Real(-1, 12, 100));
    a.numbers[kMilitaryGrowth] = Range(-0.02, Real(-1, 12, 100));
    a.numbers[kBenefit] = Range(0, Real(0, 10, 100));
    a.numbers[kBurden] = Range(0, Real(0, 10, 100));
    a.numbers[kInterdependence] = Range(0, Real(0, 10, 100));
  }
  return spec;
}

// Absolute gains only: a challenge costs K + I >= 0 and gains nothing, while
// support (A - B) or free riding (A (1 - q) >= 0) never does worse; nobody
// challenges in any year, however power shifts.
RC_GTEST_PROP(OrderProperty, NobodyChallengesWithAbsoluteGainsOnly, ()) {
  OrderRequest request;
  request.spec = RandomOrder(*rc::gen::inRange<std::size_t>(2, 5));
  request.relative_gains = 0.0;
  request.draws = 64;
  request.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const OrderResult r = RunOrder(request);
  for (const OrderYearSummary& y : r.years) RC_ASSERT(y.challenge == 0.0);
  RC_ASSERT(r.first_challenge_mean == 0.0);
}

// A rising challenger (faster economic and military growth than the leader in
// every draw), a large relative-gains weight and voice that does not move: its
// chance p = c / (c + c_L) rises every year, so the share of draws in which it
// challenges never falls from one year to the next.
RC_GTEST_PROP(OrderProperty, ChallengeRisesAsTheGapCloses, ()) {
  OrderSpec spec = Actors({Real(50, 90, 100), Real(5, 40, 100)});
  spec.last_year = 2040;
  spec.numbers[kEconomicWeight] = Range(0, 1);
  spec.numbers[kHierarchyPremium] = Range(0.01, Real(2, 50, 100));
  spec.numbers[kChallengeCost] = Range(0, Real(0, 10, 100));
  const double leader_growth = Real(0, 4, 100);
  spec.actors[0].numbers[kGrowth] = Number{leader_growth, {}};
  spec.actors[0].numbers[kMilitaryGrowth] = Number{leader_growth, {}};
  spec.actors[1].numbers[kGrowth] = Range(leader_growth + 0.01, leader_growth + 0.10);
  spec.actors[1].numbers[kMilitaryGrowth] = Range(leader_growth + 0.01, leader_growth + 0.10);
  spec.actors[1].numbers[kRelativeGains] = Range(Real(70, 100, 100), 1.0);
  spec.actors[1].numbers[kInterdependence] = Range(0, Real(0, 10, 100));
  OrderRequest request;
  request.spec = spec;
  request.draws = 300;
  request.seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const OrderResult r = RunOrder(request);
  for (std::size_t t = 1; t < r.years.size(); ++t) {
    RC_ASSERT(r.years[t].actors[1].stance[2] >= r.years[t - 1].actors[1].stance[2]);
  }
}

}  // namespace
}  // namespace concert::testing
