// RunContext::outcomes_only lets a model skip its record of rounds; the
// outcomes, notes and trades must be the same bits as a full run. Checked for
// every registered model on the shipped scenarios, and for the expected-utility
// model (which also stops early at a fixed point or a 2-cycle) on random
// scenarios in every variant, with the paths' cycles counted so that both
// early stops are known to be exercised.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// Same bits (NaN-free outcomes; an absent outcome equals an absent one).
bool SameBits(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::memcmp(&*a, &*b, sizeof(double)) == 0;
}

void ExpectSameOutcomes(const Scenario& s, const CreatedModel& m, const std::string& label) {
  RunContext full;
  full.control.threads = 1;
  RunContext fast = full;
  fast.outcomes_only = true;
  const Forecast a = m.model->Run(s, full), b = m.model->Run(s, fast);
  ASSERT_EQ(a.issues.size(), b.issues.size()) << label;
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    EXPECT_TRUE(SameBits(a.issues[i].outcome, b.issues[i].outcome))
        << label << " issue " << i << ": " << a.issues[i].outcome.value_or(-1) << " vs "
        << b.issues[i].outcome.value_or(-1);
    EXPECT_EQ(a.issues[i].note, b.issues[i].note) << label << " issue " << i;
  }
  ASSERT_EQ(a.trades.size(), b.trades.size()) << label;
  for (std::size_t t = 0; t < a.trades.size(); ++t) {
    EXPECT_EQ(a.trades[t].i.actor, b.trades[t].i.actor) << label;
    EXPECT_EQ(a.trades[t].j.actor, b.trades[t].j.actor) << label;
    EXPECT_EQ(a.trades[t].gain, b.trades[t].gain) << label;
  }
}

TEST(OutcomesOnly, EveryModelOnTheShippedScenarios) {
  for (const char* f :
       {"scenarios/six_party_talks_2005.yaml", "scenarios/emission_standards_1994.yaml",
        "data/ktab_smp/dummyData_3Dim.csv"}) {
    const Scenario s = ReadScenarioFile(SourceDir() + "/" + f);
    for (const ModelInfo& info : Registry::Builtin().models()) {
      ExpectSameOutcomes(s, CreateModel(info.name), std::string(f) + " " + info.name);
    }
  }
}

// One issue, n actors; a third of the positions copied from an earlier actor.
Scenario RandomIssue(std::mt19937_64* stream) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int n = 2 + static_cast<int>(unit(*stream) * 12);
  ScenarioDraft d;
  d.salience_unit = 1.0;
  Issue issue;
  issue.id = "x";
  d.issues.push_back({issue, {}});
  std::vector<double> x;
  for (int k = 0; k < n; ++k) {
    const bool copy = k > 1 && unit(*stream) < 0.3;
    x.push_back(copy ? x[static_cast<std::size_t>(unit(*stream) * k)]
                     : std::round(unit(*stream) * 1000) / 10);
    const std::string id = "a" + std::to_string(k);
    d.actors.push_back({{id, id, {0.05 + unit(*stream), {}}, ""}, {}});
    d.stances.push_back({id, "x", {{x.back(), {}}, {0.05 + 0.95 * unit(*stream), {}}, {}}, {}});
  }
  return BuildScenario(d);
}

TEST(OutcomesOnly, BdmStopsEarlyOnlyWhereThePathRepeats) {
  std::mt19937_64 stream(20261207);
  int converged = 0, two_cycles = 0;
  const char* specs[] = {"bdm",
                         "bdm(rounds=11)",
                         "bdm(risk=off)",
                         "bdm(variant=paper)",
                         "bdm(variant=paper,q=0.5,t=0.3)",
                         "bdm(q=0.8,rounds=25)"};
  for (int k = 0; k < 300; ++k) {
    const Scenario s = RandomIssue(&stream);
    for (const char* spec : specs) {
      const CreatedModel m = CreateModel(spec);
      ExpectSameOutcomes(s, m, fmt::format("case {} {}", k, spec));
      const Forecast full = m.model->Run(s, RunContext{});
      const IssueForecast& issue = full.issues[0];
      if (issue.cycle && issue.cycle->period == 2) ++two_cycles;
      const std::size_t r = issue.rounds.size();
      if (!issue.cycle && r >= 2 &&
          issue.rounds[r - 1].positions == issue.rounds[r - 2].positions) {
        ++converged;
      }
    }
  }
  // Both early stops were taken on these cases (counts from this seed).
  EXPECT_GT(converged, 100);
  EXPECT_GT(two_cycles, 0);
}

}  // namespace
}  // namespace concert::testing
