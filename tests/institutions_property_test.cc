// Properties of the repeated games and the compliance game, checked on random cases.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cmath>

#include "concert/institutions/compliance.h"
#include "concert/institutions/tournament.h"
#include "test_util.h"

namespace concert::testing {
namespace {

double Real(int low, int high, double scale) { return *rc::gen::inRange(low, high) / scale; }

GameTerms Pair(double b, double c, double delta, double r, double m) {
  GameTerms g;
  g.periods = 20;
  g.monitoring = m;
  g.cost_volatility = 0;
  for (int i = 0; i < 2; ++i) {
    PartyTerms p;
    p.id = i == 0 ? "A" : "B";
    p.benefit = b;
    p.cost = c;
    p.discount = delta;
    p.relative_gains = r;
    g.parties.push_back(p);
  }
  return g;
}

// Two symmetric parties: delta* = A / (A + m (b - c)) with A = (1 + r) c + r b, i.e. the
// prisoner's-dilemma form (T - R + r (T - S)) / (T - P + r (T - S)) when m = 1; rising in r.
RC_GTEST_PROP(InstitutionsProperty, PairThresholdMatchesTheFormula, ()) {
  const double b = Real(10, 1000, 100), c = b * Real(1, 99, 100);
  const double r = Real(0, 300, 100), m = Real(1, 100, 100);
  const GameTerms g = Pair(b, c, 0.5, r, m);
  const double a = (1 + r) * c + r * b;
  RC_ASSERT(Threshold(g, 0).has_value());
  RC_ASSERT(std::abs(*Threshold(g, 0) - a / (a + m * (b - c))) < 1e-12);
  const double more = r + Real(1, 100, 100);
  RC_ASSERT(*Threshold(Pair(b, c, 0.5, more, m), 0) >= *Threshold(g, 0));
}

// With perfect monitoring and no shocks, a pair just above its threshold keeps the
// agreement for every period; just below, it ends after the first.
RC_GTEST_PROP(InstitutionsProperty, PathsFollowTheThreshold, ()) {
  const double b = Real(10, 1000, 100), c = b * Real(5, 95, 100), r = Real(0, 200, 100);
  const double star = *Threshold(Pair(b, c, 0.5, r, 1), 0);
  RC_PRE(star > 0.02 && star < 0.98);
  std::vector<std::int64_t> counts(20, 0);
  PathResult result;
  Stream above(1, 0), below(1, 0);
  SimulatePath(Pair(b, c, star + 0.01, r, 1), above, &result, counts.data());
  RC_ASSERT(result.end == PathResult::End::kHeld);
  SimulatePath(Pair(b, c, star - 0.01, r, 1), below, &result, counts.data());
  RC_ASSERT(result.end == PathResult::End::kViolation);
  RC_ASSERT(result.periods_in_force == 1);
}

// Any game: the path ends at most once, within the horizon, no more parties comply than
// exist, and the same stream gives the same path.
RC_GTEST_PROP(InstitutionsProperty, PathInvariants, ()) {
  const int n = *rc::gen::inRange(2, 9);
  GameTerms g;
  g.periods = *rc::gen::inRange(1, 60);
  g.monitoring = Real(0, 101, 100);
  g.false_alarm = Real(0, 20, 100);
  g.forgiveness = Real(0, 101, 100);
  g.cost_volatility = Real(0, 101, 100);
  g.sanction = Real(0, 100, 100);
  g.enforcer = *rc::gen::inRange(-2, n);
  g.aid_conditional = *rc::gen::arbitrary<bool>();
  g.punishment = *rc::gen::inRange(0, 4);
  for (int i = 0; i < n; ++i) {
    PartyTerms p;
    p.id = "P" + std::to_string(i);
    p.capability = Real(1, 100, 100);
    p.benefit = Real(0, 200, 100);
    p.cost = Real(0, 100, 100);
    p.discount = Real(0, 99, 100);
    p.relative_gains = Real(0, 100, 100);
    p.exit_value = Real(-20, 20, 100);
    p.exit_growth = Real(-5, 5, 100);
    p.aid = Real(0, 30, 100);
    p.aid_share = 1.0 / n;
    p.consent = *rc::gen::arbitrary<bool>();
    g.parties.push_back(p);
  }
  ValidateTerms(g);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(g.periods), 0), again = counts;
  PathResult first, second;
  Stream one(7, 3), two(7, 3);
  SimulatePath(g, one, &first, counts.data());
  SimulatePath(g, two, &second, again.data());
  RC_ASSERT(first.periods_in_force >= 0 && first.periods_in_force <= g.periods);
  RC_ASSERT((first.end == PathResult::End::kHeld) == (first.ended_by < 0));
  if (first.end == PathResult::End::kHeld && first.suspensions == 0) {
    RC_ASSERT(first.periods_in_force == g.periods);
  }
  // A grim trigger never suspends; a path never signed is never in force.
  if (g.punishment == 0) RC_ASSERT(first.suspensions == 0);
  if (first.end == PathResult::End::kNeverSigned) RC_ASSERT(first.periods_in_force == 0);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    RC_ASSERT(counts[t] >= 0 && counts[t] <= n);
    if (first.suspensions == 0 && static_cast<int>(t) >= first.periods_in_force) {
      RC_ASSERT(counts[t] == 0);
    }
  }
  RC_ASSERT(first.payoff == second.payoff);
  RC_ASSERT(counts == again);
}

// Deterministic strategies without noise: a twin match is symmetric, and a match does not
// depend on the seed.
RC_GTEST_PROP(InstitutionsProperty, DeterministicStrategiesIgnoreTheSeed, ()) {
  std::vector<std::string> names;
  for (const StrategyInfo& info : StrategyLibrary()) {
    if (!info.stochastic) names.push_back(info.name);
  }
  const std::string a = *rc::gen::elementOf(names), b = *rc::gen::elementOf(names);
  MatchOptions options;
  options.turns = *rc::gen::inRange(1, 300);
  auto x = CreateStrategy(a).strategy, y = CreateStrategy(b).strategy;
  const MatchResult m1 = PlayMatch(*x, *y, options, 1, 0);
  const MatchResult m2 = PlayMatch(*x, *y, options, *rc::gen::arbitrary<std::uint64_t>(), 9);
  RC_ASSERT(m1.score_a == m2.score_a);
  RC_ASSERT(m1.score_b == m2.score_b);
  auto twin = CreateStrategy(a).strategy;
  const MatchResult self = PlayMatch(*x, *twin, options, 1, 0);
  RC_ASSERT(self.score_a == self.score_b);
}

}  // namespace
}  // namespace concert::testing
