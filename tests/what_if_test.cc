// Drop-one-actor and the salience sweep (analysis/what_if.h): the compromise by
// hand, the median by hand, steps past the scale, threads, and the CLI.
#include "concert/analysis/what_if.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "cli_util.h"
#include "concert/analysis/forecast_run.h"
#include "concert/io/read.h"
#include "test_util.h"

namespace concert::testing {
namespace {

TEST(WhatIf, TheCompromiseByHand) {
  // Compromise = sum c s x / sum c s = (0 + 2 x 0.5 x 50 + 100) / (1 + 1 + 1) = 50.
  // Without A: (50 + 100) / 2 = 75; without B: (0 + 100) / 2 = 50; without C:
  // 50 / 2 = 25. A's salience 100 - 10 = 90 %: (0 + 50 + 100) / 2.9 = 51.72...;
  // A's 100 + 10 is past the scale and not run; B's 50 +- 10: (50 x 1.2 + 100) /
  // 3.2 = 50 and (50 x 0.8 + 100) / 2.8 = 50: B sits at the outcome.
  const concert::Scenario s = ReadScenario("three.yaml", kThree);
  std::vector<CreatedModel> models;
  models.push_back(CreateModel("compromise"));
  const WhatIfResult r = RunWhatIf(s, models, true, 10);
  ASSERT_EQ(r.drop.size(), 3u);
  EXPECT_NEAR(*r.drop[0].outcomes[0], 75, 1e-12);
  EXPECT_NEAR(*r.drop[1].outcomes[0], 50, 1e-12);
  EXPECT_NEAR(*r.drop[2].outcomes[0], 25, 1e-12);
  ASSERT_EQ(r.sweep.size(), 6u);  // 3 stances x (-10, +10)
  EXPECT_EQ(r.sweep[0].delta, -10);
  EXPECT_NEAR(*r.sweep[0].outcomes[0], 150 / 2.9, 1e-12);
  EXPECT_FALSE(r.sweep[1].outcomes[0]);
  EXPECT_NE(r.sweep[1].note.find("outside 0-100"), std::string::npos);
  EXPECT_NEAR(*r.sweep[2].outcomes[0], 50, 1e-12);
  EXPECT_NEAR(*r.sweep[3].outcomes[0], 50, 1e-12);
}

TEST(WhatIf, TheMedianByHandAndAnEmptyIssue) {
  // The weighted median (capability x salience 1, 1, 1 after B's 2 x 0.5): B's 50.
  // Without B the median of A (0) and C (100) at equal weight is the model's tie
  // rule's; whatever it is, it must equal the model run on the scenario without B.
  const concert::Scenario s = ReadScenario("three.yaml", kThree);
  std::vector<CreatedModel> models;
  models.push_back(CreateModel("median"));
  const WhatIfResult r = RunWhatIf(s, models, true, 0);
  const Forecast lone = models[0].model->Run(WithoutActor(s, 1), RunContext{});
  EXPECT_EQ(r.drop[1].outcomes[0], lone.issues[0].outcome);
  EXPECT_EQ(WithoutActor(s, 1).num_actors(), 2u);
  EXPECT_EQ(WithoutActor(s, 1).actors[1].id, "C");
  EXPECT_TRUE(r.sweep.empty());
  // An issue only A takes a stance on has nobody left without A.
  const concert::Scenario lonely =
      ReadScenario("lonely.yaml",
                   "actors: [{id: A, capability: 1}, {id: B, capability: 1}]\n"
                   "issues: [{id: x}, {id: y}]\n"
                   "positions: [{actor: A, issue: x, position: 0, salience: 50},\n"
                   "            {actor: B, issue: x, position: 100, salience: 50},\n"
                   "            {actor: A, issue: y, position: 20, salience: 50}]\n");
  const WhatIfResult gone = RunWhatIf(lonely, models, true, 0);
  EXPECT_FALSE(gone.drop[0].outcomes[1] && gone.drop[0].note.empty());
}

TEST(WhatIf, SameBytesForAnyThreadCountAndErrors) {
  const std::string six = Scenario("six_party_talks_2005.yaml");
  const std::string args = "forecast " + six + " -q -f json --drop-one --salience-sweep 15";
  const CliRun one = Concert(args + " --threads 1"), two = Concert(args + " --threads 2");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  EXPECT_NE(one.out.find("\"what_if\""), std::string::npos);
  EXPECT_NE(one.out.find("\"salience_sweep\""), std::string::npos);
  const CliRun csv =
      Concert("forecast " + six + " -q -f csv --table drop-one --drop-one -m median");
  EXPECT_EQ(csv.code, 0);
  EXPECT_EQ(csv.out.rfind("model,actor,issue,forecast,outcome,change,note\n", 0), 0u);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 1 + 6 * 4);  // actors x issues
  const CliRun text = Concert("forecast " + six + " -q --drop-one -m compromise");
  EXPECT_NE(text.out.find("Drop one actor"), std::string::npos);
  const std::string html = TempPath("what_if.html");
  ASSERT_EQ(Concert("report " + six + " -q -m compromise --drop-one -o " + html).code, 0);
  std::ifstream in(html);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("What the forecast hangs on"), std::string::npos);
  EXPECT_NE(page.find("USA (-12.4)"),
            std::string::npos);  // the compromise's nuclear without the US
  const CliRun bad = Concert("forecast " + six + " -q --salience-sweep 150");
  EXPECT_NE(bad.code, 0);  // a parse error (CLI11: 2)
  EXPECT_NE(bad.out.find("--salience-sweep"), std::string::npos) << bad.out;
  const CliRun no_flag = Concert("forecast " + six + " -q -f csv --table salience-sweep");
  EXPECT_EQ(no_flag.code, 1);
  EXPECT_NE(no_flag.out.find("needs --salience-sweep"), std::string::npos) << no_flag.out;
  ForecastRequest request;
  request.scenario = ReadScenario("three.yaml", kThree);
  request.salience_sweep = -1;
  EXPECT_THROW(RunForecast(request), InputError);
}

}  // namespace
}  // namespace concert::testing
