// Power indices (voting/power_index.h): textbook games by hand, the three
// methods against a definitional brute force, Monte Carlo within its errors,
// thread invariance, and bad rules.
#include "concert/voting/power_index.h"

#include <gtest/gtest.h>

#include <cmath>

#include "concert/core/error.h"
#include "concert/core/random.h"
#include "concert/io/read.h"
#include "concert/io/voting_rule_reader.h"
#include "test_util.h"

namespace concert::testing {
namespace {

VotingRule OneQuota(const std::vector<double>& weights, double quota) {
  VotingRule rule;
  for (std::size_t i = 0; i < weights.size(); ++i) rule.names.push_back("p" + std::to_string(i));
  rule.weights = {weights};
  rule.quotas = {quota};
  return rule;
}

PowerResult With(const VotingRule& rule, PowerMethod method, unsigned threads = 1) {
  PowerOptions options;
  options.method = method;
  RunControl control;
  control.threads = threads;
  return ComputePower(rule, options, control);
}

// The definition, coalition by coalition: phi_i sums |S|! (n-|S|-1)! / n! over
// the coalitions S without i that lose and win with i; eta_i counts them.
std::vector<PlayerPower> BruteForce(const VotingRule& rule) {
  const std::size_t n = rule.names.size();
  auto wins = [&](std::uint64_t mask) {
    for (std::size_t k = 0; k < rule.quotas.size(); ++k) {
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) sum += (mask >> i & 1) ? rule.weights[k][i] : 0;
      if (sum < rule.quotas[k]) return false;
    }
    return true;
  };
  std::vector<PlayerPower> out(n);
  const double factorial_n = std::tgamma(static_cast<double>(n) + 1);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << n); ++mask) {
      if (mask >> i & 1 || wins(mask) || !wins(mask | std::uint64_t{1} << i)) continue;
      const double size = __builtin_popcountll(mask);
      out[i].swings += 1;
      out[i].shapley_shubik +=
          std::tgamma(size + 1) * std::tgamma(static_cast<double>(n) - size) / factorial_n;
    }
  }
  return out;
}

TEST(PowerIndex, TheEecCouncilOf1958ByHand) {
  // France, Germany, Italy 4 votes, Belgium and the Netherlands 2, Luxembourg 1,
  // quota 12 of 17 (Felsenthal & Machover 1998 use it: Luxembourg a dummy).
  // France's swings are coalitions of the others weighing 8 to 11: {DE, IT}
  // alone or with LU, BE, NL, BE+LU or NL+LU (6), and DE or IT with BE+NL, alone
  // or with LU (4): 10. Belgium's weigh 10 or 11: two of the big three with NL,
  // with or without LU: 6. Luxembourg's would weigh 11, an odd sum of even
  // weights: 0. eta = 10, 10, 10, 6, 6, 0 of 42: beta = 5/21 and 1/7.
  // Shapley-Shubik: France's swings have sizes 2 (1), 3 (5) and 4 (4), with
  // weights 2!3!/6! = 3!2!/6! = 12/720 and 4!1!/6! = 24/720: 168/720 = 7/30;
  // Belgium's have sizes 3 (3) and 4 (3): 108/720 = 3/20.
  VotingRule rule = OneQuota({4, 4, 4, 2, 2, 1}, 12);
  for (PowerMethod method : {PowerMethod::kGeneratingFunctions, PowerMethod::kEnumeration}) {
    const PowerResult r = With(rule, method);
    const double ss[] = {7.0 / 30, 7.0 / 30, 7.0 / 30, 3.0 / 20, 3.0 / 20, 0};
    const double eta[] = {10, 10, 10, 6, 6, 0};
    for (std::size_t i = 0; i < 6; ++i) {
      EXPECT_NEAR(r.players[i].shapley_shubik, ss[i], 1e-14) << PowerMethodName(method) << i;
      EXPECT_EQ(r.players[i].swings, eta[i]);
      EXPECT_NEAR(r.players[i].banzhaf, eta[i] / 42, 1e-14);
      EXPECT_NEAR(r.players[i].banzhaf_absolute, eta[i] / 32, 1e-14);
    }
    // Winning: the big three with any of the 8 subsets of the small, or two of
    // them (3 ways) with BE and NL, with or without LU (6): 14 of 64.
    EXPECT_NEAR(r.p_winning, 14.0 / 64, 1e-15);
  }
}

TEST(PowerIndex, TheUnSecurityCouncilByHand) {
  // Five permanent members with a veto and ten others; 9 votes pass a
  // resolution: weights 7 and 1, quota 39. A non-permanent member's swings are
  // the five permanent with exactly 3 of the other 9: C(9,3) = 84, each of size 8,
  // so phi = 84 x 8! 6! / 15! = 0.0018648; a permanent member's are the other four
  // with at least 4 of the ten: 2^10 - (1 + 10 + 45 + 120) = 848; of 5 x 848 + 10 x 84
  // = 5080 swings, beta = 848 / 5080 = 0.1669 (the textbook's value).
  std::vector<double> weights(15, 1);
  for (int i = 0; i < 5; ++i) weights[i] = 7;
  const PowerResult r = With(OneQuota(weights, 39), PowerMethod::kAuto);
  const double small = 84 * std::tgamma(9) * std::tgamma(7) / std::tgamma(16);
  EXPECT_NEAR(r.players[14].shapley_shubik, small, 1e-15);
  EXPECT_NEAR(r.players[0].shapley_shubik, (1 - 10 * small) / 5, 1e-14);
  EXPECT_NEAR(r.players[0].shapley_shubik, 0.196270, 5e-7);  // the textbook's 0.1963
  EXPECT_EQ(r.players[0].swings, 848);
  EXPECT_EQ(r.players[14].swings, 84);
  EXPECT_NEAR(r.players[0].banzhaf, 848.0 / 5080, 1e-14);
}

TEST(PowerIndex, PublishedTextbookGames) {
  // Stach (2011), "Shapley-Shubik index", Encyclopedia of Power (SAGE) 603-606:
  // quota 50, weights 10, 10, 20, 30 -> 1/12, 1/12, 1/4, 7/12.
  const PowerResult stach = With(OneQuota({10, 10, 20, 30}, 50), PowerMethod::kAuto);
  const double ss[] = {1.0 / 12, 1.0 / 12, 0.25, 7.0 / 12};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(stach.players[i].shapley_shubik, ss[i], 1e-15);
  // Chakravarty, Mitra & Sarkar (2015), A Course on Cooperative Game Theory,
  // pp. 118-119: quota 12, weights 8, 6, 4, 2 -> Banzhaf 5/12, 1/4, 1/4, 1/12,
  // absolute 0.625, 0.375, 0.375, 0.125.
  const PowerResult cms = With(OneQuota({8, 6, 4, 2}, 12), PowerMethod::kGeneratingFunctions);
  const double beta[] = {5.0 / 12, 0.25, 0.25, 1.0 / 12}, absolute[] = {0.625, 0.375, 0.375, 0.125};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR(cms.players[i].banzhaf, beta[i], 1e-15);
    EXPECT_NEAR(cms.players[i].banzhaf_absolute, absolute[i], 1e-15);
  }
  // Quota 51, weights 50, 49, 1 (the example of R's CoopGame, normalizedBanzhafIndex):
  // 50's swings {49}, {1}, {49, 1}; 49's {50}; 1's {50} -> Banzhaf 0.6, 0.2, 0.2,
  // absolute 0.75, 0.25, 0.25.
  const PowerResult three = With(OneQuota({50, 49, 1}, 51), PowerMethod::kEnumeration);
  EXPECT_NEAR(three.players[0].banzhaf, 0.6, 1e-15);
  EXPECT_NEAR(three.players[2].banzhaf, 0.2, 1e-15);
  EXPECT_NEAR(three.players[1].banzhaf_absolute, 0.25, 1e-15);
}

TEST(PowerIndex, EveryMethodIsTheDefinitionOnRandomRules) {
  Stream stream(7, 0);
  for (int game = 0; game < 40; ++game) {
    const std::size_t n = 1 + stream.Next() % 11;
    const std::size_t criteria = 1 + stream.Next() % 3;
    VotingRule rule;
    for (std::size_t i = 0; i < n; ++i) rule.names.push_back("p" + std::to_string(i));
    for (std::size_t k = 0; k < criteria; ++k) {
      std::vector<double> w(n);
      double total = 0;
      for (double& x : w) total += x = static_cast<double>(stream.Next() % 9);
      if (total == 0) w[0] = total = 1;
      rule.weights.push_back(w);
      rule.quotas.push_back(std::max(1.0, std::ceil(total * (0.3 + 0.7 * stream.Uniform()))));
    }
    const std::vector<PlayerPower> want = BruteForce(rule);
    for (PowerMethod method : {PowerMethod::kGeneratingFunctions, PowerMethod::kEnumeration}) {
      const PowerResult got = With(rule, method, 2);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(got.players[i].swings, want[i].swings) << game << PowerMethodName(method);
        EXPECT_NEAR(got.players[i].shapley_shubik, want[i].shapley_shubik, 1e-12)
            << game << PowerMethodName(method);
      }
    }
  }
}

TEST(PowerIndex, EnumerationTakesRealWeights) {
  // Shares of a population: 0.45, 0.35, 0.2 with a quota of 0.55 is the game of
  // weights 45, 35, 20 and quota 55; 0.55 exactly is reached by 0.35 + 0.2.
  const PowerResult real = With(OneQuota({0.45, 0.35, 0.2}, 0.55), PowerMethod::kAuto);
  const PowerResult whole = With(OneQuota({45, 35, 20}, 55), PowerMethod::kGeneratingFunctions);
  EXPECT_EQ(real.method, PowerMethod::kEnumeration);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(real.players[i].swings, whole.players[i].swings);
    EXPECT_NEAR(real.players[i].shapley_shubik, 1.0 / 3, 1e-15);  // any two of three win
  }
}

TEST(PowerIndex, MonteCarloIsWithinItsErrors) {
  const VotingRule rule = OneQuota({29, 29, 29, 29, 27, 27, 14, 13, 12, 12, 12, 12, 12, 10,
                                    10, 10, 7,  7,  7,  7,  7,  4,  4,  4,  4,  4,  3},
                                   255);
  const PowerResult exact = With(rule, PowerMethod::kGeneratingFunctions);
  PowerOptions options;
  options.method = PowerMethod::kMonteCarlo;
  options.samples = 200'000;
  options.seed = 3;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const PowerResult mc = ComputePower(rule, options, one);
  const PowerResult again = ComputePower(rule, options, two);
  EXPECT_EQ(mc.samples, 200'000u);
  int outside = 0;
  for (std::size_t i = 0; i < 27; ++i) {
    EXPECT_EQ(mc.players[i].shapley_shubik, again.players[i].shapley_shubik);
    EXPECT_EQ(mc.players[i].banzhaf, again.players[i].banzhaf);
    EXPECT_GT(mc.players[i].shapley_shubik_se, 0);
    // 54 estimates, each within 4 standard errors but for a chance of 6e-5 each.
    outside += std::abs(mc.players[i].shapley_shubik - exact.players[i].shapley_shubik) >
               4 * mc.players[i].shapley_shubik_se;
    outside += std::abs(mc.players[i].banzhaf_absolute - exact.players[i].banzhaf_absolute) >
               4 * mc.players[i].banzhaf_absolute_se;
  }
  EXPECT_EQ(outside, 0);
  EXPECT_NEAR(mc.p_winning, exact.p_winning, 4 * std::sqrt(exact.p_winning / 200'000));
}

TEST(PowerIndex, ThreadsDoNotChangeTheResult) {
  VotingRule rule = OneQuota({9, 8, 7, 7, 6, 5, 5, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1}, 40);
  rule.weights.push_back(std::vector<double>(20, 1));
  rule.quotas.push_back(11);
  for (PowerMethod method : {PowerMethod::kGeneratingFunctions, PowerMethod::kEnumeration}) {
    const PowerResult one = With(rule, method, 1), two = With(rule, method, 2);
    for (std::size_t i = 0; i < 20; ++i) {
      EXPECT_EQ(one.players[i].shapley_shubik, two.players[i].shapley_shubik);
      EXPECT_EQ(one.players[i].swings, two.players[i].swings);
    }
  }
}

TEST(PowerIndex, ShippedRulesHaveTheTreatiesTotals) {
  // The totals of the treaties (data/README.md): 17 votes in 1958, 45 weighted
  // votes for the Security Council, 87 for the EU-15, 345 for the EU-27 with its
  // 27 members and Declaration 20's 481.181 million people.
  auto totals = [](const std::string& name) {
    const std::string path = SourceDir() + "/data/voting/" + name;
    const VotingRule rule = ReadVotingRule(path, ReadTextFile(path)).rule;
    std::vector<double> out;
    for (const std::vector<double>& w : rule.weights) {
      double t = 0;
      for (double x : w) t += x;
      out.push_back(t);
    }
    return out;
  };
  EXPECT_EQ(totals("eec_1958.yaml"), std::vector<double>{17});
  EXPECT_EQ(totals("un_security_council.yaml"), std::vector<double>{45});
  EXPECT_EQ(totals("eu15_qmv.yaml"), std::vector<double>{87});
  const std::vector<double> nice = totals("nice_eu27.yaml");
  ASSERT_EQ(nice.size(), 3u);
  EXPECT_EQ(nice[0], 345);
  EXPECT_EQ(nice[1], 27);
  EXPECT_NEAR(nice[2], 481.181, 1e-9);
}

TEST(PowerIndex, NicePopulationCriterionBarelyMatters) {
  // What docs/power.md reports of data/voting/nice_eu27.yaml. Votes and member
  // states by both exact methods, which must agree; all three criteria by
  // enumeration (population is not integral).
  const std::string path = SourceDir() + "/data/voting/nice_eu27.yaml";
  const VotingRule nice = ReadVotingRule(path, ReadTextFile(path)).rule;
  VotingRule two = nice, votes = nice;
  two.weights.pop_back();
  two.quotas.pop_back();
  two.criteria.pop_back();
  votes.weights.resize(1);
  votes.quotas.resize(1);
  votes.criteria.resize(1);
  const PowerResult all = With(nice, PowerMethod::kAuto, 2);
  const PowerResult by_generating = With(two, PowerMethod::kGeneratingFunctions, 2);
  const PowerResult by_enumeration = With(two, PowerMethod::kEnumeration, 2);
  const PowerResult by_votes = With(votes, PowerMethod::kAuto, 2);
  EXPECT_EQ(all.method, PowerMethod::kEnumeration);
  auto winning = [](const PowerResult& r) { return std::ldexp(r.p_winning, 27); };
  EXPECT_EQ(winning(by_votes), 2718774);
  EXPECT_EQ(winning(by_generating), 2718758);
  EXPECT_EQ(winning(by_enumeration), 2718758);
  EXPECT_EQ(winning(all), 2718751);
  for (std::size_t i = 0; i < 27; ++i) {
    EXPECT_EQ(by_generating.players[i].swings, by_enumeration.players[i].swings);
    EXPECT_NEAR(by_generating.players[i].shapley_shubik, by_enumeration.players[i].shapley_shubik,
                1e-15);
    EXPECT_NEAR(all.players[i].banzhaf, by_generating.players[i].banzhaf, 5e-5) << nice.names[i];
  }
  EXPECT_NEAR(all.players[0].shapley_shubik, 0.0871, 5e-5);  // DE with population
  EXPECT_NEAR(by_generating.players[0].shapley_shubik, 0.0867, 5e-5);
  EXPECT_NEAR(all.players[0].banzhaf, 0.0778, 5e-5);
  EXPECT_NEAR(all.players[4].banzhaf / all.players[0].banzhaf, 0.95, 0.005);  // ES / DE
}

std::string ErrorOf(const VotingRule& rule, PowerMethod method = PowerMethod::kAuto) {
  try {
    With(rule, method);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(PowerIndex, BadRules) {
  EXPECT_NE(ErrorOf(OneQuota({4, 4, 1}, 10)).find("quota 10 is not in (0, 9]"), std::string::npos);
  EXPECT_NE(ErrorOf(OneQuota({4, 4, 1}, 0)).find("quota 0"), std::string::npos);
  EXPECT_NE(ErrorOf(OneQuota({4, -1, 1}, 3)).find("weight of 'p1' is -1"), std::string::npos);
  EXPECT_NE(ErrorOf(OneQuota({}, 3)).find("at least one player"), std::string::npos);
  VotingRule twice = OneQuota({1, 2}, 2);
  twice.names[1] = "p0";
  EXPECT_NE(ErrorOf(twice).find("named twice"), std::string::npos);
  VotingRule short_criterion = OneQuota({1, 2}, 2);
  short_criterion.weights.push_back({1});
  short_criterion.quotas.push_back(1);
  EXPECT_NE(ErrorOf(short_criterion).find("criterion 2: 1 weights for 2 players"),
            std::string::npos);
  VotingRule no_quota = OneQuota({1, 2}, 2);
  no_quota.quotas.clear();
  EXPECT_NE(ErrorOf(no_quota).find("one quota per criterion"), std::string::npos);
  EXPECT_NE(ErrorOf(OneQuota({0.5, 1}, 1), PowerMethod::kGeneratingFunctions)
                .find("need integer weights"),
            std::string::npos);
  EXPECT_NE(ErrorOf(OneQuota(std::vector<double>(31, 1), 16), PowerMethod::kEnumeration)
                .find("at most 30 players"),
            std::string::npos);
  EXPECT_THROW(ParsePowerMethod("exact"), InputError);
  EXPECT_EQ(ParsePowerMethod("monte-carlo"), PowerMethod::kMonteCarlo);
}

}  // namespace
}  // namespace concert::testing
