// The command-line program as a user runs it: exit codes, outputs, no partial files.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_util.h"
#include "test_util.h"

namespace concert::testing {
namespace {

TEST(Cli, ForecastTextTableByDefault) {
  CliRun r = Concert(Scenario("six_party_talks_2005.yaml"));
  EXPECT_EQ(r.code, 2) << "a subcommand is required";
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml"));
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* word :
       {"nuclear", "refugees", "missiles", "unification", "compromise", "median", "nash"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST(Cli, ForecastJsonOnEmission) {
  CliRun r = Concert("forecast " + Scenario("emission_standards_1994.yaml") +
                     " --model compromise --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  auto json = nlohmann::json::parse(r.out);
  EXPECT_NEAR(json["forecasts"][0]["issues"][0]["outcome"].get<double>(), 7.389955686853767, 1e-9);
}

TEST(Cli, CsvToFile) {
  std::string out = TempPath("out.csv");
  std::remove(out.c_str());
  CliRun r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") +
                     " --model median --format csv -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream in(out);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "model,issue,round,actor,position,outcome");
  int rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_EQ(rows, 24);  // 6 actors x 4 issues, one round
}

TEST(Cli, BadInputExitsOneAndLeavesNoFile) {
  std::string bad = TempPath("bad.yaml");
  std::ofstream(bad) << "actors:\n  - {id: A, capability: -1}\nissues: [{id: x}]\n"
                        "positions: [{actor: A, issue: x, position: 1, salience: 1}]\n";
  std::string out = TempPath("never.json");
  std::remove(out.c_str());
  CliRun r = Concert("forecast " + bad + " --format json -o " + out);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find(bad + ":2: field 'actors[0].capability'"), std::string::npos) << r.out;
  EXPECT_FALSE(FileExists(out));
}

TEST(Cli, UnknownModelAndOptionExitCodes) {
  CliRun r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") + " --model bmd");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("registered models: compromise, median, nash, bdm, exchange"),
            std::string::npos);
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") + " --format xml");
  EXPECT_EQ(r.code, 2);
  r = Concert("forecast /nonexistent.yaml");
  EXPECT_EQ(r.code, 1);
}

TEST(Cli, ValidateAndConvert) {
  CliRun r = Concert("validate " + Scenario("six_party_talks_2005.yaml"));
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "ok: 6 actors, 4 issues, 24 stances\n");
  std::string ktab = TempPath("k.csv");
  std::ofstream(ktab) << "T,d,2,1,\nActor,Description,Power,P1,S1,\nA,a,1,20,50\nB,b,3,60,50\n";
  std::string yaml = TempPath("k.yaml");
  r = Concert("convert " + ktab + " --input-format ktab -o " + yaml);
  ASSERT_EQ(r.code, 0) << r.out;
  r = Concert("forecast " + yaml + " --model compromise --format csv");
  EXPECT_EQ(r.code, 0) << r.out;
  // (1*20 + 3*60) / 4 = 50
  EXPECT_NE(r.out.find("compromise,p1,0,A,20,50\n"), std::string::npos) << r.out;
}

TEST(Cli, ModelsJsonListsParameters) {
  CliRun r = Concert("models --format json");
  ASSERT_EQ(r.code, 0);
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 7u);
  EXPECT_EQ(json[2]["name"], "nash");
  EXPECT_EQ(json[2]["parameters"][0]["default"], "capability");
}

TEST(Cli, ExplainSaysWhyAnActorMoved) {
  CliRun r = Concert("forecast " + Scenario("emission_standards_1994.yaml") +
                     " -m 'bdm(rounds=1)' --explain BEL");
  ASSERT_EQ(r.code, 0) << r.out;
  // Round 1 of the reference run: Belgium takes France's compromise offer.
  EXPECT_NE(r.out.find("accepts the compromise offer of FRA: moves from 7 to 8.4159323154"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("path by round"), std::string::npos);
  r = Concert("forecast " + Scenario("emission_standards_1994.yaml") + " -m bdm --explain XX");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("unknown actor 'XX'"), std::string::npos);
}

TEST(Cli, ExchangeTablesAndTradesInWords) {
  CliRun r =
      Concert("forecast " + Scenario("six_party_talks_2005.yaml") + " -m 'exchange(rounds=1)'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(" moves "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("gain"), std::string::npos);
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") +
              " -m 'exchange(rounds=1)' -f csv --table exchanges");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("model,round,order,i_actor,i_supply,i_demand,", 0), 0u) << r.out;
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") +
              " -m 'exchange(rounds=1)' -f csv --table actors");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("model,actor,gain,inner_positive,inner_negative,outer_positive,"
                        "outer_negative\n",
                        0),
            0u)
      << r.out;
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") +
              " -m 'exchange(rounds=1,p=0.5)' --seed 7");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(" gains "), std::string::npos) << r.out;  // two different gains
  r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") +
              " -m 'exchange(variant=random-rate,p=0.5)'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("leave p at 0"), std::string::npos) << r.out;
}

// Randomised exchange rates under Monte Carlo: every draw's model seed comes
// from (seed, draw), so the output does not depend on the thread count.
TEST(Cli, ExchangeRandomisedMonteCarloIndependentOfThreads) {
  for (const char* model : {"exchange(p=0.3)", "exchange(variant=random-rate)"}) {
    const std::string base = "forecast " + Scenario("six_party_talks_2005.yaml") + " -m '" + model +
                             "' --draws 40 --seed 7 -f json";
    CliRun one = Concert(base + " --threads 1");
    CliRun two = Concert(base + " --threads 2");
    ASSERT_EQ(one.code, 0) << one.out;
    EXPECT_EQ(one.out, two.out) << model;
    EXPECT_NE(one.out.find("\"monte_carlo\""), std::string::npos);
  }
}

TEST(Cli, MonteCarloDraws) {
  const std::string base = "forecast " + Scenario("six_party_talks_2005.yaml") +
                           " -m compromise --draws 300 --seed 4 --band nuclear=50:80";
  CliRun one = Concert(base + " --threads 1 -f json");
  CliRun two = Concert(base + " --threads 2 -f json");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  auto json = nlohmann::json::parse(one.out);
  const auto& mc = json["forecasts"][0]["monte_carlo"];
  EXPECT_EQ(mc["draws"], 300);
  EXPECT_EQ(mc["issues"][0]["id"], "nuclear");
  EXPECT_TRUE(mc["issues"][0]["quantiles"].contains("50"));
  EXPECT_EQ(mc["issues"][0]["bands"].size(), 1u);
  CliRun csv = Concert(base + " -f csv --table monte-carlo");
  ASSERT_EQ(csv.code, 0) << csv.out;
  EXPECT_EQ(csv.out.rfind("model,issue,statistic,value\n", 0), 0u);
  CliRun bad = Concert(base + " --band 80");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("expected LOW:HIGH or ISSUE=LOW:HIGH but got '80'"), std::string::npos)
      << bad.out;
}

TEST(Cli, HelpExplainsSubcommands) {
  CliRun r = Concert("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* word : {"forecast", "models", "validate", "convert"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

// main.cc builds only the subcommand named on the command line: each one that
// --help lists still answers, and --version needs none.
TEST(Cli, EverySubcommandListedAnswersItsHelp) {
  CliRun help = Concert("--help");
  ASSERT_EQ(help.code, 0);
  const std::size_t from = help.out.find("Subcommands:\n");
  ASSERT_NE(from, std::string::npos) << help.out;
  std::istringstream lines(help.out.substr(from));
  std::string line, name;
  std::getline(lines, line);
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("  ", 0) != 0 || line[2] == ' ') continue;
    name = line.substr(2, line.find(' ', 2) - 2);
    CliRun r = Concert(name + " --help");
    EXPECT_EQ(r.code, 0) << name << ": " << r.out;
    EXPECT_NE(r.out.find("concert " + name + " [OPTIONS]"), std::string::npos) << name << r.out;
    ++count;
  }
  EXPECT_EQ(count, 14);
  CliRun version = Concert("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, "concert 0.1.0\n");
}

TEST(Cli, SmpStochasticDrawsDoNotDependOnThreads) {
  const std::string base = "forecast " + Scenario("six_party_talks_2005.yaml") +
                           " -m 'smp(transitions=stochastic)' --draws 40 --seed 9 -q";
  CliRun one = Concert(base + " --threads 1 -f json");
  CliRun two = Concert(base + " --threads 2 -f json");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
}

TEST(Cli, SmpTablesOfChallengesAndDistinctPositions) {
  const std::string base = "forecast " + Scenario("six_party_talks_2005.yaml") + " -m smp -f csv";
  CliRun challenges = Concert(base + " --table challenges");
  ASSERT_EQ(challenges.code, 0) << challenges.out;
  EXPECT_EQ(challenges.out.rfind("model,round,initiator,receiver,probability,gain,", 0), 0u);
  // Turn 1: the US challenges the DPRK (one row per issue).
  EXPECT_NE(challenges.out.find(",1,USA,PRK,"), std::string::npos) << challenges.out;
  CliRun distinct = Concert(base + " --table distinct");
  ASSERT_EQ(distinct.code, 0) << distinct.out;
  EXPECT_EQ(distinct.out.rfind("model,round,position,actors,probability,issue,value\n", 0), 0u);
  CliRun json = Concert("forecast " + Scenario("six_party_talks_2005.yaml") + " -m smp -f json");
  auto j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(j["forecasts"][0]["challenges"][0]["bargain"]["initiator"].contains("nuclear"));
  EXPECT_TRUE(j["forecasts"][0]["distinct_positions"][0].contains("probability"));
}

TEST(Cli, SmpExplainsAnActorsTurns) {
  CliRun r = Concert("forecast " + Scenario("six_party_talks_2005.yaml") + " -m smp --explain PRK");
  ASSERT_EQ(r.code, 0) << r.out;
  // Turn 1 (the challenge table above): Japan challenges the DPRK and both adopt the bargain.
  const std::size_t turn1 = r.out.find("turn 1: at (nuclear 15.00");
  ASSERT_NE(turn1, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("adopts the bargain of JPN challenging PRK", turn1), std::string::npos)
      << r.out;
}

TEST(Cli, ConvertKeepsTheInstitutionSection) {
  const std::string converted = TempPath("six_party_converted.yaml");
  ASSERT_EQ(Concert("convert " + Scenario("six_party_talks_2005.yaml") + " -o " + converted).code,
            0);
  auto designs = [](const std::string& file) {
    CliRun r = Concert("simulate " + file + " --draws 100 -f json");
    EXPECT_EQ(r.code, 0) << r.out;
    return nlohmann::json::parse(r.out)["designs"];
  };
  EXPECT_EQ(designs(converted), designs(Scenario("six_party_talks_2005.yaml")));
}

TEST(Cli, ReportHasTheComplianceSectionWhenTheScenarioHasAnInstitution) {
  auto page = [](const std::string& scenario) {
    const std::string html = TempPath("report_institution.html");
    EXPECT_EQ(Concert("report " + scenario + " -m compromise -q -o " + html).code, 0);
    std::ifstream in(html);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string six = page(Scenario("six_party_talks_2005.yaml"));
  for (const char* part : {"Will the agreement hold?", "The designs side by side", "all three",
                           "From the bargain to a lasting agreement", "Survival once signed"}) {
    EXPECT_NE(six.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(page(Scenario("emission_standards_1994.yaml")).find("Will the agreement hold?"),
            std::string::npos);
}

TEST(Cli, ValidateChecksTheInstitutionSection) {
  const std::string head =
      "actors: [{id: A, capability: 1}, {id: B, capability: 1}]\n"
      "issues: [{id: x, status_quo: 0}]\n"
      "positions: [{actor: A, issue: x, position: 10, salience: 50},\n"
      "            {actor: B, issue: x, position: 90, salience: 50}]\n";
  auto validate = [&](const std::string& name, const std::string& text) {
    const std::string file = TempPath(name);
    std::ofstream(file) << text;
    return Concert("validate " + file);
  };
  CliRun nan =
      validate("nan_sd.yaml", head + "institution:\n  monitoring: {value: 0.5, sd: .nan}\n");
  EXPECT_EQ(nan.code, 1);
  EXPECT_NE(nan.out.find("field 'institution.monitoring.sd': expected a finite number"),
            std::string::npos)
      << nan.out;
  CliRun both = validate("range_sd.yaml", head +
                                              "institution:\n  monitoring: {value: 0.5, "
                                              "range: [0.4, 0.6], sd: 0.1}\n");
  EXPECT_EQ(both.code, 1);
  EXPECT_NE(both.out.find(":6: field 'institution.monitoring': expected either 'range' or 'sd'"),
            std::string::npos)
      << both.out;
  CliRun model = validate("bad_model.yaml", head + "institution:\n  agreement: {model: nosuch}\n");
  EXPECT_EQ(model.code, 1);
  EXPECT_NE(model.out.find("field 'institution.agreement.model'"), std::string::npos) << model.out;
  std::string no_sq = head;
  no_sq.replace(no_sq.find(", status_quo: 0"), 15, "");
  CliRun sq = validate("no_sq.yaml", no_sq + "institution:\n  monitoring: 0.5\n");
  EXPECT_EQ(sq.code, 1);
  EXPECT_NE(sq.out.find("issue 'x' has no status_quo"), std::string::npos) << sq.out;
}

TEST(Cli, SimulateReadsAScenarioFromAPipe) {
  // Through a pipe, which can be read only once.
  CliRun r = Shell("cat " + Scenario("six_party_talks_2005.yaml") + " | " + CONCERT_BINARY +
                   " simulate /dev/stdin --input-format yaml --draws 20");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Joint Statement"), std::string::npos) << r.out;
}

TEST(Cli, TournamentJsonAndBadStrategy) {
  CliRun r = Concert(
      "tournament --strategies axelrod-first --turns 200 --repetitions 5 --seed 3 "
      "--format json");
  ASSERT_EQ(r.code, 0) << r.out;
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["strategies"].size(), 15u);
  EXPECT_EQ(json["strategies"][0]["name"], "tft");
  // TFT against Grudger (FRIEDMAN): 200 mutual cooperations = 600.
  EXPECT_EQ(json["matrix"]["tft"]["grim"].get<double>(), 600);
  EXPECT_EQ(Concert("tournament --seed 3 --format json --threads 1").out,
            Concert("tournament --seed 3 --format json --threads 2").out);
  std::string out = TempPath("never_tournament.json");
  std::remove(out.c_str());
  r = Concert("tournament --strategies tft,titfortat -o " + out);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("unknown strategy 'titfortat'"), std::string::npos) << r.out;
  EXPECT_FALSE(FileExists(out));
  r = Concert("tournament --noise 1.5");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("--noise"), std::string::npos) << r.out;
}

TEST(Cli, SimulateChain) {
  const std::string base =
      "simulate " + Scenario("six_party_talks_2005.yaml") + " --draws 100 --agreement-model all";
  CliRun one = Concert(base + " --threads 1 -f json");
  CliRun two = Concert(base + " --threads 2 -f json");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  auto json = nlohmann::json::parse(one.out);
  ASSERT_EQ(json["runs"].size(), 7u);
  EXPECT_EQ(json["runs"][0]["source"], "given");
  const auto& causes = json["runs"][1]["designs"][0]["end_causes"];
  for (const char* cause : {"never_signed", "false_alarm", "violation", "exit"}) {
    EXPECT_TRUE(causes.contains(cause)) << cause;
  }
  CliRun csv = Concert(base + " -f csv");
  EXPECT_EQ(csv.out.rfind("source,design,statistic,value\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("smp,as coded,veto:PRK,"), std::string::npos);
  CliRun text = Concert(base);
  EXPECT_NE(text.out.find("P(signed)"), std::string::npos) << text.out;
  CliRun hub = Concert(base + " --hub USA");
  EXPECT_EQ(hub.code, 1);
  EXPECT_NE(hub.out.find("--hub"), std::string::npos) << hub.out;
  CliRun two_models = Concert("simulate " + Scenario("six_party_talks_2005.yaml") +
                              " --draws 20 --agreement-model nash --agreement-model given -f json");
  ASSERT_EQ(two_models.code, 0) << two_models.out;
  EXPECT_EQ(nlohmann::json::parse(two_models.out)["runs"].size(), 2u);
  EXPECT_EQ(Concert("simulate " + Scenario("six_party_talks_2005.yaml") +
                    " --agreement-model nash --agreement-model nosuch")
                .code,
            1);
}

TEST(Cli, SimulateSanctionGrid) {
  const std::string base = "simulate " + Scenario("six_party_talks_2005.yaml") +
                           " --draws 100 --sanction-grid --sanction-sizes 0,0.3 "
                           "--monitoring-levels 0.5,0.9 --enforcers none,CHN";
  CliRun one = Concert(base + " --threads 1 -f json");
  CliRun two = Concert(base + " --threads 2 -f json");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(nlohmann::json::parse(one.out)["cells"].size(), 8u);
  CliRun text = Concert(base);
  EXPECT_NE(text.out.find("P(never ended | signed)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("CHN s=0.3"), std::string::npos) << text.out;
  CliRun hub = Concert(base + " --hub USA");
  EXPECT_EQ(hub.code, 1);
  EXPECT_NE(hub.out.find("--hub"), std::string::npos) << hub.out;
  CliRun bad = Concert(base + " --monitoring-levels 2");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("--monitoring-levels"), std::string::npos) << bad.out;
}

TEST(Cli, SimulateSixParty) {
  const std::string base = "simulate " + Scenario("six_party_talks_2005.yaml") + " --draws 300";
  CliRun one = Concert(base + " --threads 1 -f json");
  CliRun two = Concert(base + " --threads 2 -f json");
  ASSERT_EQ(one.code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  auto json = nlohmann::json::parse(one.out);
  ASSERT_EQ(json["designs"].size(), 6u);
  EXPECT_EQ(json["designs"][0]["name"], "as coded");
  EXPECT_EQ(json["designs"][0]["compliance"].size(), 16u);
  CliRun text = Concert(base);
  ASSERT_EQ(text.code, 0) << text.out;
  for (const char* word : {"as coded", "guarantor", "conditional aid", "higher exit cost",
                           "P(signed)", "P(never ended | signed)", "needs"}) {
    EXPECT_NE(text.out.find(word), std::string::npos) << word;
  }
  CliRun hub = Concert(base + " --hub USA --spokes JPN,ROK --exclude PRK -f json");
  ASSERT_EQ(hub.code, 0) << hub.out;
  const auto arch = nlohmann::json::parse(hub.out)["architectures"];
  EXPECT_EQ(arch["deals"].size(), 4u);
  ASSERT_EQ(arch["architectures"].size(), 4u);
  EXPECT_EQ(arch["architectures"][2]["name"], "layered");
  EXPECT_EQ(arch["deals"][1]["off_table"], (nlohmann::json{"nuclear", "missiles", "unification"}));
  EXPECT_EQ(Concert(base + " --hub UN").code, 1);
  CliRun spoke = Concert(base + " --hub USA --spokes USA");
  EXPECT_EQ(spoke.code, 1);
  EXPECT_NE(spoke.out.find("--spokes"), std::string::npos) << spoke.out;
  std::string html = TempPath("simulate.html");
  std::remove(html.c_str());
  ASSERT_EQ(Concert(base + " --hub USA -f html -o " + html).code, 0);
  std::ifstream page(html);
  const std::string bytes((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* part : {"<svg", "Compliance over time", "hub-and-spokes", "all three"}) {
    EXPECT_NE(bytes.find(part), std::string::npos) << part;
  }
  CliRun csv = Concert(base + " -f csv --table compliance");
  EXPECT_EQ(csv.out.rfind("design,period,compliance,survival\n", 0), 0u) << csv.out;
  std::string bad = TempPath("bad_institution.yaml");
  std::ofstream(bad) << "actors: [{id: A, capability: 1}, {id: B, capability: 1}]\n"
                        "issues: [{id: x, status_quo: 0}]\n"
                        "positions: [{actor: A, issue: x, position: 10, salience: 50},\n"
                        "            {actor: B, issue: x, position: 90, salience: 50}]\n"
                        "institution:\n  false_alarm: -0.1\n";
  std::string out = TempPath("never_simulate.json");
  std::remove(out.c_str());
  CliRun r = Concert("simulate " + bad + " -o " + out);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find(bad + ":6: field 'institution.false_alarm'"), std::string::npos) << r.out;
  EXPECT_FALSE(FileExists(out));
}

}  // namespace
}  // namespace concert::testing
