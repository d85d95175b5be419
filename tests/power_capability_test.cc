// A voting rule's power index as capability (voting/power_capability.h):
// hand calculations on the EEC Council of 1958, the CLI on the shipped
// emission-standards scenario and the EC-12 rule, and every refusal.
//
// EEC 1958 (FR, DE, IT 4 votes, BE, NL 2, LU 1; quota 12): swings 10, 10, 10,
// 6, 6, 0 (normalised Banzhaf 5/21, 5/21, 5/21, 1/7, 1/7, 0); Shapley–Shubik
// 7/30, 7/30, 7/30, 3/20, 3/20, 0 (power_index_test.cc derives both).
#include "concert/voting/power_capability.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "cli_util.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/models/registry.h"

namespace concert::testing {
namespace {

VotingRule Eec() {
  return RuleFromLists({"FR", "DE", "IT", "BE", "NL", "LU"}, {{4, 4, 4, 2, 2, 1}}, {"12"});
}

// Actors with the given ids and capabilities on one issue, positions 0, 10, 20, ...
concert::Scenario Actors(const std::vector<std::string>& ids,
                         const std::vector<double>& capability) {
  ScenarioDraft d;
  Issue issue;
  issue.id = "x";
  d.issues.push_back({issue, {}});
  for (std::size_t k = 0; k < ids.size(); ++k) {
    d.actors.push_back({{ids[k], ids[k], {capability[k], {}}, ""}, {}});
    d.stances.push_back({ids[k], "x", {{10.0 * k, {}}, {50, {}}, {}}, {}});
  }
  return BuildScenario(d);
}

TEST(PowerCapability, EveryActorAPlayerSharesTheTotalByBanzhaf) {
  concert::Scenario s = Actors({"FR", "DE", "IT", "BE", "NL", "LU"}, {1, 1, 1, 1, 1, 1});
  const PowerCapability p = SetPowerCapability(&s, Eec(), PowerIndexKind::kBanzhaf, {});
  // total 6 shared as 10 : 10 : 10 : 6 : 6 : 0 of 42
  const double want[] = {60.0 / 42, 60.0 / 42, 60.0 / 42, 36.0 / 42, 36.0 / 42, 0};
  for (std::size_t a = 0; a < 6; ++a) {
    EXPECT_NEAR(s.actors[a].capability.value, want[a], 1e-14) << a;
    EXPECT_NEAR(p.after[a], want[a], 1e-14);
    EXPECT_EQ(p.before[a], 1.0);
  }
  EXPECT_TRUE(p.absent.empty());
  // The compromise is then sum c s x / sum c s with these weights (equal s):
  // (60 (0 + 10 + 20) + 36 (30 + 40)) / (3 x 60 + 2 x 36) = 4320 / 252.
  const Forecast f = CreateModel("compromise").model->Run(s, RunContext{});
  EXPECT_NEAR(*f.issues[0].outcome, 4320.0 / 252, 1e-12);
}

TEST(PowerCapability, ASubsetOfPlayersAndAKeptActorByShapley) {
  // FR, BE, LU play (indices 7/30, 3/20, 0: shares 14 : 9 : 0 of 23) and share
  // their total 2 + 1 + 1 = 4; COM keeps 3; DE, IT, NL are absent players.
  concert::Scenario s = Actors({"COM", "FR", "BE", "LU"}, {3, 2, 1, 1});
  const PowerCapability p = SetPowerCapability(&s, Eec(), PowerIndexKind::kShapleyShubik, {"COM"});
  EXPECT_EQ(s.actors[0].capability.value, 3.0);
  EXPECT_NEAR(s.actors[1].capability.value, 4 * 14.0 / 23, 1e-14);
  EXPECT_NEAR(s.actors[2].capability.value, 4 * 9.0 / 23, 1e-14);
  EXPECT_EQ(s.actors[3].capability.value, 0.0);
  EXPECT_EQ(p.kept, std::vector<std::string>{"COM"});
  EXPECT_EQ(p.absent, (std::vector<std::string>{"DE", "IT", "NL"}));
  const std::string note = DescribePowerCapability(p);
  EXPECT_NE(note.find("shapley"), std::string::npos) << note;
  EXPECT_NE(note.find("DE, IT, NL"), std::string::npos) << note;
}

TEST(PowerCapability, AnUncertainCapabilityBecomesTheIndex) {
  concert::Scenario s = Actors({"FR", "DE", "IT", "BE", "NL", "LU"}, {1, 1, 1, 1, 1, 1});
  s.actors[0].capability.uncertainty = {Uncertainty::Kind::kRange, 0.5, 1.5, 0};
  SetPowerCapability(&s, Eec(), PowerIndexKind::kBanzhaf, {});
  EXPECT_EQ(s.actors[0].capability.uncertainty.kind, Uncertainty::Kind::kNone);
}

std::string ErrorOf(concert::Scenario s, const VotingRule& rule,
                    const std::vector<std::string>& keep) {
  try {
    SetPowerCapability(&s, rule, PowerIndexKind::kBanzhaf, keep);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(PowerCapability, Refusals) {
  const concert::Scenario eec = Actors({"FR", "DE", "IT", "BE", "NL", "LU"}, {1, 1, 1, 1, 1, 1});
  EXPECT_NE(ErrorOf(Actors({"FRA", "DEU"}, {1, 1}), Eec(), {}).find("no actor of the scenario"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Actors({"FR", "COM"}, {1, 1}), Eec(), {}).find("COM not a player"),
            std::string::npos);
  EXPECT_NE(ErrorOf(eec, Eec(), {"XX"}).find("'XX' is not an actor"), std::string::npos);
  EXPECT_NE(ErrorOf(eec, Eec(), {"FR"}).find("is a player"), std::string::npos);
  EXPECT_NE(ErrorOf(Actors({"LU", "COM"}, {1, 1}), Eec(), {"COM"}).find("index 0"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Actors({"FR", "DE"}, {0, 0}), Eec(), {}).find("total capability 0"),
            std::string::npos);
  concert::Scenario own = eec;
  Stance stance = *own.stance(1, 0);
  stance.capability = Number{2.0, {}};
  own.set_stance(1, 0, stance);
  EXPECT_NE(ErrorOf(own, Eec(), {}).find("issue-specific capability"), std::string::npos);
  concert::Scenario s = eec;
  try {
    SetCapabilityFromRule(&s, SourceDir() + "/data/voting/eec_1958.yaml:penrose", {});
    ADD_FAILURE() << "an unknown index was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("banzhaf or shapley"), std::string::npos) << e.what();
  }
}

TEST(PowerCapability, FromTheCliOnTheShippedScenario) {
  const std::string scenario = Scenario("emission_standards_1994.yaml");
  const std::string rule = SourceDir() + "/data/voting/ec12_qmv.yaml";
  const CliRun r = Concert("forecast -q -m compromise -f csv --table outcomes " + scenario +
                           " --capability " + rule);
  ASSERT_EQ(r.code, 0) << r.out;
  // The EC-12's Banzhaf shares of the ten actors, by brute force over the 4,096
  // coalitions of the rule here (independent of the library's method).
  const std::vector<std::string> names = {"DEU", "FRA", "ITA", "GBR", "ESP", "BEL",
                                          "GRC", "NLD", "PRT", "DNK", "IRL", "LUX"};
  const std::vector<int> votes = {10, 10, 10, 10, 8, 5, 5, 5, 5, 3, 3, 2};
  std::vector<double> swings(12, 0);
  for (unsigned mask = 0; mask < 4096; ++mask) {
    int sum = 0;
    for (int k = 0; k < 12; ++k) sum += (mask >> k & 1) ? votes[k] : 0;
    for (int k = 0; k < 12; ++k) {
      if (!(mask >> k & 1) && sum < 54 && sum + votes[k] >= 54) ++swings[k];
    }
  }
  const concert::Scenario s = ReadScenarioFile(scenario);
  double cs_total = 0, csx = 0, capability_total = 0, swing_total = 0;
  for (const Actor& a : s.actors) {
    capability_total += a.capability.value;
    swing_total += swings[std::find(names.begin(), names.end(), a.id) - names.begin()];
  }
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    const double eta =
        swings[std::find(names.begin(), names.end(), s.actors[a].id) - names.begin()];
    const double c = eta / swing_total * capability_total;
    const Stance* st = s.stance(a, 0);
    cs_total += c * st->salience.value;
    csx += c * st->salience.value * st->position.value;
  }
  const std::string want = fmt::format("{:.6g}", csx / cs_total);
  EXPECT_NE(r.out.find(want.substr(0, 5)), std::string::npos) << r.out << " want " << want;
  EXPECT_NE(r.out.find("ESP, PRT"), std::string::npos) << r.out;  // absent players named
  // Without the rule the forecast is the raw capabilities' 7.39.
  EXPECT_EQ(Concert("forecast -q -m compromise -f csv --table outcomes " + scenario)
                .out.find(want.substr(0, 5)),
            std::string::npos);
  const CliRun keep = Concert("forecast -q " + scenario + " -m compromise --capability-keep NLD");
  EXPECT_EQ(keep.code, 1);
  EXPECT_NE(keep.out.find("needs --capability"), std::string::npos) << keep.out;
  const CliRun six = Concert("forecast -q " + Scenario("six_party_talks_2005.yaml") +
                             " -m compromise --capability " + rule);
  EXPECT_EQ(six.code, 1);
  EXPECT_NE(six.out.find("--capability"), std::string::npos) << six.out;
  EXPECT_NE(six.out.find("no actor of the scenario is a player"), std::string::npos) << six.out;
  EXPECT_NE(Concert("forecast --help").out.find("--capability-keep"), std::string::npos);
}

}  // namespace
}  // namespace concert::testing
