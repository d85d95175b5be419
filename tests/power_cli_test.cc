// `concert power` as a user runs it: flags and rule files, the JSON and CSV
// contracts, multiple majorities, thread invariance and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_util.h"

namespace concert::testing {
namespace {

std::string Rule(const std::string& name) { return SourceDir() + "/data/voting/" + name; }

nlohmann::json PowerJson(const std::string& args) {
  const CliRun r = Concert("power -q -f json " + args);
  EXPECT_EQ(r.code, 0) << r.out;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(PowerCli, FlagsAndTheShippedRuleAgree) {
  // The EEC Council of 1958 (hand calculation in power_index_test.cc).
  const nlohmann::json flags =
      PowerJson("--weights 4,4,4,2,2,1 --quota 12 --names FR,DE,IT,BE,NL,LU");
  const nlohmann::json file = PowerJson("--rule " + Rule("eec_1958.yaml"));
  ASSERT_TRUE(flags.is_object());
  ASSERT_EQ(flags["players"].size(), 6u);
  EXPECT_EQ(flags["players"][0]["name"], "FR");
  EXPECT_EQ(flags["players"][0]["weight"], 4.0);
  EXPECT_NEAR(flags["players"][0]["shapley_shubik"].get<double>(), 7.0 / 30, 1e-15);
  EXPECT_NEAR(flags["players"][3]["banzhaf"].get<double>(), 1.0 / 7, 1e-15);
  EXPECT_EQ(flags["players"][5]["swings"], 0.0);
  EXPECT_EQ(flags["players"], file["players"]);
  EXPECT_EQ(file["criteria"][0]["name"], "votes");
  EXPECT_EQ(file["criteria"][0]["quota"], 12.0);
  EXPECT_EQ(file["criteria"][0]["total"], 17.0);
  const CliRun text = Concert("power --rule " + Rule("eec_1958.yaml"));
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("Shapley-Shubik"), std::string::npos);
  EXPECT_NE(text.out.find("0.2333"), std::string::npos);
  EXPECT_NE(Concert("power --help").out.find("--quota"), std::string::npos);
}

TEST(PowerCli, CsvReadsAsATidyTable) {
  const CliRun r = Concert("power -q -f csv --rule " + Rule("nice_eu27.yaml"));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("name,weight,weight_2,weight_3,shapley_shubik,banzhaf,banzhaf_absolute,"
                        "swings,shapley_shubik_se,banzhaf_absolute_se\n",
                        0),
            0u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 28);
  EXPECT_NE(r.out.find("\nMT,3,1,0.379,"), std::string::npos);
}

TEST(PowerCli, AShareQuotaAndSeveralCriteria) {
  // 62% of a total weight of 100 is 62; the second criterion (a majority of
  // two of three) makes the rule the first one's intersection with it.
  const nlohmann::json share = PowerJson("--weights 50,30,20 --quota 62%");
  const nlohmann::json plain = PowerJson("--weights 50,30,20 --quota 62");
  EXPECT_EQ(share["players"], plain["players"]);
  const nlohmann::json two = PowerJson("--weights 50,30,20 --quota 50 --weights 1,1,1 --quota 2");
  ASSERT_EQ(two["criteria"].size(), 2u);
  EXPECT_EQ(two["players"][0]["weights"], nlohmann::json::parse("[50.0, 1.0]"));
  // Any two of the three win (50 + 20 >= 50, 30 + 20 = 50): 1/3 each.
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(two["players"][i]["shapley_shubik"].get<double>(), 1.0 / 3, 1e-15);
  }
}

TEST(PowerCli, SameBytesForAnyThreadCount) {
  for (const char* method :
       {"monte-carlo --samples 50000 --seed 4", "enumeration", "generating-functions"}) {
    const std::string args =
        std::string("power -q -f json --rule ") + Rule("eu15_qmv.yaml") + " --method " + method;
    const CliRun one = Concert(args + " --threads 1"), two = Concert(args + " --threads 2");
    EXPECT_EQ(one.code, 0) << one.out;
    EXPECT_EQ(one.out, two.out) << method;
  }
  const nlohmann::json mc = PowerJson("--rule " + Rule("eu15_qmv.yaml") +
                                      " --method monte-carlo --samples 1000 --seed 4");
  EXPECT_EQ(mc["samples"], 1000);
  EXPECT_GT(mc["players"][0]["shapley_shubik_se"].get<double>(), 0);
}

TEST(PowerCli, BadInputExitsOneWithFileLineAndField) {
  auto fails = [](const std::string& args, const std::string& message) {
    const CliRun r = Concert("power -q " + args);
    EXPECT_EQ(r.code, 1) << args << "\n" << r.out;
    EXPECT_NE(r.out.find(message), std::string::npos) << args << "\n" << r.out;
  };
  fails("--weights 4,4,1 --quota 10", "quota 10 is not in (0, 9]");
  fails("--weights 4,x,1 --quota 5", "'x' in '4,x,1' is not a number");
  fails("--weights 4,4,1 --quota 5 --names A,B", "2 names for 3 weights");
  fails("--weights 4,4,1 --quota 5 --weights 1,1,1", "2 lists of weights and 1 quotas");
  fails("--weights 4,4,1 --quota five", "quota 'five'");
  fails("--weights 0.5,1 --quota 1 --method generating-functions", "need integer weights");
  fails("", "give --weights and --quota");
  fails("--rule /nonexistent.yaml", "/nonexistent.yaml");
  const std::string path = TempPath("bad_rule.yaml");
  std::ofstream(path) << "criteria:\n  - {name: votes, quota: 12}\nplayers:\n"
                         "  - {name: FR, weights: [4]}\n  - {name: DE, weights: [4, 1]}\n";
  fails("--rule " + path,
        path + ":5: field 'players[1].weights': 2 numbers; expected one per criterion");
  std::ofstream(path) << "criteria:\n  - {name: votes, quota: 99}\nplayers:\n"
                         "  - {name: FR, weights: [4]}\n";
  fails("--rule " + path, path + ":2: field 'criteria[0].quota': 99 is not in (0, 4]");
  std::ofstream(path) << "criteria:\n  - {name: votes, quota: 1}\nplayers:\n"
                         "  - {name: FR, weights: [4]}\n  - {name: FR, weights: [1]}\n";
  fails("--rule " + path, ":5: field 'players[1].name': 'FR' is players[0] too");
  const std::string out = TempPath("power_out.json");
  std::remove(out.c_str());
  fails("--weights 4,4,1 --quota 10 -o " + out, "quota 10");
  EXPECT_FALSE(std::ifstream(out).good());
}

}  // namespace
}  // namespace concert::testing
