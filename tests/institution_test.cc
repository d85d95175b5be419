// The institution section: reading, stakes by hand, bad input, the Monte Carlo runner.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "concert/institutions/simulate.h"
#include "concert/io/institution_reader.h"
#include "test_util.h"

namespace concert::testing {
namespace {

std::string SixParty() { return SourceDir() + "/scenarios/six_party_talks_2005.yaml"; }

std::string Text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The Six-Party scenario's actors and issues with `section` as its institution.
std::string WithSection(const std::string& section) {
  std::string text = Text(SixParty());
  return text.substr(0, text.find("\ninstitution:")) + "\ninstitution:\n" + section;
}

std::string ErrorOf(const std::string& section) {
  const std::string text = WithSection(section);
  const Scenario scenario = ReadScenario("t.yaml", text);
  try {
    CheckInstitution(ReadInstitution("t.yaml", text, scenario));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Institution, SixPartySectionReads) {
  const Scenario s = ReadScenarioFile(SixParty());
  const InstitutionSpec spec = ReadInstitution(SixParty(), Text(SixParty()), s);
  EXPECT_TRUE(spec.from_file);
  EXPECT_EQ(spec.periods, 16);
  ASSERT_EQ(spec.alternatives.size(), 5u);
  EXPECT_EQ(spec.alternatives[0].name, "guarantor");
  EXPECT_EQ(*spec.alternatives[0].enforcer, "CHN");
  EXPECT_EQ(spec.base.monitoring->value, 0.5);
  EXPECT_EQ(spec.base.aid.at("PRK").value, 0.3);
  EXPECT_EQ(spec.outcomes.at("nuclear"), 55);
  EXPECT_EQ(*spec.alternatives[3].punishment, 2);
  ASSERT_EQ(spec.events.size(), 3u);
  EXPECT_EQ(spec.deciding.at("unification"), (std::vector<std::string>{"PRK", "ROK"}));
  EXPECT_EQ(spec.events[0].period, 5);
}

TEST(Institution, StakesByHand) {
  // DPRK, agreement nuclear 55, refugees 65, missiles 35, unification 60; status quo
  // 5, 60, 35, 55; positions 15, 95, 10, 75; saliences 0.90, 0.90, 0.40, 0.35; scales 0-100.
  //   nuclear:     (|15 - 5| - |15 - 55|) / 100 = -0.30 -> cost 0.90 x 0.30 = 0.27
  //   refugees:    (|95 - 60| - |95 - 65|) / 100 = 0.05 -> benefit 0.90 x 0.05 = 0.045
  //   missiles:    no change
  //   unification: (|75 - 55| - |75 - 60|) / 100 = 0.05 -> benefit 0.35 x 0.05 = 0.0175
  const Scenario s = ReadScenarioFile(SixParty());
  const Stakes stakes = DeriveStakes(s, {55, 65, 35, 60});
  EXPECT_NEAR(stakes.benefit[2], 0.0625, 1e-12);
  EXPECT_NEAR(stakes.cost[2], 0.27, 1e-12);
}

TEST(Institution, BadSections) {
  std::string e = ErrorOf("  monitoring: 1.5\n");
  EXPECT_NE(e.find("t.yaml:"), std::string::npos) << e;
  EXPECT_NE(e.find("institution.monitoring"), std::string::npos) << e;
  EXPECT_NE(e.find("expected a number in [0, 1] but got 1.5"), std::string::npos) << e;
  e = ErrorOf("  sanction: {size: 1, enforcer: UN}\n");
  EXPECT_NE(e.find("expected none, collective or an actor id but got 'UN'"), std::string::npos)
      << e;
  e = ErrorOf("  parties: {KOR: {discount: 0.9}}\n");
  EXPECT_NE(e.find("unknown actor 'KOR'"), std::string::npos) << e;
  e = ErrorOf("  parties: {PRK: {discount: 1}}\n");
  EXPECT_NE(e.find("institution.parties.PRK.discount"), std::string::npos) << e;
  e = ErrorOf("  monitorng: 0.5\n");
  EXPECT_NE(e.find("unknown field 'monitorng'"), std::string::npos) << e;
  e = ErrorOf("  agreement: {outcomes: {nuclear: 150}}\n");
  EXPECT_NE(e.find("on the issue's scale [0, 100]"), std::string::npos) << e;
  e = ErrorOf("  alternatives: [{monitoring: 0.9}]\n");
  EXPECT_NE(e.find("missing required field 'name'"), std::string::npos) << e;
  e = ErrorOf("  monitoring: {value: 0.5, range: [0.6, 0.9]}\n");
  EXPECT_NE(e.find("expected low <= value <= high"), std::string::npos) << e;
  e = ErrorOf("  punishment: 1.5\n");
  EXPECT_NE(e.find("institution.punishment"), std::string::npos) << e;
  EXPECT_NE(e.find("expected a whole number in [1, 1000000] but got 1.5"), std::string::npos) << e;
  e = ErrorOf("  alternatives: [{name: x, punishment: soft}]\n");
  EXPECT_NE(e.find("institution.alternatives[0].punishment"), std::string::npos) << e;
  e = ErrorOf("  consent: [USA, KOR]\n");
  EXPECT_NE(e.find("institution.consent[1]"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown actor 'KOR'"), std::string::npos) << e;
  e = ErrorOf("  periods: 16\n  events: [{period: 17, label: late}]\n");
  EXPECT_NE(e.find("institution.events[0].period"), std::string::npos) << e;
  EXPECT_NE(e.find("[1, 16]"), std::string::npos) << e;
  e = ErrorOf("  deciding: {nuke: [PRK]}\n");
  EXPECT_NE(e.find("institution.deciding.nuke"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown issue 'nuke'"), std::string::npos) << e;
  e = ErrorOf("  deciding: {nuclear: KOR}\n");
  EXPECT_NE(e.find("unknown actor 'KOR'"), std::string::npos) << e;
  e = ErrorOf("  events: [{period: 2}]\n");
  EXPECT_NE(e.find("institution.events[0].label"), std::string::npos) << e;
}

TEST(Institution, PunishmentConsentAndEventsRead) {
  const std::string text = WithSection(
      "  periods: 16\n  punishment: 2\n  consent: [USA, PRK]\n"
      "  events: [{period: 5, label: test}]\n"
      "  alternatives: [{name: grim, punishment: grim}]\n");
  const Scenario s = ReadScenario("t.yaml", text);
  const InstitutionSpec spec = ReadInstitution("t.yaml", text, s);
  EXPECT_EQ(*spec.base.punishment, 2);
  EXPECT_EQ(*spec.alternatives[0].punishment, 0);
  ASSERT_EQ(spec.events.size(), 1u);
  EXPECT_EQ(spec.events[0].period, 5);
  const GameTerms base =
      BuildTerms(s, DeriveStakes(s, std::vector<double>(4, 50)), spec, nullptr, std::nullopt);
  EXPECT_EQ(base.punishment, 2);
  // Only the USA (0) and the DPRK (2) must sign.
  for (std::size_t i = 0; i < base.parties.size(); ++i) {
    EXPECT_EQ(base.parties[i].consent, i == 0 || i == 2) << i;
  }
  EXPECT_EQ(BuildTerms(s, DeriveStakes(s, std::vector<double>(4, 50)), spec, &spec.alternatives[0],
                       std::nullopt)
                .punishment,
            0);
}

TEST(Institution, SimulationDoesNotDependOnThreads) {
  const Scenario s = ReadScenarioFile(SixParty());
  const InstitutionSpec spec = ReadInstitution(SixParty(), Text(SixParty()), s);
  SimulateOptions options;
  options.draws = 400;
  options.seed = 5;
  RunControl one_thread, two_threads;
  one_thread.threads = 1;
  two_threads.threads = 2;
  const SimulationResult one = RunSimulation(s, spec, options, one_thread);
  const SimulationResult two = RunSimulation(s, spec, options, two_threads);
  ASSERT_EQ(one.designs.size(), 6u);
  for (std::size_t d = 0; d < one.designs.size(); ++d) {
    EXPECT_EQ(one.designs[d].compliance, two.designs[d].compliance);
    EXPECT_EQ(one.designs[d].payoff, two.designs[d].payoff);
    EXPECT_EQ(one.designs[d].mean_periods, two.designs[d].mean_periods);
    // Shares are shares.
    const DesignSummary& x = one.designs[d];
    EXPECT_NEAR(x.held + x.never_signed + x.false_alarm + x.violation + x.exited, 1, 1e-12);
    EXPECT_NEAR(x.p_signed, 1 - x.never_signed, 1e-12);
    EXPECT_EQ(x.survival, two.designs[d].survival);
    EXPECT_EQ(x.vetoes, two.designs[d].vetoes);
  }
}

TEST(Institution, DefaultsWithoutASection) {
  // Without an institution section the agreement is the compromise forecast and every
  // rule takes its default (docs/institutions.md).
  const Scenario s =
      ReadScenario("two.yaml",
                   "actors: [{id: A, capability: 1}, {id: B, capability: 3}]\n"
                   "issues: [{id: x, status_quo: 0}]\n"
                   "positions: [{actor: A, issue: x, position: 40, salience: 50},\n"
                   "            {actor: B, issue: x, position: 80, salience: 100}]\n");
  SimulateOptions options;
  options.draws = 10;
  options.fixed = true;
  const SimulationResult r = RunSimulation(s, InstitutionSpec(), options);
  EXPECT_EQ(r.agreement_source, "model compromise");
  // Compromise: (1 x 0.5 x 40 + 3 x 1 x 80) / (0.5 + 3) = 260 / 3.5.
  EXPECT_NEAR(r.agreement[0], 260 / 3.5, 1e-9);
  ASSERT_EQ(r.designs.size(), 1u);
  EXPECT_EQ(r.designs[0].compliance.size(), 40u);
  EXPECT_EQ(r.designs[0].terms.monitoring, 0.9);
}

TEST(Institution, IssueWithoutStatusQuoIsAnError) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/emission_standards_1994.yaml");
  SimulateOptions options;
  options.draws = 1;
  try {
    RunSimulation(s, InstitutionSpec(), options);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("issues[0].status_quo"), std::string::npos) << e.what();
  }
}

TEST(Institution, SensitivityFindsTheInputThatMatters) {
  // Two parties, each gaining 0.5 on one issue and conceding 0.2 on the other (net 0.3 per
  // period); monitoring is perfect, so the agreement lasts while both comply. Only A's
  // discount factor is uncertain, and A complies in a period iff its cost shock
  // c in [0.1, 0.3] is at most delta / (1 - delta) x 0.3: a more patient A keeps the
  // agreement longer, so its coefficient is positive and it is the only input.
  const std::string text =
      "actors: [{id: A, capability: 1}, {id: B, capability: 1}]\n"
      "issues: [{id: x, status_quo: 0}, {id: y, status_quo: 0}]\n"
      "positions:\n"
      "  - {actor: A, issue: x, position: 0, salience: 40}\n"
      "  - {actor: A, issue: y, position: 100, salience: 100}\n"
      "  - {actor: B, issue: x, position: 100, salience: 100}\n"
      "  - {actor: B, issue: y, position: 0, salience: 40}\n"
      "institution:\n"
      "  agreement: {outcomes: {x: 50, y: 50}}\n"
      "  monitoring: 1\n"
      "  parties: {A: {discount: {value: 0.3, range: [0.1, 0.6]}}, B: {discount: 0.99}}\n";
  const Scenario s = ReadScenario("two.yaml", text);
  const InstitutionSpec spec = ReadInstitution("two.yaml", text, s);
  SimulateOptions options;
  options.draws = 2000;
  options.sensitivity = true;
  const SimulationResult r = RunSimulation(s, spec, options);
  EXPECT_NEAR(r.stakes.benefit[0], 0.5, 1e-12);
  EXPECT_NEAR(r.stakes.cost[0], 0.2, 1e-12);
  ASSERT_TRUE(r.sensitivity.has_value());
  ASSERT_EQ(r.sensitivity->src.size(), 1u);
  EXPECT_EQ(r.inputs[r.sensitivity->src[0].first], "parties.A.discount");
  EXPECT_GT(r.sensitivity->src[0].second, 0.5);
}

}  // namespace
}  // namespace concert::testing
