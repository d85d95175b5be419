// The random-rate variant: a two-actor case by hand, the invariants of the
// mutual-best loop on the Six-Party scenario and on random boards,
// determinism under a seed, and the parameter combinations it refuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "concert/core/error.h"
#include "concert/io/read.h"
#include "concert/models/exchange/equal_gain.h"
#include "concert/models/exchange/random_rate_loop.h"
#include "concert/models/exchange/rates.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

exchange::RoundOptions<double> RandomRate(std::uint64_t seed, int round = 1) {
  exchange::RoundOptions<double> o;
  o.rates.variant = exchange::Rates::Variant::kRandomRate;
  o.rates.seed = seed;
  o.rates.round = round;
  return o;
}

// The two actors of exchange_rates_test.cc (test_rex.py): Actor-2 (side i)
// supplies issue 2, Actor-1 (side j) issue 1; dp <= 100/7, dq <= 250/7.
// Break-even rates dq/dp: Actor-1 at a = s_j1 / s_j2 = .1 / .9, Actor-2 at
// b = s_i1 / s_i2 = .6 / .5 = 1.2. The rate r = a + (b - a) U; Actor-1 moves all
// the way (dp = 100/7) as r x 100/7 <= 120/7 < 250/7; Actor-2 moves
// dq x 1.4 / .5 = 40 r; gains 100/7 (.6 - .5 r) for Actor-2, 100/7 (.9 r - .1) for
// Actor-1. One candidate is the best for both: executed at once.
TEST(ExchangeRandomRate, TwoActorsByHand) {
  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    exchange::Board<double> b;
    b.actors = 2;
    b.issues = 2;
    b.present.assign(4, 1);
    b.x = {0, 100, 0, 100};
    b.s = {0.1, 0.6, 0.9, 0.5};
    b.c = {1, 1, 1, 1};
    const auto r = exchange::RunRound(b, RandomRate(seed));
    ASSERT_EQ(r.executed.size(), 1u);
    EXPECT_EQ(r.passes, 0u);
    EXPECT_FALSE(r.deadlock);
    const auto& e = r.executed[0].exchange;
    Stream draws(seed, exchange::DrawIndex(1, 0));
    const double rate = 1.0 / 9 + (1.2 - 1.0 / 9) * draws.Uniform();
    EXPECT_NEAR(e.rate, rate, 1e-15);
    EXPECT_NEAR(e.dp, 100.0 / 7, 1e-12);
    EXPECT_NEAR(e.dq, rate * 100 / 7, 1e-12);
    EXPECT_NEAR(e.i.move, -40 * rate, 1e-12);
    EXPECT_NEAR(e.j.move, 100, 1e-12);
    EXPECT_NEAR(e.i.eu, 100.0 / 7 * (0.6 - 0.5 * rate), 1e-12);
    EXPECT_NEAR(e.j.eu, 100.0 / 7 * (0.9 * rate - 0.1), 1e-12);
    // Voting outcomes: issue 1 with Actor-1 at 100 -> 100; issue 2 with Actor-2
    // at 100 - 40 r -> (100 - 40 r) x .5 / 1.4.
    EXPECT_NEAR(r.outcome_after[0], 100, 1e-12);
    EXPECT_NEAR(r.outcome_after[1], (100 - 40 * rate) * 0.5 / 1.4, 1e-12);
  }
}

// A concession on the same exchange, at rate r = .6 (set by hand): dp = 100/7,
// dq = 60/7 (<= 250/7); Actor-2 (i) gains 100/7 x .6 - 60/7 x .5 = 30/7, Actor-1
// (j) 60/7 x .9 - 100/7 x .1 = 44/7. Actor-2 concedes down to 2: moving all the
// way (dq = 250/7) would need dp = (2 + 250/7 x .5) / .6 = 33.1 > 100/7, so Actor-1
// moves all the way and dq = (100/7 x .6 - 2) / .5 = 92/7; the new rate is .92 and
// Actor-1 gains 92/7 x .9 - 100/7 x .1 = 10.4. Recalculated, the exchange keeps it.
TEST(ExchangeRandomRate, ConcessionByHand) {
  exchange::Board<double> b;
  b.actors = 2;
  b.issues = 2;
  b.present.assign(4, 1);
  b.x = {0, 100, 0, 100};
  b.s = {0.1, 0.6, 0.9, 0.5};
  b.c = {1, 1, 1, 1};
  exchange::Rates rates;
  rates.variant = exchange::Rates::Variant::kRandomRate;
  const exchange::Round<double> round(b, rates);
  exchange::Exchange<double> e = round.Make(1, 0, 0, 1, true);
  e.rate = 0.6;
  e.has_rate = true;
  round.Calculate(e);
  EXPECT_NEAR(e.dq, 60.0 / 7, 1e-12);
  EXPECT_NEAR(e.i.eu, 30.0 / 7, 1e-12);
  EXPECT_NEAR(e.j.eu, 44.0 / 7, 1e-12);
  exchange::Concede(round, e, 0, 2.0);
  EXPECT_NEAR(e.dp, 100.0 / 7, 1e-12);
  EXPECT_NEAR(e.dq, 92.0 / 7, 1e-12);
  EXPECT_NEAR(e.rate, 0.92, 1e-12);
  EXPECT_NEAR(e.i.eu, 2, 1e-12);
  EXPECT_NEAR(e.j.eu, 10.4, 1e-12);
  EXPECT_NEAR(e.gain, 2, 1e-12);
  e.i.moves.pop_back();
  e.j.moves.pop_back();
  round.Calculate(e);
  EXPECT_NEAR(e.i.eu, 2, 1e-12);
  EXPECT_NEAR(e.j.eu, 10.4, 1e-12);
}

// Checks, at every execution, that the chosen exchange gives both of its
// actors their highest gain among the exchanges in play, that its rate lies
// between the break-even rates and that both gain.
struct Checker {
  std::size_t executions = 0;
  void operator()(const std::vector<const exchange::Exchange<double>*>& in_play,
                  const exchange::Exchange<double>& chosen) {
    std::map<std::size_t, double> best;
    for (const auto* e : in_play) {
      for (const auto* side : {&e->i, &e->j}) {
        auto [it, fresh] = best.insert({side->actor, side->eu});
        if (!fresh) it->second = std::max(it->second, side->eu);
      }
    }
    EXPECT_TRUE(exchange::SameGain(chosen.i.eu, best.at(chosen.i.actor)));
    EXPECT_TRUE(exchange::SameGain(chosen.j.eu, best.at(chosen.j.actor)));
    const double a = chosen.j.s_supply / chosen.j.s_demand;  // j breaks even
    const double b = chosen.i.s_demand / chosen.i.s_supply;  // i breaks even
    EXPECT_GE(chosen.rate, a * (1 - 1e-12));
    EXPECT_LE(chosen.rate, b * (1 + 1e-12));
    EXPECT_NEAR(chosen.dq / chosen.dp, chosen.rate, 1e-12 * chosen.rate);
    EXPECT_GE(chosen.i.eu, -1e-12);
    EXPECT_GE(chosen.j.eu, -1e-12);
    EXPECT_NEAR(chosen.i.eu, chosen.dp * chosen.i.s_demand - chosen.dq * chosen.i.s_supply, 1e-12);
    EXPECT_NEAR(chosen.j.eu, chosen.dq * chosen.j.s_demand - chosen.dp * chosen.j.s_supply, 1e-12);
    ++executions;
  }
};

// A random board: positions on 0-100, saliences in (0, 1], capabilities in (0, 1].
exchange::Board<double> RandomBoard(std::size_t actors, std::size_t issues, std::uint64_t seed) {
  Stream draws(seed, 0);
  exchange::Board<double> b;
  b.actors = actors;
  b.issues = issues;
  b.present.assign(actors * issues, 1);
  for (std::size_t k = 0; k < actors * issues; ++k) {
    b.x.push_back(std::round(100 * draws.Uniform()));
    b.s.push_back(0.05 + 0.95 * draws.Uniform());
    b.c.push_back(0.05 + 0.95 * draws.Uniform());
  }
  return b;
}

TEST(ExchangeRandomRate, EveryExecutionIsBestForBothActors) {
  std::size_t executions = 0, passes = 0;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    exchange::Board<double> board = RandomBoard(12, 5, seed);
    for (int round = 1; round <= 5; ++round) {
      Checker checker;
      exchange::RoundOptions<double> o = RandomRate(seed, round);
      o.on_execute = std::ref(checker);
      const auto r = exchange::RunRound(board, o);
      EXPECT_EQ(checker.executions, r.executed.size());
      executions += r.executed.size();
      passes += r.passes;
      // Termination: at most max_passes concessions between two executions.
      EXPECT_LE(r.passes, (r.executed.size() + 1) * 1024u);
      for (double x : board.x) {
        EXPECT_GE(x, 0);
        EXPECT_LE(x, 100);
      }
    }
  }
  EXPECT_GT(executions, 100u);
  EXPECT_GT(passes, 0u);  // the concession step was exercised
}

// With no concessions allowed (max_passes = 0) a round ends at the first
// impasse: it reports the deadlock and keeps the exchanges executed so far.
TEST(ExchangeRandomRate, DeadlockEndsTheRound) {
  std::size_t deadlocks = 0;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    exchange::Board<double> strict = RandomBoard(12, 5, seed), free = strict;
    exchange::RoundOptions<double> o = RandomRate(seed);
    const auto unlimited = exchange::RunRound(free, o);
    o.rates.max_passes = 0;
    const auto limited = exchange::RunRound(strict, o);
    EXPECT_FALSE(unlimited.deadlock);
    EXPECT_EQ(limited.passes, 0u);
    if (limited.deadlock) {
      ++deadlocks;
      EXPECT_LT(limited.executed.size(), unlimited.executed.size());
      EXPECT_GT(unlimited.passes, 0u);
    }
  }
  EXPECT_GT(deadlocks, 0u);
}

Forecast RunSpec(const Scenario& s, const std::string& spec, std::uint64_t seed) {
  RunContext context;
  context.seed = seed;
  CreatedModel m = CreateModel(spec);
  Forecast f = m.model->Run(s, context);
  f.model = m.spec;
  return f;
}

TEST(ExchangeRandomRate, ReproducibleUnderASeedAndReportsGains) {
  const Scenario s = ReadScenarioFile(SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  const std::string spec = "exchange(variant=random-rate)";
  EXPECT_EQ(ForecastsToJson(s, {RunSpec(s, spec, 7)}, 7),
            ForecastsToJson(s, {RunSpec(s, spec, 7)}, 7));
  const Forecast a = RunSpec(s, spec, 7), b = RunSpec(s, spec, 8);
  ASSERT_FALSE(a.trades.empty());
  ASSERT_FALSE(b.trades.empty());
  EXPECT_NE(a.trades.front().values, b.trades.front().values);
  for (const Trade& t : a.trades) {
    EXPECT_GE(Value(t.values, "gain_i"), -1e-12);
    EXPECT_GE(Value(t.values, "gain_j"), -1e-12);
    EXPECT_DOUBLE_EQ(t.gain, std::min(Value(t.values, "gain_i"), Value(t.values, "gain_j")));
  }
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    EXPECT_EQ(Value(a.issues[d].rounds[1].values, "deadlock"), 0);
  }
  // The decimal arithmetic runs the same loop.
  const Forecast exact = RunSpec(s, "exchange(variant=random-rate,arithmetic=decimal,rounds=1)", 7);
  const Forecast fast = RunSpec(s, "exchange(variant=random-rate,rounds=1)", 7);
  ASSERT_EQ(exact.trades.size(), fast.trades.size());
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    EXPECT_NEAR(*exact.issues[d].outcome, *fast.issues[d].outcome, 1e-9);
  }
}

TEST(ExchangeRandomRate, RefusesParametersOfTheOtherVariant) {
  EXPECT_THROW(CreateModel("exchange(variant=random-rate,p=0.3)"), InputError);
  EXPECT_THROW(CreateModel("exchange(variant=random-rate,ties=random)"), InputError);
  EXPECT_THROW(CreateModel("exchange(p=1.5)"), InputError);
  EXPECT_THROW(CreateModel("exchange(p=-0.1)"), InputError);
}

}  // namespace
}  // namespace concert::testing
