#include <gtest/gtest.h>

#include "concert/io/read.h"
#include "concert/io/write.h"
#include "concert/io/yaml_fields.h"
#include "test_util.h"

namespace concert::testing {
namespace {

const char* kYaml = R"(name: Tiny
sources: [a book]
actors:
  - {id: A, name: Alpha, capability: 2}
  - id: B
    capability: {value: 1, range: [0.5, 1.5]}
issues:
  - id: x
    name: Issue X
    scale: {min: 0, max: 10, anchors: [{at: 0, label: none}, {at: 10, label: all}]}
    status_quo: {value: 3, sd: 1}
  - id: y
positions:
  - {actor: A, issue: x, position: 2, salience: 50}
  - {actor: B, issue: x, position: {value: 8, range: [6, 9]}, salience: 100}
  - {actor: A, issue: y, position: 40, salience: 25, capability: 5}
)";

const char* kJson = R"({"name": "Tiny", "sources": ["a book"],
 "actors": [{"id": "A", "name": "Alpha", "capability": 2},
            {"id": "B", "capability": {"value": 1, "range": [0.5, 1.5]}}],
 "issues": [{"id": "x", "name": "Issue X",
             "scale": {"min": 0, "max": 10,
                       "anchors": [{"at": 0, "label": "none"}, {"at": 10, "label": "all"}]},
             "status_quo": {"value": 3, "sd": 1}},
            {"id": "y"}],
 "positions": [{"actor": "A", "issue": "x", "position": 2, "salience": 50},
               {"actor": "B", "issue": "x", "position": {"value": 8, "range": [6, 9]},
                "salience": 100},
               {"actor": "A", "issue": "y", "position": 40, "salience": 25, "capability": 5}]}
)";

void ExpectTiny(const Scenario& s) {
  EXPECT_EQ(s.name, "Tiny");
  ASSERT_EQ(s.num_actors(), 2u);
  ASSERT_EQ(s.num_issues(), 2u);
  EXPECT_EQ(s.actors[0].name, "Alpha");
  EXPECT_EQ(s.actors[1].name, "B");  // defaults to the id
  EXPECT_EQ(s.actors[1].capability.uncertainty.kind, Uncertainty::Kind::kRange);
  EXPECT_EQ(s.issues[0].anchors.size(), 2u);
  EXPECT_EQ(s.issues[0].anchors[1].label, "all");
  ASSERT_TRUE(s.issues[0].status_quo);
  EXPECT_DOUBLE_EQ(s.issues[0].status_quo->uncertainty.sd, 1.0);
  EXPECT_DOUBLE_EQ(s.issues[1].scale_max, 100.0);  // default scale 0-100
  EXPECT_DOUBLE_EQ(s.stance(1, 0)->position.value, 8.0);
  EXPECT_DOUBLE_EQ(s.stance(1, 0)->position.uncertainty.high, 9.0);
  EXPECT_DOUBLE_EQ(s.stance(0, 0)->salience.value, 0.5);
  EXPECT_EQ(s.stance(1, 1), nullptr);
  EXPECT_DOUBLE_EQ(s.capability(0, 1), 5.0);
  EXPECT_DOUBLE_EQ(s.capability(0, 0), 2.0);
}

TEST(NativeReader, Yaml) { ExpectTiny(ReadScenario("t.yaml", kYaml)); }
TEST(NativeReader, JsonGivesTheSameScenario) { ExpectTiny(ReadScenario("t.json", kJson)); }

TEST(NativeReader, ConvertRoundTrips) {
  Scenario a = ReadScenario("t.yaml", kYaml);
  std::string yaml = ScenarioToYaml(a);
  Scenario b = ReadScenario("again.yaml", yaml);
  ExpectTiny(b);
  EXPECT_EQ(ScenarioToYaml(b), yaml);
}

// LoadYaml keeps the last tree it parsed on the thread: the same text gives the
// same tree, and parsing another text leaves the first caller's tree as it was.
TEST(LoadYaml, KeepsTheLastTreeAndLeavesEarlierOnesAlone) {
  const YAML::Node a = io::LoadYaml("a.yaml", "name: first\nn: 1\n");
  EXPECT_EQ(io::LoadYaml("a.yaml", "name: first\nn: 1\n")["name"].as<std::string>(), "first");
  const YAML::Node b = io::LoadYaml("b.yaml", "name: second\n");
  EXPECT_EQ(a["name"].as<std::string>(), "first");
  EXPECT_EQ(a["n"].as<int>(), 1);
  EXPECT_EQ(b["name"].as<std::string>(), "second");
  EXPECT_FALSE(b["n"]);
  // An edit works on its own copy: the kept tree, and so the next reader, are unchanged.
  const std::string edited = EditYamlNumber("name: second\n", {"n"}, 2);
  EXPECT_NE(edited.find("n: 2"), std::string::npos);
  EXPECT_FALSE(io::LoadYaml("b.yaml", "name: second\n")["n"]);
}

TEST(KtabReader, ReadsActorsDimensionsAndTrailingCommas) {
  const char* text =
      "Test,A test scenario,3,2,\n"
      "Actor,Description,Power,Pos1,Sal1,Pos2,Sal2,\n"
      "A, first, 100, 10, 40, 20, 60,\n"
      "B, second, 50, 90, 30, 70, 20,\n"
      "C, third, 25.5, 50, 50, 50, 50,\n";
  Scenario s = ReadScenario("k.csv", text, InputFormat::kKtab);
  EXPECT_EQ(s.name, "Test");
  ASSERT_EQ(s.num_actors(), 3u);
  ASSERT_EQ(s.num_issues(), 2u);
  EXPECT_EQ(s.issues[0].id, "pos1");
  EXPECT_DOUBLE_EQ(s.actors[2].capability.value, 25.5);
  EXPECT_DOUBLE_EQ(s.stance(1, 1)->position.value, 70);
  EXPECT_DOUBLE_EQ(s.stance(1, 1)->salience.value, 0.2);
  EXPECT_EQ(DetectInputFormat("k.csv", text), InputFormat::kKtab);
}

TEST(KtabReader, QuotedFieldsMayHoldCommas) {
  const char* text =
      "T,\"A scenario, quoted\",2,1\n"
      "Actor,Description,Power,P1,S1\n"
      "A,\"Ministry of Finance, \"\"MoF\"\"\",10,20,50\n"
      "B,plain,30,60,50\n";
  Scenario s = ReadScenario("k.csv", text, InputFormat::kKtab);
  EXPECT_EQ(s.description, "A scenario, quoted");
  EXPECT_EQ(s.actors[0].description, "Ministry of Finance, \"MoF\"");
  EXPECT_DOUBLE_EQ(s.actors[0].capability.value, 10);
}

TEST(DecideReader, ReadsQuotedTabSeparatedRecords) {
  const char* text =
      "'#A'\t'A1'\t'Actor one'\t''\n"
      "'#A'\t'A2'\t'A2'\t''\n"
      "'#/'\tcomment\n"
      "'#P'\t'toll'\t'Toll level'\t'euros'\n"
      "'#M'\t'toll'\t0.5\t'low'\n"
      "'#M'\t'toll'\t7\n"
      "'#P'\t'when'\t'when'\t''\n"
      "'#D'\t'A1'\t'toll'\t3.0\t0.7\t1.0\n"
      "'#D'\t'A2'\t'toll'\t6.5\t0.4\t2.0\n"
      "'#D'\t'A2'\t'when'\t60\t1.0\t3.0\n";
  Scenario s = ReadScenario("d.txt", text);
  ASSERT_EQ(s.num_actors(), 2u);
  ASSERT_EQ(s.num_issues(), 2u);
  EXPECT_EQ(s.actors[0].name, "Actor one");
  EXPECT_DOUBLE_EQ(s.issues[0].scale_min, 0.5);
  EXPECT_DOUBLE_EQ(s.issues[0].scale_max, 7.0);
  ASSERT_EQ(s.issues[0].anchors.size(), 1u);
  EXPECT_EQ(s.issues[0].anchors[0].label, "low");
  EXPECT_DOUBLE_EQ(s.issues[1].scale_max, 100.0);
  EXPECT_DOUBLE_EQ(s.stance(0, 0)->salience.value, 0.7);
  EXPECT_EQ(s.stance(0, 1), nullptr);
  EXPECT_DOUBLE_EQ(s.capability(1, 0), 2.0);
  EXPECT_DOUBLE_EQ(s.capability(1, 1), 3.0);  // per-issue power kept
}

TEST(BdmReader, ToleratesCarriageReturnOnlyLines) {
  const char* text = "Actor,Capability,Position,Salience\rA,0.5,4,0.8\rB,0.25,10,0.4\r";
  Scenario s = ReadScenario("b.csv", text);
  ASSERT_EQ(s.num_actors(), 2u);
  EXPECT_DOUBLE_EQ(s.issues[0].scale_min, 4);
  EXPECT_DOUBLE_EQ(s.issues[0].scale_max, 10);
  EXPECT_DOUBLE_EQ(s.stance(0, 0)->salience.value, 0.8);  // fractions kept as they are
}

TEST(BdmReader, SalienceOnHundredScaleWhenAboveOne) {
  const char* text = "Stakeholder,Resources,Position,Salience\nA,80,25,50\nB,90,15,80\n";
  Scenario s = ReadScenario("b.csv", text, InputFormat::kBdm);
  EXPECT_DOUBLE_EQ(s.stance(0, 0)->salience.value, 0.5);
}

TEST(Detect, ByExtensionThenContent) {
  EXPECT_EQ(DetectInputFormat("a.yml", ""), InputFormat::kYaml);
  EXPECT_EQ(DetectInputFormat("a.JSON", ""), InputFormat::kJson);
  EXPECT_EQ(DetectInputFormat("a.txt", "{\"a\": 1}"), InputFormat::kJson);
  EXPECT_EQ(DetectInputFormat("a.csv", "Actor,Capability,Position,Salience\n"), InputFormat::kBdm);
  EXPECT_EQ(DetectInputFormat("a.csv", "'#A'\t'x'\n"), InputFormat::kDecide);
  EXPECT_EQ(DetectInputFormat("a.txt", "#/ comment\n#A\tx\n"), InputFormat::kDecide);
}

TEST(Formats, NamesRoundTrip) {
  for (const std::string& name : InputFormatNames()) {
    EXPECT_EQ(InputFormatName(ParseInputFormat(name)), name);
  }
}

TEST(ShippedScenarios, AllValidate) {
  for (const char* name : {"six_party_talks_2005.yaml", "emission_standards_1994.yaml"}) {
    Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/" + name);
    EXPECT_GT(s.num_actors(), 0u) << name;
    EXPECT_EQ(s.sha256.size(), 64u);
  }
}

TEST(ShippedScenarios, SixPartyHasThePapersActorsAndIssues) {
  Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  std::vector<std::string> actors, issues;
  for (const auto& a : s.actors) actors.push_back(a.id);
  for (const auto& i : s.issues) issues.push_back(i.id);
  EXPECT_EQ(actors, (std::vector<std::string>{"USA", "CHN", "PRK", "JPN", "ROK", "RUS"}));
  EXPECT_EQ(issues, (std::vector<std::string>{"nuclear", "refugees", "missiles", "unification"}));
  auto sal = [&](int a, int i) { return s.stance(a, i)->salience.value; };
  // The orderings the paper states (docs/six-party-talks.md).
  for (int i = 1; i < 4; ++i) EXPECT_GT(sal(0, 0), sal(0, i)) << "USA: nuclear highest";
  EXPECT_GT(sal(0, 2), sal(0, 1)) << "USA weighs the missile threat next";
  for (int i = 1; i < 4; ++i) EXPECT_GT(sal(3, 0), sal(3, i)) << "JPN like the USA";
  EXPECT_EQ(sal(1, 0), sal(1, 1)) << "CHN: nuclear and refugees equally high";
  EXPECT_EQ(sal(2, 0), sal(2, 1)) << "PRK like China";
  for (int i = 0; i < 3; ++i) EXPECT_GT(sal(4, 3), sal(4, i)) << "ROK: unification first";
  EXPECT_GT(sal(4, 1), sal(4, 0)) << "ROK: refugees second";
  EXPECT_EQ(sal(0, 3), sal(1, 3)) << "USA and CHN weigh unification equally";
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      ASSERT_NE(s.stance(a, i), nullptr);
      EXPECT_NE(s.stance(a, i)->position.uncertainty.kind, Uncertainty::Kind::kNone)
          << "every judged number carries an uncertainty";
      EXPECT_NE(s.stance(a, i)->salience.uncertainty.kind, Uncertainty::Kind::kNone);
    }
  }
}

}  // namespace
}  // namespace concert::testing
