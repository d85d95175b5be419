// Levers and the best move (analysis/levers.h): the compromise's analytic
// derivatives by hand and against re-runs, finite differences of bdm and smp
// against a brute-force re-run, the best move by hand, threads and bad requests,
// and the report section.
#include "concert/analysis/levers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "cli_util.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "concert/output/advice_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

const LeverEffect* Find(const AdviceResult& r, std::size_t model, LeverKind kind) {
  for (const LeverEffect& e : r.effects) {
    if (e.model == model && e.lever.kind == kind) return &e;
  }
  return nullptr;
}

double Rerun(const char* spec, concert::Scenario s, std::size_t actor, LeverKind kind,
             double delta) {
  if (kind == LeverKind::kPosition) s.mutable_stance(actor, 0)->position.value += delta;
  if (kind == LeverKind::kSalience) s.mutable_stance(actor, 0)->salience.value += delta / 100;
  if (kind == LeverKind::kCapability) s.actors[actor].capability.value += delta;
  return *CreateModel(spec).model->Run(s, RunContext{}).issues[0].outcome;
}

TEST(Levers, TheCompromiseExactlyByHandAndByReRuns) {
  // O = sum w x / W with w = c s = 1, 1, 1 and W = 3: O = 50. For A (x 0, c 1, s 1):
  // dO/dx = w / W = 1/3; dO/ds = c (x - O) / W / 100 = -1/6 per salience point;
  // dO/dc = s (x - O) / W = -50/3.
  AdviceRequest q;
  q.scenario = ReadScenario("three.yaml", kThree);
  q.actor = "A";
  q.models = {"compromise"};
  const AdviceResult r = RunAdvice(q);
  const LeverEffect* x = Find(r, 0, LeverKind::kPosition);
  const LeverEffect* s = Find(r, 0, LeverKind::kSalience);
  const LeverEffect* c = Find(r, 0, LeverKind::kCapability);
  ASSERT_TRUE(x && s && c);
  EXPECT_TRUE(x->analytic);
  EXPECT_NEAR(*x->derivative, 1.0 / 3, 1e-15);
  EXPECT_NEAR(*s->derivative, -1.0 / 6, 1e-15);
  EXPECT_NEAR(*c->derivative, -50.0 / 3, 1e-13);
  // The same from re-runs of the model (central differences, small steps).
  const double h = 1e-4;
  for (const LeverEffect* e : {x, s, c}) {
    const double fd = (Rerun("compromise", q.scenario, 0, e->lever.kind, h) -
                       Rerun("compromise", q.scenario, 0, e->lever.kind, -h)) /
                      (2 * h);
    EXPECT_NEAR(*e->derivative, fd, 1e-6) << LeverName(e->lever.kind);
  }
}

TEST(Levers, FiniteDifferencesOfBdmAndSmpAreTheReRuns) {
  AdviceRequest q;
  const std::string path = SourceDir() + "/scenarios/six_party_talks_2005.yaml";
  q.scenario = ReadScenarioFile(path);
  q.actor = "CHN";
  q.issue = "nuclear";
  q.models = {"bdm", "smp"};
  const AdviceResult r = RunAdvice(q);
  std::size_t chn = 0;
  while (q.scenario.actors[chn].id != "CHN") ++chn;
  for (std::size_t m = 0; m < 2; ++m) {
    const LeverEffect* e = Find(r, m, LeverKind::kPosition);  // on nuclear: the first lever
    ASSERT_TRUE(e && !e->analytic);
    EXPECT_EQ(e->step, 1.0);  // 1 % of the 0-100 scale
    const concert::Scenario& s = q.scenario;
    const double x = s.stance(chn, 0)->position.value;
    concert::Scenario up = s, down = s;
    up.mutable_stance(chn, 0)->position.value = x + 1;
    down.mutable_stance(chn, 0)->position.value = x - 1;
    const auto model = CreateModel(q.models[m]);
    const double y_up = *model.model->Run(up, RunContext{}).issues[0].outcome;
    const double y_down = *model.model->Run(down, RunContext{}).issues[0].outcome;
    const double y = *model.model->Run(s, RunContext{}).issues[0].outcome;
    EXPECT_NEAR(*e->derivative, (y_up - y_down) / 2, 1e-9) << q.models[m];
    EXPECT_NEAR(*e->left, y - y_down, 1e-9);
    EXPECT_NEAR(*e->right, y_up - y, 1e-9);
    EXPECT_EQ(e->smooth, std::abs(*e->left - *e->right) <=
                             0.05 * std::max({1.0, std::abs(*e->left), std::abs(*e->right)}));
  }
}

TEST(Levers, TheBestMoveOfTheMedianByHand) {
  // Equal weights c s = 1, 1, 1: the median is B's 50. B wanting 80 moves its own
  // position there (the grid of 21 over 0-100 holds 80). A wanting 80 can do the
  // same: at 80 it sits between B (50) and C (100) and becomes the median; under
  // the compromise A at 90 gives (90 + 50 + 100) / 3 = 80 exactly.
  AdviceRequest q;
  q.scenario = ReadScenario("three.yaml", kThree);
  q.actor = "B";
  q.issue = "x";
  q.target = 80;
  q.models = {"median", "compromise"};
  const AdviceResult b = RunAdvice(q);
  ASSERT_EQ(b.best.size(), 2u);
  EXPECT_EQ(b.best[0].lever.kind, LeverKind::kPosition);
  EXPECT_EQ(b.best[0].from, 50);
  EXPECT_EQ(b.best[0].to, 80);
  EXPECT_NEAR(*b.best[0].outcome, 80, 1e-12);
  EXPECT_TRUE(b.best[0].improves);
  // The compromise: B's position to 100 gives (0 + 100 + 100) / 3 = 66.7, the closest.
  EXPECT_EQ(b.best[1].to, 100);
  EXPECT_NEAR(*b.best[1].outcome, 200.0 / 3, 1e-12);
  EXPECT_TRUE(*b.models_agree);  // both: B's position up
  q.actor = "A";
  const AdviceResult a = RunAdvice(q);
  EXPECT_EQ(a.best[0].lever.kind, LeverKind::kPosition);
  EXPECT_EQ(a.best[0].to, 80);
  EXPECT_NEAR(*a.best[0].outcome, 80, 1e-12);
  EXPECT_EQ(a.best[1].to, 90);
  EXPECT_NEAR(*a.best[1].outcome, 80, 1e-12);
  EXPECT_TRUE(*a.models_agree);
  // Already at the target: no move improves, and the models do not "agree" on one.
  q.target = 50;
  q.models = {"median"};
  const AdviceResult stay = RunAdvice(q);
  EXPECT_FALSE(stay.best[0].improves);
  EXPECT_EQ(stay.best[0].to, stay.best[0].from);
  EXPECT_FALSE(*stay.models_agree);
}

TEST(Levers, SameBytesForAnyThreadCountAndBadRequests) {
  const std::string six = Scenario("six_party_talks_2005.yaml");
  const std::string args =
      "advise " + six + " --actor USA --issue nuclear --target 90 -q -f json -m bdm -m exchange";
  const CliRun one = Concert(args + " --threads 1"), two = Concert(args + " --threads 2");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  EXPECT_NE(one.out.find("\"models_agree\""), std::string::npos);
  const CliRun csv = Concert("advise " + six + " --actor USA -q -f csv -m compromise");
  EXPECT_EQ(csv.out.rfind("model,lever,lever_issue,issue,derivative,method,", 0), 0u);
  EXPECT_NE(Concert("advise --help").out.find("--max-salience-change"), std::string::npos);
  auto fails = [&](const std::string& more, const std::string& message) {
    const CliRun r = Concert("advise " + six + " -q " + more);
    EXPECT_EQ(r.code, 1) << more << "\n" << r.out;
    EXPECT_NE(r.out.find(message), std::string::npos) << more << "\n" << r.out;
  };
  fails("--actor KOR", "unknown actor 'KOR'");
  fails("--actor USA --issue rockets", "unknown issue 'rockets'");
  fails("--actor USA --target 50", "needs the issue");
  fails("--actor USA --issue nuclear --target 150", "off the scale");
  fails("--actor USA --grid 1", "at least 2");
  fails("--actor USA --max-salience-change -5", "expected a bound >= 0");
  fails("--actor USA -f csv --table best", "needs --target");
}

}  // namespace
}  // namespace concert::testing

namespace concert::testing {
namespace {

TEST(Levers, TheReportSectionShowsTheStandardMoves) {
  // kThree: w = c s = 1, 1, 1 (W = 3), compromise O = 50. For A: d O / d x_A =
  // 1/3, times 10 % of the scale (10) = +3.3; d O / d s_A = 1 (0 - 50) / 3 / 100
  // per point, times 10 points = -1.7; d O / d c_A = 1 (0 - 50) / 3, times 10 %
  // of its capability (0.1) = -1.7.
  AdviceRequest q;
  q.scenario = ReadScenario("three.yaml", kThree);
  q.models = {"compromise"};
  q.actor = "A";
  q.issue = "x";
  q.target = 40;
  const std::string html = AdviceReportSection(q, RunAdvice(q));
  EXPECT_NE(html.find("What A could do"), std::string::npos);
  EXPECT_NE(html.find("position on x +10 (+3.3)"), std::string::npos) << html;
  EXPECT_NE(html.find("salience on x +10 (-1.7)"), std::string::npos) << html;
  EXPECT_NE(html.find("capability +0.1 (-1.7)"), std::string::npos) << html;
  EXPECT_NE(html.find("Best single move toward x = 40"), std::string::npos);
  // From the CLI: the report's section, and a clear error for an unknown actor.
  const std::string path = TempPath("advise.html");
  const std::string six = Scenario("six_party_talks_2005.yaml");
  const CliRun r = Concert("advise -q " + six + " --actor CHN -m compromise -f html -o " + path);
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream in(path);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("What CHN could do"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  const CliRun bad = Concert("report -q " + six + " --advise KOR -o " + TempPath("bad.html"));
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("'--advise': unknown actor 'KOR'"), std::string::npos) << bad.out;
  EXPECT_FALSE(FileExists(TempPath("bad.html")));
}

}  // namespace
}  // namespace concert::testing
