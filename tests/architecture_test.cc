// Architectures: transaction costs and bilateral agreements by hand, a deal without
// the deciding party, the talking and resolving measures from the deals' own curves.
#include "concert/institutions/architecture.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "concert/io/institution_reader.h"
#include "test_util.h"

namespace concert::testing {
namespace {

std::string SixPath() { return SourceDir() + "/scenarios/six_party_talks_2005.yaml"; }

TEST(Architecture, SixPartyCostsAndBilateralDealsByHand) {
  const Scenario s = ReadScenarioFile(SixPath());
  ArchitectureOptions o;
  o.hub = "USA";
  o.transaction_cost = 0.05;
  o.table_complexity = 0.1;
  o.simulate.draws = 50;
  o.simulate.fixed = true;
  const ArchitectureComparison c = CompareArchitectures(s, InstitutionSpec(), o);
  ASSERT_EQ(c.architectures.size(), 3u);  // no --exclude: no exclusive design
  const Architecture &multi = c.architectures[0], &hub = c.architectures[1],
                     &layered = c.architectures[2];
  // One table of 6: each pays 0.05 x (1 + 0.1 x 4) = 0.07; all together 0.42.
  EXPECT_NEAR(multi.transaction_cost, 0.42, 1e-12);
  EXPECT_NEAR(multi.hub_transaction_cost, 0.07, 1e-12);
  // Five bilateral tables: each participant pays 0.05; the hub 5 x 0.05, all 5 x 2 x 0.05.
  EXPECT_NEAR(hub.hub_transaction_cost, 0.25, 1e-12);
  EXPECT_NEAR(hub.transaction_cost, 0.5, 1e-12);
  // Layered: both.
  EXPECT_NEAR(layered.transaction_cost, 0.92, 1e-12);
  EXPECT_NEAR(layered.hub_transaction_cost, 0.32, 1e-12);
  ASSERT_EQ(hub.deals.size(), 5u);
  ASSERT_EQ(c.deals.size(), 6u);
  EXPECT_EQ(c.deals[2].parties, (std::vector<std::string>{"USA", "PRK"}));
  // The USA-PRK deal on nuclear under the compromise model: capability x salience
  // weighted mean of 90 (USA: 0.15630208 x 0.95) and 15 (PRK: 0.012698068 x 0.90).
  const double wu = 0.15630208 * 0.95, wp = 0.012698068 * 0.90;
  EXPECT_NEAR(c.deals[2].agreement[0], (wu * 90 + wp * 15) / (wu + wp), 1e-9);
}

TEST(Architecture, ADealWithoutTheDecidingPartyLeavesItsIssuesAlone) {
  const Scenario s = ReadScenarioFile(SixPath());
  std::ifstream in(SixPath());
  std::stringstream text;
  text << in.rdbuf();
  InstitutionSpec spec = ReadInstitution(SixPath(), text.str(), s);
  spec.deciding = {{"nuclear", {"PRK"}}};
  ArchitectureOptions o;
  o.hub = "USA";
  o.spokes = {"JPN", "PRK"};
  o.excluded = "PRK";
  o.simulate.draws = 200;
  const ArchitectureComparison c = CompareArchitectures(s, spec, o);
  ASSERT_EQ(c.architectures.size(), 4u);
  ASSERT_EQ(c.deals.size(), 4u);  // six, USA-JPN, USA-PRK, the five
  const double status_quo = s.issues[0].status_quo->value;
  // USA-JPN: nuclear off the table, so at its status quo: |p - q| - |p - y| = 0 for
  // every party, no benefit and no cost from it.
  EXPECT_EQ(c.deals[1].parties, (std::vector<std::string>{"USA", "JPN"}));
  EXPECT_EQ(c.deals[1].off_table, std::vector<std::string>{"nuclear"});
  EXPECT_EQ(c.deals[1].agreement[0], status_quo);
  EXPECT_NE(c.deals[1].agreement[1], s.issues[1].status_quo->value);  // refugees still move
  // USA-PRK and the six-party table can decide it.
  EXPECT_TRUE(c.deals[2].off_table.empty());
  EXPECT_NE(c.deals[2].agreement[0], status_quo);
  EXPECT_TRUE(c.deals[0].off_table.empty());
  // The exclusive table of five cannot: it resolves nothing, in any period.
  EXPECT_EQ(c.deals[3].parties.size(), 5u);
  EXPECT_EQ(c.deals[3].agreement[0], status_quo);
  for (double r : c.architectures[3].resolving) EXPECT_EQ(r, 0.0);
  // Layered: talking when any of its deals is in force, independent paths:
  // 1 - prod_d (1 - P(signed)_d x survival_d(t)); resolving leaves USA-JPN out.
  const Architecture& layered = c.architectures[2];
  for (std::size_t t = 0; t < layered.talking.size(); ++t) {
    double none = 1, none_resolving = 1;
    for (std::size_t d : {0, 1, 2}) {
      const double q = c.deals[d].summary.p_signed * c.deals[d].summary.survival[t];
      none *= 1 - q;
      if (d != 1) none_resolving *= 1 - q;
    }
    EXPECT_NEAR(layered.talking[t], 1 - none, 1e-12) << t;
    EXPECT_NEAR(layered.resolving[t], 1 - none_resolving, 1e-12) << t;
    EXPECT_GE(layered.talking[t], c.architectures[0].talking[t]);
  }
  EXPECT_TRUE(layered.payoff.empty());
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
  ASSERT_EQ(c.deals.size(), 2u);
  EXPECT_EQ(c.deals[1].agreement, c.deals[0].agreement);
  EXPECT_NEAR(c.architectures[1].transaction_cost, c.architectures[0].transaction_cost, 1e-12);
  for (auto [field, change] : {std::pair<const char*, void (*)(ArchitectureOptions*)>{
                                   "hub", [](ArchitectureOptions* x) { x->hub = "C"; }},
                               {"spokes", [](ArchitectureOptions* x) { x->spokes = {"B"}; }},
                               {"excluded", [](ArchitectureOptions* x) { x->excluded = "A"; }}}) {
    ArchitectureOptions bad = o;
    change(&bad);
    try {
      CompareArchitectures(s, InstitutionSpec(), bad);
      ADD_FAILURE() << field;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace concert::testing
