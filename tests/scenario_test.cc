#include "concert/core/scenario.h"

#include <gtest/gtest.h>

#include <fstream>

#include "concert/core/sha256.h"
#include "test_util.h"

namespace concert::testing {

bool FileExists(const std::string& path) { return std::ifstream(path).good(); }

std::string ReadError(const std::string& text, InputFormat format, int* line) {
  try {
    ReadScenario("in.txt", text, format);
  } catch (const InputError& e) {
    if (line) *line = e.where().line;
    return e.what();
  }
  return "";
}

namespace {

ScenarioDraft TwoActorDraft() {
  ScenarioDraft d;
  d.file = "mem";
  d.actors.push_back({{"A", "Alpha", {1.0, {}}, ""}, {"mem", 1, "actors[0]"}});
  d.actors.push_back({{"B", "Beta", {2.0, {}}, ""}, {"mem", 2, "actors[1]"}});
  Issue issue;
  issue.id = "x";
  d.issues.push_back({issue, {"mem", 3, "issues[0]"}});
  d.stances.push_back({"A", "x", {{10, {}}, {50, {}}, {}}, {"mem", 4, "positions[0]"}});
  d.stances.push_back({"B", "x", {{90, {}}, {100, {}}, {}}, {"mem", 5, "positions[1]"}});
  return d;
}

TEST(Scenario, BuildsAndConvertsSalienceToFraction) {
  Scenario s = BuildScenario(TwoActorDraft());
  ASSERT_EQ(s.num_actors(), 2u);
  ASSERT_EQ(s.num_issues(), 1u);
  ASSERT_NE(s.stance(0, 0), nullptr);
  EXPECT_DOUBLE_EQ(s.stance(0, 0)->salience.value, 0.5);
  EXPECT_DOUBLE_EQ(s.stance(1, 0)->salience.value, 1.0);
  EXPECT_DOUBLE_EQ(s.capability(1, 0), 2.0);
}

TEST(Scenario, ActorMayHaveNoStance) {
  ScenarioDraft d = TwoActorDraft();
  d.stances.pop_back();
  Scenario s = BuildScenario(d);
  EXPECT_EQ(s.stance(1, 0), nullptr);
}

TEST(Scenario, StanceCapabilityOverridesActor) {
  ScenarioDraft d = TwoActorDraft();
  d.stances[0].stance.capability = Number{7.0, {}};
  Scenario s = BuildScenario(d);
  EXPECT_DOUBLE_EQ(s.capability(0, 0), 7.0);
  EXPECT_DOUBLE_EQ(s.capability(1, 0), 2.0);
}

TEST(Scenario, ErrorNamesFileLineAndField) {
  ScenarioDraft d = TwoActorDraft();
  d.stances[1].stance.position.value = 120;
  try {
    BuildScenario(d);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "mem");
    EXPECT_EQ(e.where().line, 5);
    EXPECT_EQ(e.where().field, "positions[1].position");
    EXPECT_EQ(std::string(e.what()),
              "mem:5: field 'positions[1].position': expected position on the scale of issue "
              "'x' in [0, 100] but got 120");
  }
}

TEST(Scenario, UncertaintyRangeMustContainValueAndStayInBounds) {
  ScenarioDraft d = TwoActorDraft();
  d.stances[0].stance.position.uncertainty = {Uncertainty::Kind::kRange, 20, 30, 0};
  EXPECT_THROW(BuildScenario(d), InputError);  // 10 not in [20, 30]
  d.stances[0].stance.position.uncertainty = {Uncertainty::Kind::kRange, -5, 30, 0};
  EXPECT_THROW(BuildScenario(d), InputError);  // below the scale
  d.stances[0].stance.position.uncertainty = {Uncertainty::Kind::kRange, 0, 30, 0};
  EXPECT_NO_THROW(BuildScenario(d));
  d.stances[0].stance.position.uncertainty = {Uncertainty::Kind::kNormal, 0, 0, -1};
  EXPECT_THROW(BuildScenario(d), InputError);
}

TEST(Scenario, ValidateScenarioCatchesInMemoryChanges) {
  Scenario s = BuildScenario(TwoActorDraft());
  EXPECT_NO_THROW(ValidateScenario(s));
  s.mutable_stance(0, 0)->position.value = -1;
  EXPECT_THROW(ValidateScenario(s), InputError);
}

// Test vectors from FIPS 180-4 examples (NIST CSRC "SHA256.pdf").
TEST(Sha256, NistVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace concert::testing
