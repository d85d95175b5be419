// The baseline models against numbers worked out by hand in the comments.
#include "concert/models/baseline/baseline.h"

#include <gtest/gtest.h>

#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace concert {
namespace {

TEST(WeightedMean, HandComputed) {
  // (1*10 + 3*50) / 4 = 40
  EXPECT_DOUBLE_EQ(*WeightedMean({10, 50}, {1, 3}), 40.0);
  EXPECT_FALSE(WeightedMean({10, 50}, {0, 0}));
}

TEST(WeightedMedian, HandComputed) {
  // Weights 1, 1, 3 at 0, 10, 20: 3 of 5 at 20 -> 20.
  EXPECT_DOUBLE_EQ(*WeightedMedian({0, 10, 20}, {1, 1, 3}), 20.0);
  // Weights 2, 1, 1 at 0, 10, 20: cumulative 2 of 4 at 0 is exactly half -> any point in
  // [0, 10] minimises; midpoint 5.
  EXPECT_DOUBLE_EQ(*WeightedMedian({0, 10, 20}, {2, 1, 1}), 5.0);
  // Order of the input does not matter.
  EXPECT_DOUBLE_EQ(*WeightedMedian({20, 0, 10}, {1, 2, 1}), 5.0);
  // Zero weights are ignored: {0 (w 0), 10, 20} -> half exactly at 10 -> midpoint 15.
  EXPECT_DOUBLE_EQ(*WeightedMedian({0, 10, 20}, {0, 1, 1}), 15.0);
  EXPECT_DOUBLE_EQ(*WeightedMedian({7}, {0.1}), 7.0);
  // Half the weight is reached inside the block of actors at 0 (1 + 1 of 4), but
  // the block holds 3 of 4: the median is 0, not a midpoint.
  EXPECT_DOUBLE_EQ(*WeightedMedian({0, 0, 0, 70}, {1, 1, 1, 1}), 0.0);
  EXPECT_FALSE(WeightedMedian({1, 2}, {0, 0}));
}

TEST(NashSolution, TwoActorsHandComputed) {
  // q = 0, A at 60 (w 1), B at 100 (w 3). Feasible: |x-60| <= 60 and |x-100| <= 100 -> [0, 120].
  // On [60, 100]: maximise log(120 - x) + 3 log(x): -1/(120-x) + 3/x = 0 -> x = 90.
  EXPECT_NEAR(*NashSolution({60, 100}, {1, 3}, {true, true}, 0).outcome, 90.0, 1e-9);
  // Equal weights: on [60, 100] the derivative -1/(120-x) + 1/x is 0 at 60 and negative
  // above; below 60 both gains grow with x -> x = 60.
  EXPECT_NEAR(*NashSolution({60, 100}, {1, 1}, {true, true}, 0).outcome, 60.0, 1e-9);
}

TEST(NashSolution, ThreeActorsHandComputed) {
  // q = 10; A at 40 (w 2), B at 70 (w 1), C at 30 (w 2); r = 30, 60, 20.
  // Feasible [10, 70] n [10, 130] n [10, 50] = [10, 50].
  // On [30, 40]: f = 2 log(x-10) + log(x-10) + 2 log(50-x); f' = 3/(x-10) - 2/(50-x) = 0
  // -> 150 - 3x = 2x - 20 -> x = 34 (inside [30, 40]; f' > 0 below 30, < 0 above 40).
  EXPECT_NEAR(*NashSolution({40, 70, 30}, {2, 1, 2}, {true, true, true}, 10).outcome, 34.0, 1e-9);
}

TEST(NashSolution, StatusQuoBetweenActorsIsTheOnlyAgreement) {
  // q = 50 with actors at 20 and 80: any move hurts one of them.
  NashResult r = NashSolution({20, 80, 90}, {1, 1, 2}, {true, true, true}, 50);
  EXPECT_DOUBLE_EQ(*r.outcome, 50.0);
  EXPECT_TRUE(r.only_status_quo);
  EXPECT_FALSE(NashSolution({60, 100}, {1, 3}, {true, true}, 0).only_status_quo);
}

TEST(NashSolution, NonConstrainingActorIsIgnored) {
  // The actor at 20 has salience 0: it does not block; result as in the two-actor case.
  EXPECT_NEAR(*NashSolution({60, 100, 20}, {1, 3, 0}, {true, true, false}, 0).outcome, 90.0, 1e-9);
  EXPECT_FALSE(NashSolution({60}, {0}, {false}, 0).outcome);
}

const char* kScenario = R"(actors:
  - {id: A, capability: 1}
  - {id: B, capability: 3}
  - {id: C, capability: 5}
issues:
  - {id: x, status_quo: 0}
  - {id: y}
positions:
  - {actor: A, issue: x, position: 60, salience: 100}
  - {actor: B, issue: x, position: 100, salience: 50}
  - {actor: A, issue: y, position: 10, salience: 100}
  - {actor: B, issue: y, position: 50, salience: 100}
)";

TEST(BaselineModels, OnAScenario) {
  Scenario s = ReadScenario("s.yaml", kScenario);
  RunContext context;
  // compromise on x: (1*1*60 + 3*0.5*100) / (1 + 1.5) = 210 / 2.5 = 84; C has no stance.
  Forecast f = CreateModel("compromise").model->Run(s, context);
  EXPECT_DOUBLE_EQ(*f.issues[0].outcome, 84.0);
  // on y: (10 + 150) / 4 = 40
  EXPECT_DOUBLE_EQ(*f.issues[1].outcome, 40.0);
  ASSERT_EQ(f.issues[0].rounds.size(), 1u);
  EXPECT_FALSE(f.issues[0].rounds[0].positions[2]);  // C: no stance
  // median on x: weights 1 at 60, 1.5 at 100 -> 100.
  EXPECT_DOUBLE_EQ(*CreateModel("median").model->Run(s, context).issues[0].outcome, 100.0);
  // nash(weight=capability) on x: the two-actor hand computation above -> 90; salience cancels.
  Forecast nash = CreateModel("nash").model->Run(s, context);
  EXPECT_NEAR(*nash.issues[0].outcome, 90.0, 1e-9);
  EXPECT_FALSE(nash.issues[1].outcome);  // y has no status quo
  EXPECT_NE(nash.issues[1].note.find("no status quo"), std::string::npos);
  // nash(weight=influence): weights 1 and 1.5; on [60, 100]: -1/(120-x) + 1.5/x = 0
  // -> x = 1.5 (120 - x) -> 2.5 x = 180 -> x = 72.
  Forecast by_influence = CreateModel("nash(weight=influence)").model->Run(s, context);
  EXPECT_NEAR(*by_influence.issues[0].outcome, 72.0, 1e-9);
}

}  // namespace
}  // namespace concert
