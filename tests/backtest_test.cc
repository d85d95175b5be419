// Backtests on the DEU data shipped in data/deu, against an independent script.
#include "concert/analysis/backtest.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "concert/io/deu.h"
#include "concert/io/read.h"
#include "concert/io/voting_rule_reader.h"
#include "test_util.h"

namespace concert::testing {
namespace {

std::vector<CreatedModel> Models(std::initializer_list<const char*> specs) {
  std::vector<CreatedModel> out;
  for (const char* spec : specs) out.push_back(CreateModel(spec));
  return out;
}

// Expected values from the independent Python implementation in
// tools/deu_baseline.py (no concert code):
//   python3 tools/deu_baseline.py data/deu equal
//     211 23.564451031331412 28.267772511848342 {'no_outcome': 1, 'too_few_actors': 2}
//   python3 tools/deu_baseline.py data/deu council
//     211 23.805213975275866 31.01421800947867 {'no_outcome': 1, 'too_few_actors': 2}
TEST(Backtest, ShippedDeuMatchesIndependentScript) {
  const DeuData data = ReadDeu(SourceDir() + "/data/deu");
  EXPECT_EQ(data.issues.size(), 214u);
  for (const auto& [mode, compromise, median] :
       {std::tuple{"equal", 23.564451031331412, 28.267772511848342},
        std::tuple{"council", 23.805213975275866, 31.01421800947867}}) {
    BacktestOptions options;
    options.capability = mode;
    options.bootstrap = 200;
    const BacktestResult r = RunBacktest(data, Models({"compromise", "median"}), options);
    ASSERT_EQ(r.models.size(), 2u);
    EXPECT_EQ(r.models[0].n, 211u) << mode;
    EXPECT_NEAR(r.models[0].mae, compromise, 1e-9) << mode;
    EXPECT_NEAR(r.models[1].mae, median, 1e-9) << mode;
    EXPECT_EQ(r.skipped.at("no_outcome"), 1u);
    EXPECT_EQ(r.skipped.at("fewer_than_3_actors"), 2u);
    // The paired interval contains the mean difference and is reproducible.
    ASSERT_EQ(r.pairs.size(), 1u);
    EXPECT_NEAR(r.pairs[0].mean, compromise - median, 1e-9);
    EXPECT_LE(r.pairs[0].low, r.pairs[0].mean);
    EXPECT_GE(r.pairs[0].high, r.pairs[0].mean);
    const BacktestResult again = RunBacktest(data, Models({"compromise", "median"}), options);
    EXPECT_EQ(again.pairs[0].low, r.pairs[0].low);
  }
}

std::string WriteDeu(const std::string& name, const std::string& issues,
                     const std::string& positions) {
  const std::string dir = ::testing::TempDir() + "deu_" + name;
  std::remove((dir + "/issues.csv").c_str());
  std::string command = "mkdir -p " + dir;
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::ofstream(dir + "/actors.csv")
      << "actor_code,actor_name,council_votes_eu15_pre2004,council_votes_nice_eu27\n"
         "com,Commission,,\nep,Parliament,,\nde,Germany,10,29\nlu,Luxembourg,2,4\n";
  std::ofstream(dir + "/issues.csv") << "issue_id,proposal_id,proposal_name,procedure,"
                                        "intro_date_ddmmyy,reference_point,outcome\n"
                                     << issues;
  std::ofstream(dir + "/positions.csv") << "issue_id,actor_code,position,salience\n" << positions;
  return dir;
}

TEST(Backtest, GroupingByProposalChangesOnlyModelsThatLinkIssues) {
  const DeuData data = ReadDeu(SourceDir() + "/data/deu");
  BacktestOptions by_issue, by_proposal;
  by_issue.bootstrap = by_proposal.bootstrap = 10;
  by_proposal.group = "proposal";
  const auto models = Models({"compromise", "bdm", "exchange"});
  const BacktestResult a = RunBacktest(data, models, by_issue);
  const BacktestResult b = RunBacktest(data, models, by_proposal);
  ASSERT_EQ(a.issues.size(), b.issues.size());
  EXPECT_NEAR(a.models[0].mae, b.models[0].mae, 1e-12);  // compromise: one issue at a time
  EXPECT_NEAR(a.models[1].mae, b.models[1].mae, 1e-12);  // bdm runs each issue on its own
  // Exchange alone on one issue has nobody to trade with: it is the compromise.
  EXPECT_NEAR(a.models[2].mae, a.models[0].mae, 1e-12);
  EXPECT_NE(b.models[2].mae, b.models[0].mae);  // across a proposal's issues it trades
  by_proposal.group = "treaty";
  EXPECT_THROW(RunBacktest(data, models, by_proposal), InputError);
}

TEST(Backtest, HandComputedCouncilWeights) {
  // One CNS issue in 2000 (EU15): weights com 10 (the largest state), ep 0 (not
  // co-decision), de 10, lu 2; saliences 50 each.
  // compromise = (10 x 0 + 0 x 100 + 10 x 100 + 2 x 40) / (10 + 0 + 10 + 2) = 1080 / 22
  // = 49.0909... error against the outcome 60: 10.909...
  const std::string dir = WriteDeu("hand", "i1,p1,test,CNS,01-02-00,,60\n",
                                   "i1,com,0,50\ni1,ep,100,50\ni1,de,100,50\ni1,lu,40,50\n");
  BacktestOptions options;
  options.capability = "council";
  const BacktestResult r = RunBacktest(ReadDeu(dir), Models({"compromise"}), options);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NEAR(*r.issues[0].forecast[0], 1080.0 / 22, 1e-12);
  EXPECT_NEAR(r.models[0].mae, 60 - 1080.0 / 22, 1e-12);
  EXPECT_EQ(r.models[0].within_10, 0.0);
  EXPECT_EQ(r.models[0].within_25, 1.0);
}

TEST(Backtest, CouncilPowerIndexAsCapability) {
  // The hand case above with each state's normalised Banzhaf index in the EU-15
  // Council (data/voting/eu15_qmv.yaml, typed from the treaty, not from
  // actors.csv): the Commission at Germany's index, the Parliament 0.
  const std::string rule_path = SourceDir() + "/data/voting/eu15_qmv.yaml";
  const VotingRule eu15 = ReadVotingRule(rule_path, ReadTextFile(rule_path)).rule;
  const PowerResult power = ComputePower(eu15);
  auto index = [&](const std::string& name) {
    for (std::size_t i = 0; i < eu15.names.size(); ++i) {
      if (eu15.names[i] == name) return power.players[i].banzhaf;
    }
    return -1.0;
  };
  const double de = index("DE"), lu = index("LU");
  const std::string dir = WriteDeu("hand_power", "i1,p1,test,CNS,01-02-00,,60\n",
                                   "i1,com,0,50\ni1,ep,100,50\ni1,de,100,50\ni1,lu,40,50\n");
  {  // the whole Council, for the index
    std::ifstream all(SourceDir() + "/data/deu/actors.csv");
    std::ofstream(dir + "/actors.csv") << all.rdbuf();
  }
  BacktestOptions options;
  options.capability = "council-banzhaf";
  options.compare_capability = "council";
  options.bootstrap = 10;
  const BacktestResult r = RunBacktest(ReadDeu(dir), Models({"compromise"}), options);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NEAR(*r.issues[0].forecast[0], (de * 0 + de * 100 + lu * 40) / (2 * de + lu), 1e-12);
  // Beside the votes (1080 / 22): the paired difference is that of the two errors.
  ASSERT_EQ(r.capability_differences.size(), 1u);
  const CapabilityDifference& c = r.capability_differences[0];
  EXPECT_EQ(c.n, 1u);
  EXPECT_NEAR(c.mae_compared, 60 - 1080.0 / 22, 1e-12);
  EXPECT_NEAR(c.mean, c.mae_compared - c.mae, 1e-12);
  EXPECT_EQ(r.compare_capability, "council");
}

TEST(Backtest, CouncilPowerNeedsTheWholeCouncil) {
  const std::string dir = WriteDeu("partial_council", "i1,p1,test,CNS,01-02-00,,60\n",
                                   "i1,com,0,50\ni1,ep,100,50\ni1,de,100,50\ni1,lu,40,50\n");
  BacktestOptions options;
  options.capability = "council-banzhaf";
  try {
    RunBacktest(ReadDeu(dir), Models({"compromise"}), options);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("total 12 for 2 members; the EU-15 Council has 87"),
              std::string::npos)
        << e.what();
  }
}

TEST(Backtest, ACapabilityComparedWithItselfDiffersByNothing) {
  BacktestOptions options;
  options.capability = options.compare_capability = "council-shapley";
  options.bootstrap = 50;
  const BacktestResult r =
      RunBacktest(ReadDeu(SourceDir() + "/data/deu"), Models({"compromise", "median"}), options);
  ASSERT_EQ(r.capability_differences.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const CapabilityDifference& c = r.capability_differences[k];
    EXPECT_EQ(c.n, 211u);
    EXPECT_EQ(c.mae, r.models[k].mae);
    EXPECT_EQ(c.mean, 0.0);
    EXPECT_EQ(c.low, 0.0);
    EXPECT_EQ(c.high, 0.0);
  }
}

TEST(Backtest, BadInputIsNamed) {
  auto error = [](const std::string& dir) {
    try {
      ReadDeu(dir);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error(WriteDeu("date", "i1,p1,t,CNS,2000-01-01,,60\n", ""))
                .find("issues.csv:2: field 'intro_date_ddmmyy': expected a date dd-mm-yy"),
            std::string::npos);
  EXPECT_NE(error(WriteDeu("outcome", "i1,p1,t,CNS,01-01-00,,160\n", ""))
                .find("field 'outcome': expected a number in [0, 100] but got 160"),
            std::string::npos);
  EXPECT_NE(error(WriteDeu("actor", "i1,p1,t,CNS,01-01-00,,60\n", "i1,xx,1,1\n"))
                .find("positions.csv:2: field 'actor_code': unknown actor 'xx'"),
            std::string::npos);
  EXPECT_NE(error(::testing::TempDir() + "no_such_dir").find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace concert::testing
