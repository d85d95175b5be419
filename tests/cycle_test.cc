// Cycle detection in a model's path (models/cycle.h), on hand-built paths and
// on the shipped Six-Party scenario.
#include "concert/models/cycle.h"

#include <gtest/gtest.h>

#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// Rounds 0..n-1 with one actor at the given positions and the same outcomes.
std::vector<Round> Path(const std::vector<double>& x) {
  std::vector<Round> rounds;
  for (std::size_t t = 0; t < x.size(); ++t) {
    Round r;
    r.round = static_cast<int>(t);
    r.outcome = x[t];
    r.positions = {x[t]};
    rounds.push_back(r);
  }
  return rounds;
}

TEST(Cycle, HandBuiltPaths) {
  // 5, 1, 2, 1, 2, 1, 2: period 2 from round 1 (rounds 1-6 repeat 1, 2).
  const auto c = DetectCycle(Path({5, 1, 2, 1, 2, 1, 2}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->period, 2);
  EXPECT_EQ(c->from_round, 1);
  // 0, 1, 2, 3, 1, 2, 3: period 3 from round 1.
  const auto three = DetectCycle(Path({0, 1, 2, 3, 1, 2, 3}));
  ASSERT_TRUE(three);
  EXPECT_EQ(three->period, 3);
  EXPECT_EQ(three->from_round, 1);
  // Converged (period 1) is not a cycle; nor is one period seen only once.
  EXPECT_FALSE(DetectCycle(Path({9, 4, 4, 4})));
  EXPECT_FALSE(DetectCycle(Path({0, 1, 2, 1})));
  EXPECT_FALSE(DetectCycle(Path({0, 1, 2, 3, 4})));
  EXPECT_FALSE(DetectCycle({}));
  // The outcome alone repeating is not enough: positions must repeat too.
  std::vector<Round> moving = Path({1, 2, 1, 2, 1, 2});
  moving[4].positions = {7};
  const auto late = DetectCycle(moving);
  EXPECT_FALSE(late && late->from_round <= 3);
}

// docs/six-party-talks.md: bdm's path cycles on missiles (period 2 from round 1;
// the outcome stays at 85 while positions alternate) and on unification (period
// 3 from round 2: outcomes 60, 60, 84.92 ...); no other model's path cycles.
TEST(Cycle, SixPartyBdmCycles) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  for (const ModelInfo& info : Registry::Builtin().models()) {
    const Forecast f = CreateModel(info.name).model->Run(s, RunContext{});
    for (const IssueForecast& issue : f.issues) {
      const std::string id = s.issues[issue.issue].id;
      if (info.name == "bdm" && id == "missiles") {
        ASSERT_TRUE(issue.cycle);
        EXPECT_EQ(issue.cycle->period, 2);
        EXPECT_EQ(issue.cycle->from_round, 1);
      } else if (info.name == "bdm" && id == "unification") {
        ASSERT_TRUE(issue.cycle);
        EXPECT_EQ(issue.cycle->period, 3);
        EXPECT_EQ(issue.cycle->from_round, 2);
      } else {
        EXPECT_FALSE(issue.cycle) << info.name << " " << id;
      }
    }
  }
}

}  // namespace
}  // namespace concert::testing
