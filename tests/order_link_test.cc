// The order level feeding the institution level (order/order_link.h) and
// `concert simulate --order`.
#include "concert/order/order_link.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_util.h"
#include "order_test_util.h"

namespace concert::testing {
namespace {

concert::Scenario Negotiation(const std::vector<std::string>& ids) {
  concert::Scenario s;
  for (const std::string& id : ids) s.actors.push_back(Actor{id, id, Number{1.0, {}}, ""});
  return s;
}

TEST(OrderLink, CapabilityShareAndRelativeGainsWeight) {
  // Leader 0.75, C 0.25 (w = 1). rho_C = 0.2 gives r = 0.2 / 0.8 = 0.25; the
  // leader's rho 0.5 gives r = 1. D is not an actor of the order: unchanged.
  OrderSpec spec = TwoActors(0.75, 0.25);
  spec.actors[0].numbers[kRelativeGains] = Number{0.5, {}};
  spec.actors[1].numbers[kRelativeGains] = Number{0.2, {}};
  concert::Scenario s = Negotiation({"C", "D", "L"});
  InstitutionSpec institution;
  institution.from_file = true;
  DesignSpec alternative;
  alternative.parties["C"].relative_gains = Number{3.0, {}};
  institution.alternatives.push_back(alternative);
  const OrderLink link = ApplyOrderYear(spec, "", 2001, &s, &institution);
  ASSERT_EQ(link.actors.size(), 2u);
  EXPECT_EQ(link.actors[0].id, "C");
  EXPECT_NEAR(s.actors[0].capability.value, 0.25, 1e-12);
  EXPECT_EQ(s.actors[1].capability.value, 1.0);
  EXPECT_NEAR(s.actors[2].capability.value, 0.75, 1e-12);
  EXPECT_NEAR(institution.base.parties["C"].relative_gains->value, 0.25, 1e-12);
  EXPECT_NEAR(institution.base.parties["L"].relative_gains->value, 1.0, 1e-12);
  EXPECT_FALSE(institution.alternatives[0].parties["C"].relative_gains)
      << "the order's weight applies to every design";
}

TEST(OrderLink, Errors) {
  OrderSpec spec = TwoActors(0.75, 0.25);
  concert::Scenario none = Negotiation({"X"});
  EXPECT_THROW(ApplyOrderYear(spec, "", 2001, &none, nullptr), InputError);
  concert::Scenario s = Negotiation({"L"});
  try {
    ApplyOrderYear(spec, "", 1990, &s, nullptr);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "order_year");
  }
  spec.actors[0].numbers[kRelativeGains] = Number{1.0, {}};
  InstitutionSpec institution;
  institution.from_file = true;
  EXPECT_THROW(ApplyOrderYear(spec, "", 2001, &s, &institution), InputError);
}

TEST(OrderLink, SimulateTakesAYearOfTheOrder) {
  const std::string base = "simulate " + Scenario("six_party_talks_2005.yaml") +
                           " --draws 2000 -f json --order " + Scenario("liberal_order_2008.yaml");
  const CliRun r = Concert(base + " --order-year 2020");
  ASSERT_EQ(r.code, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["order"]["year"], 2020);
  EXPECT_EQ(j["order"]["actors"].size(), 6u);
  EXPECT_NEAR(j["order"]["actors"][0]["r"].get<double>(), 1.0, 1e-12);  // rho 0.5
  EXPECT_EQ(Concert(base).code, 1) << "--order needs --order-year";
  const CliRun early = Concert(base + " --order-year 1999");
  EXPECT_EQ(early.code, 1);
  EXPECT_NE(early.out.find("--order-year"), std::string::npos) << early.out;
  const CliRun preset = Concert(base + " --order-year 2020 --order-preset dove");
  EXPECT_EQ(preset.code, 1);
  EXPECT_NE(preset.out.find("--order-preset"), std::string::npos) << preset.out;
}

// docs/order.md, "Feeding the institution level": on the Six-Party scenario the
// year of the order (2008 or 2035) moves P(held) of every design by less than
// 0.01, while the relative-gains weights (the order's 0.5 against the section's
// own 0-0.2) move the design as coded by more than 0.03.
TEST(OrderLink, TheWeightsMatterMoreThanThePowerShift) {
  auto held = [](const std::string& args) {
    const CliRun r = Concert("simulate " + Scenario("six_party_talks_2005.yaml") +
                             " --draws 10000 -f json " + args);
    EXPECT_EQ(r.code, 0) << r.out;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    std::vector<double> out;
    for (const auto& d : j["designs"]) out.push_back(d["held"]);
    return out;
  };
  const std::string order = "--order " + Scenario("liberal_order_2008.yaml");
  const auto y2008 = held(order + " --order-year 2008"), y2035 = held(order + " --order-year 2035");
  const auto own = held("");
  ASSERT_EQ(y2008.size(), y2035.size());
  for (std::size_t k = 0; k < y2008.size(); ++k) EXPECT_LT(std::abs(y2035[k] - y2008[k]), 0.01);
  EXPECT_GT(own[0] - y2008[0], 0.03);
}

}  // namespace
}  // namespace concert::testing
