// Published and reference numbers. Files under ../shared/data are read where
// present; the tests skip with a message when that folder is absent.
#include <gtest/gtest.h>

#include "concert/models/registry.h"
#include "test_util.h"

namespace concert::testing {
namespace {

double Outcome(const Scenario& s, const std::string& spec, std::size_t issue = 0) {
  return *CreateModel(spec).model->Run(s, RunContext{}).issues[issue].outcome;
}

// The BDM 1994 emission-standards table (Scholz et al. 2011): sum c s x / sum c s
// = 5.003 / 0.677 = 7.389955686853767 (products listed in docs/models/baseline.md).
constexpr double kEmissionCompromise = 7.389955686853767;

TEST(Reference, EmissionStandardsCompromiseShipped) {
  Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/emission_standards_1994.yaml");
  EXPECT_NEAR(Outcome(s, "compromise"), kEmissionCompromise, 1e-9);
  // Weighted median: weight 0.248 at 4, 0.093 at 7 (cumulative 0.341 >= 0.677 / 2) -> 7.
  EXPECT_DOUBLE_EQ(Outcome(s, "median"), 7.0);
}

TEST(Reference, EmissionStandardsCompromiseFromReferenceCsv) {
  std::string path = SharedData() + "/reference/bdm_scholz/scholz_ExampleActors.csv";
  CONCERT_REQUIRE_FILE(path);
  Scenario s = ReadScenarioFile(path);
  EXPECT_NEAR(Outcome(s, "compromise"), kEmissionCompromise, 1e-9);
}

TEST(Reference, SharedFilesOfEveryFormatRead) {
  const std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> files = {
      {"reference/ktab_smp/dummyData_3Dim.csv", {7, 3}},
      {"reference/ktab_smp/SOE-Pol-Comp.csv", {13, 2}},
      {"reference/exchange_decide/sample_data.txt", {10, 6}},
      {"reference/exchange_decide/copenhagen.csv", {11, 7}},
      {"reference/bdm_scholz/scholz_Sultan.csv", {17, 1}},
      {"negotiations/dmasad_ChinaData.csv", {24, 1}},
      {"negotiations/dmasad_HondurasCrisisData.csv", {5, 1}},
  };
  CONCERT_REQUIRE_FILE(SharedData() + "/README.md");
  for (const auto& [name, size] : files) {
    Scenario s = ReadScenarioFile(SharedData() + "/" + name);
    EXPECT_EQ(s.num_actors(), size.first) << name;
    EXPECT_EQ(s.num_issues(), size.second) << name;
  }
}

}  // namespace
}  // namespace concert::testing
