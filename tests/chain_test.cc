// The chain forecast -> signing -> compliance (institutions/chain.h): its
// sources, that each run equals a lone simulation of that source, signing by
// hand on the shipped scenario, and bad requests.
#include "concert/institutions/chain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "concert/io/institution_reader.h"
#include "concert/output/chain_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

struct SixParty {
  SixParty() {
    const std::string path = SourceDir() + "/scenarios/six_party_talks_2005.yaml";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    scenario = ReadScenario(path, text.str());
    spec = ReadInstitution(path, text.str(), scenario);
  }
  Scenario scenario;
  InstitutionSpec spec;
};

std::string ErrorOf(const InstitutionSpec& spec, const std::vector<std::string>& sources) {
  try {
    ChainSources(spec, sources);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Chain, Sources) {
  const SixParty six;
  const std::vector<std::string> all = ChainSources(six.spec, {"all"});
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all[0], "given");
  EXPECT_EQ(all[1], "compromise");
  EXPECT_EQ(all[6], "smp");
  // Specs are made canonical.
  EXPECT_EQ(ChainSources(six.spec, {"bdm"})[0].rfind("bdm(", 0), 0u);
  InstitutionSpec no_outcomes = six.spec;
  no_outcomes.outcomes.clear();
  EXPECT_EQ(ChainSources(no_outcomes, {"all"}).size(), 6u);
  EXPECT_NE(ErrorOf(no_outcomes, {"given"}).find("agreement.outcomes"), std::string::npos);
  EXPECT_NE(ErrorOf(six.spec, {"given", "all"}).find("'all' stands alone"), std::string::npos);
  EXPECT_NE(ErrorOf(six.spec, {"compromize"}).find("agreement_model"), std::string::npos);
}

TEST(Chain, EachRunIsTheLoneSimulationOfItsSource) {
  const SixParty six;
  SimulateOptions options;
  options.draws = 200;
  options.seed = 4;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const ChainResult chain =
      RunChain(six.scenario, six.spec, {"given", "nash", "bdm"}, options, one);
  const ChainResult again =
      RunChain(six.scenario, six.spec, {"given", "nash", "bdm"}, options, two);
  const SimulationHeader header = HeaderFor(six.spec, 4, false);
  EXPECT_EQ(ChainJson(six.scenario, header, chain), ChainJson(six.scenario, header, again));
  ASSERT_EQ(chain.runs.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    SimulateOptions lone = options;
    lone.model = k == 0 ? "" : chain.sources[k];
    const SimulationResult r = RunSimulation(six.scenario, six.spec, lone, one);
    EXPECT_EQ(SimulationJson(six.scenario, header, r),
              SimulationJson(six.scenario, header, chain.runs[k]))
        << chain.sources[k];
  }
}

TEST(Chain, SigningByHandOnTheSixPartyScenario) {
  // At the numbers' values (fixed), with the section's agreement the DPRK's net value
  // is b - c + aid - exit = 0.0625 - 0.270 + 0.30 - 0.05 = 0.0425 >= 0 (the scenario's
  // comment), and the others' are positive: every draw is signed. Under the compromise
  // forecast (nuclear 70.2, refugees 68.1, missiles 68.9, unification 47.4), with DPRK
  // positions 15, 95, 10, 75, status quo 5, 60, 35, 55 and saliences 0.9, 0.9, 0.4, 0.35:
  //   nuclear (|15 - 5| - |15 - 70.2|) / 100 = -0.452, missiles (25 - 58.9) / 100 = -0.339,
  //   unification (20 - 27.6) / 100 = -0.076, refugees (35 - 26.9) / 100 = +0.081;
  //   cost 0.9 x 0.452 + 0.4 x 0.339 + 0.35 x 0.076 = 0.569, benefit 0.9 x 0.081 = 0.073,
  //   net 0.073 - 0.569 + 0.30 - 0.05 = -0.246 < 0: the DPRK vetoes in every draw.
  const SixParty six;
  SimulateOptions options;
  options.draws = 50;
  options.fixed = true;
  const ChainResult chain = RunChain(six.scenario, six.spec, {"given", "compromise"}, options);
  const DesignSummary& given = chain.runs[0].designs[0];
  EXPECT_EQ(given.p_signed, 1.0);
  EXPECT_EQ(given.never_signed, 0.0);
  const DesignSummary& compromise = chain.runs[1].designs[0];
  EXPECT_NEAR(chain.runs[1].agreement[0], 70.2, 0.05);
  EXPECT_EQ(compromise.p_signed, 0.0);
  EXPECT_EQ(compromise.vetoes[2], 1.0);  // PRK
  EXPECT_EQ(compromise.ended_by[2], 1.0);
  EXPECT_NEAR(compromise.terms.parties[2].benefit - compromise.terms.parties[2].cost, 0.073 - 0.569,
              0.002);
}

TEST(Chain, EachDrawsRecordAddsUpToTheSummary) {
  // The per-draw records (--table draws) are the summary's raw material: their
  // means are the summary's shares, whatever the number of threads.
  const SixParty six;
  SimulateOptions options;
  options.draws = 300;
  options.seed = 2;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const ChainResult chain = RunChain(six.scenario, six.spec, {"given", "median"}, options, one);
  const ChainResult again = RunChain(six.scenario, six.spec, {"given", "median"}, options, two);
  EXPECT_EQ(ChainCsv(six.scenario, chain, "draws"), ChainCsv(six.scenario, again, "draws"));
  for (const SimulationResult& r : chain.runs) {
    const std::size_t nd = r.designs.size();
    ASSERT_EQ(r.draw_outcomes.size(), 300 * nd);
    for (std::size_t d = 0; d < nd; ++d) {
      const DesignSummary& design = r.designs[d];
      const std::size_t np = design.terms.parties.size();
      double is_signed = 0, held = 0, cost = 0;
      std::vector<double> vetoes(np, 0);
      for (std::size_t i = 0; i < 300; ++i) {
        const DrawOutcome& o = r.draw_outcomes[i * nd + d];
        bool any_veto = false;
        for (std::size_t p = 0; p < np; ++p) {
          const bool veto = r.draw_vetoes[(i * nd + d) * np + p] != 0;
          vetoes[p] += veto;
          any_veto = any_veto || veto;
        }
        EXPECT_EQ(any_veto, o.end == PathResult::End::kNeverSigned);
        is_signed += !any_veto;
        held += o.end == PathResult::End::kHeld;
        cost += o.enforcement_cost;
      }
      EXPECT_NEAR(is_signed / 300, design.p_signed, 1e-12) << design.name;
      EXPECT_NEAR(held / 300, design.held, 1e-12) << design.name;
      EXPECT_NEAR(cost / 300, design.enforcement_cost, 1e-9) << design.name;
      for (std::size_t p = 0; p < np; ++p) EXPECT_NEAR(vetoes[p] / 300, design.vetoes[p], 1e-12);
    }
  }
  // One CSV row per source, draw and design, after the header.
  const std::string csv = ChainCsv(six.scenario, chain, "draws");
  const std::size_t rows = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  EXPECT_EQ(rows, 300 * (chain.runs[0].designs.size() + chain.runs[1].designs.size()));
  EXPECT_EQ(csv.rfind("source,draw,design,signed,vetoed_by,end,ended_by,", 0), 0u);
}

TEST(Chain, ProgressCoversEverySource) {
  const SixParty six;
  SimulateOptions options;
  options.draws = 40;
  RunControl control;
  control.threads = 1;
  std::size_t last_done = 0, last_total = 0;
  bool monotone = true;
  control.progress = [&](std::size_t done, std::size_t total) {
    monotone = monotone && done >= last_done;
    last_done = done;
    last_total = total;
  };
  RunChain(six.scenario, six.spec, {"given", "median"}, options, control);
  EXPECT_TRUE(monotone);
  EXPECT_EQ(last_done, last_total);
  EXPECT_GT(last_total, 0u);
}

}  // namespace
}  // namespace concert::testing
