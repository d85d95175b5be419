// Correlated draws (analysis/rank_correlation.h): Iman-Conover reaches the
// requested rank correlation within sampling error and keeps the marginals;
// Monte Carlo of the Six-Party scenario draws correlated inputs; bad requests.
#include "concert/analysis/rank_correlation.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/random.h"
#include "concert/io/read.h"
#include "test_util.h"

namespace concert::testing {
namespace {

TEST(RankCorrelation, ImanConoverReachesTheTargetAndKeepsTheMarginals) {
  const std::size_t n = 5000;
  std::vector<std::vector<double>> columns(3, std::vector<double>(n));
  Stream stream(3, 0);
  for (auto& c : columns) {
    for (double& x : c) x = stream.Uniform();
  }
  columns[2] = columns[0];  // even a copy: only ranks matter, it is reordered
  const std::vector<std::vector<double>> before = columns;
  const std::vector<std::vector<double>> target = {{1, 0.8, -0.3}, {0.8, 1, 0}, {-0.3, 0, 1}};
  ImanConover(&columns, target, 9);
  // Sampling error of a rank correlation near rho: about (1 - rho^2) / sqrt(n),
  // 0.005 at 0.8 and 0.013 at 0; 0.03 is more than four of them.
  EXPECT_NEAR(SpearmanCorrelation(columns[0], columns[1]), 0.8, 0.03);
  EXPECT_NEAR(SpearmanCorrelation(columns[0], columns[2]), -0.3, 0.03);
  EXPECT_NEAR(SpearmanCorrelation(columns[1], columns[2]), 0.0, 0.05);
  for (std::size_t j = 0; j < 3; ++j) {
    std::vector<double> a = before[j], b = columns[j];
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b) << j;
  }
}

// A "model" whose outcomes are two inputs, so the draws can be read back.
class Echo : public Model {
 public:
  Forecast Run(const Scenario& s, const RunContext&) const override {
    Forecast f;
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      IssueForecast issue;
      issue.issue = i;
      issue.outcome = s.stance(0, i)->position.value;  // the first actor's positions
      f.issues.push_back(issue);
    }
    return f;
  }
};

TEST(RankCorrelation, MonteCarloDrawsCorrelatedInputs) {
  const concert::Scenario six =
      ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  const std::string a = "position " + six.actors[0].id + " " + six.issues[0].id;
  const std::string b = "position " + six.actors[0].id + " " + six.issues[1].id;
  const std::vector<std::string> names = UncertainInputs(six);
  ASSERT_NE(std::find(names.begin(), names.end(), a), names.end());
  ASSERT_NE(std::find(names.begin(), names.end(), b), names.end());
  MonteCarloOptions options;
  options.draws = 4000;
  options.seed = 5;
  options.correlations = {{a, b, 0.7}};
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const Echo echo;
  const MonteCarloResult r = RunMonteCarlo(six, echo, options, one);
  const MonteCarloResult again = RunMonteCarlo(six, echo, options, two);
  EXPECT_EQ(r.outcomes, again.outcomes);
  std::vector<double> x, y;
  const std::size_t ni = six.num_issues();
  for (std::size_t i = 0; i < r.draws; ++i) {
    x.push_back(r.outcomes[i * ni]);
    y.push_back(r.outcomes[i * ni + 1]);
  }
  EXPECT_NEAR(SpearmanCorrelation(x, y), 0.7, 0.04);
  options.correlations.clear();
  const MonteCarloResult plain = RunMonteCarlo(six, echo, options, one);
  x.clear();
  y.clear();
  for (std::size_t i = 0; i < plain.draws; ++i) {
    x.push_back(plain.outcomes[i * ni]);
    y.push_back(plain.outcomes[i * ni + 1]);
  }
  EXPECT_NEAR(SpearmanCorrelation(x, y), 0.0, 0.06);  // independent as drawn
  options.correlations = {{a, b, 0.7}};
  options.draws = 3;  // too few to impose anything: an error, not a silent no-op
  EXPECT_THROW(RunMonteCarlo(six, echo, options, one), InputError);
}

std::string ErrorOf(const std::vector<RankCorrelation>& pairs) {
  try {
    CorrelationTarget({"a", "b", "c"}, pairs);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(RankCorrelation, BadRequests) {
  EXPECT_NE(ErrorOf({{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", -0.9}})
                .find("not positive semi-definite"),
            std::string::npos);
  EXPECT_NE(ErrorOf({{"a", "z", 0.5}}).find("unknown uncertain input 'z'"), std::string::npos);
  EXPECT_NE(ErrorOf({{"a", "a", 0.5}}).find("with itself"), std::string::npos);
  EXPECT_NE(ErrorOf({{"a", "b", 0.5}, {"b", "a", 0.1}}).find("given twice"), std::string::npos);
  EXPECT_EQ(ErrorOf({{"a", "b", 1.0}}), "no error");  // semi-definite is fine
  const RankCorrelation r = ParseRankCorrelation("salience USA nuclear,salience JPN nuclear=0.8");
  EXPECT_EQ(r.a, "salience USA nuclear");
  EXPECT_EQ(r.b, "salience JPN nuclear");
  EXPECT_EQ(r.rho, 0.8);
  EXPECT_THROW(ParseRankCorrelation("a,b=1.5"), InputError);
  EXPECT_THROW(ParseRankCorrelation("a b=0.5"), InputError);
  EXPECT_THROW(ParseRankCorrelation("a,b=x"), InputError);
}

}  // namespace
}  // namespace concert::testing
