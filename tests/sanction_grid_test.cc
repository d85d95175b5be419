// The sanction grid (institutions/sanction_grid.h): cells that must agree by the
// model's own rules, a cell against the same design simulated alone, bad axes.
#include "concert/institutions/sanction_grid.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "concert/io/institution_reader.h"
#include "concert/output/sanction_grid_output.h"
#include "test_util.h"

namespace concert::testing {
namespace {

struct Six {
  Six() {
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

SanctionGridOptions Small() {
  SanctionGridOptions o;
  o.sizes = {0, 0.3};
  o.monitoring = {0.4, 0.9};
  o.simulate.draws = 300;
  o.simulate.seed = 3;
  return o;
}

TEST(SanctionGrid, CellsAgreeWhereTheModelSaysTheyMust) {
  const Six six;
  const SanctionGridResult g = RunSanctionGrid(six.scenario, six.spec, Small());
  // Default enforcers: none, the two most capable actors (CHN, then USA, by CINC 2005), collective.
  ASSERT_EQ(g.enforcers, (std::vector<std::string>{"none", "CHN", "USA", "collective"}));
  ASSERT_EQ(g.simulation.designs.size(), 1 + 4 * 2 * 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    // No enforcer: the size does not matter. Size 0: the enforcer does not matter.
    EXPECT_EQ(g.Cell(0, 0, m).survival, g.Cell(0, 1, m).survival);
    for (std::size_t e = 1; e < 4; ++e) {
      EXPECT_EQ(g.Cell(e, 0, m).survival, g.Cell(0, 0, m).survival) << e;
    }
    // China and the USA both outweigh the DPRK, so their sanctions bite in full
    // (EffectiveSanction: s min(1, C_enforcer / C_target)) and the cells agree.
    EXPECT_EQ(g.Cell(1, 1, m).held, g.Cell(2, 1, m).held);
  }
  // A sanction changes nobody's value of signing.
  for (const DesignSummary& d : g.simulation.designs)
    EXPECT_EQ(d.p_signed, g.Cell(0, 0, 0).p_signed);
}

TEST(SanctionGrid, ACellIsThatDesignSimulatedAlone) {
  const Six six;
  const SanctionGridResult g = RunSanctionGrid(six.scenario, six.spec, Small());
  InstitutionSpec alone = six.spec;
  DesignSpec d;
  d.name = "by hand";
  d.enforcer = "CHN";
  d.sanction = Number{0.3, {}};
  d.monitoring = Number{0.9, {}};
  alone.alternatives = {d};
  const SimulationResult r = RunSimulation(six.scenario, alone, Small().simulate);
  const DesignSummary& cell = g.Cell(1, 1, 1);  // CHN, s = 0.3, m = 0.9
  EXPECT_EQ(cell.held, r.designs[1].held);
  EXPECT_EQ(cell.survival, r.designs[1].survival);
  EXPECT_EQ(cell.mean_periods, r.designs[1].mean_periods);
  EXPECT_EQ(g.simulation.designs[0].survival, r.designs[0].survival);  // as coded
}

TEST(SanctionGrid, BadAxes) {
  const Six six;
  auto error = [&](SanctionGridOptions o) {
    try {
      RunSanctionGrid(six.scenario, six.spec, o);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  SanctionGridOptions o = Small();
  o.sizes.clear();
  EXPECT_NE(error(o).find("sanction_sizes"), std::string::npos);
  o = Small();
  o.monitoring = {1.5};
  EXPECT_NE(error(o).find("expected numbers in [0, 1] but got 1.5"), std::string::npos);
  o = Small();
  o.enforcers = {"UN"};
  EXPECT_NE(error(o).find("'UN'"), std::string::npos);
  o = Small();
  o.sizes.assign(30, 0.1);
  o.monitoring.assign(20, 0.5);
  EXPECT_NE(error(o).find("at most 400 cells"), std::string::npos);
}

TEST(SanctionGrid, OutputsDoNotDependOnThreads) {
  const Six six;
  RunControl one, two;
  one.threads = 1;
  two.threads = 2;
  const SanctionGridResult a = RunSanctionGrid(six.scenario, six.spec, Small(), one);
  const SanctionGridResult b = RunSanctionGrid(six.scenario, six.spec, Small(), two);
  const SimulationHeader h = HeaderFor(six.spec, 3, false);
  EXPECT_EQ(SanctionGridJson(six.scenario, h, a), SanctionGridJson(six.scenario, h, b));
  EXPECT_EQ(SanctionGridCsv(a), SanctionGridCsv(b));
  EXPECT_EQ(SanctionGridCsv(a).rfind("enforcer,sanction,monitoring,statistic,value\n", 0), 0u);
  EXPECT_NE(SanctionGridHtml(six.scenario, h, a).find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace concert::testing
