// Malformed inputs: each must be rejected with a message naming the place and
// what was expected. Messages are asserted by substring; lines where the format has them.
#include <gtest/gtest.h>

#include "test_util.h"

namespace concert::testing {
namespace {

struct BadInput {
  const char* label;
  InputFormat format;
  std::string text;
  std::string message;  // expected substring of the error
  int line;             // expected line; 0 = not checked
};

const char* kHead = "actors:\n  - {id: A, capability: 1}\nissues:\n  - {id: x}\npositions:\n";

std::vector<BadInput> Cases() {
  const InputFormat Y = InputFormat::kYaml, J = InputFormat::kJson, K = InputFormat::kKtab,
                    D = InputFormat::kDecide, B = InputFormat::kBdm;
  const std::string ok = "  - {actor: A, issue: x, position: 50, salience: 50}\n";
  const std::string ktab_head = "T,d,2,1,\nActor,Description,Power,P1,S1,\n";
  return {
      {"empty yaml", Y, "", "the file is empty", 0},
      {"yaml syntax", Y, "actors: [\n  - a: b\n", "invalid YAML", 0},
      {"json syntax", J, "{\n  \"actors\": [,]\n}", "invalid JSON", 2},
      {"unknown field", Y, "actors:\n  - {id: A, capabilty: 1}\n",
       "unknown field 'capabilty'; expected one of: id, name, capability", 2},
      {"missing capability", Y, "actors:\n  - {id: A}\nissues: []\npositions: []\n",
       "missing required field 'capability'", 2},
      {"not a number", Y, "actors:\n  - {id: A, capability: lots}\n",
       "field 'actors[0].capability': expected a number but got 'lots'", 2},
      {"duplicate actor", Y,
       "actors:\n  - {id: A, capability: 1}\n  - {id: A, capability: 2}\nissues:\n  - {id: x}\n"
       "positions:\n" +
           ok,
       "duplicate actor id 'A'", 3},
      {"unknown actor", Y,
       kHead + std::string("  - {actor: Z, issue: x, position: 1, salience: 1}\n"),
       "unknown actor id 'Z'", 6},
      {"unknown issue", Y,
       kHead + std::string("  - {actor: A, issue: q, position: 1, salience: 1}\n"),
       "unknown issue id 'q'", 6},
      {"position off scale", Y,
       kHead + std::string("  - {actor: A, issue: x, position: 101, salience: 1}\n"),
       "expected position on the scale of issue 'x' in [0, 100] but got 101", 6},
      {"negative salience", Y,
       kHead + std::string("  - {actor: A, issue: x, position: 1, salience: -3}\n"),
       "expected salience in [0, 100] but got -3", 6},
      {"salience over 100", Y,
       kHead + std::string("  - {actor: A, issue: x, position: 1, salience: 250}\n"),
       "expected salience in [0, 100] but got 250", 6},
      {"negative capability", Y,
       "actors:\n  - {id: A, capability: -1}\nissues:\n  - {id: x}\npositions:\n" + ok,
       "expected capability (a number >= 0) in [0, 1e+30] but got -1", 2},
      {"nan capability", Y,
       "actors:\n  - {id: A, capability: .nan}\nissues:\n  - {id: x}\npositions:\n" + ok,
       "expected a finite capability", 2},
      {"issue without stances", Y,
       "actors:\n  - {id: A, capability: 1}\nissues:\n  - {id: x}\n  - {id: y}\npositions:\n" + ok,
       "issue 'y' has no actor with a stance on it", 5},
      {"scale reversed", Y,
       "actors:\n  - {id: A, capability: 1}\nissues:\n  - {id: x, scale: {min: 5, max: 1}}\n"
       "positions:\n" +
           ok,
       "expected finite min < max but got min 5 and max 1", 4},
      {"range misses value", Y,
       kHead + std::string("  - {actor: A, issue: x, position: {value: 5, range: [10, 20]}, "
                           "salience: 1}\n"),
       "expected the range [10, 20] to contain the value 5", 6},
      {"duplicate stance", Y, kHead + ok + ok, "duplicate stance of actor 'A' on issue 'x'", 7},
      {"no actors", Y, "actors: []\nissues: []\npositions: []\n", "expected at least one actor", 0},
      {"ktab columns", K, ktab_head + "A,a,1,50\nB,b,1,50,50\n", "expected 5 columns but got 4", 3},
      {"ktab salience sum", K,
       "T,d,2,2,\nActor,Description,Power,P1,S1,P2,S2\n"
       "A,a,1,50,70,50,40\nB,b,1,50,50,50,50\n",
       "saliences of actor 'A' to sum to at most 100 (a KTAB rule) but they sum to 110", 3},
      {"ktab actor count", K, ktab_head + "A,a,1,50,50\n",
       "the first line announces 2 actors but the file has 1 actor rows", 1},
      {"ktab bad power", K, ktab_head + "A,a,strong,50,50\nB,b,1,50,50\n",
       "field 'Power': expected a number for the actor's power but got 'strong'", 3},
      {"decide unknown tag", D, "'#A'\t'a'\n'#X'\t'a'\n",
       "expected a line starting with #A, #P, #M, #D, #/ or #O but got '#X'", 2},
      {"decide short #D", D, "'#A'\t'a'\n'#P'\t'p'\n'#D'\t'a'\t'p'\t50\n",
       "expected a #D line with tab-separated fields: #D, actor id, issue id, position, salience, "
       "power; got 4 fields",
       3},
      {"bdm header", B, "Actor,Capability,Position\nA,1,2\n",
       "expected the header Actor,Capability,Position,Salience (4 columns) but got 3 columns", 1},
      {"bdm number", B, "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,x,0.5\n",
       "field 'Position': expected a number for a position but got 'x'", 3},
      {"bdm infinite", B, "Actor,Capability,Position,Salience\nA,inf,2,0.5\n",
       "expected a finite number for a capability but got 'inf'", 2},
      {"bdm without header", B, "A,0.5,4,0.8\nB,0.5,6,0.8\n", "expected a header line", 1},
      {"decide scale of unknown issue", D, "'#A'\t'a'\n'#M'\t'q'\t0\n",
       "scale points for unknown issue 'q'", 2},
      {"cannot detect", InputFormat::kAuto, "hello world\n", "cannot tell the format", 0},
  };
}

TEST(BadInput, EachIsRejectedWithItsMessage) {
  std::vector<BadInput> cases = Cases();
  EXPECT_GE(cases.size(), 15u);
  for (const BadInput& c : cases) {
    int line = -1;
    std::string message = ReadError(c.text, c.format, &line);
    EXPECT_NE(message.find(c.message), std::string::npos)
        << c.label << ": got '" << message << "', expected it to contain '" << c.message << "'";
    if (c.line > 0) {
      EXPECT_EQ(line, c.line) << c.label << ": " << message;
    }
    EXPECT_EQ(message.rfind("in.txt", 0), 0u) << c.label << ": message names the file";
  }
}

TEST(BadInput, UnknownInputFormatListsTheValidOnes) {
  try {
    ParseInputFormat("xml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("expected one of: auto, yaml, json, ktab, decide, bdm"),
              std::string::npos)
        << e.what();
  }
}

TEST(BadInput, MissingFile) {
  try {
    ReadScenarioFile("/nonexistent/file.yaml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "/nonexistent/file.yaml: cannot open the file for reading: No such file or directory");
  }
}

}  // namespace
}  // namespace concert::testing
