// Speed of the expected-utility model: runs per second on the shipped and
// reference cases, and how one 10-round forecast grows with the number of
// actors (random scenarios, fixed seed). bench/bdm_vs_python.sh puts these
// numbers beside the Python reference's.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace {

concert::Scenario RandomScenario(int actors, std::uint64_t seed) {
  std::mt19937_64 stream(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  concert::ScenarioDraft draft;
  draft.salience_unit = 1.0;
  concert::Issue issue;
  issue.id = "x";
  draft.issues.push_back({issue, {}});
  for (int k = 0; k < actors; ++k) {
    std::string id = "a" + std::to_string(k);
    draft.actors.push_back({{id, id, {0.01 + unit(stream), {}}, ""}, {}});
    draft.stances.push_back({id, "x", {{100 * unit(stream), {}}, {unit(stream), {}}, {}}, {}});
  }
  return concert::BuildScenario(draft);
}

void RunBdm(benchmark::State& state, const concert::Scenario& scenario) {
  auto model = concert::CreateModel("bdm(rounds=10)").model;
  for (auto _ : state) {
    concert::Forecast f = model->Run(scenario, concert::RunContext{});
    benchmark::DoNotOptimize(f);
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_BdmActors(benchmark::State& state) {
  const concert::Scenario scenario = RandomScenario(static_cast<int>(state.range(0)), 42);
  RunBdm(state, scenario);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_BdmActors)
    ->Arg(10)
    ->Arg(30)
    ->Arg(100)
    ->Arg(300)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();

void BM_BdmFile(benchmark::State& state, const std::string& path) {
  if (!std::ifstream(path)) {
    state.SkipWithError(("missing " + path).c_str());
    return;
  }
  RunBdm(state, concert::ReadScenarioFile(path));
}

std::string Shared() {
  const char* env = std::getenv("CONCERT_SHARED_DATA");
  return env ? env : std::string(CONCERT_SOURCE_DIR) + "/../shared/data";
}

BENCHMARK_CAPTURE(BM_BdmFile, emission_10_actors,
                  std::string(CONCERT_SOURCE_DIR) + "/scenarios/emission_standards_1994.yaml")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BdmFile, sultan_17_actors,
                  Shared() + "/reference/bdm_scholz/scholz_Sultan.csv")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_BdmFile, six_party_talks,
                  std::string(CONCERT_SOURCE_DIR) + "/scenarios/six_party_talks_2005.yaml")
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
