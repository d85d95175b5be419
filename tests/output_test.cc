#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "concert/io/read.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"

namespace concert {
namespace {

const char* kScenario = R"(name: "Out, test"
actors:
  - {id: A, capability: 1}
  - {id: "B,2", capability: 1}
issues:
  - {id: x, name: "Issue \"X\""}
  - {id: y}
positions:
  - {actor: A, issue: x, position: 10, salience: 100}
  - {actor: "B,2", issue: x, position: 30, salience: 100}
  - {actor: A, issue: y, position: 5, salience: 100}
)";

std::vector<Forecast> RunAll(const Scenario& s) {
  std::vector<Forecast> out;
  for (const char* spec : {"compromise", "nash"}) {
    CreatedModel m = CreateModel(spec);
    Forecast f = m.model->Run(s, RunContext{});
    f.model = m.spec;
    out.push_back(f);
  }
  return out;
}

TEST(JsonOutput, FollowsTheContract) {
  Scenario s = ReadScenario("o.yaml", kScenario);
  auto json = nlohmann::json::parse(ForecastsToJson(s, RunAll(s), 42));
  EXPECT_EQ(json["scenario"]["name"], "Out, test");
  EXPECT_EQ(json["scenario"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(json["seed"], 42);
  ASSERT_EQ(json["forecasts"].size(), 2u);
  const auto& compromise = json["forecasts"][0];
  EXPECT_EQ(compromise["model"], "compromise");
  ASSERT_EQ(compromise["issues"].size(), 2u);
  const auto& x = compromise["issues"][0];
  EXPECT_EQ(x["id"], "x");
  EXPECT_EQ(x["name"], "Issue \"X\"");
  EXPECT_DOUBLE_EQ(x["outcome"].get<double>(), 20.0);
  ASSERT_EQ(x["rounds"].size(), 1u);
  EXPECT_EQ(x["rounds"][0]["round"], 0);
  EXPECT_DOUBLE_EQ(x["rounds"][0]["positions"]["B,2"].get<double>(), 30.0);
  // Actor A alone on y; B has no stance, so no entry.
  EXPECT_FALSE(compromise["issues"][1]["rounds"][0]["positions"].contains("B,2"));
  const auto& nash = json["forecasts"][1];
  EXPECT_EQ(nash["model"], "nash(weight=capability)");
  EXPECT_TRUE(nash["issues"][0]["outcome"].is_null());
  EXPECT_TRUE(nash["issues"][0].contains("note"));
}

TEST(CsvOutput, TidyLongFormatWithQuoting) {
  Scenario s = ReadScenario("o.yaml", kScenario);
  std::string csv = ForecastsToCsv(s, RunAll(s));
  EXPECT_EQ(csv,
            "model,issue,round,actor,position,outcome\n"
            "compromise,x,0,A,10,20\n"
            "compromise,x,0,\"B,2\",30,20\n"
            "compromise,y,0,A,5,5\n"
            "nash(weight=capability),x,0,A,10,\n"
            "nash(weight=capability),x,0,\"B,2\",30,\n"
            "nash(weight=capability),y,0,A,5,\n");
  EXPECT_EQ(CsvField("a\"b"), "\"a\"\"b\"");
}

// One row per model and issue: compromise's outcomes by hand, (10 + 30) / 2 =
// 20 on x and 5 on y; nash has no outcome without a status quo, and says why.
TEST(CsvOutput, OutcomesTableHasOneRowPerModelAndIssue) {
  Scenario s = ReadScenario("o.yaml", kScenario);
  const std::string csv = ForecastsToCsv(s, RunAll(s), "outcomes");
  EXPECT_EQ(csv.substr(0, csv.find("nash")),
            "model,issue,outcome,note\n"
            "compromise,x,20,\n"
            "compromise,y,5,\n");
  const std::string nash = csv.substr(csv.find("nash"));
  EXPECT_EQ(nash.rfind("nash(weight=capability),x,,", 0), 0u) << nash;
  EXPECT_GT(nash.find('\n'), std::string("nash(weight=capability),x,,").size()) << nash;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
}

// OWASP's guard against CSV injection: a text cell a spreadsheet would run as
// a formula is quoted behind an apostrophe; numbers are not text cells.
TEST(CsvOutput, FormulaLikeTextIsDefused) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "\"'+1\"");
  EXPECT_EQ(CsvField("-cmd"), "\"'-cmd\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvField("\tx"), "\"'\tx\"");
  EXPECT_EQ(CsvField("a=b"), "a=b");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvNumber(-1.5), "-1.5");
  EXPECT_EQ(CsvNumber(std::nan("")), "");
  EXPECT_EQ(CsvNumber(-std::numeric_limits<double>::infinity()), "");
}

TEST(TextOutput, NamesModelsIssuesAndNotes) {
  Scenario s = ReadScenario("o.yaml", kScenario);
  std::string text = ForecastsToText(s, RunAll(s));
  EXPECT_NE(text.find("compromise"), std::string::npos);
  EXPECT_NE(text.find("20.00"), std::string::npos);
  EXPECT_NE(text.find("no status quo"), std::string::npos);
}

// Determinism across runs, threads and processes is checked for every model in
// conformance_test.cc; here, that the writers depend on the forecasts alone: two
// scenarios read from differently formatted texts of the same negotiation give
// the same bytes (but for the input's hash).
TEST(Output, BytesDependOnTheNegotiationNotTheText) {
  Scenario a = ReadScenario("o.yaml", kScenario);
  Scenario b = ReadScenario("o.yaml", std::string(kScenario) + "\n# a comment\n");
  EXPECT_NE(a.sha256, b.sha256);
  b.sha256 = a.sha256;
  EXPECT_EQ(ForecastsToJson(a, RunAll(a), 1), ForecastsToJson(b, RunAll(b), 1));
  EXPECT_EQ(ForecastsToCsv(a, RunAll(a)), ForecastsToCsv(b, RunAll(b)));
}

}  // namespace
}  // namespace concert
