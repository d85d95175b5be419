// Sobol indices (analysis/sobol.h) on the Ishigami function against their
// analytic values, the quantile functions they draw with, thread invariance and
// bad requests.
#include "concert/analysis/sobol.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/uncertain.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi),
// a = 7, b = 0.1. Analytic (Sobol & Levitan 1999): V = a^2/8 + b pi^4/5 +
// b^2 pi^8/18 + 1/2; V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V3 = 0;
// VT1 = V1 + 8 b^2 pi^8/225, VT2 = V2, VT3 = 8 b^2 pi^8/225.
std::vector<double> Ishigami(const std::vector<double>& u) {
  const double pi = std::acos(-1.0);
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return {std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1)};
}

TEST(Sobol, IshigamiWithinTheIntervalsOfItsAnalyticValues) {
  const double pi = std::acos(-1.0), a = 7, b = 0.1;
  const double v = a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2), v2 = a * a / 8;
  const double vt3 = 8 * b * b * std::pow(pi, 8) / 225;
  const double first[] = {v1 / v, v2 / v, 0};
  const double total[] = {(v1 + vt3) / v, v2 / v, vt3 / v};
  EXPECT_NEAR(first[0], 0.3139, 1e-4);  // the values every paper quotes
  EXPECT_NEAR(total[2], 0.2437, 1e-4);
  SobolOptions options;
  options.base_samples = 20000;
  options.bootstrap = 300;
  options.seed = 1;
  const SobolResult r = SobolIndices(3, 1, Ishigami, options);
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.runs, 20000u * 5);
  EXPECT_NEAR(r.outputs[0].variance, v, 0.05 * v);
  // Six 95 % intervals all cover their value only about 74 % of the time; each
  // estimate is held to within 1.5 half-widths of its interval instead (about 3
  // standard errors, jointly about 98 %). At this seed the 95 % interval of ST3
  // starts at 0.2447, 0.001 above 0.2437: reported in docs/monte-carlo.md.
  int covered = 0;
  for (std::size_t j = 0; j < 3; ++j) {
    const SobolIndex& s = r.outputs[0].inputs[j];
    const double first_half = (s.first_high - s.first_low) / 2;
    const double total_half = (s.total_high - s.total_low) / 2;
    EXPECT_LE(std::abs(s.first - first[j]), 1.5 * first_half) << j << " " << s.first;
    EXPECT_LE(std::abs(s.total - total[j]), 1.5 * total_half) << j << " " << s.total;
    covered += s.first_low <= first[j] && first[j] <= s.first_high;
    covered += s.total_low <= total[j] && total[j] <= s.total_high;
    EXPECT_LT(s.total_high - s.total_low, 0.05) << j;  // N = 20,000 pins them to a few %
  }
  EXPECT_GE(covered, 5);
}

TEST(Sobol, QuantilesOfTheInputs) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-12);
  for (double p : {1e-8, 0.01, 0.3, 0.5, 0.77, 0.999}) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-15 + 1e-13 * p) << p;
  }
  // A normal 50 +- 10 truncated at [0, 60]: its median u = 0.5 lies where the
  // truncated mass splits, Phi^-1((Phi(-5) + Phi(1)) / 2) x 10 + 50.
  Number n{50, {Uncertainty::Kind::kNormal, 0, 0, 10}};
  const double median = 50 + 10 * NormalQuantile((NormalCdf(-5) + NormalCdf(1)) / 2);
  EXPECT_NEAR(NumberAtQuantile(n, 0, 60, 0.5), median, 1e-12);
  Number range{5, {Uncertainty::Kind::kRange, 2, 12, 0}};
  EXPECT_NEAR(NumberAtQuantile(range, 0, 100, 0.25), 4.5, 1e-15);
}

TEST(Sobol, AModelOnTheSixPartyScenarioIsThreadInvariant) {
  const concert::Scenario six =
      ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  SobolOptions options;
  options.base_samples = 64;
  options.bootstrap = 50;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const auto model = CreateModel("compromise");
  const SobolResult a = RunSobol(six, *model.model, options, one);
  const SobolResult b = RunSobol(six, *model.model, options, two);
  ASSERT_EQ(a.inputs, UncertainInputs(six));
  ASSERT_EQ(a.outputs.size(), six.num_issues());
  for (std::size_t i = 0; i < a.outputs.size(); ++i) {
    for (std::size_t j = 0; j < a.inputs.size(); ++j) {
      EXPECT_EQ(a.outputs[i].inputs[j].first, b.outputs[i].inputs[j].first);
      EXPECT_EQ(a.outputs[i].inputs[j].total_high, b.outputs[i].inputs[j].total_high);
    }
  }
  // An input of one issue has no effect on another's compromise: total 0 exactly.
  std::size_t other = 0;
  while (a.inputs[other].find("nuclear") == std::string::npos) ++other;
  EXPECT_EQ(a.outputs[1].inputs[other].total, 0.0) << a.inputs[other];
  options.base_samples = 1;
  EXPECT_THROW(RunSobol(six, *model.model, options), InputError);
}

TEST(Sobol, FromTheCliInEveryFormat) {
  const std::string six = SourceDir() + "/scenarios/six_party_talks_2005.yaml";
  const std::string bin = CONCERT_BINARY;
  auto run = [&](const std::string& args) {
    const std::string command = bin + " forecast " + six + " -q -m compromise --sobol 40 " +
                                "--sobol-bootstrap 20 " + args + " 2>&1";
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0) << args << out;
    return out;
  };
  const std::string json = run("-f json --threads 1");
  EXPECT_EQ(json, run("-f json --threads 2"));
  EXPECT_NE(json.find("\"sobol\""), std::string::npos);
  EXPECT_NE(json.find("\"total_high\""), std::string::npos);
  const std::string csv = run("-f csv --table sobol");
  EXPECT_EQ(
      csv.rfind("model,issue,input,first,first_low,first_high,total,total_low,total_high\n", 0),
      0u);
  const std::size_t k = UncertainInputs(ReadScenarioFile(six)).size();
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), 1 + 4 * k);
  EXPECT_NE(run("").find("Sobol indices, compromise"), std::string::npos);
}

}  // namespace
}  // namespace concert::testing
