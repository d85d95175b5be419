// Speed of the spatial model of politics: KTAB's two reference inputs, and
// random scenarios up to 250 actors x 5 issues (positions uniform, saliences
// summing to 75-99 % per actor, capabilities 10-200, as KTAB's randomSMP).
// bench/smp_vs_ktab.sh puts concert beside a locally built KTAB smpc.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace {

concert::Scenario RandomKtabScenario(int actors, int dims, std::uint64_t seed) {
  std::mt19937_64 stream(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  concert::ScenarioDraft draft;
  draft.salience_unit = 1.0;
  for (int d = 0; d < dims; ++d) {
    concert::Issue issue;
    issue.id = "d" + std::to_string(d);
    draft.issues.push_back({issue, {}});
  }
  for (int k = 0; k < actors; ++k) {
    const std::string id = "a" + std::to_string(k);
    draft.actors.push_back({{id, id, {10 + 190 * unit(stream), {}}, ""}, {}});
    std::vector<double> raw(dims);
    double sum = 0;
    for (double& r : raw) sum += (r = 0.1 + 0.9 * unit(stream));
    const double total = 0.75 + 0.24 * unit(stream);
    for (int d = 0; d < dims; ++d) {
      draft.stances.push_back({id,
                               "d" + std::to_string(d),
                               {{100 * unit(stream), {}}, {total * raw[d] / sum, {}}, {}},
                               {}});
    }
  }
  return concert::BuildScenario(draft);
}

void Report(benchmark::State& state, const concert::Forecast& f) {
  state.counters["turns"] = static_cast<double>(f.issues[0].rounds.size() - 1);
}

void BM_SmpKtabInput(benchmark::State& state, const char* file) {
  const concert::Scenario s =
      concert::ReadScenarioFile(std::string(CONCERT_SOURCE_DIR) + "/data/ktab_smp/" + file);
  auto model = concert::CreateModel("smp").model;
  concert::Forecast f;
  for (auto _ : state) benchmark::DoNotOptimize(f = model->Run(s, {}));
  Report(state, f);
}
BENCHMARK_CAPTURE(BM_SmpKtabInput, dummy_7x3, "dummyData_3Dim.csv")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SmpKtabInput, soe_13x2, "SOE-Pol-Comp.csv")->Unit(benchmark::kMillisecond);

void BM_SmpRandom(benchmark::State& state) {
  const auto s = RandomKtabScenario(static_cast<int>(state.range(0)),
                                    static_cast<int>(state.range(1)), 20261126);
  auto model = concert::CreateModel("smp").model;
  concert::Forecast f;
  for (auto _ : state) benchmark::DoNotOptimize(f = model->Run(s, {}));
  Report(state, f);
}
BENCHMARK(BM_SmpRandom)
    ->Args({10, 5})
    ->Args({50, 5})
    ->Args({100, 5})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SmpRandom)->Args({250, 5})->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
