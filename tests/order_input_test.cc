// Bad order sections get an error naming file, line and field (io/order_reader.h).
#include <gtest/gtest.h>

#include "concert/io/order_reader.h"
#include "concert/order/run_order.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// A small valid section; each test breaks one thing in it.
const char* kValid = R"(name: two powers
order:
  leader: A
  years: [2000, 2010]
  base_year: 2002
  economic_weight: 0.5
  hierarchy_premium: 0.1
  challenge_cost: 0.03
  provision_cost: 0.01
  reciprocity: 0.5
  voice_adjustment: 0.03
  renegotiation_rate: 0.15
  defaults:
    relative_gains: {value: 0.5, range: [0.0, 1.0]}
    burden: 0.01
    benefit: 0.05
    interdependence: 0.02
    crisis_shock: 0.0
  actors:
    - id: A
      economy: {2000: 100, 2001: 102, 2002: 104}
      military: {2000: 10, 2001: 10, 2002: 10}
      growth: {value: 0.02, range: [0.01, 0.03]}
      military_growth: 0.02
      voice: 0.7
    - id: B
      economy: {2000: 50, 2001: 55, 2002: 60}
      military: {2000: 2, 2001: 3, 2002: 4}
      growth: 0.08
      military_growth: 0.1
      voice: 0.3
  presets:
    - name: hawk
      actors:
        B: {relative_gains: 0.9}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The message of reading `text`, or "" when it reads.
std::string Error(const std::string& text, int* line = nullptr) {
  try {
    ReadOrder("two.yaml", text);
  } catch (const InputError& e) {
    if (line) *line = e.where().line;
    return e.what();
  }
  return "";
}

TEST(OrderInput, TheValidSectionReads) {
  const OrderSpec spec = ReadOrder("two.yaml", kValid);
  EXPECT_EQ(spec.actors.size(), 2u);
  EXPECT_EQ(spec.leader_index(), 0u);
  EXPECT_EQ(spec.actors[1].numbers[kRelativeGains].uncertainty.kind, Uncertainty::Kind::kRange);
  const OrderSpec hawk = ApplyPreset(spec, "hawk");
  EXPECT_EQ(hawk.actors[1].numbers[kRelativeGains].value, 0.9);
  EXPECT_EQ(hawk.actors[0].numbers[kRelativeGains].value, 0.5);
}

// Found by tests/fuzz/fuzz_order: text on which yaml-cpp 0.7 loops for ever;
// the order reader must end it in an error with a line.
TEST(OrderInput, TextOnWhichTheYamlParserLoops) {
  int line = 0;
  const std::string e = Error("{},\n {b:,\n", &line);
  EXPECT_NE(e.find("the parser does not terminate"), std::string::npos) << e;
  EXPECT_GT(line, 0);
}

TEST(OrderInput, InvertedGrowthRange) {
  int line = 0;
  const std::string e = Error(Replace(kValid, "range: [0.01, 0.03]", "range: [0.03, 0.01]"), &line);
  EXPECT_NE(e.find("two.yaml:23"), std::string::npos) << e;
  EXPECT_NE(e.find("order.actors[0].growth.range"), std::string::npos) << e;
  EXPECT_NE(e.find("low <= value <= high"), std::string::npos) << e;
  EXPECT_EQ(line, 23);
}

TEST(OrderInput, UnknownActorInAPreset) {
  const std::string e =
      Error(Replace(kValid, "        B: {relative_gains", "        X: {relative_gains"));
  EXPECT_NE(e.find("two.yaml:35"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown actor 'X' in preset 'hawk'"), std::string::npos) << e;
  EXPECT_NE(e.find("A, B"), std::string::npos) << e;
}

TEST(OrderInput, VoiceSharesNotSummingToOne) {
  const std::string e = Error(Replace(kValid, "voice: 0.3", "voice: 0.4"));
  EXPECT_NE(e.find("two.yaml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("order.actors[].voice"), std::string::npos) << e;
  EXPECT_NE(e.find("sum to 1.1000"), std::string::npos) << e;
}

TEST(OrderInput, OtherMistakes) {
  const std::pair<std::pair<std::string, std::string>, std::string> cases[] = {
      {{"leader: A", "leader: Z"}, "'order.leader': unknown actor 'Z'"},
      {{"reciprocity: 0.5", "reciprocity: 1.5"},
       "'order.reciprocity': expected a number in [0, 1]"},
      {{"  reciprocity: 0.5\n", ""}, "missing required field 'reciprocity'"},
      {{"      growth: 0.08\n", ""}, "'order.actors[1].growth': missing required field 'growth'"},
      {{"2001: 55, 2002: 60", "2002: 55, 2003: 60"}, "expected consecutive years"},
      {{"years: [2000, 2010]", "years: [2010, 2000]"}, "expected first <= last"},
      {{"base_year: 2002", "base_year: 1999"}, "the data start in 2000, after base_year 1999"},
      {{"    - id: B", "    - id: A"}, "duplicate actor id 'A'"},
      {{"  leader: A", "  leader: A\n  colour: red"}, "'order.colour': unknown field 'colour'"},
      {{"growth: 0.08", "growth: fast"}, "expected a number but got 'fast'"},
      {{"growth: 0.08", "growth: .nan"}, "expected a finite number"},
      // A shock that would make the projected economy negative is refused, not clamped.
      {{"crisis_shock: 0.0", "crisis_shock: -0.9"}, "expected a number in [-0.5, 0.5]"},
  };
  for (const auto& [edit, expected] : cases) {
    const std::string e = Error(Replace(kValid, edit.first, edit.second));
    EXPECT_NE(e.find(expected), std::string::npos) << "got: " << e;
    EXPECT_NE(e.find("two.yaml:"), std::string::npos) << e;
  }
  EXPECT_NE(Error("name: x\n").find("has no 'order' section"), std::string::npos);
  EXPECT_NE(Error("order: [\n").find("invalid YAML"), std::string::npos);
}

TEST(OrderInput, RequestErrorsNameTheField) {
  OrderRequest request;
  request.spec = ReadOrder("two.yaml", kValid);
  auto field = [&](const OrderRequest& r) {
    try {
      RunOrder(r);
    } catch (const InputError& e) {
      return e.where().field;
    }
    return std::string("no error");
  };
  OrderRequest r = request;
  r.preset = "dove";
  EXPECT_EQ(field(r), "preset");
  r = request;
  r.first_year = 1990;
  EXPECT_EQ(field(r), "years");
  r = request;
  r.relative_gains = 1.5;
  EXPECT_EQ(field(r), "relative_gains");
  r = request;
  r.sensitivity = true;
  EXPECT_EQ(field(r), "sensitivity");
}

}  // namespace
}  // namespace concert::testing
