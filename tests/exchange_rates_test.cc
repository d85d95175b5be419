// REX, the equal-gain exchange randomised by p: the two-actor case of the
// reference's decide/tests/test_rex.py worked out by hand, the frontier
// points, bounds of the drawn gains, p = 0, and determinism under a seed.
// (The random-rate variant: exchange_random_rate_test.cc.)
#include <gtest/gtest.h>

#include <cmath>

#include "concert/io/read.h"
#include "concert/models/exchange/equal_gain.h"
#include "concert/models/exchange/rates.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

// test_rex.py: Actor-1 at 0 on both issues, saliences 10 and 90; Actor-2 at
// 100 on both, saliences 60 and 50; capability 1. concert's saliences are
// fractions (0.1, 0.9, 0.6, 0.5): utilities are the reference's / 100.
//   D1 = .1 + .6 = .7, outcome 1 = 100 x .6 / .7 = 85 + 5/7;
//   D2 = .9 + .5 = 1.4, outcome 2 = 100 x .5 / 1.4 = 35 + 5/7.
// Actor-2 has the higher ratio s1/s2 (1.2 > 1/9): it is side i, supplies issue 2
// and demands issue 1; Actor-1 is side j and supplies issue 1.
// Caps: Actor-1 moving 0 -> 100 shifts outcome 1 by 100 x .1 / .7 = 14.2857 (it
// lands on 100, Actor-2's position, not past it): dp <= 100/7. Actor-2 moving
// 100 -> 0 shifts outcome 2 by 100 x .5 / 1.4 = 35.714: dq <= 250/7.
// Equal gain: dp = 100/7, dq = dp (.1 + .6) / (.9 + .5) = 50/7, gain
// 50/7 x .9 - 100/7 x .1 = 5 for Actor-1, 100/7 x .6 - 50/7 x .5 = 5 for Actor-2.
// Most Actor-1 can gain (Actor-2 breaking even at dq = dp x .6 / .5 = 120/7 <=
// 250/7): 120/7 x .9 - 100/7 x .1 = 14 (test_rex: 1400); Actor-2 moves
// 120/7 x 1.4 / .5 = 48 (test_rex: delta_2_u2 = 48).
// Most Actor-2 can gain (Actor-1 breaking even at dq = dp x .1 / .9 = 100/63):
// 100/7 x .6 - 100/63 x .5 = 7.7778 (test_rex: 777.7778); Actor-2 moves
// 100/63 x 1.4 / .5 = 4.4444 (test_rex: delta_2_u1 = 1000/225).
exchange::Board<double> RexBoard() {
  exchange::Board<double> b;
  b.actors = 2;
  b.issues = 2;
  b.present.assign(4, 1);
  b.x = {0, 100, 0, 100};  // [issue][actor]
  b.s = {0.1, 0.6, 0.9, 0.5};
  b.c = {1, 1, 1, 1};
  return b;
}

exchange::RoundOptions<double> Rex(double p, std::uint64_t seed) {
  exchange::RoundOptions<double> o;
  o.rates.p = p;
  o.rates.seed = seed;
  return o;
}

TEST(ExchangeRex, TwoActorAnchorsByHand) {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) {
    exchange::Board<double> board = RexBoard();
    const auto r = exchange::RunRound(board, Rex(0.3, seed));
    EXPECT_NEAR(r.outcome_before[0], 85 + 5.0 / 7, 1e-12);
    EXPECT_NEAR(r.outcome_before[1], 35 + 5.0 / 7, 1e-12);
    ASSERT_EQ(r.candidates, 1u);
    ASSERT_EQ(r.executed.size(), 1u);
    const auto& e = r.executed[0].exchange;
    EXPECT_EQ(e.i.actor, 1u);   // Actor-2
    EXPECT_EQ(e.i.supply, 1u);  // issue 2
    EXPECT_NEAR(e.gain, 5, 1e-12);
    EXPECT_NEAR(e.i.eu_max, 7 + 7.0 / 9, 1e-12);
    EXPECT_NEAR(e.j.eu_max, 14, 1e-12);
    // The drawn side's gain, from the same draws: u picks the side, v wins or
    // loses, z how far (p = 0.3).
    Stream draws(seed, exchange::DrawIndex(1, 0));
    const double u = draws.Uniform(), v = draws.Uniform(), z = draws.Uniform();
    const auto& drawn = u < 0.5 ? e.i : e.j;
    EXPECT_EQ(e.drawn_side, u < 0.5 ? 0 : 1);
    const double expected = v < 0.5 ? 5 + 0.3 * z * (drawn.eu_max - 5) : 5 - 0.3 * z * 5;
    EXPECT_NEAR(drawn.eu, expected, 1e-12) << seed;
    // Both gains follow from the shifts: Actor-2 gains dp .6 - dq .5, Actor-1 dq .9 - dp .1.
    EXPECT_NEAR(e.i.eu, e.dp * 0.6 - e.dq * 0.5, 1e-12);
    EXPECT_NEAR(e.j.eu, e.dq * 0.9 - e.dp * 0.1, 1e-12);
    EXPECT_GE(e.i.eu, 0);
    EXPECT_GE(e.j.eu, 0);
  }
}

// The frontier points of the hand calculation above.
TEST(ExchangeRex, FrontierPointsByHand) {
  exchange::Board<double> board = RexBoard();
  exchange::Rates rates;
  const exchange::Round<double> round(board, rates);
  exchange::Exchange<double> e = round.Make(1, 0, 0, 1, true);
  round.CalculateEqualGain(e);
  ASSERT_TRUE(e.valid);
  EXPECT_NEAR(e.dp, 100.0 / 7, 1e-12);
  EXPECT_NEAR(e.dq, 50.0 / 7, 1e-12);
  // Actor-1 (j) at its maximum 14: Actor-2 moves 48 and breaks even.
  exchange::SetGain(round, e, 1, 14.0);
  EXPECT_NEAR(e.j.eu, 14, 1e-12);
  EXPECT_NEAR(e.i.eu, 0, 1e-12);
  EXPECT_NEAR(e.i.move, -48, 1e-12);
  EXPECT_NEAR(e.j.move, 100, 1e-12);
  // Actor-2 (i) at its maximum 7.7778: it moves 4.4444, Actor-1 all the way.
  exchange::SetGain(round, e, 0, 7 + 7.0 / 9);
  EXPECT_NEAR(e.i.move, -1000.0 / 225, 1e-12);
  EXPECT_NEAR(e.j.move, 100, 1e-12);
  EXPECT_NEAR(e.j.eu, 0, 1e-12);
  // p = .3, z = .5: Actor-1 winning gets 5 + .15 (14 - 5) = 6.35; Actor-1 moves all
  // the way (dp = 100/7) and dq = (6.35 + 100/7 x .1) / .9 = 8.6429; Actor-2 moves
  // dq x 1.4 / .5 = 24.2 and gains 100/7 x .6 - 8.6429 x .5 = 4.25.
  exchange::SetGain(round, e, 1, 6.35);
  EXPECT_NEAR(e.dq, (6.35 + 10.0 / 7) / 0.9, 1e-12);
  EXPECT_NEAR(e.i.move, -24.2, 1e-12);
  EXPECT_NEAR(e.i.eu, 4.25, 1e-12);
  // Actor-2 losing, 5 - .15 x 5 = 4.25: Actor-2 all the way would need dp =
  // (4.25 + 250/7 x .5) / .6 = 36.8 > 100/7, so Actor-1 moves all the way and
  // dq = (100/7 x .6 - 4.25) / .5 = 8.6429: the same point.
  exchange::SetGain(round, e, 0, 4.25);
  EXPECT_NEAR(e.i.move, -24.2, 1e-12);
  EXPECT_NEAR(e.j.eu, 6.35, 1e-12);
  // Actor-2 winning, 5 + .15 (70/9 - 5) = 5.41667: Actor-1 all the way, dq =
  // (100/7 x .6 - 5.41667) / .5 = 6.3095, Actor-2 moves 6.3095 x 1.4 / .5 = 17.667,
  // Actor-1 gains 6.3095 x .9 - 100/7 x .1 = 4.25.
  exchange::SetGain(round, e, 0, 5 + 0.15 * (70.0 / 9 - 5));
  EXPECT_NEAR(e.i.move, -(100.0 / 7 * 0.6 - 5 - 0.15 * (70.0 / 9 - 5)) / 0.5 * 1.4 / 0.5, 1e-12);
  EXPECT_NEAR(e.i.move, -17.6666666667, 1e-9);
  EXPECT_NEAR(e.j.eu, 4.25, 1e-12);
  // The reference (equalgain.py @ 51dee66) run on this case with its draws
  // fixed, (u, v, z) = (0.7, 0.2, 0.5) and (0.2, 0.2, 0.5), gives the same two
  // points: Actor-2 moves 24.2 and 17.6667, gains 4.25 / 6.35 and 5.41667 / 4.25.
}

Forecast RunSpec(const Scenario& s, const std::string& spec, std::uint64_t seed) {
  RunContext context;
  context.seed = seed;
  CreatedModel m = CreateModel(spec);
  Forecast f = m.model->Run(s, context);
  f.model = m.spec;
  return f;
}

// The forecast as JSON (the seed field left at 0, so runs of different seeds compare).
std::string Json(const Scenario& s, const std::string& spec, std::uint64_t seed) {
  return ForecastsToJson(s, {RunSpec(s, spec, seed)}, 0);
}

Scenario SixParty() {
  return ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
}

TEST(ExchangeRex, ZeroIsTheEqualGainAndTheSeedDoesNotMatter) {
  const Scenario s = SixParty();
  const Forecast equal = RunSpec(s, "exchange", 1);
  const Forecast zero = RunSpec(s, "exchange(p=0)", 99);
  ASSERT_EQ(equal.trades.size(), zero.trades.size());
  for (std::size_t k = 0; k < equal.trades.size(); ++k) {
    EXPECT_EQ(equal.trades[k].gain, zero.trades[k].gain);
    EXPECT_EQ(equal.trades[k].i.after, zero.trades[k].i.after);
    EXPECT_EQ(equal.trades[k].j.after, zero.trades[k].j.after);
  }
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    EXPECT_EQ(*equal.issues[d].outcome, *zero.issues[d].outcome);
  }
  EXPECT_EQ(Json(s, "exchange(p=0)", 1), Json(s, "exchange(p=0)", 2));
}

TEST(ExchangeRex, ReproducibleUnderASeed) {
  const Scenario s = SixParty();
  EXPECT_EQ(Json(s, "exchange(p=0.3)", 7), Json(s, "exchange(p=0.3)", 7));
  EXPECT_NE(RunSpec(s, "exchange(p=0.3)", 7).trades.front().values,
            RunSpec(s, "exchange(p=0.3)", 8).trades.front().values);
  EXPECT_EQ(Json(s, "exchange(p=0.3,arithmetic=decimal,rounds=2)", 7),
            Json(s, "exchange(p=0.3,arithmetic=decimal,rounds=2)", 7));
}

// Every executed exchange: the drawn side within [eu - p eu, eu + p (eu_max -
// eu)], both sides between 0 and their maximum; the fast loop and the
// reference's loop take the same decisions.
// Positions normalised to 0-100 per issue, as the model does.
exchange::Board<double> BoardOf(const Scenario& s) {
  exchange::Board<double> b;
  b.actors = s.num_actors();
  b.issues = s.num_issues();
  b.present.assign(b.actors * b.issues, 0);
  b.x = b.s = b.c = std::vector<double>(b.actors * b.issues, 0.0);
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    const Issue& issue = s.issues[d];
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      if (const Stance* st = s.stance(a, d)) {
        const std::size_t at = b.at(d, a);
        b.present[at] = 1;
        b.x[at] =
            (st->position.value - issue.scale_min) * (100 / (issue.scale_max - issue.scale_min));
        b.s[at] = st->salience.value;
        b.c[at] = s.capability(a, d);
      }
    }
  }
  return b;
}

void ExpectBoundsAndSameDecisions(const Scenario& s, double p) {
  exchange::Board<double> fast = BoardOf(s);
  exchange::Board<double> full = fast;
  std::size_t checked = 0, kept = 0;
  for (int round = 1; round <= 10; ++round) {
    exchange::RoundOptions<double> o = Rex(p, 11);
    o.rates.round = round;
    const auto a = exchange::RunRound(fast, o);
    o.full_sort = true;
    const auto b = exchange::RunRound(full, o);
    ASSERT_EQ(a.executed.size(), b.executed.size()) << "round " << round;
    for (std::size_t k = 0; k < a.executed.size(); ++k) {
      const auto& e = a.executed[k].exchange;
      const auto& other = b.executed[k].exchange;
      EXPECT_EQ(e.i.actor, other.i.actor);
      EXPECT_EQ(e.i.supply, other.i.supply);
      EXPECT_EQ(e.j.actor, other.j.actor);
      EXPECT_EQ(e.j.supply, other.j.supply);
      EXPECT_EQ(e.i.y, other.i.y);  // the same draws
      EXPECT_EQ(e.j.y, other.j.y);
      if (e.drawn_side < 0) {
        // The equal-gain point lies beyond the frontier: the equal gain is kept.
        EXPECT_TRUE(e.gain > e.i.eu_max || e.gain > e.j.eu_max);
        EXPECT_EQ(e.i.eu, e.gain);
        EXPECT_EQ(e.j.eu, e.gain);
        ++kept;
        continue;
      }
      const auto& drawn = e.drawn_side == 0 ? e.i : e.j;
      const double tolerance = 1e-9 * std::max(1.0, e.gain);
      EXPECT_GE(drawn.eu, e.gain - p * e.gain - tolerance);
      EXPECT_LE(drawn.eu, e.gain + p * (drawn.eu_max - e.gain) + tolerance);
      for (const auto* side : {&e.i, &e.j}) {
        EXPECT_GE(side->eu, -tolerance);
        EXPECT_LE(side->eu, side->eu_max + tolerance);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
  EXPECT_LE(kept * 20, checked);  // rare
}

TEST(ExchangeRex, GainsWithinBoundsAndBothLoopsAgree) {
  const std::string dir = SharedData() + "/reference/exchange_decide/";
  for (const std::string& path : {SourceDir() + "/scenarios/six_party_talks_2005.yaml",
                                  dir + "sample_data.txt", dir + "copenhagen.csv"}) {
    if (!FileExists(path)) {
      // Under CI the reference inputs must be there; elsewhere the shipped one suffices.
      EXPECT_FALSE(UnderCi()) << "CI=true but the reference file is missing: " << path;
      continue;
    }
    const Scenario s = ReadScenarioFile(
        path, path.find(".yaml") != std::string::npos ? InputFormat::kYaml : InputFormat::kDecide);
    for (double p : {0.3, 1.0}) {
      ExpectBoundsAndSameDecisions(s, p);
    }
  }
}

}  // namespace
}  // namespace concert::testing
