// The learned model: its formula by hand, and its backtest on data/deu against
// the independent Python implementation in tools/deu_learned.py.
#include "concert/models/learned/learned.h"

#include <gtest/gtest.h>

#include "concert/analysis/backtest.h"
#include "concert/io/deu.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

TEST(Learned, HandComputed) {
  // com at 0 (salience 0.25), ep at 100 (1), de at 40 (0.64), lu at 90 (salience 0), all
  // capability 1; b = 0.5, com = 2, ep = 0.5: weights 0.5 x 2 = 1, 1 x 0.5 = 0.5, 0.8, and 0
  // for lu (c s = 0, although 0^0 would be 1 with b = 0). Mean (0 + 50 + 32) / 2.3 = 82 / 2.3.
  const std::vector<double> x{0, 100, 40, 90}, c{1, 1, 1, 1}, s{0.25, 1, 0.64, 0};
  const std::vector<std::string> role{"com", "ep", "de", "lu"};
  const LearnedWeights w{0.5, 2, 0.5, 1};
  EXPECT_NEAR(*LearnedOutcome(x, c, s, role, std::nullopt, w), 82 / 2.3, 1e-12);
  // Status quo 10 with sq = 1 weighs as much as the actors together: (82 / 2.3 + 10) / 2.
  EXPECT_NEAR(*LearnedOutcome(x, c, s, role, 10.0, w), (82 / 2.3 + 10) / 2, 1e-12);
  // b = 0: every actor who cares counts the same (times its role); lu still counts 0.
  EXPECT_NEAR(*LearnedOutcome(x, c, s, role, std::nullopt, {0, 1, 1, 0}), 140 / 3.0, 1e-12);
  // Capability multiplies: de at capability 3 with b = 1, com = ep = 1:
  // (0.25 x 0 + 1 x 100 + 3 x 0.64 x 40) / (0.25 + 1 + 1.92) = 176.8 / 3.17.
  EXPECT_NEAR(*LearnedOutcome(x, {1, 1, 3, 1}, s, role, std::nullopt, {1, 1, 1, 0}), 176.8 / 3.17,
              1e-12);
  // Zero total weight (com = 0 and the Commission alone): no outcome.
  EXPECT_FALSE(LearnedOutcome({0}, {1}, {0.5}, {"com"}, 10.0, {1, 0, 1, 1}));
}

TEST(Learned, RegisteredWithTheFittedDefaultsAndBounds) {
  EXPECT_EQ(CreateModel("learned").spec, "learned(b=0.5,com=1.25,ep=1.5,sq=0)");
  try {
    CreateModel("learned(b=5)");
    ADD_FAILURE() << "b=5 accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("parameter 'b' expects a number in [0, 4] but got '5'"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(CreateModel("learned(sq=-1)"), InputError);
  EXPECT_THROW(CreateModel("learned(com=x)"), InputError);
}

// Expected values from tools/deu_learned.py (no concert code):
//   python3 tools/deu_learned.py data/deu --mae 0.5,1.25,1.5,0   -> 211 23.451997655601538
//   python3 tools/deu_learned.py data/deu --mae 2,3,0.5,0.3      -> 211 25.274621342420467
//   python3 tools/deu_learned.py data/deu --mae 0.5,1.25,1.5,0 --capability council
//                                                                -> 211 23.861762086181624
TEST(Learned, ShippedDeuMatchesIndependentScript) {
  const DeuData data = ReadDeu(SourceDir() + "/data/deu");
  BacktestOptions options;
  options.bootstrap = 10;
  std::vector<CreatedModel> models;
  for (const char* spec : {"learned", "learned(b=2,com=3,ep=0.5,sq=0.3)",
                           "learned(b=1,com=1,ep=1,sq=0)", "compromise"}) {
    models.push_back(CreateModel(spec));
  }
  const BacktestResult r = RunBacktest(data, models, options);
  EXPECT_EQ(r.models[0].n, 211u);
  EXPECT_NEAR(r.models[0].mae, 23.451997655601538, 1e-9);
  EXPECT_NEAR(r.models[1].mae, 25.274621342420467, 1e-9);
  // With b = com = ep = 1 and sq = 0 it is the compromise model.
  EXPECT_NEAR(r.models[2].mae, r.models[3].mae, 1e-12);
  options.capability = "council";
  std::vector<CreatedModel> learned;
  learned.push_back(CreateModel("learned"));
  EXPECT_NEAR(RunBacktest(data, learned, options).models[0].mae, 23.861762086181624, 1e-9);
}

}  // namespace
}  // namespace concert::testing
