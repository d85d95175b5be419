#include "concert/models/registry.h"

#include <gtest/gtest.h>

namespace concert {
namespace {

std::string CreateError(const std::string& spec) {
  try {
    CreateModel(spec);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Registry, RegisteredNames) {
  std::vector<std::string> names;
  for (const ModelInfo& info : Registry::Builtin().models()) names.push_back(info.name);
  EXPECT_EQ(names, (std::vector<std::string>{"compromise", "median", "nash", "bdm", "exchange",
                                             "smp", "learned"}));
}

TEST(Registry, EveryModelHasSummaryAndCitation) {
  for (const ModelInfo& info : Registry::Builtin().models()) {
    EXPECT_FALSE(info.summary.empty()) << info.name;
    EXPECT_FALSE(info.citations.empty()) << info.name;
    for (const ParamInfo& p : info.params) EXPECT_FALSE(p.description.empty()) << p.name;
  }
}

TEST(Registry, CanonicalSpecSpellsOutDefaults) {
  EXPECT_EQ(CreateModel("compromise").spec, "compromise");
  EXPECT_EQ(CreateModel("nash").spec, "nash(weight=capability)");
  EXPECT_EQ(CreateModel(" nash( weight = influence ) ").spec, "nash(weight=influence)");
  EXPECT_EQ(CreateModel("median()").spec, "median");
}

TEST(Registry, ParsesKeyValueLists) {
  ModelSpec spec = ParseModelSpec("bdm(rounds=10, risk=on)");
  EXPECT_EQ(spec.name, "bdm");
  ASSERT_EQ(spec.args.size(), 2u);
  EXPECT_EQ(spec.args[0], (std::pair<std::string, std::string>{"rounds", "10"}));
  EXPECT_EQ(spec.args[1], (std::pair<std::string, std::string>{"risk", "on"}));
}

TEST(Registry, ClearErrors) {
  EXPECT_NE(CreateError("bmd").find("unknown model 'bmd'; registered models: compromise, median, "
                                    "nash, bdm, exchange"),
            std::string::npos);
  EXPECT_NE(CreateError("nash(wieght=capability)")
                .find("model 'nash' has no parameter 'wieght'; its parameters: weight"),
            std::string::npos);
  EXPECT_NE(CreateError("nash(weight=power)")
                .find("parameter 'weight' expects one of capability, influence but got 'power'"),
            std::string::npos);
  EXPECT_NE(CreateError("compromise(x=1)").find("its parameters: (none)"), std::string::npos);
  EXPECT_NE(CreateError("nash(weight)").find("expected key=value but got 'weight'"),
            std::string::npos);
  EXPECT_NE(CreateError("nash(weight=capability").find("expected ')' at the end"),
            std::string::npos);
  EXPECT_NE(CreateError("nash(weight=capability,weight=influence)").find("given twice"),
            std::string::npos);
  EXPECT_NE(CreateError("").find("expected a model name"), std::string::npos);
}

TEST(Registry, ShortSpecDropsDefaults) {
  EXPECT_EQ(ShortSpec(CreateModel("bdm").spec), "bdm");
  EXPECT_EQ(ShortSpec(CreateModel("bdm(variant=paper)").spec), "bdm(variant=paper)");
  EXPECT_EQ(ShortSpec(CreateModel("smp(turns=5, voting=cubic)").spec), "smp(turns=5,voting=cubic)");
  EXPECT_EQ(ShortSpec("not a spec("), "not a spec(");
}

}  // namespace
}  // namespace concert
