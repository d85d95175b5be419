// The spatial model of politics: hand-checked math, KTAB's reference
// trajectories, the stochastic mode's seed, and bad parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "concert/core/random.h"
#include "concert/io/read.h"
#include "concert/io/text.h"
#include "concert/models/registry.h"
#include "concert/models/smp/scalar_math.h"
#include "concert/models/smp/turns.h"
#include "test_util.h"

namespace concert {
namespace {

using namespace smp;

TEST(SmpMath, VictoryLawsAtTwoToOne) {
  // KTAB's own comments (kmodel.h): 2:1 gives 2/3 (linear), 4/5 (square),
  // 16/17 (quartic), 256/257 (octic).
  EXPECT_DOUBLE_EQ(VictoryProbability(VictoryModel::kLinear, 2, 1), 2.0 / 3);
  EXPECT_DOUBLE_EQ(VictoryProbability(VictoryModel::kSquare, 2, 1), 4.0 / 5);
  EXPECT_DOUBLE_EQ(VictoryProbability(VictoryModel::kQuartic, 2, 1), 16.0 / 17);
  EXPECT_DOUBLE_EQ(VictoryProbability(VictoryModel::kOctic, 2, 1), 256.0 / 257);
  // Binary: a 10 % advantage wins outright (x = 1 against 1e-6).
  EXPECT_DOUBLE_EQ(VictoryProbability(VictoryModel::kBinary, 1.2, 1), 1 / (1 + 1e-6));
  // Within 10 %: r = 1.05/2.05, p = (2.1 r - 1) / 0.1.
  EXPECT_NEAR(VictoryProbability(VictoryModel::kBinary, 1.05, 1), (2.1 * 1.05 / 2.05 - 1) / 0.1,
              1e-12);
}

TEST(SmpMath, VotingRules) {
  // Weight 2, utilities 0.7 and 0.2: du = 0.5.
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kProportional, 2, 0.7, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kBinary, 2, 0.7, 0.2), 2.0);
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kCubic, 2, 0.7, 0.2), 0.25);
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kPropBin, 2, 0.7, 0.2), 2 * (0.8 * 0.5 + 0.2));
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kPropCubic, 2, 0.7, 0.2), 2 * (0.25 + 0.0625));
  EXPECT_NEAR(Vote(VotingRule::kAsymProspect, 2, 0.7, 0.2), 2.0 / 3, 1e-15);  // gains x 2/3
  EXPECT_DOUBLE_EQ(Vote(VotingRule::kAsymProspect, 2, 0.2, 0.7), -1.0);       // losses in full
}

TEST(SmpMath, UtilityOfDistance) {
  EXPECT_DOUBLE_EQ(DistanceUtility(0.5, 1), 0.75);      // (1 - .5)(1 + .5)
  EXPECT_DOUBLE_EQ(DistanceUtility(0.5, -0.5), 0.375);  // (1 - .5)(1 - .25)
  EXPECT_DOUBLE_EQ(DistanceUtility(0.0, 1), 1.0);
  EXPECT_DOUBLE_EQ(DistanceUtility(1.0, 1), 0.0);
}

TEST(SmpMath, RiskRangesFromProbabilities) {
  // p = .2, .3, .5: mid R = (3p - (.5 + 2 x .2)) / (2 x .3) = -1/2, 0, 1.
  const std::vector<double> p = {0.2, 0.3, 0.5};
  auto mid = RiskFromProbabilities(p, RiskRange::kMid);
  EXPECT_NEAR(mid[0], -0.5, 1e-15);
  EXPECT_NEAR(mid[1], 0.0, 1e-15);
  EXPECT_NEAR(mid[2], 1.0, 1e-15);
  auto min = RiskFromProbabilities(p, RiskRange::kMin);  // (p - .2) / .3
  EXPECT_NEAR(min[1], 1.0 / 3, 1e-15);
  auto max = RiskFromProbabilities(p, RiskRange::kMax);  // (2p - .7) / .3
  EXPECT_NEAR(max[1], -1.0 / 3, 1e-15);
  // All equal: KTAB divides by zero; concert says risk neutral.
  EXPECT_EQ(RiskFromProbabilities({0.5, 0.5}, RiskRange::kMid), (std::vector<double>{0, 0}));
}

TEST(SmpMath, PceOfTwoOptions) {
  // Coalitions 2 : 1. pv(0,1) = 2/3; conditional: p0 = .5 x 2/3, p1 = 1/3 x .5,
  // normalised 2/3 and 1/3. Markov uniform's fixed point p0 = (p0 + 2/3) / 2
  // (with p0 + p1 = 1) is also 2/3.
  Matrix c(2, 2, 1e-8);
  c(0, 1) = 2;
  c(1, 0) = 1;
  for (PceModel pce : {PceModel::kConditional, PceModel::kMarkovUniform}) {
    auto p = Pce(pce, VictoryModel::kLinear, c);
    EXPECT_NEAR(p[0], 2.0 / 3, 1e-5);
    EXPECT_NEAR(p[1], 1.0 / 3, 1e-5);
  }
}

// Three actors at 0, 1/2 and 1 on one dimension, salience 1, capability 1.
// Risk-neutral utilities 1 - d: coalitions A:B = .5 : 1, A:C = 1 : 1,
// B:C = 1 : .5, so P[A>B] = 1/3, P[A>C] = 1/2, P[B>C] = 2/3; conditional PCE
// 3/14, 8/14, 3/14; mid-range R = -1/2, 1, -1/2. With those R every pair of
// positions ties (e.g. A:B = .625 : .625), so each prevails with p = 1/3.
TEST(SmpEngine, TurnZeroByHand) {
  Input in;
  in.position = Matrix(3, 1);
  in.position(1, 0) = 0.5;
  in.position(2, 0) = 1.0;
  in.salience = Matrix(3, 1, 1.0);
  in.capability = {1, 1, 1};
  Config config;
  config.max_turns = 1;
  const Result r = smp::Run(in, config);
  const Turn& t0 = r.turns.front();
  EXPECT_NEAR(t0.risk[0], -0.5, 1e-7);
  EXPECT_NEAR(t0.risk[1], 1.0, 1e-7);
  EXPECT_NEAR(t0.risk[2], -0.5, 1e-7);
  ASSERT_EQ(t0.distinct.size(), 3u);
  for (double p : t0.distinct_probability) EXPECT_NEAR(p, 1.0 / 3, 1e-7);
  EXPECT_EQ(r.turns.size(), 2u);
  EXPECT_EQ(r.stop_reason, "reached the maximum of 1 turns");
}

// 40 actors, so that challenges, choices and elections run on several threads.
Input RandomInput(std::size_t actors, std::size_t dims, std::uint64_t seed) {
  Stream stream(seed, 0);
  Input in;
  in.position = Matrix(actors, dims);
  in.salience = Matrix(actors, dims);
  for (std::size_t a = 0; a < actors; ++a) {
    in.capability.push_back(10 + 190 * stream.Uniform());
    for (std::size_t d = 0; d < dims; ++d) {
      in.position(a, d) = stream.Uniform();
      in.salience(a, d) = (0.1 + 0.9 * stream.Uniform()) / dims;
    }
  }
  return in;
}

TEST(SmpEngine, ThreadsDoNotChangeAnyBit) {
  const Input in = RandomInput(40, 3, 11);
  for (bool stochastic : {false, true}) {
    Config one;
    one.stochastic = stochastic;
    one.seed = 5;
    one.max_turns = 8;
    one.threads = 1;
    Config three = one;
    three.threads = 3;
    const Result a = smp::Run(in, one), b = smp::Run(in, three);
    ASSERT_EQ(a.turns.size(), b.turns.size());
    for (std::size_t t = 0; t < a.turns.size(); ++t) {
      EXPECT_EQ(a.turns[t].position.data, b.turns[t].position.data) << t;
      EXPECT_EQ(a.turns[t].distinct_probability, b.turns[t].distinct_probability) << t;
      EXPECT_EQ(a.turns[t].challenges.size(), b.turns[t].challenges.size()) << t;
    }
  }
}

// KTAB's positions: (turn, actor index, dimension) -> position on 0-100.
std::map<std::tuple<int, int, int>, double> ReadKtabPositions(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::map<std::tuple<int, int, int>, double> out;
  const auto lines = text::SplitLines(text.str());
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (text::IsBlank(lines[k].content)) continue;
    const auto f = text::SplitCsv(lines[k].content);
    out[{std::stoi(f[0]), std::stoi(f[1]), std::stoi(f[3])}] = std::stod(f[4]);
  }
  return out;
}

// An input, the smp spec and the file of KTAB's trajectory under the same settings.
struct KtabRun {
  const char* input;
  const char* spec;
  const char* positions;
};

class SmpReference : public ::testing::TestWithParam<KtabRun> {};

TEST_P(SmpReference, ReproducesKtabEveryPositionEveryTurn) {
  const std::string dir = testing::SourceDir() + "/data/ktab_smp/";
  const Scenario s = ReadScenarioFile(dir + GetParam().input);
  const auto expected = ReadKtabPositions(dir + GetParam().positions);
  ASSERT_FALSE(expected.empty());
  const Forecast f = CreateModel(GetParam().spec).model->Run(s, {});
  int ktab_turns = 0;
  for (const auto& [key, value] : expected) ktab_turns = std::max(ktab_turns, std::get<0>(key));
  ASSERT_EQ(static_cast<int>(f.issues[0].rounds.size()) - 1, ktab_turns);
  std::size_t compared = 0;
  for (const auto& [key, value] : expected) {
    const auto [turn, actor, dim] = key;
    const Round& r = f.issues[dim].rounds[turn];
    ASSERT_TRUE(r.positions[actor].has_value());
    EXPECT_NEAR(*r.positions[actor], value, 1e-6)
        << "turn " << turn << " actor " << actor << " dim " << dim;
    ++compared;
  }
  EXPECT_EQ(compared, (ktab_turns + 1) * s.num_actors() * s.num_issues());
}

// KTAB's defaults on its two inputs, and three voting rules on SOE (KTAB run
// from its XML input; tools/smp_switches_vs_ktab.py, data/README.md). The
// binary rules turn a last-bit difference in a sum into a vote, so they pin
// the order of every sum.
INSTANTIATE_TEST_SUITE_P(
    Ktab, SmpReference,
    ::testing::Values(KtabRun{"dummyData_3Dim.csv", "smp", "dummyData_3Dim.positions.csv"},
                      KtabRun{"SOE-Pol-Comp.csv", "smp", "SOE-Pol-Comp.positions.csv"},
                      KtabRun{"SOE-Pol-Comp.csv", "smp(voting=binary)",
                              "SOE-Pol-Comp.voting-binary.positions.csv"},
                      KtabRun{"SOE-Pol-Comp.csv", "smp(voting=propbin)",
                              "SOE-Pol-Comp.voting-propbin.positions.csv"},
                      KtabRun{"SOE-Pol-Comp.csv", "smp(voting=asymprosp)",
                              "SOE-Pol-Comp.voting-asymprosp.positions.csv"}));

TEST(Smp, OutcomeIsTheProbabilityWeightedDistinctPositions) {
  const Scenario s = ReadScenarioFile(testing::SourceDir() + "/data/ktab_smp/SOE-Pol-Comp.csv");
  const Forecast f = CreateModel("smp").model->Run(s, {});
  const int last = f.distinct.back().round;
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    double mean = 0, total = 0;
    for (const DistinctPosition& p : f.distinct) {
      if (p.round != last) continue;
      mean += p.probability * p.position[d];
      total += p.probability;
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
    EXPECT_NEAR(*f.issues[d].outcome, mean, 1e-12);
  }
  EXPECT_NE(f.issues[0].note.find("converged after 27 turns"), std::string::npos);
}

TEST(Smp, StochasticRunsRepeatUnderASeed) {
  const Scenario s = ReadScenarioFile(testing::SourceDir() + "/data/ktab_smp/SOE-Pol-Comp.csv");
  auto model = CreateModel("smp(transitions=stochastic)").model;
  auto positions = [&](std::uint64_t seed) {
    RunContext context;
    context.seed = seed;
    std::vector<double> out;
    for (const IssueForecast& f : model->Run(s, context).issues) {
      for (const Round& r : f.rounds) {
        for (const auto& p : r.positions) out.push_back(*p);
      }
    }
    return out;
  };
  EXPECT_EQ(positions(7), positions(7));
  // The seed matters: five seeds give more than one trajectory.
  std::set<std::vector<double>> distinct;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) distinct.insert(positions(seed));
  EXPECT_GT(distinct.size(), 1u);
}

TEST(Smp, BadParametersAreNamed) {
  try {
    CreateModel("smp(voting=majority)");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("proportional"), std::string::npos) << e.what();
  }
  EXPECT_THROW(CreateModel("smp(turns=0)"), InputError);
  EXPECT_THROW(CreateModel("smp(stop=1.5)"), InputError);
}

}  // namespace
}  // namespace concert
