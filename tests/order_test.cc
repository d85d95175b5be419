// The order model (order/order_model.h): hand-built cases whose expected values
// are derived in the comments, the data reproduced in the data years, the
// classification, determinism and cancellation.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "concert/core/parallel.h"
#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/order/run_order.h"
#include "concert/output/order_output.h"
#include "order_test_util.h"
#include "test_util.h"

namespace concert::testing {
namespace {

TEST(Order, ConcentrationAndVoiceByHand) {
  // Two actors with capability 0.75 / 0.25 (w = 1: the economy alone).
  // CON = sqrt((0.75^2 + 0.25^2 - 1/2) / (1 - 1/2)) = sqrt(0.125 / 0.5) = 0.5.
  // Voice 0.5 / 0.5 with lambda 0.5 moves to 0.5 + 0.5 (0.75 - 0.5) = 0.625 in the second year.
  OrderSpec spec = TwoActors(0.75, 0.25);
  spec.numbers[kVoiceAdjustment] = Number{0.5, {}};
  spec.actors[0].numbers[kVoice] = Number{0.5, {}};
  spec.actors[1].numbers[kVoice] = Number{0.5, {}};
  OrderRun run(spec, 2000, 2001);
  std::vector<OrderYearState> states;
  run.Run(CentralNumbers(spec), [&](const OrderYearState& s) { states.push_back(s); });
  ASSERT_EQ(states.size(), 2u);
  EXPECT_NEAR(states[0].capability[0], 0.75, 1e-12);
  EXPECT_NEAR(states[0].con, 0.5, 1e-12);
  EXPECT_NEAR(states[0].voice[0], 0.5, 1e-12);
  EXPECT_NEAR(states[1].voice[0], 0.625, 1e-12);
  EXPECT_NEAR(states[1].voice[0] + states[1].voice[1], 1.0, 1e-12);
}

TEST(Order, ProjectionAfterTheBaseYear) {
  // Data 2000-2002 (100, 110, 121), base year 2001: 2002 is projected with
  // growth 0.05 and, as a crisis year, shock -0.02: 110 x 1.03 = 113.3, not 121.
  OrderSpec spec = TwoActors(0.5, 0.5);
  spec.actors[0].economy = {{2000, 100}, {2001, 110}, {2002, 121}};
  spec.actors[1].economy = {{2000, 100}, {2001, 100}, {2002, 100}};
  spec.base_year = 2001;
  spec.crisis_from = 2002;
  spec.crisis_to = 2002;
  spec.actors[0].numbers[kGrowth] = Number{0.05, {}};
  spec.actors[0].numbers[kCrisisShock] = Number{-0.02, {}};
  spec.actors[1].numbers[kGrowth] = Number{0.0, {}};
  OrderRun run(spec, 2000, 2002);
  std::vector<double> share;
  run.Run(CentralNumbers(spec), [&](const OrderYearState& s) { share.push_back(s.economic[0]); });
  EXPECT_NEAR(share[1], 110.0 / 210.0, 1e-12);
  EXPECT_NEAR(share[2], 113.3 / 213.3, 1e-12);
}

// The four cells of Table 2 and the three paths, each from a hand-built case.
// Stance utilities (order_model.h rule 4) with A = 0.05, B = 0.01, K = 0.03,
// I = 0.02, H = 0.1, q = 0.5 unless the case says otherwise.
TEST(Order, ClassificationOnHandBuiltCases) {
  {
    // A small follower (0.2 vs 0.8), rho = 0: U_S = 0.04 > U_F = 0.025 > U_C = -0.05.
    // It supports; support share 1; no peer (0.2 < 0.8 x 0.8); the leader holds
    // 4x the next > hegemony 1.5: (persists, persists), renegotiated.
    OrderSpec spec = TwoActors(0.8, 0.2);
    const OrderOutcome o = RunOnce(spec);
    EXPECT_TRUE(o.order_persists);
    EXPECT_FALSE(o.leadership_challenged);
    EXPECT_EQ(o.path, OrderPath::kRenegotiated);
  }
  {
    // A peer (0.45 vs 0.55 >= 0.8 x 0.55 = 0.44) that supports (rho = 0):
    // (persists, challenged), and 0.55 < 1.5 x 0.45: post-hegemonic.
    OrderSpec spec = TwoActors(0.55, 0.45);
    const OrderOutcome o = RunOnce(spec);
    EXPECT_TRUE(o.order_persists);
    EXPECT_TRUE(o.leadership_challenged);
    EXPECT_EQ(o.first_challenge, 0);
    EXPECT_EQ(o.path, OrderPath::kPostHegemonic);
  }
  {
    // Leader 0.45, two followers 0.30 and 0.25 that free-ride: burden 0.04 >
    // A q = 0.025, so U_F = 0.025 > U_S = 0.01. With P = 0 the leader provides
    // (A_L - 0 >= A_L (1 - q)). Support share 0.45 < 0.5: the order disappears;
    // no challenge, 0.30 < 0.8 x 0.45 = 0.36: leadership persists; blocs.
    OrderSpec spec = ThreeActors(0.45, 0.30, 0.25);
    for (std::size_t i = 1; i < 3; ++i) spec.actors[i].numbers[kBurden] = Number{0.04, {}};
    spec.numbers[kProvisionCost] = Number{0.0, {}};
    const OrderOutcome o = RunOnce(spec);
    EXPECT_FALSE(o.order_persists);
    EXPECT_FALSE(o.leadership_challenged);
    EXPECT_EQ(o.path, OrderPath::kBlocs);
  }
  {
    // Equal capability (p = 0.5) and voice 0.9 / 0.1, rho = 1: U_C - U_S =
    // H ((2p - 1) - (v_C - v_L)) = 0.1 x 0.8 > 0: a challenge. Support share
    // 0.5 < threshold 0.6: (disappears, challenged), blocs.
    OrderSpec spec = TwoActors(0.5, 0.5);
    spec.thresholds.support = 0.6;
    spec.actors[0].numbers[kVoice] = Number{0.9, {}};
    spec.actors[1].numbers[kVoice] = Number{0.1, {}};
    for (OrderActor& a : spec.actors) a.numbers[kRelativeGains] = Number{1.0, {}};
    const OrderOutcome o = RunOnce(spec);
    EXPECT_FALSE(o.order_persists);
    EXPECT_TRUE(o.leadership_challenged);
    EXPECT_EQ(o.first_challenge, 2000);
    EXPECT_EQ(o.path, OrderPath::kBlocs);
  }
}

TEST(Order, LeaderRetrenchesWhenProvisionCostsMoreThanItGains) {
  // Leader 0.6 alone supports? Its follower free-rides (burden 0.04), so S = 0:
  // cost = P (1 - 0) / 0.6 = 0.05 / 0.6 = 0.0833; rho_L = 0: provides iff
  // A_L - cost = -0.0333 >= A_L (1 - q) = 0.025: no, it retrenches.
  OrderSpec spec = TwoActors(0.6, 0.4);
  spec.actors[1].numbers[kBurden] = Number{0.04, {}};
  spec.numbers[kProvisionCost] = Number{0.05, {}};
  OrderRun run(spec, 2000, 2000);
  OrderYearState last;
  const OrderOutcome o = run.Run(CentralNumbers(spec), [&](const OrderYearState& s) { last = s; });
  EXPECT_FALSE(last.leader_provides);
  EXPECT_EQ(last.support, 0.0);
  EXPECT_FALSE(o.order_persists);
  EXPECT_TRUE(o.leadership_challenged);
}

// Shares computed here from the CSV extracts, independently of the reader and model.
std::map<int, std::map<std::string, double>> EconomyFromCsv() {
  const std::map<std::string, std::string> actor = {{"USA", "USA"}, {"CHN", "CHN"}, {"JPN", "JPN"},
                                                    {"KOR", "ROK"}, {"PRK", "PRK"}, {"RUS", "RUS"},
                                                    {"IND", "IND"}};
  const std::string eu =
      " AUT BEL BGR CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
      "SVK SVN ESP SWE GBR ";
  std::ifstream in(SourceDir() + "/data/order/maddison2020_2000_2018.csv");
  std::string line;
  std::getline(in, line);
  std::map<int, std::map<std::string, double>> gdp;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string code, country, year, gdppc, pop;
    std::getline(row, code, ',');
    std::getline(row, country, ',');
    std::getline(row, year, ',');
    std::getline(row, gdppc, ',');
    std::getline(row, pop, ',');
    std::string id;
    if (actor.count(code)) id = actor.at(code);
    if (eu.find(" " + code + " ") != std::string::npos) id = "EU";
    if (!id.empty()) gdp[std::stoi(year)][id] += std::stod(gdppc) * std::stod(pop) / 1e6;
  }
  return gdp;
}

// Military spending by year and actor from the COW extract, billions of current US$.
std::map<int, std::map<std::string, double>> MilitaryFromCsv() {
  const std::map<int, std::string> actor = {{2, "USA"},   {710, "CHN"}, {740, "JPN"}, {732, "ROK"},
                                            {731, "PRK"}, {365, "RUS"}, {750, "IND"}};
  const std::set<int> eu = {305, 211, 355, 352, 316, 390, 366, 375, 220, 255, 350, 310, 205, 325,
                            367, 368, 212, 338, 210, 290, 235, 360, 317, 349, 230, 380, 200};
  std::ifstream in(SourceDir() + "/data/order/nmc_v6_2000_2016.csv");
  std::string line;
  std::getline(in, line);
  std::map<int, std::map<std::string, double>> milex;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string abb, ccode, year, value;
    std::getline(row, abb, ',');
    std::getline(row, ccode, ',');
    std::getline(row, year, ',');
    std::getline(row, value, ',');
    const int code = std::stoi(ccode);
    const std::string id = actor.count(code) ? actor.at(code) : eu.count(code) ? "EU" : "";
    if (!id.empty() && std::stod(value) >= 0) milex[std::stoi(year)][id] += std::stod(value) / 1e6;
  }
  return milex;
}

TEST(Order, MilitaryDataReproducedToTheBaseYear) {
  // Base year 2008: COW's figures for every actor but the DPRK, whose series
  // ends in 2001 and is projected at its central growth 0 (2.049 every year).
  const std::string path = SourceDir() + "/scenarios/liberal_order_2008.yaml";
  const OrderSpec spec = ReadOrder(path, ReadTextFile(path));
  auto milex = MilitaryFromCsv();
  OrderRun run(spec, 2005, 2008);
  std::size_t checked = 0;
  run.Run(CentralNumbers(spec), [&](const OrderYearState& s) {
    milex[s.year]["PRK"] = 2.049;
    double total = 0;
    for (const auto& [id, value] : milex.at(s.year)) total += value;
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
      const double expected = milex.at(s.year).at(spec.actors[i].id) / total;
      EXPECT_NEAR(s.military[i], expected, 1e-6 * expected) << spec.actors[i].id << " " << s.year;
      ++checked;
    }
  });
  EXPECT_EQ(checked, 4u * 8u);
}

TEST(Order, TrajectoriesReproduceTheDataInTheDataYears) {
  const std::string path = SourceDir() + "/scenarios/liberal_order_2008.yaml";
  OrderSpec spec = ReadOrder(path, ReadTextFile(path));
  spec.base_year = 2016;  // use every economic data year to 2016
  const auto gdp = EconomyFromCsv();
  OrderRun run(spec, 2005, 2016);
  std::size_t checked = 0;
  run.Run(CentralNumbers(spec), [&](const OrderYearState& s) {
    double total = 0;
    for (const auto& [id, value] : gdp.at(s.year)) total += value;
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
      const double expected = gdp.at(s.year).at(spec.actors[i].id) / total;
      // The scenario holds the series to 7 significant digits.
      EXPECT_NEAR(s.economic[i], expected, 1e-6 * expected) << spec.actors[i].id << " " << s.year;
      ++checked;
    }
  });
  EXPECT_EQ(checked, 12u * 8u);
}

TEST(Order, SameSeedSameBytesForAnyThreadCount) {
  const std::string path = SourceDir() + "/scenarios/liberal_order_2008.yaml";
  OrderRequest request;
  request.spec = ReadOrder(path, ReadTextFile(path));
  request.draws = 3000;  // 12 blocks of 256: several per thread
  request.seed = 7;
  request.sensitivity = true;
  RunControl one, two, four;
  one.threads = 1;
  two.threads = 2;
  four.threads = 4;
  const std::string a = OrderJson(RunOrder(request, one));
  EXPECT_EQ(a, OrderJson(RunOrder(request, two)));
  EXPECT_EQ(a, OrderJson(RunOrder(request, four)));
  request.seed = 8;
  EXPECT_NE(a, OrderJson(RunOrder(request, one))) << "the seed must matter";
}

TEST(Order, CancelledRunEqualsAShorterRun) {
  const std::string path = SourceDir() + "/scenarios/liberal_order_2008.yaml";
  OrderRequest request;
  request.spec = ReadOrder(path, ReadTextFile(path));
  request.draws = 256 * 6;
  RunControl control;
  control.threads = 1;
  std::atomic<int> polls{0};
  control.cancel = [&] { return ++polls > 2; };  // two blocks start, then cancel
  const OrderResult cut = RunOrder(request, control);
  EXPECT_TRUE(cut.cancelled);
  EXPECT_EQ(cut.draws, 512u);
  request.draws = 512;
  OrderResult full = RunOrder(request, RunControl{});
  full.cancelled = true;
  EXPECT_EQ(OrderJson(cut), OrderJson(full));
}

TEST(Order, CellsAndPathsAreShares) {
  const std::string path = SourceDir() + "/scenarios/liberal_order_2008.yaml";
  OrderRequest request;
  request.spec = ReadOrder(path, ReadTextFile(path));
  request.draws = 1000;
  const OrderResult r = RunOrder(request);
  double cells = 0, paths = 0;
  for (const auto& row : r.table2) cells += row[0] + row[1];
  for (double p : r.paths) paths += p;
  EXPECT_NEAR(cells, 1.0, 1e-12);
  EXPECT_NEAR(paths, 1.0, 1e-12);
  // Blocs are exactly the draws in which the order disappears.
  EXPECT_NEAR(r.paths[static_cast<int>(OrderPath::kBlocs)], r.table2[1][0] + r.table2[1][1], 1e-12);
}

TEST(ParallelFor, AnErrorInAWorkerReachesTheCaller) {
  RunControl control;
  control.threads = 2;
  EXPECT_THROW(ParallelFor(100, control,
                           [](std::size_t i) {
                             if (i == 37) throw InputError({"f", 3, "x"}, "bad");
                           }),
               InputError);
}

}  // namespace
}  // namespace concert::testing
