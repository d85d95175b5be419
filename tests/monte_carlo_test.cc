// Monte Carlo: an analytic case, thread-count independence, the bounds of the
// drawn numbers, bad bands, cancellation.
#include "concert/analysis/monte_carlo.h"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cmath>
#include <map>

#include "concert/analysis/forecast_run.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "concert/output/monte_carlo_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// A uniform on [0, 100], B fixed at 50, equal weights: the compromise outcome
// (x_A + 50) / 2 is uniform on [25, 75]: mean 50, sd 50 / sqrt(12) = 14.434,
// quantiles 25 + 50 p (27.5, 37.5, 50, 62.5, 72.5), P(25 <= outcome <= 50) = 1/2.
const char* kUniform = R"(actors:
  - {id: A, capability: 1}
  - {id: B, capability: 1}
issues:
  - {id: x}
positions:
  - {actor: A, issue: x, position: {value: 50, range: [0, 100]}, salience: 100}
  - {actor: B, issue: x, position: 50, salience: 100}
)";

TEST(MonteCarlo, UniformInputGivesTheAnalyticDistribution) {
  const Scenario s = ReadScenario("u.yaml", kUniform);
  MonteCarloOptions options;
  options.draws = 20000;
  options.seed = 3;
  options.bands = {{"", 25, 50}};
  const MonteCarloResult r = RunMonteCarlo(s, *CreateModel("compromise").model, options);
  ASSERT_EQ(r.draws, 20000u);
  const IssueDistribution& d = r.issues[0];
  EXPECT_EQ(d.n, 20000u);
  EXPECT_NEAR(d.mean, 50, 0.5);  // standard error 0.10
  EXPECT_NEAR(d.sd, 50 / std::sqrt(12.0), 0.4);
  const double expected[] = {27.5, 37.5, 50, 62.5, 72.5};
  for (std::size_t k = 0; k < 5; ++k) EXPECT_NEAR(d.quantiles[k].second, expected[k], 0.8);
  ASSERT_EQ(d.bands.size(), 1u);
  EXPECT_NEAR(d.bands[0].second, 0.5, 0.02);
  // Every draw's outcome is kept, in draw order, and the summary is theirs.
  ASSERT_EQ(r.outcomes.size(), 20000u);
  double sum = 0;
  for (double x : r.outcomes) sum += x;
  EXPECT_NEAR(sum / 20000, d.mean, 1e-9);
  Stream first(3, 0);
  const Scenario drawn = DrawScenario(s, first);
  EXPECT_EQ(r.outcomes[0], (drawn.stance(0, 0)->position.value + 50) / 2);
}

TEST(MonteCarlo, OutputDoesNotDependOnThreads) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  CreatedModel m = CreateModel("bdm");
  const Forecast f = m.model->Run(s, RunContext{});
  std::string first;
  for (unsigned threads : {1u, 2u, 3u}) {
    MonteCarloOptions options;
    options.draws = 200;
    options.seed = 11;
    RunControl control;
    control.threads = threads;
    const MonteCarloResult r = RunMonteCarlo(s, *m.model, options, control);
    Forecast named = f;
    named.model = m.spec;
    const std::string json = ForecastsToJson(s, {named}, 11, {&r});
    if (first.empty()) first = json;
    EXPECT_EQ(json, first) << threads << " threads";
  }
}

TEST(MonteCarlo, TradeFrequenciesOfACertainScenarioAreItsOneForecastsTrades) {
  // With no uncertain number every draw is the one forecast, so each trade of that
  // forecast happens in every draw (share 1), as often and with the gains it has there.
  Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  for (Actor& a : s.actors) a.capability.uncertainty = {};
  for (Issue& i : s.issues) i.status_quo->uncertainty = {};
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    for (std::size_t k = 0; k < s.num_issues(); ++k) {
      if (Stance* st = s.mutable_stance(a, k)) {
        st->position.uncertainty = {};
        st->salience.uncertainty = {};
      }
    }
  }
  const auto model = CreateModel("exchange").model;
  const Forecast f = model->Run(s, RunContext{});
  std::map<std::array<std::size_t, 4>, std::pair<int, double>> expected;  // executions, gain
  for (const Trade& t : f.trades) {
    const Trade::Party &a = t.i.actor < t.j.actor ? t.i : t.j,
                       &b = t.i.actor < t.j.actor ? t.j : t.i;
    auto& e = expected[{a.actor, a.supply, b.actor, b.supply}];
    e.first += 1;
    e.second += t.gain;
  }
  MonteCarloOptions options;
  options.draws = 3;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const MonteCarloResult r = RunMonteCarlo(s, *model, options, one);
  ASSERT_EQ(r.trades.size(), expected.size());
  for (const TradeFrequency& t : r.trades) {
    const auto& e = expected.at({t.actor_a, t.supply_a, t.actor_b, t.supply_b});
    EXPECT_EQ(t.share, 1.0);
    EXPECT_EQ(t.draws, 3u);
    EXPECT_EQ(t.mean_executions, e.first);
    EXPECT_NEAR(t.mean_gain, e.second, 1e-12);
  }
  const MonteCarloResult again = RunMonteCarlo(s, *model, options, two);
  ASSERT_EQ(again.trades.size(), r.trades.size());
  for (std::size_t k = 0; k < r.trades.size(); ++k) {
    EXPECT_EQ(again.trades[k].actor_a, r.trades[k].actor_a);
    EXPECT_EQ(again.trades[k].mean_gain, r.trades[k].mean_gain);
  }
  // Models that do not trade report none.
  EXPECT_TRUE(RunMonteCarlo(s, *CreateModel("bdm").model, options).trades.empty());
}

TEST(MonteCarlo, DrawsStayWithinBoundsAndKeepCertainNumbers) {
  const char* text = R"(actors:
  - {id: A, capability: {value: 1, sd: 5}}
  - {id: B, capability: 2}
issues:
  - {id: x, scale: {min: 0, max: 10}, status_quo: {value: 9, sd: 50}}
positions:
  - {actor: A, issue: x, position: {value: 1, sd: 40}, salience: {value: 90, sd: 30}}
  - {actor: B, issue: x, position: 5, salience: 50}
)";
  const Scenario s = ReadScenario("b.yaml", text);
  for (std::uint64_t i = 0; i < 500; ++i) {
    Stream stream(1, i);
    const Scenario d = DrawScenario(s, stream);
    EXPECT_NO_THROW(ValidateScenario(d));
    EXPECT_GE(d.actors[0].capability.value, 0);
    EXPECT_EQ(d.actors[1].capability.value, 2);
    EXPECT_EQ(d.stance(1, 0)->position.value, 5);
    EXPECT_EQ(d.stance(1, 0)->salience.value, 0.5);
  }
  EXPECT_EQ(s.stance(0, 0)->position.value, 1);  // the base is not changed
}

TEST(MonteCarlo, SameSeedSameDrawsOtherSeedOtherDraws) {
  const Scenario s = ReadScenario("u.yaml", kUniform);
  Stream a(7, 4), b(7, 4), c(8, 4);
  const double x = DrawScenario(s, a).stance(0, 0)->position.value;
  EXPECT_EQ(x, DrawScenario(s, b).stance(0, 0)->position.value);
  EXPECT_NE(x, DrawScenario(s, c).stance(0, 0)->position.value);
}

TEST(MonteCarlo, BadBandsAndCancellation) {
  const Scenario s = ReadScenario("u.yaml", kUniform);
  auto model = CreateModel("compromise").model;
  MonteCarloOptions options;
  options.draws = 10;
  options.bands = {{"nope", 0, 1}};
  EXPECT_THROW(RunMonteCarlo(s, *model, options), InputError);
  options.bands = {{"x", 5, 1}};
  EXPECT_THROW(RunMonteCarlo(s, *model, options), InputError);
  options.bands.clear();
  RunControl control;
  control.cancel = [] { return true; };
  const MonteCarloResult r = RunMonteCarlo(s, *model, options, control);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.draws, 0u);
  EXPECT_EQ(r.issues[0].n, 0u);
}

// Ctrl-C: a cancel that arrives while draws run (here after 37 have finished,
// with 2 threads, in bdm, which polls the cancel each round) leaves a summary
// equal to an uninterrupted run with the number of draws it reports.
TEST(MonteCarlo, ACancelledRunEqualsAnUninterruptedRunOfItsDraws) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  CreatedModel m = CreateModel("bdm");
  MonteCarloOptions options;
  options.draws = 400;
  options.seed = 3;
  std::atomic<bool> stop{false};
  RunControl control;
  control.threads = 2;
  control.cancel = [&] { return stop.load(); };
  control.progress = [&](std::size_t done, std::size_t) {
    if (done >= 37) stop = true;
  };
  const MonteCarloResult cut = RunMonteCarlo(s, *m.model, options, control);
  EXPECT_TRUE(cut.cancelled);
  // How many draws form the finished prefix depends on the scheduling (a
  // worker may hold an early draw while the other finishes many); the summary
  // must equal an uninterrupted run of that many, whatever it is.
  EXPECT_LT(cut.draws, 400u);
  options.draws = cut.draws;
  const MonteCarloResult whole = RunMonteCarlo(s, *m.model, options);
  EXPECT_FALSE(whole.cancelled);
  EXPECT_EQ(MonteCarloJson(s, cut, 3)["issues"].dump(),
            MonteCarloJson(s, whole, 3)["issues"].dump());
}

// After a cancel, every model still has its Monte Carlo block (no draw in the
// models after the one interrupted), so no block silently goes missing.
TEST(MonteCarlo, ACancelKeepsABlockForEveryModel) {
  ForecastRequest request;
  request.scenario = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  request.models = {"compromise", "median", "bdm"};
  request.draws = 50;
  std::atomic<bool> stop{false};
  RunControl control;
  control.cancel = [&] { return stop.load(); };
  control.progress = [&](std::size_t done, std::size_t) {
    // Steps: 3 forecasts, then 50 draws per model; stop in the second model's.
    if (done >= (3 + 60) * kProgressSteps) stop = true;
  };
  const ForecastResult r = RunForecast(request, control);
  EXPECT_TRUE(r.cancelled);
  ASSERT_EQ(r.monte_carlo.size(), 3u);
  EXPECT_FALSE(r.monte_carlo[0].cancelled);
  EXPECT_EQ(r.monte_carlo[0].draws, 50u);
  EXPECT_TRUE(r.monte_carlo[1].cancelled);
  EXPECT_LT(r.monte_carlo[1].draws, 50u);
  EXPECT_TRUE(r.monte_carlo[2].cancelled);
  EXPECT_EQ(r.monte_carlo[2].draws, 0u);
  EXPECT_EQ(r.monte_carlo[2].issues[0].n, 0u);
}

// The forecasts of the scenario report progress and obey the cancel too: a
// run cut short during a forecast says so and has no Monte Carlo block.
TEST(MonteCarlo, ProgressCoversTheForecastsAndEndsAtTheTotal) {
  ForecastRequest request;
  request.scenario = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  request.models = {"compromise", "bdm", "exchange"};
  request.draws = 4;
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  RunControl control;
  control.threads = 1;
  control.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  const ForecastResult r = RunForecast(request, control);
  EXPECT_FALSE(r.cancelled);
  ASSERT_FALSE(calls.empty());
  const std::size_t total = 3 * (1 + 4) * kProgressSteps;
  std::size_t before_draws = 0;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].second, total);
    if (i > 0) {
      EXPECT_GE(calls[i].first, calls[i - 1].first);
    }
    if (calls[i].first <= 3 * kProgressSteps) ++before_draws;
  }
  EXPECT_EQ(calls.back().first, total);
  // bdm and exchange report their issues or rounds before any draw runs.
  EXPECT_GT(before_draws, 2u);
}

TEST(MonteCarlo, ACancelDuringAForecastLeavesNothingToReport) {
  ForecastRequest request;
  request.scenario = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  request.models = {"compromise", "bdm"};
  request.draws = 10;
  std::atomic<bool> stop{false};
  RunControl control;
  control.cancel = [&] { return stop.load(); };
  control.progress = [&](std::size_t done, std::size_t) {
    if (done > kProgressSteps) stop = true;  // inside bdm's forecast
  };
  const ForecastResult r = RunForecast(request, control);
  EXPECT_TRUE(r.cancelled);
  EXPECT_TRUE(r.forecasts_cut_short);
  EXPECT_TRUE(r.monte_carlo.empty());
}

TEST(Sensitivity, RecoversALinearModel) {
  // y = 2 x1 - x2 with x1, x2, x3 independent uniforms of equal sd s:
  // sd(y) = s sqrt(5), so SRC = 2 / sqrt(5), -1 / sqrt(5), 0 and R^2 = 1.
  Stream stream(5, 0);
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 5000; ++i) {
    const double a = stream.Uniform(), b = stream.Uniform(), c = stream.Uniform();
    x.push_back({a, b, c, 0.5});  // the last input does not vary and drops out
    y.push_back(2 * a - b);
  }
  const Sensitivity s = Regress(x, y);
  EXPECT_NEAR(s.r_squared, 1.0, 1e-9);
  ASSERT_EQ(s.src.size(), 3u);
  EXPECT_EQ(s.src[0].first, 0u);
  EXPECT_NEAR(s.src[0].second, 2 / std::sqrt(5.0), 0.02);
  EXPECT_EQ(s.src[1].first, 1u);
  EXPECT_NEAR(s.src[1].second, -1 / std::sqrt(5.0), 0.02);
  EXPECT_NEAR(s.src[2].second, 0.0, 0.02);
}

TEST(Sensitivity, OneUncertainInputExplainsEverything) {
  const Scenario s = ReadScenario("u.yaml", kUniform);
  MonteCarloOptions options;
  options.draws = 500;
  options.sensitivity = true;
  const MonteCarloResult r = RunMonteCarlo(s, *CreateModel("compromise").model, options);
  ASSERT_EQ(r.inputs, std::vector<std::string>{"position A x"});
  ASSERT_TRUE(r.issues[0].sensitivity);
  EXPECT_NEAR(r.issues[0].sensitivity->r_squared, 1.0, 1e-9);
  EXPECT_NEAR(r.issues[0].sensitivity->src[0].second, 1.0, 1e-9);
}

TEST(MonteCarlo, QuantileIsRType7) {
  // R: quantile(c(1, 2, 4, 8), c(.05, .5, .95)) -> 1.15, 3.0, 7.4
  const std::vector<double> v = {1, 2, 4, 8};
  EXPECT_NEAR(Quantile(v, 0.05), 1.15, 1e-12);
  EXPECT_NEAR(Quantile(v, 0.5), 3.0, 1e-12);
  EXPECT_NEAR(Quantile(v, 0.95), 7.4, 1e-12);
}

}  // namespace
}  // namespace concert::testing
