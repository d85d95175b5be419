// Properties of the expected-utility model, checked on random scenarios with
// RapidCheck (seeded through RC_PARAMS in tests/CMakeLists.txt, so CI is repeatable).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "concert/models/bdm/success_probabilities.h"
#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"

namespace concert {
namespace {

struct Actors {
  std::vector<double> x, c, s;
};

void showValue(const Actors& a, std::ostream& os) {
  for (std::size_t k = 0; k < a.x.size(); ++k) {
    os << "x " << a.x[k] << " c " << a.c[k] << " s " << a.s[k] << "\n";
  }
}

// Positions on a fine 0-100 grid, a quarter of them copied from an earlier
// actor (coincident positions are common in real data); capability and
// salience in (0, 1]. Exact ties between offers (two challengers at exactly
// the same distance on either side, say) are settled by input order, as in
// the reference; the fine grid makes them vanishingly rare here.
rc::Gen<Actors> GenActors() {
  return rc::gen::exec([] {
    const int n = *rc::gen::inRange(2, 14);
    Actors a;
    for (int k = 0; k < n; ++k) {
      const bool copy = k > 1 && *rc::gen::inRange(0, 4) == 0;
      a.x.push_back(copy ? a.x[*rc::gen::inRange(0, k)] : *rc::gen::inRange(0, 1000000001) / 1e7);
      a.c.push_back(*rc::gen::inRange(1, 1001) / 1000.0);
      a.s.push_back(*rc::gen::inRange(1, 101) / 100.0);
    }
    return a;
  });
}

Scenario MakeScenario(const Actors& a, const std::vector<std::size_t>& order) {
  ScenarioDraft d;
  d.salience_unit = 1.0;
  Issue issue;
  issue.id = "x";
  d.issues.push_back({issue, {}});
  for (std::size_t k : order) {
    std::string id = "a" + std::to_string(k);
    d.actors.push_back({{id, id, {a.c[k], {}}, ""}, {}});
    d.stances.push_back({id, "x", {{a.x[k], {}}, {a.s[k], {}}, {}}, {}});
  }
  return BuildScenario(d);
}

RC_GTEST_PROP(BdmProperty, FastProbabilitiesMatchBruteForce, ()) {
  const Actors a = *GenActors();
  const std::size_t n = a.x.size();
  std::vector<double> w(n), rho(n);
  for (std::size_t k = 0; k < n; ++k) {
    w[k] = a.c[k] * a.s[k];
    rho[k] = *rc::gen::inRange(50, 201) / 100.0;
  }
  auto [low, high] = std::minmax_element(a.x.begin(), a.x.end());
  const double range = *high - *low;
  RC_PRE(range > 0);
  bdm::VoteTable votes;
  votes.Prepare(a.x, w, rho, range, false);
  const double denominator = bdm::BruteForceDenominator(a.x, w, rho, range);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double numerator = 0;  // sum_k max(0, v_k(x_i, x_j)), as the reference sums it
      for (std::size_t k = 0; k < n; ++k) {
        numerator += std::max(0.0, w[k] * (std::pow(std::abs(a.x[k] - a.x[j]) / range, rho[k]) -
                                           std::pow(std::abs(a.x[k] - a.x[i]) / range, rho[k])));
      }
      const double expected = a.x[i] == a.x[j] ? 0.0 : numerator / denominator;
      RC_ASSERT(std::abs(votes.P(i, j) - expected) <= 1e-12 * (1 + expected));
    }
  }
}

RC_GTEST_PROP(BdmProperty, ForecastDoesNotDependOnActorOrder, ()) {
  const Actors a = *GenActors();
  std::vector<std::size_t> order(a.x.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::size_t> shuffled = order;
  std::mt19937 shuffle_stream(*rc::gen::inRange(0, 1 << 30));
  std::shuffle(shuffled.begin(), shuffled.end(), shuffle_stream);
  for (const char* spec : {"bdm", "bdm(variant=paper)"}) {
    const Forecast f1 = CreateModel(spec).model->Run(MakeScenario(a, order), RunContext{});
    const Forecast f2 = CreateModel(spec).model->Run(MakeScenario(a, shuffled), RunContext{});
    const auto& r1 = f1.issues[0].rounds;
    const auto& r2 = f2.issues[0].rounds;
    RC_ASSERT(r1.size() == r2.size());
    RC_ASSERT(std::abs(*f1.issues[0].outcome - *f2.issues[0].outcome) < 1e-9);
    for (std::size_t round = 0; round < r1.size(); ++round) {
      for (std::size_t k = 0; k < shuffled.size(); ++k) {
        // Actor shuffled[k] sits at index k in the second scenario.
        RC_ASSERT(std::abs(*r1[round].positions[shuffled[k]] - *r2[round].positions[k]) < 1e-9);
      }
    }
  }
}

RC_GTEST_PROP(BdmProperty, PositionsStayWithinTheInitialSpread, ()) {
  const Actors a = *GenActors();
  std::vector<std::size_t> order(a.x.size());
  std::iota(order.begin(), order.end(), 0);
  auto [low, high] = std::minmax_element(a.x.begin(), a.x.end());
  for (const char* spec : {"bdm", "bdm(variant=paper)", "bdm(risk=off,q=0.5,variant=paper)"}) {
    const Forecast f = CreateModel(spec).model->Run(MakeScenario(a, order), RunContext{});
    for (const Round& r : f.issues[0].rounds) {
      for (const auto& x : r.positions) RC_ASSERT(*x >= *low && *x <= *high);
      RC_ASSERT(*r.outcome >= *low && *r.outcome <= *high);
    }
  }
}

RC_GTEST_PROP(BdmProperty, IdenticalOutputAcrossRuns, ()) {
  const Actors a = *GenActors();
  std::vector<std::size_t> order(a.x.size());
  std::iota(order.begin(), order.end(), 0);
  const Scenario s = MakeScenario(a, order);
  CreatedModel m = CreateModel("bdm");
  Forecast f1 = m.model->Run(s, RunContext{});
  Forecast f2 = CreateModel("bdm").model->Run(s, RunContext{});
  f1.model = f2.model = m.spec;
  RC_ASSERT(ForecastsToJson(s, {f1}, 0) == ForecastsToJson(s, {f2}, 0));
}

}  // namespace
}  // namespace concert
