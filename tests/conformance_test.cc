// Conformance: every registered model (Registry::Builtin) on every shipped
// scenario and reader format must give outcomes inside the issue's scale, the
// same bytes for the same seed, the same bytes for 1 and 2 threads, JSON that
// reads back to the same bytes, and, where the model declares it
// (ModelInfo::actor_order_invariant), the same outcomes for any actor order.
// A new model is covered by registering it.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "concert/io/read.h"
#include "concert/io/write.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

struct Case {
  std::string name;
  concert::Scenario scenario;
};

// The shipped scenarios in their formats, plus the same negotiation through the
// readers that have no shipped file (JSON, BDM CSV, DECIDE).
std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const char* f :
       {"scenarios/six_party_talks_2005.yaml", "scenarios/emission_standards_1994.yaml",
        "data/ktab_smp/SOE-Pol-Comp.csv", "data/ktab_smp/dummyData_3Dim.csv"}) {
    cases.push_back({f, ReadScenarioFile(SourceDir() + "/" + f)});
  }
  cases.push_back({"json", ReadScenario("t.json", R"({"actors": [{"id": "A", "capability": 2},
    {"id": "B", "capability": 1}, {"id": "C", "capability": 1}],
    "issues": [{"id": "x", "status_quo": 40}, {"id": "y", "scale": {"min": -5, "max": 5},
    "status_quo": 0}], "positions": [
    {"actor": "A", "issue": "x", "position": 10, "salience": 80},
    {"actor": "B", "issue": "x", "position": 90, "salience": 30},
    {"actor": "C", "issue": "x", "position": 60, "salience": 50},
    {"actor": "A", "issue": "y", "position": -5, "salience": 20},
    {"actor": "B", "issue": "y", "position": 5, "salience": 90},
    {"actor": "C", "issue": "y", "position": 2, "salience": 40}]})",
                                        InputFormat::kJson)});
  cases.push_back({"bdm", ReadScenario("t.csv",
                                       "Actor,Capability,Position,Salience\nA,30,10,80\n"
                                       "B,20,90,60\nC,10,50,90\nD,25,70,40\n",
                                       InputFormat::kBdm)});
  cases.push_back({"decide", ReadScenario("t.txt",
                                          "#A\tA\tA\n#A\tB\tB\n#A\tC\tC\n#P\tx\tx\n#P\ty\ty\n"
                                          "#M\tx\t0\tlow\n#M\tx\t100\thigh\n#M\ty\t0\tlow\n"
                                          "#M\ty\t100\thigh\n#D\tA\tx\t10\t1\t0.9\n"
                                          "#D\tB\tx\t90\t1\t0.2\n#D\tC\tx\t50\t1\t0.5\n"
                                          "#D\tA\ty\t80\t1\t0.1\n#D\tB\ty\t20\t1\t0.8\n"
                                          "#D\tC\ty\t50\t1\t0.5\n",
                                          InputFormat::kDecide)});
  return cases;
}

std::string Json(const concert::Scenario& s, const CreatedModel& m, std::uint64_t seed,
                 unsigned threads) {
  RunContext context;
  context.seed = seed;
  context.control.threads = threads;
  Forecast f = m.model->Run(s, context);
  f.model = m.spec;
  return ForecastsToJson(s, {f}, seed);
}

concert::Scenario Reversed(const concert::Scenario& s) {
  concert::Scenario r = s;
  const std::size_t n = s.num_actors();
  for (std::size_t a = 0; a < n; ++a) r.actors[a] = s.actors[n - 1 - a];
  r.resize_stances();
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    for (std::size_t a = 0; a < n; ++a) {
      if (const Stance* st = s.stance(n - 1 - a, i)) r.set_stance(a, i, *st);
    }
  }
  return r;
}

TEST(Conformance, EveryModelOnEveryScenarioAndFormat) {
  const std::vector<Case> cases = Cases();
  ASSERT_GE(Registry::Builtin().models().size(), 7u);
  for (const ModelInfo& info : Registry::Builtin().models()) {
    const CreatedModel m = CreateModel(info.name);
    for (const Case& c : cases) {
      SCOPED_TRACE(info.name + " on " + c.name);
      RunContext context;
      context.seed = 3;
      const Forecast f = m.model->Run(c.scenario, context);
      ASSERT_EQ(f.issues.size(), c.scenario.num_issues());
      for (std::size_t i = 0; i < f.issues.size(); ++i) {
        if (!f.issues[i].outcome) continue;
        const Issue& issue = c.scenario.issues[i];
        EXPECT_TRUE(std::isfinite(*f.issues[i].outcome));
        EXPECT_GE(*f.issues[i].outcome, issue.scale_min - 1e-9) << issue.id;
        EXPECT_LE(*f.issues[i].outcome, issue.scale_max + 1e-9) << issue.id;
      }
      const std::string bytes = Json(c.scenario, m, 3, 1);
      EXPECT_EQ(bytes, Json(c.scenario, m, 3, 1)) << "same seed, same bytes";
      EXPECT_EQ(bytes, Json(c.scenario, m, 3, 2)) << "1 and 2 threads";
      const auto parsed = nlohmann::ordered_json::parse(bytes);
      EXPECT_EQ(parsed.dump(2) + "\n", bytes) << "the JSON reads back to the same bytes";
      if (info.actor_order_invariant) {
        const Forecast r = m.model->Run(Reversed(c.scenario), context);
        for (std::size_t i = 0; i < f.issues.size(); ++i) {
          ASSERT_EQ(f.issues[i].outcome.has_value(), r.issues[i].outcome.has_value());
          if (f.issues[i].outcome) {
            EXPECT_NEAR(*f.issues[i].outcome, *r.issues[i].outcome, 1e-9) << "actor order";
          }
        }
      }
    }
  }
}

TEST(Conformance, TheScenarioRoundTripsThroughConvert) {
  // What `concert convert` writes reads back to the same forecasts, model by model.
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const concert::Scenario back = ReadScenario("back.yaml", ScenarioToYaml(c.scenario));
    for (const char* model : {"compromise", "bdm", "exchange"}) {
      const CreatedModel m = CreateModel(model);
      const Forecast a = m.model->Run(c.scenario, RunContext{});
      const Forecast b = m.model->Run(back, RunContext{});
      ASSERT_EQ(a.issues.size(), b.issues.size());
      for (std::size_t i = 0; i < a.issues.size(); ++i) {
        EXPECT_EQ(a.issues[i].outcome, b.issues[i].outcome) << model;
      }
    }
  }
}

// Each model's header documents its parameters (param_set.h declares them
// once in the .cc; the header's prose must name every one and its default).
TEST(Conformance, HeadersDocumentEveryParameter) {
  for (const ModelInfo& info : Registry::Builtin().models()) {
    const bool baseline = info.name == "compromise" || info.name == "median" || info.name == "nash";
    const std::string folder = baseline ? "baseline" : info.name;
    const std::string path = SourceDir() + "/src/concert/models/" + folder + "/" + folder + ".h";
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << path;
    const std::string header((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    for (const ParamInfo& p : info.params) {
      EXPECT_NE(header.find(p.name), std::string::npos) << info.name << ": " << p.name;
      EXPECT_NE(header.find(p.default_value), std::string::npos)
          << info.name << ": default of " << p.name;
    }
  }
}

// The library's JSON and the CLI's (another process, reading the file itself)
// are the same bytes.
TEST(Conformance, LibraryAndCliWriteTheSameJson) {
  const std::string path = Scenario("six_party_talks_2005.yaml");
  const concert::Scenario s = ReadScenarioFile(path);
  std::vector<Forecast> forecasts;
  for (const ModelInfo& info : Registry::Builtin().models()) {
    if (!info.by_default) continue;
    const CreatedModel m = CreateModel(info.name);
    RunContext context;
    context.seed = 9;
    Forecast f = m.model->Run(s, context);
    f.model = m.spec;
    forecasts.push_back(std::move(f));
  }
  const CliRun cli =
      Shell(std::string(CONCERT_BINARY) + " forecast " + path + " -f json --seed 9 2>/dev/null");
  EXPECT_EQ(cli.code, 0);
  EXPECT_EQ(cli.out, ForecastsToJson(s, forecasts, 9));
}

}  // namespace
}  // namespace concert::testing
