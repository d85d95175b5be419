// The compliance game: analytic thresholds (grim trigger with and without
// relative gains, punishments of k periods), the expected life of an agreement
// under false alarms, exit, sanctions, signing and vetoes, suspension and
// resumption, determinism.
#include "concert/institutions/compliance.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_util.h"

namespace concert::testing {
namespace {

// N symmetric parties, perfect monitoring, no shocks, no sanction, no aid.
GameTerms Symmetric(int n, double b, double c, double delta, double r = 0) {
  GameTerms g;
  g.periods = 50;
  g.monitoring = 1;
  g.cost_volatility = 0;
  for (int i = 0; i < n; ++i) {
    PartyTerms p;
    p.id = "P" + std::to_string(i);
    p.benefit = b;
    p.cost = c;
    p.discount = delta;
    p.relative_gains = r;
    g.parties.push_back(p);
  }
  return g;
}

PathResult Simulate(const GameTerms& g, std::uint64_t seed = 1,
                    std::vector<std::int64_t>* counts = nullptr) {
  std::vector<std::int64_t> local(static_cast<std::size_t>(g.periods), 0);
  PathResult r;
  Stream stream(seed, 0);
  SimulatePath(g, stream, &r, counts ? counts->data() : local.data());
  return r;
}

// Two parties with b = 5, c = 2 play a prisoner's dilemma with T = b = 5, R = b - c = 3,
// P = 0, S = -c = -2.
TEST(Compliance, GrimThresholdIsTMinusROverTMinusP) {
  // (T - R) / (T - P) = 2 / 5 = 0.4.
  GameTerms g = Symmetric(2, 5, 2, 0.5);
  ASSERT_TRUE(Threshold(g, 0).has_value());
  EXPECT_NEAR(*Threshold(g, 0), 0.4, 1e-12);
  // Just above: everyone complies in every period; just below: both defect at once
  // and the agreement ends after its first period.
  g.parties[0].discount = g.parties[1].discount = 0.41;
  std::vector<std::int64_t> counts(50, 0);
  PathResult r = Simulate(g, 1, &counts);
  EXPECT_EQ(r.end, PathResult::End::kHeld);
  EXPECT_EQ(counts[49], 2);
  EXPECT_NEAR(r.payoff[0], 3.0, 1e-12);  // R every period
  g.parties[0].discount = g.parties[1].discount = 0.39;
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kViolation);
  EXPECT_EQ(r.periods_in_force, 1);
}

TEST(Compliance, RelativeGainsRaiseTheThresholdAsDerived) {
  // delta*(r) = (T - R + r (T - S)) / (T - P + r (T - S)); r = 0.5, T - S = 7:
  // (2 + 3.5) / (5 + 3.5) = 5.5 / 8.5.
  const double expected = 5.5 / 8.5;
  GameTerms g = Symmetric(2, 5, 2, 0.5, 0.5);
  EXPECT_NEAR(*Threshold(g, 0), expected, 1e-12);
  for (double r : {0.0, 0.1, 1.0, 3.0}) {
    g = Symmetric(2, 5, 2, 0.5, r);
    EXPECT_NEAR(*Threshold(g, 0), (2 + r * 7) / (5 + r * 7), 1e-12) << r;
  }
  g = Symmetric(2, 5, 2, expected + 0.005, 0.5);
  EXPECT_EQ(Simulate(g).end, PathResult::End::kHeld);
  g = Symmetric(2, 5, 2, expected - 0.005, 0.5);
  EXPECT_EQ(Simulate(g).end, PathResult::End::kViolation);
}

TEST(Compliance, NPartyThresholdWithImperfectMonitoring) {
  // N = 6, b = 3, c = 1, r = 0.2, m = 0.8. Gain from defecting A = (1 + r) c + r b / (N - 1)
  // = 1.2 + 0.12 = 1.32 (each other party loses b / (N - 1)); loss m delta / (1 - delta) (b - c).
  // delta* = A / (A + m (b - c)) = 1.32 / (1.32 + 1.6) = 1.32 / 2.92.
  GameTerms g = Symmetric(6, 3, 1, 0.5, 0.2);
  g.monitoring = 0.8;
  EXPECT_NEAR(*Threshold(g, 3), 1.32 / 2.92, 1e-12);
}

TEST(Compliance, SanctionAndConditionalAid) {
  // A sanction s seen with probability m deters on its own when m (1 + r) s >= A:
  // here m = 1, s = 2 >= c = 2, so no discount factor is needed.
  GameTerms g = Symmetric(2, 5, 2, 0.1);
  g.sanction = 2;
  g.enforcer = kCollective;
  EXPECT_EQ(*Threshold(g, 0), 0.0);
  EXPECT_EQ(Simulate(g).end, PathResult::End::kHeld);
  // With a guarantor a tenth as strong as the target, the sanction bites a tenth:
  // A - K = 2 - 0.2 = 1.8 and delta* = 1.8 / (1.8 + 3) = 0.375.
  g.enforcer = 1;
  g.parties[1].capability = 0.1;
  EXPECT_NEAR(*Threshold(g, 0), 1.8 / 4.8, 1e-12);
  // Conditional aid a = 1 received while complying, paid by the other party:
  // recipient's A - K = 2 - 1 = 1, net value b - c + a = 4, delta* = 1 / (1 + 4) = 0.2.
  g = Symmetric(2, 5, 2, 0.5);
  g.aid_conditional = true;
  g.parties[0].aid = 1;
  g.parties[1].aid_share = 1;
  EXPECT_NEAR(*Threshold(g, 0), 0.2, 1e-12);
}

TEST(Compliance, FalseAlarmsEndTheAgreementAfterAGeometricTime) {
  // Every party complies (delta far above its threshold), so only false alarms end the
  // agreement: it survives a period with probability q = (1 - e)^N and lasts 1 / (1 - q)
  // periods on average (geometric law). e = 0.01, N = 6: 1 - q = 0.05852, mean 17.09.
  GameTerms g = Symmetric(6, 3, 1, 0.95);
  g.false_alarm = 0.01;
  g.periods = 100000;
  const double q = std::pow(0.99, 6);
  const double mean = 1 / (1 - q), sd = std::sqrt(q) / (1 - q);
  const int paths = 20000;
  double total = 0;
  std::vector<std::int64_t> counts(static_cast<std::size_t>(g.periods), 0);
  for (int k = 0; k < paths; ++k) {
    PathResult r;
    Stream stream(5, static_cast<std::uint64_t>(k));
    SimulatePath(g, stream, &r, counts.data());
    ASSERT_EQ(r.end, PathResult::End::kFalseAlarm);
    total += r.periods_in_force;
  }
  EXPECT_NEAR(total / paths, mean, 4 * sd / std::sqrt(paths));
}

TEST(Compliance, GrowingExitOptionFirstWeakensThenBreaksTheAgreement) {
  // Two parties b = 3, c = 1, delta = 0.9, party 0's exit option x_t = 0.5 + 0.1 t.
  // Its net value n_t = 2 - x_t = 1.5 - 0.1 t (party 1's stays 2). It complies while
  // c <= delta / (1 - delta) n_t = 9 (1.5 - 0.1 t), i.e. t <= 13.89; in period 14 it
  // defects, is seen (m = 1) and the agreement ends after 15 periods -- before the
  // period (t = 16) in which it would have left.
  GameTerms g = Symmetric(2, 3, 1, 0.9);
  g.parties[0].exit_value = 0.5;
  g.parties[0].exit_growth = 0.1;
  PathResult r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kViolation);
  EXPECT_EQ(r.periods_in_force, 15);
  EXPECT_EQ(r.ended_by, 0);
  // With delta = 0.99 the shadow of the future holds until the exit option passes the
  // agreement's value. Growth 0.14: n_t = 1.5 - 0.14 t; in period 10, n = 0.1 and it
  // complies (c = 1 <= 99 x 0.1); in period 11, n = -0.04 < 0 and it leaves.
  g.parties[0].discount = g.parties[1].discount = 0.99;
  g.parties[0].exit_growth = 0.14;
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kExit);
  EXPECT_EQ(r.periods_in_force, 11);
}

TEST(Compliance, SameSeedSamePath) {
  GameTerms g = Symmetric(6, 3, 1, 0.7);
  g.cost_volatility = 0.9;
  g.monitoring = 0.6;
  g.false_alarm = 0.02;
  g.periods = 500;
  const PathResult a = Simulate(g, 9), b = Simulate(g, 9);
  EXPECT_EQ(a.periods_in_force, b.periods_in_force);
  EXPECT_EQ(a.payoff, b.payoff);
}

TEST(Compliance, OneVetoBlocksTheAgreement) {
  // Three parties b = 3, c = 1: net value 2 each. Party 2's outside option 2.5 makes
  // its net value 2 - 2.5 = -0.5 < 0, so it does not sign and, by consensus, nobody
  // is bound: every party lives on its outside option (0, 0, 2.5) throughout.
  GameTerms g = Symmetric(3, 3, 1, 0.9);
  g.parties[2].exit_value = 2.5;
  EXPECT_TRUE(Signs(g, 0));
  EXPECT_FALSE(Signs(g, 2));
  std::vector<std::int64_t> complying(50, 0), in_force(50, 0);
  PathResult r;
  Stream stream(1, 0);
  SimulatePath(g, stream, &r, complying.data(), in_force.data());
  EXPECT_EQ(r.end, PathResult::End::kNeverSigned);
  EXPECT_EQ(r.ended_by, 2);
  EXPECT_EQ(r.periods_in_force, 0);
  EXPECT_EQ(r.payoff, (std::vector<double>{0, 0, 2.5}));
  EXPECT_EQ(in_force, std::vector<std::int64_t>(50, 0));
  // At exactly its outside option (2 - 2 = 0) it signs, but then has nothing to lose by
  // defecting (loss 0 < cost 1): it defects at once, is seen, and ends the agreement.
  g.parties[2].exit_value = 2;
  EXPECT_TRUE(Signs(g, 2));
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kViolation);
  EXPECT_EQ(r.ended_by, 2);
  EXPECT_EQ(r.periods_in_force, 1);
  // A party whose consent is not required cannot veto: the agreement is signed, and
  // that party leaves in the first period instead.
  g.parties[2].exit_value = 2.5;
  g.parties[2].consent = false;
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kExit);
  EXPECT_EQ(r.ended_by, 2);
}

TEST(Compliance, PunishmentOfKPeriodsThreshold) {
  // Two parties b = 5, c = 2, m = 1: defecting gains A = c = 2 and, with a k-period
  // punishment, loses (delta + ... + delta^k)(b - c) = 3 (delta + ... + delta^k).
  // k = 1: delta* = 2/3. k = 2: delta^2 + delta = 2/3, delta* = (-1 + sqrt(11/3)) / 2.
  GameTerms g = Symmetric(2, 5, 2, 0.5);
  g.punishment = 1;
  EXPECT_NEAR(*Threshold(g, 0), 2.0 / 3.0, 1e-12);
  g.punishment = 2;
  EXPECT_NEAR(*Threshold(g, 0), (-1 + std::sqrt(11.0 / 3.0)) / 2, 1e-12);
  EXPECT_NEAR(PunishmentWeight(0.5, 2), 0.75, 1e-15);
  EXPECT_NEAR(PunishmentWeight(0.5, 0), 1.0, 1e-15);  // grim: delta / (1 - delta)
  // A one-period punishment can never deter a gain above the agreement's value:
  // b = 5, c = 4.5 gives A = 4.5 > 1 x 0.5.
  g = Symmetric(2, 5, 4.5, 0.5);
  g.punishment = 1;
  EXPECT_FALSE(Threshold(g, 0).has_value());
}

TEST(Compliance, SuspendedThenResumed) {
  // b = 5, c = 2, delta = 0.1: both defect whenever the agreement is in force
  // (loss 3 (0.1 + 0.01) = 0.33 < 2) and are seen (m = 1). With a punishment of 2
  // periods and a horizon of 7: in force in periods 0, 3, 6; suspended in 1-2 and
  // 4-5; three suspensions begun; never ended.
  GameTerms g = Symmetric(2, 5, 2, 0.1);
  g.periods = 7;
  g.punishment = 2;
  std::vector<std::int64_t> complying(7, 0), in_force(7, 0);
  PathResult r;
  Stream stream(1, 0);
  SimulatePath(g, stream, &r, complying.data(), in_force.data());
  EXPECT_EQ(r.end, PathResult::End::kHeld);
  EXPECT_EQ(r.suspensions, 3);
  EXPECT_EQ(r.periods_in_force, 3);
  EXPECT_EQ(in_force, (std::vector<std::int64_t>{1, 0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(complying, std::vector<std::int64_t>(7, 0));
  // Grim trigger: the same first period ends it for good, as a violation.
  g.punishment = 0;
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kViolation);
  EXPECT_EQ(r.periods_in_force, 1);
  // Resumption is a renegotiation: party 0's outside option 2.5 + 0.3 t passes the
  // agreement's value 3 after t = 1.67, so at the resumption in period 3 it leaves.
  g.punishment = 2;
  g.parties[0].exit_value = 2.5;
  g.parties[0].exit_growth = 0.3;
  r = Simulate(g);
  EXPECT_EQ(r.end, PathResult::End::kExit);
  EXPECT_EQ(r.ended_by, 0);
  EXPECT_EQ(r.periods_in_force, 1);
  EXPECT_EQ(r.suspensions, 1);
}

TEST(Compliance, BadTerms) {
  GameTerms g = Symmetric(2, 5, 2, 1.0);
  try {
    ValidateTerms(g);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("parties.P0.discount"), std::string::npos) << e.what();
  }
  g = Symmetric(2, 5, 2, 0.5);
  g.monitoring = 1.2;
  EXPECT_THROW(ValidateTerms(g), InputError);
  g.monitoring = 1;
  g.punishment = -1;
  EXPECT_THROW(ValidateTerms(g), InputError);
}

}  // namespace
}  // namespace concert::testing
