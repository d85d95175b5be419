// The sweep in the library: job expansion, paths, one job against the
// forecast run API, the reader's errors, and the store.
#include "concert/analysis/sweep.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "concert/analysis/forecast_run.h"
#include "concert/core/uncertain.h"
#include "concert/institutions/simulate.h"
#include "concert/io/document.h"
#include "concert/io/sweep_reader.h"
#include "concert/run/sweep_run.h"
#include "concert/store/sweep_tables.h"
#include "test_util.h"

namespace concert {
namespace {

Scenario SixParty() {
  return ReadDocumentFile(testing::SourceDir() + "/scenarios/six_party_talks_2005.yaml").scenario;
}

SweepSpec SmallSpec() {
  SweepSpec spec;
  spec.name = "small";
  spec.scenarios = {{"six_party", SixParty(), {}}};
  spec.models = {"compromise", "median"};
  spec.axes = {{"actors.PRK.capability", {0.01, 0.02}, {}},
               {"stances.CHN.nuclear.salience", {60, 75, 90}, {}}};
  spec.cases = {{{{"issues.nuclear.status_quo", 10}}, {}},
                {{{"stances.USA.nuclear.position", 70}}, {}}};
  spec.seeds = {7};
  return spec;
}

std::string TempStore(const std::string& name) {
  const std::string path = ::testing::TempDir() + "concert_sweep_" + name + ".sqlite";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

TEST(Sweep, JobsOrderModelsFastestThenTheLastAxis) {
  const SweepPlan plan = PlanSweep(SmallSpec());
  // 1 scenario x 2 cases x (2 x 3) grid = 12 cells, x 2 models.
  ASSERT_EQ(plan.cells, 12u);
  ASSERT_EQ(plan.jobs(), 24u);
  // Job 7: model 7 % 2 = 1; cell 3 -> salience index 3 % 3 = 0, capability
  // index (3 / 3) % 2 = 1, case 3 / 6 = 0.
  const SweepJob job = JobAt(plan, 7);
  EXPECT_EQ(job.model, 1u);
  EXPECT_EQ(job.cell, 3u);
  EXPECT_EQ(job.case_index, 0u);
  ASSERT_EQ(job.set.size(), 3u);
  EXPECT_EQ(job.set[0].path, "issues.nuclear.status_quo");
  EXPECT_EQ(job.set[1].value, 0.02);
  EXPECT_EQ(job.set[2].value, 60);
  // Job 23, the last: case 1, capability 0.02, salience 90, model 1.
  const SweepJob last = JobAt(plan, 23);
  EXPECT_EQ(last.case_index, 1u);
  EXPECT_EQ(last.set[0].path, "stances.USA.nuclear.position");
  EXPECT_EQ(last.set[1].value, 0.02);
  EXPECT_EQ(last.set[2].value, 90);
  // Every job of a seed shares it (common random numbers); keys differ.
  EXPECT_EQ(job.seed, 7u);
  EXPECT_EQ(JobAt(plan, 22).seed, 7u);
  EXPECT_NE(JobKey(plan, JobAt(plan, 6)), JobKey(plan, job));
  // Two seeds: a dimension between the scenario and the case.
  SweepSpec two = SmallSpec();
  two.seeds = {7, 9};
  const SweepPlan replicated = PlanSweep(two);
  ASSERT_EQ(replicated.jobs(), 48u);
  EXPECT_EQ(JobAt(replicated, 23).seed, 7u);
  EXPECT_EQ(JobAt(replicated, 24).seed, 9u);
  EXPECT_EQ(JobAt(replicated, 24).set[0].path, "issues.nuclear.status_quo");  // case 0 again
  two.seeds = {7, 7};
  EXPECT_THROW(PlanSweep(two), InputError);
}

TEST(Sweep, PathsSetTheValueAndDropTheUncertainty) {
  Scenario scenario = SixParty();
  SetScenarioNumber(&scenario, "stances.CHN.nuclear.salience", 62, {});
  SetScenarioNumber(&scenario, "actors.PRK.capability", 0.5, {});
  SetScenarioNumber(&scenario, "issues.refugees.status_quo", 12.5, {});
  SetScenarioNumber(&scenario, "stances.USA.missiles.position", 40, {});
  const Stance* chn = scenario.stance(1, 0);
  EXPECT_EQ(chn->salience.value, 0.62);  // points / 100
  EXPECT_FALSE(IsUncertain(chn->salience));
  EXPECT_EQ(scenario.actors[2].capability.value, 0.5);
  EXPECT_FALSE(IsUncertain(scenario.actors[2].capability));
  EXPECT_EQ(scenario.issues[1].status_quo->value, 12.5);
  EXPECT_EQ(scenario.stance(0, 2)->position.value, 40);
  EXPECT_TRUE(IsUncertain(scenario.stance(0, 2)->salience));  // untouched
}

TEST(Sweep, BadPathsAndValuesAreRefusedWithTheirPlace) {
  Scenario scenario = SixParty();
  const ErrorLocation where{"s.yaml", 9, "vary.x"};
  auto message = [&](const std::string& path, double value) {
    try {
      SetScenarioNumber(&scenario, path, value, where);
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().line, 9);
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_NE(message("actors.XXX.capability", 1).find("unknown actor 'XXX'"), std::string::npos);
  EXPECT_NE(message("stances.USA.trade.position", 1).find("unknown issue 'trade'"),
            std::string::npos);
  EXPECT_NE(message("stances.USA.nuclear.position", 101).find("[0, 100]"), std::string::npos);
  EXPECT_NE(message("stances.USA.nuclear.salience", -1).find("salience"), std::string::npos);
  EXPECT_NE(message("actors.USA.capability", -0.1).find(">= 0"), std::string::npos);
  EXPECT_NE(message("actors.USA.name", 1).find("unknown path"), std::string::npos);
}

TEST(Sweep, AJobEqualsTheForecastOfTheEditedScenario) {
  SweepSpec spec = SmallSpec();
  spec.models = {"bdm(risk=on)"};
  spec.draws = 50;
  const SweepPlan plan = PlanSweep(spec);
  const SweepJob job = JobAt(plan, 5);
  const SweepJobResult result = RunSweepJob(plan, 5);
  // The same scenario edited by hand, through the forecast run API.
  ForecastRequest request;
  request.scenario = SixParty();
  for (const SweepAssignment& a : job.set) {
    SetScenarioNumber(&request.scenario, a.path, a.value, {});
  }
  request.models = {"bdm(risk=on)"};
  request.draws = 50;
  request.seed = job.seed;
  const ForecastResult forecast = RunForecast(request);
  ASSERT_EQ(result.issues.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(result.issues[i].outcome, *forecast.forecasts[0].issues[i].outcome);
    EXPECT_EQ(result.issues[i].mean, forecast.monte_carlo[0].issues[i].mean);
    EXPECT_EQ(result.issues[i].sd, forecast.monte_carlo[0].issues[i].sd);
    EXPECT_EQ(result.issues[i].n, 50u);
  }
  const SweepJobResult back = SweepResultFromJson(SweepResultToJson(result));
  EXPECT_EQ(SweepResultToJson(back), SweepResultToJson(result));
}

TEST(Sweep, ASimulateJobEqualsTheSimulationOfTheEditedInstitution) {
  const ScenarioDocument doc =
      ReadDocumentFile(testing::SourceDir() + "/scenarios/six_party_talks_2005.yaml");
  SweepSpec spec;
  spec.scenarios = {{"six_party", doc.scenario, doc.institution}};
  spec.models = {"simulate", "compromise"};
  spec.axes = {{"institution.aid.PRK", {0.1, 0.5}, {}},
               {"institution.parties.PRK.exit_value", {-0.1}, {}}};
  spec.simulate_draws = 300;
  spec.seeds = {3};
  const SweepPlan plan = PlanSweep(spec);
  ASSERT_EQ(plan.jobs(), 4u);
  const SweepJobResult job = RunSweepJob(plan, 2);  // aid 0.5, simulate
  // By hand: the section with the DPRK's aid and exit value set, through the
  // simulate run API.
  InstitutionSpec institution = doc.institution;
  institution.base.aid["PRK"] = Number{0.5, {}};
  institution.base.parties["PRK"].exit_value = Number{-0.1, {}};
  SimulateOptions options;
  options.draws = 300;
  options.seed = 3;
  const SimulationResult expected = RunSimulation(doc.scenario, institution, options);
  ASSERT_EQ(job.designs.size(), expected.designs.size());
  for (std::size_t d = 0; d < expected.designs.size(); ++d) {
    EXPECT_EQ(job.designs[d].design, expected.designs[d].name);
    EXPECT_EQ(job.designs[d].held, expected.designs[d].held);
    EXPECT_EQ(job.designs[d].mean_periods, expected.designs[d].mean_periods);
  }
  EXPECT_EQ(job.issues[0].outcome, expected.agreement[0]);
  // The compromise job of the same cell ignores the institution's numbers.
  const SweepJobResult forecast = RunSweepJob(plan, 3);
  EXPECT_TRUE(forecast.designs.empty());
  EXPECT_EQ(forecast.issues.size(), 4u);
  // Without an institution section, simulate is refused; bad paths too.
  SweepSpec none = spec;
  none.scenarios[0].institution = InstitutionSpec{};
  EXPECT_THROW(PlanSweep(none), InputError);
  SweepSpec bad = spec;
  bad.axes = {{"institution.monitoring", {1.5}, {}}};
  EXPECT_THROW(PlanSweep(bad), InputError);
  bad.axes = {{"institution.aid.XXX", {0.1}, {}}};
  EXPECT_THROW(PlanSweep(bad), InputError);
  bad.axes = {{"institution.punishment", {2}, {}}};
  EXPECT_THROW(PlanSweep(bad), InputError);
}

std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

std::string SweepError(const std::string& body) {
  const std::string scenario = testing::SourceDir() + "/scenarios/six_party_talks_2005.yaml";
  const std::string path =
      WriteFile("concert_bad_sweep.yaml", "scenarios: [" + scenario + "]\n" + body);
  try {
    PlanSweep(ReadSweepFile(path));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Sweep, MalformedSweepFilesNameLineAndField) {
  EXPECT_NE(SweepError("models: [compromise]\nvary:\n  actors.XXX.capability: [1]\n")
                .find(":4: field 'vary.actors.XXX.capability': unknown actor 'XXX'"),
            std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\nvary:\n  stances.CHN.nuclear.salience: "
                       "{range: [60, 95], steps: 1}\n")
                .find("steps"),
            std::string::npos);
  EXPECT_NE(SweepError("models: [nosuch]\n").find(":2: field 'models'"), std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\ndraw: 10\n").find("draw"), std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\ndraws: -1\n").find("whole number"),
            std::string::npos);
  EXPECT_NE(SweepError("vary: {}\n").find("models"), std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\nseed: 1\nseeds: [2]\n").find("not both"),
            std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\nseeds: [1, 1]\n")
                .find(":3: field 'seeds': a "
                      "seed is repeated"),
            std::string::npos);
  EXPECT_NE(SweepError("models: [compromise]\ncases:\n  - {issues.nuclear.status_quo: 200}\n")
                .find(":4: field 'cases[0]'"),
            std::string::npos);
  const std::string missing =
      WriteFile("concert_bad_sweep2.yaml", "scenarios: [nothere.yaml]\nmodels: [compromise]\n");
  try {
    ReadSweepFile(missing);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no such scenario file"), std::string::npos);
  }
}

TEST(Sweep, RepeatedValuesAndCasesAreRefusedBeforeAnyRuns) {
  SweepSpec spec = SmallSpec();
  spec.axes[0].values = {0.01, 0.02, 0.01};
  EXPECT_THROW(PlanSweep(spec), InputError);
  spec = SmallSpec();
  spec.cases.push_back(spec.cases[0]);
  EXPECT_THROW(PlanSweep(spec), InputError);
}

// Every column of every table but the timings and the run each job was written in.
std::vector<std::string> StoreRows(const std::string& path) {
  const SweepStore store = SweepStore::OpenReadOnly(path);
  std::vector<std::string> rows;
  for (const char* name : {"outcomes", "assignments", "rounds", "jobs"}) {
    const StoreTable table = ReadStoreTable(store, name);
    for (const auto& row : table.rows) {
      std::string line = name;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string& column = table.columns[c];
        if (column == "seconds" || column == "finished_at" || column == "run_id") continue;
        if (std::holds_alternative<double>(row[c]))
          line += fmt::format(",{}", std::get<double>(row[c]));
        if (std::holds_alternative<std::int64_t>(row[c])) {
          line += fmt::format(",{}", std::get<std::int64_t>(row[c]));
        }
        if (std::holds_alternative<std::string>(row[c]))
          line += "," + std::get<std::string>(row[c]);
        if (std::holds_alternative<std::monostate>(row[c])) line += ",NULL";
      }
      rows.push_back(line);
    }
  }
  return rows;
}

TEST(Sweep, StoreIsTheSameForAnyThreadCountAndAfterAResume) {
  SweepSpec spec = SmallSpec();
  spec.draws = 20;
  spec.rounds = true;
  const SweepPlan plan = PlanSweep(spec);
  const std::string one = TempStore("one"), two = TempStore("two"), part = TempStore("part");
  RunControl control;
  control.threads = 1;
  RunSweep(plan, one, {}, control);
  control.threads = 2;
  RunSweep(plan, two, {}, control);
  // A run cancelled after some jobs, then resumed.
  std::atomic<std::size_t> polls{0};  // polled from every worker
  control.cancel = [&] { return ++polls > 6; };
  const SweepRunSummary cut = RunSweep(plan, part, {}, control);
  EXPECT_TRUE(cut.cancelled);
  EXPECT_LT(cut.ran, plan.jobs());
  EXPECT_THROW(RunSweep(plan, part, {}, {}), InputError);  // not empty: needs resume
  SweepRunOptions resume;
  resume.resume = true;
  const SweepRunSummary rest = RunSweep(plan, part, resume, {});
  EXPECT_EQ(rest.skipped, cut.ran);
  EXPECT_EQ(rest.skipped + rest.ran, plan.jobs());
  const std::vector<std::string> expected = StoreRows(one);
  EXPECT_GT(expected.size(), plan.jobs() * 4);
  EXPECT_EQ(StoreRows(two), expected);
  EXPECT_EQ(StoreRows(part), expected);
  // A changed sweep cannot resume into the store.
  spec.seeds = {8};
  EXPECT_THROW(RunSweep(PlanSweep(spec), one, resume, {}), InputError);
}

TEST(Sweep, StoresOfAnotherSchemaOrNotStoresAreRefused) {
  const std::string path = TempStore("old");
  { SweepStore::Open(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "UPDATE meta SET value = '0' WHERE key = 'schema_version'", nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  try {
    SweepStore::OpenReadOnly(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 0; this concert reads version 1"),
              std::string::npos);
  }
  const std::string text = WriteFile("concert_not_a_store.sqlite", "just text\n");
  EXPECT_THROW(SweepStore::Open(text), InputError);
  const std::string other = TempStore("other");
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_THROW(SweepStore::Open(other), InputError);
  EXPECT_THROW(SweepStore::OpenReadOnly(TempStore("absent")), InputError);
  EXPECT_FALSE(std::filesystem::exists(TempStore("absent")));
}

}  // namespace
}  // namespace concert

namespace concert {
namespace {

// Mutated sweep files (characters deleted, repeated or replaced, lines
// swapped): each either plans or fails with an InputError, never anything else.
TEST(Sweep, MutatedSweepFilesPlanOrFailWithAnInputError) {
  const std::string folder = testing::SourceDir() + "/sweeps";
  std::string base;
  {
    std::ifstream in(folder + "/example.yaml");
    base.assign(std::istreambuf_iterator<char>(in), {});
  }
  base += "cases:\n  - {issues.nuclear.status_quo: 10}\nrounds: false\nsimulate_draws: 10\n";
  const std::string alphabet = "{}[]:,-#'\"\n .0123456789abcXYZ";
  std::uint64_t state = 20261207;
  auto next = [&state](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  std::size_t planned = 0, refused = 0;
  for (int k = 0; k < 300; ++k) {
    std::string text = base;
    for (std::uint64_t m = 0, edits = 1 + next(3); m < edits; ++m) {
      const std::size_t at = next(text.size());
      switch (next(3)) {
        case 0:
          text.erase(at, 1 + next(4));
          break;
        case 1:
          text.insert(at, 1, alphabet[next(alphabet.size())]);
          break;
        default:
          text[at] = alphabet[next(alphabet.size())];
      }
    }
    try {
      const SweepPlan plan = PlanSweep(ReadSweep(folder + "/mutated.yaml", text), 100000);
      ++planned;
      EXPECT_GT(plan.jobs(), 0u);
    } catch (const InputError&) {
      ++refused;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not an InputError: " << e.what() << "\n" << text;
    }
  }
  EXPECT_GT(planned, 10u);  // the mutations leave some files valid ...
  EXPECT_GT(refused, 10u);  // ... and break others
}

}  // namespace
}  // namespace concert
