// The expected-utility model: hand-computed probabilities, utilities and risk
// exponents for three actors, and the reference runs in ../shared/data.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "concert/io/text.h"
#include "concert/models/bdm/rounds.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// Three actors on a 0-100 issue, R = 100:
//   A: c 1, s 1,   x 0     (w = c s = 1)
//   B: c 1, s 0.5, x 50    (w = 0.5)
//   C: c 2, s 0.5, x 100   (w = 1)
// With r = 1, voter k's vote for a over b is w_k (|x_k - b| - |x_k - a|) / 100.
// Reference denominator, sum over voters and all ordered actor pairs of |vote|:
//   A: d = (0, .5, 1) -> 2 (.5 + 1 + .5) = 4, x w 1 = 4
//   B: d = (.5, 0, .5) -> 2 (.5 + 0 + .5) = 2, x w .5 = 1
//   C: d = (1, .5, 0) -> 4, x w 1 = 4            total 9
// Numerators (voters on a's side): N(A,B) = A: 1 x .5 = .5; N(B,A) = B .5 x .5 + C 1 x .5 = .75;
//   N(A,C) = A: 1; N(C,A) = C: 1 (B is indifferent); N(B,C) = A .5 + B .25 = .75;
//   N(C,B) = C: .5.   So P(A,B) = 1/18, P(B,A) = 1/12, P(A,C) = P(C,A) = 1/9,
//   P(B,C) = 1/12, P(C,B) = 1/18; the paper's P(a,b) = N(a,b) / (N(a,b) + N(b,a)).
const std::vector<double> kX = {0, 50, 100}, kC = {1, 1, 2}, kS = {1, 0.5, 0.5};

TEST(BdmVotes, HandComputedProbabilities) {
  bdm::VoteTable votes;
  std::vector<double> w = {1, 0.5, 1}, rho = {1, 1, 1};
  votes.Prepare(kX, w, rho, 100, false);
  EXPECT_NEAR(votes.P(0, 1), 1.0 / 18, 1e-15);
  EXPECT_NEAR(votes.P(1, 0), 1.0 / 12, 1e-15);
  EXPECT_NEAR(votes.P(0, 2), 1.0 / 9, 1e-15);
  EXPECT_NEAR(votes.P(2, 0), 1.0 / 9, 1e-15);
  EXPECT_NEAR(votes.P(1, 2), 1.0 / 12, 1e-15);
  EXPECT_NEAR(votes.P(2, 1), 1.0 / 18, 1e-15);
  EXPECT_EQ(votes.P(1, 1), 0.0);
  EXPECT_NEAR(bdm::BruteForceDenominator(kX, w, rho, 100), 9.0, 1e-12);
  votes.Prepare(kX, w, rho, 100, true);
  EXPECT_NEAR(votes.P(0, 1), 0.4, 1e-15);  // .5 / 1.25
  EXPECT_NEAR(votes.P(1, 0), 0.6, 1e-15);
  EXPECT_NEAR(votes.P(0, 2), 0.5, 1e-15);
  EXPECT_NEAR(votes.P(1, 2), 0.6, 1e-15);
}

TEST(BdmUtilities, HandComputed) {
  bdm::Options options;
  bdm::IssueState state(kX, kC, kS, options);
  // r = 1: U_s = 2 - 4 (.5 - .5 d / R) = 2 d / R, U_f = -2 d / R, U_sq = 0.
  // A challenging B, seen by A: s_B (P U_s + (1 - P) U_f) + (1 - s_B) U_s
  //   = .5 (1/18 - 17/18) + .5 = -4/9 + 1/2 = 1/18.
  EXPECT_NEAR(state.Eu(1.0, 0, 50, 0.5, 1.0 / 18, 0), 1.0 / 18, 1e-15);
  // B challenging A, seen by A: s_A = 1: 1/12 - 11/12 = -5/6.
  EXPECT_NEAR(state.Eu(1.0, 50, 0, 1.0, 1.0 / 12, 0), -5.0 / 6, 1e-15);
  // r = 2, d = 50: U_s = 2 - 4 (.25)^2 = 1.75, U_f = 2 - 4 (.75)^2 = -.25, U_sq = 2 - 4 (.25) = 1;
  // s = .5, P = .1: .5 (.175 - .225) + .875 - 1 = -.15.
  EXPECT_NEAR(state.Eu(2.0, 0, 50, 0.5, 0.1, 0), -0.15, 1e-15);
}

TEST(BdmRisk, HandComputedExponents) {
  // Dangers (r = 1), each the sum of the others' EU of challenging the actor:
  //   D_A = EU(B->A) + EU(C->A) = -5/6 + (2/9 - 16/9) = -5/6 - 14/9 = -43/18
  //   D_B = EU(A->B) + EU(C->B) = 1/18 + 1/18 = 1/9
  //   D_C = EU(A->C) + EU(B->C) = (.5 (2/9 - 16/9) + 1) + (.5 (1/12 - 11/12) + .5) = 2/9 + 1/12
  //       = 11/36
  // R_i = (2 D_i - max - min) / (max - min): R_A = -1, R_C = 1, R_B = 83/97;
  // r = (1 - R/3) / (1 + R/3): r_A = 2, r_C = 0.5, r_B = (208/291) / (374/291) = 104/187.
  bdm::Options options;
  bdm::IssueState state(kX, kC, kS, options);
  state.EstimateRisk();
  EXPECT_NEAR(state.risk()[0], 2.0, 1e-14);
  EXPECT_NEAR(state.risk()[1], 104.0 / 187, 1e-14);
  EXPECT_NEAR(state.risk()[2], 0.5, 1e-14);
  options.risk = false;
  bdm::IssueState flat(kX, kC, kS, options);
  flat.EstimateRisk();
  EXPECT_EQ(flat.risk(), (std::vector<double>{1, 1, 1}));
}

TEST(Bdm, AllAtOnePositionDoesNotMove) {
  bdm::IssueState state({5, 5}, {1, 1}, {1, 1}, bdm::Options{});
  state.EstimateRisk();
  auto offers = state.BestOffers();
  EXPECT_FALSE(offers[0]);
  EXPECT_EQ(state.Median(), 5.0);
}

// ---- reference runs (jmckib/bdm-scholz-expected-utility-model @ 55f63e9) ----

std::string Dir() { return SharedData() + "/reference/bdm_scholz/"; }

std::vector<std::vector<std::string>> ReadSemicolonCsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) rows.push_back(text::Split(line, ';'));
  return rows;
}

Forecast RunBdm(const Scenario& s, const std::string& spec = "bdm(rounds=10)") {
  return CreateModel(spec).model->Run(s, RunContext{});
}

TEST(BdmReference, EmissionStandardsEveryRoundAndActor) {
  CONCERT_REQUIRE_FILE(Dir() + "ExampleActors.rounds.csv");
  Scenario s = ReadScenarioFile(Dir() + "scholz_ExampleActors.csv");
  Forecast f = RunBdm(s);
  const auto& rounds = f.issues[0].rounds;
  ASSERT_EQ(rounds.size(), 11u);
  std::map<std::string, std::size_t> index;
  for (std::size_t a = 0; a < s.num_actors(); ++a) index[s.actors[a].id] = a;
  auto rows = ReadSemicolonCsv(Dir() + "ExampleActors.rounds.csv");
  ASSERT_EQ(rows.size(), 100u);
  for (const auto& row : rows) {
    // round;actor;c;s;x_before;r_used;x_after;offer_type;offer_from;eu_ij;eu_ji
    const int round = std::stoi(row[0]);
    const std::size_t a = index.at(row[1]);
    const std::string where = "round " + row[0] + " " + row[1];
    EXPECT_NEAR(*rounds[round - 1].positions[a], std::stod(row[4]), 1e-9) << where;
    EXPECT_NEAR(*rounds[round].positions[a], std::stod(row[6]), 1e-9) << where;
    const ActorDetail& detail = *rounds[round].details[a];
    EXPECT_NEAR(Value(detail.values, "risk"), std::stod(row[5]), 1e-9) << where;
    EXPECT_EQ(detail.offer, row.size() > 7 ? row[7] : "") << where;
    if (row.size() > 8 && !row[8].empty()) {
      ASSERT_TRUE(detail.from) << where;
      EXPECT_EQ(s.actors[*detail.from].id, row[8]) << where;
      EXPECT_NEAR(Value(detail.values, "eu_ij"), std::stod(row[9]), 1e-9) << where;
      EXPECT_NEAR(Value(detail.values, "eu_ji"), std::stod(row[10]), 1e-9) << where;
    } else {
      EXPECT_FALSE(detail.from) << where;
    }
  }
}

void ExpectSummary(const Scenario& s, const std::string& file) {
  Forecast f = RunBdm(s);
  auto rows = ReadSemicolonCsv(Dir() + file);
  ASSERT_EQ(rows.size(), 11u);
  for (const auto& row : rows) {
    const Round& r = f.issues[0].rounds[std::stoi(row[0])];
    EXPECT_NEAR(*r.outcome, std::stod(row[1]), 1e-9) << file << " round " << row[0];
    EXPECT_NEAR(Value(r.values, "median"), std::stod(row[1]), 1e-9);
    EXPECT_NEAR(Value(r.values, "mean"), std::stod(row[2]), 1e-9) << file << " round " << row[0];
  }
}

TEST(BdmReference, EmissionStandardsSummary) {
  CONCERT_REQUIRE_FILE(Dir() + "ExampleActors.summary.csv");
  ExpectSummary(ReadScenarioFile(Dir() + "scholz_ExampleActors.csv"), "ExampleActors.summary.csv");
  // The shipped scenario holds the same table (saliences on 0-100).
  ExpectSummary(ReadScenarioFile(SourceDir() + "/scenarios/emission_standards_1994.yaml"),
                "ExampleActors.summary.csv");
}

TEST(BdmReference, SultanSummary) {
  CONCERT_REQUIRE_FILE(Dir() + "Sultan.summary.csv");
  ExpectSummary(ReadScenarioFile(Dir() + "scholz_Sultan.csv"), "Sultan.summary.csv");
}

TEST(Bdm, SixPartyRunsAndStaysOnScale) {
  Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  for (const char* spec : {"bdm", "bdm(variant=paper)", "bdm(risk=off,rounds=3)"}) {
    Forecast f = RunBdm(s, spec);
    ASSERT_EQ(f.issues.size(), 4u);
    for (const auto& issue : f.issues) {
      ASSERT_TRUE(issue.outcome) << spec;
      for (const auto& round : issue.rounds) {
        for (const auto& x : round.positions) {
          ASSERT_TRUE(x);
          EXPECT_GE(*x, 0.0);
          EXPECT_LE(*x, 100.0);
        }
      }
    }
  }
}

}  // namespace
}  // namespace concert::testing
