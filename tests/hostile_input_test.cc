// Regression tests for issue 18's hostile inputs: each once crashed, hung,
// was accepted silently or was refused with a message naming no place.
#include <gtest/gtest.h>

#include <fstream>

#include "concert/core/limits.h"
#include "concert/core/scenario.h"
#include "test_util.h"

namespace concert::testing {
namespace {

const InputFormat Y = InputFormat::kYaml, J = InputFormat::kJson, K = InputFormat::kKtab;

std::string Yaml(const std::string& capability, const std::string& scale = "") {
  return "actors:\n  - {id: A, capability: " + capability +
         "}\n  - {id: B, capability: 1}\nissues:\n  - {id: x" + scale +
         "}\npositions:\n  - {actor: A, issue: x, position: 10, salience: 50}\n"
         "  - {actor: B, issue: x, position: 90, salience: 50}\n";
}

void ExpectError(const std::string& text, InputFormat format, const std::string& message,
                 int line) {
  int at = -1;
  const std::string error = ReadError(text, format, &at);
  EXPECT_NE(error.find(message), std::string::npos) << "got '" << error << "'";
  if (line > 0) {
    EXPECT_EQ(at, line) << error;
  }
}

TEST(HostileInput, BytesThatAreNotUtf8AreRefusedWithLineAndColumn) {
  ExpectError("actors:\n  - {id: \xff\xfe, capability: 1}\n", Y,
              "not valid UTF-8: byte 0xFF at column 10", 2);
  ExpectError("T,d,2,1,\nActor,Description,Power,P1,S1,\nA\xc3,a,1,10,50,\n", K,
              "not valid UTF-8: byte 0xC3", 3);
  // An overlong encoding of '/' and a UTF-16 surrogate written as UTF-8.
  ExpectError("actors: []\n# \xc0\xaf\n", Y, "byte 0xC0", 2);
  ExpectError("actors: []\n# \xed\xa0\x80\n", Y, "byte 0xED", 2);
}

TEST(HostileInput, JsonNumberOutOfRangeNamesItsLine) {
  ExpectError("{\n\"actors\": [\n {\"id\": \"A\", \"capability\": 1e400}]}\n", J,
              "the number 1e400 is out of the range of a double", 3);
}

TEST(HostileInput, JsonWithCrOnlyLineEndingsAndSurrogatePairsReads) {
  const std::string json =
      "{\"actors\": [{\"id\": \"A\", \"name\": \"\\ud83d\\ude00\", \"capability\": 1},\r"
      " {\"id\": \"B\", \"capability\": 1}],\r \"issues\": [{\"id\": \"x\"}],\r"
      " \"positions\": [{\"actor\": \"A\", \"issue\": \"x\", \"position\": 1, \"salience\": 1},"
      "\r {\"actor\": \"B\", \"issue\": \"x\", \"position\": 9, \"salience\": 1}]}\r";
  EXPECT_EQ(ReadError(json, J), "");
  const Scenario s = ReadScenario("in.json", json, J);
  EXPECT_EQ(s.actors[0].name, "\xF0\x9F\x98\x80");  // U+1F600 in UTF-8
  // An error after CR-only lines still names the right line.
  ExpectError("{\r\"actors\": [\r {\"id\": \"A\",, }]}\r", J, "invalid JSON", 3);
}

TEST(HostileInput, DuplicateKeysAreRefusedInYamlAndJson) {
  ExpectError("actors:\n  - id: A\n    capability: 1\n    capability: 2\n", Y,
              "duplicate key 'capability' (first at line 3)", 4);
  ExpectError("{\"actors\": [],\n \"actors\": []}\n", J, "duplicate key 'actors' (first at line 1)",
              2);
}

TEST(HostileInput, ASecondYamlDocumentIsRefused) {
  ExpectError(Yaml("1") + "---\n" + Yaml("2"), Y, "a second YAML document", 10);
}

TEST(HostileInput, NumbersMustBeDecimalInEveryFormat) {
  ExpectError(Yaml("0x10"), Y, "expected a number but got '0x10'", 2);
  ExpectError("T,d,2,1,\nActor,Description,Power,P1,S1,\nA,a,0x10,10,50,\nB,b,1,90,50,\n", K,
              "expected a number for the actor's power but got '0x10'", 3);
  ExpectError("T,d,2,1,\nActor,Description,Power,P1,S1,\nA,a,1,nan,50,\nB,b,1,90,50,\n", K,
              "expected a finite number", 3);
}

// Found by tests/fuzz (fuzz_reader, fuzz_order): yaml-cpp 0.7 loops for ever,
// allocating, on these; each must end in an error naming a line.
TEST(HostileInput, TextOnWhichTheYamlParserLoopsIsRefused) {
  ExpectError("[],\n[\n", Y, "the parser does not terminate", 0);
  ExpectError("{},\n {b:,\n", Y, "the parser does not terminate", 0);
  ExpectError("{\"actors\":},\r {\"id\":,\r \"issues\": [{\"id\": \"x\"}],\r \n", Y,
              "the parser does not terminate", 0);
  // The fuzzer's JSON case: control bytes are a JSON syntax error, found first.
  ExpectError("{\"actors\":\x18\b},\r {\"id\":,\r \"issues\": [{\"id\": \"x\"}],\r \b\n", J,
              "invalid JSON", 1);
}

TEST(HostileInput, DeepNestingIsRefusedWithAClearMessage) {
  const std::string deep = "actors: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  ExpectError(deep, Y, "nested too deeply", 0);
}

TEST(HostileInput, MagnitudesThatWouldOverflowOrUnderflowAreRefused) {
  ExpectError(Yaml("1.7e308"), Y, "in [0, 1e+30] but got 1.7e+308", 2);
  ExpectError(Yaml("4e-320"), Y, "expected a capability of 0 or at least 1e-12", 2);
  ExpectError(Yaml("1", ", scale: {min: -1.7e308, max: 1.7e308}"), Y, "rescale the issue", 5);
  ExpectError(Yaml("1", ", scale: {min: 0, max: 1e-13}"), Y, "at least 1e-12 apart", 5);
  EXPECT_EQ(ReadError(Yaml("1e30"), Y), "");
}

// Restores the process-wide limits when a test ends.
struct LimitsGuard {
  Limits saved = GetLimits();
  ~LimitsGuard() { SetLimits(saved); }
};

TEST(HostileInput, ActorsTimesIssuesIsCapped) {
  LimitsGuard guard;
  Limits limits = GetLimits();
  limits.max_cells = 1;
  SetLimits(limits);
  ExpectError(Yaml("1"), Y, "2 actors x 1 issues = 2 cells, more than the limit of 1", 0);
}

TEST(HostileInput, OnlyRegularFilesAndPipesWithinTheSizeCapAreRead) {
  try {
    ReadScenarioFile("/tmp");
    ADD_FAILURE() << "a directory was read";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/tmp: this is a directory; expected a scenario file");
  }
  try {
    ReadScenarioFile("/dev/zero");
    ADD_FAILURE() << "/dev/zero was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/dev/zero: this is not a regular file"),
              std::string::npos)
        << e.what();
  }
  LimitsGuard guard;
  const std::string file = ::testing::TempDir() + "concert_cap.yaml";
  std::ofstream(file) << Yaml("1");
  Limits limits = GetLimits();
  limits.max_input_bytes = 100;
  SetLimits(limits);
  try {
    ReadScenarioFile(file);
    ADD_FAILURE() << "the cap was not applied";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("the input limit is 100 bytes (raise it with "
                                         "--max-input-mb)"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace concert::testing
