// Multilateral vs hub-and-spokes: transaction costs and bilateral agreements by hand.
#include "concert/institutions/architecture.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace concert::testing {
namespace {

TEST(Architecture, SixPartyCostsAndBilateralDealsByHand) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  ArchitectureOptions o;
  o.hub = "USA";
  o.transaction_cost = 0.05;
  o.table_complexity = 0.1;
  o.simulate.draws = 50;
  o.simulate.fixed = true;
  const ArchitectureComparison c = CompareArchitectures(s, InstitutionSpec(), o);
  // One table of 6: each pays 0.05 x (1 + 0.1 x 4) = 0.07; all together 0.42.
  EXPECT_NEAR(c.multilateral.transaction_cost, 0.42, 1e-12);
  EXPECT_NEAR(c.cost_multilateral_hub, 0.07, 1e-12);
  // Five bilateral tables: each participant pays 0.05; the hub 5 x 0.05, all 5 x 2 x 0.05.
  EXPECT_NEAR(c.cost_hub_hub, 0.25, 1e-12);
  EXPECT_NEAR(c.cost_hub_total, 0.5, 1e-12);
  ASSERT_EQ(c.bilateral.size(), 5u);
  EXPECT_EQ(c.bilateral[1].parties, (std::vector<std::string>{"USA", "PRK"}));
  // The USA-PRK deal on nuclear under the compromise model: capability x salience
  // weighted mean of 90 (USA: 0.15630208 x 0.95) and 15 (PRK: 0.012698068 x 0.90).
  const double wu = 0.15630208 * 0.95, wp = 0.012698068 * 0.90;
  EXPECT_NEAR(c.bilateral[1].agreement[0], (wu * 90 + wp * 15) / (wu + wp), 1e-9);
}

TEST(Architecture, TwoPartiesHubAndSpokesIsTheMultilateralDeal) {
  const Scenario s =
      ReadScenario("two.yaml",
                   "actors: [{id: A, capability: 1}, {id: B, capability: 3}]\n"
                   "issues: [{id: x, status_quo: 0}]\n"
                   "positions: [{actor: A, issue: x, position: 40, salience: 50},\n"
                   "            {actor: B, issue: x, position: 80, salience: 100}]\n");
  ArchitectureOptions o;
  o.hub = "B";
  o.simulate.draws = 20;
  const ArchitectureComparison c = CompareArchitectures(s, InstitutionSpec(), o);
  ASSERT_EQ(c.bilateral.size(), 1u);
  EXPECT_EQ(c.bilateral[0].agreement, c.multilateral.agreement);
  EXPECT_NEAR(c.cost_hub_total, c.multilateral.transaction_cost, 1e-12);
  o.hub = "C";
  EXPECT_THROW(CompareArchitectures(s, InstitutionSpec(), o), InputError);
}

}  // namespace
}  // namespace concert::testing
