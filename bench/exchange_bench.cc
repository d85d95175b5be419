// Speed of the exchange model: runs per second on the reference inputs, and
// how a 10-round run grows with actors and issues (random scenarios, fixed
// seed), in double and in reference-exact decimal arithmetic, and with
// randomised exchange rates.
// bench/exchange_vs_python.sh puts these beside the Python reference.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace {

concert::Scenario RandomScenario(int actors, int issues, std::uint64_t seed) {
  std::mt19937_64 stream(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  concert::ScenarioDraft draft;
  draft.salience_unit = 1.0;
  for (int d = 0; d < issues; ++d) {
    concert::Issue issue;
    issue.id = "i" + std::to_string(d);
    draft.issues.push_back({issue, {}});
  }
  for (int k = 0; k < actors; ++k) {
    std::string id = "a" + std::to_string(k);
    draft.actors.push_back({{id, id, {0.05 + unit(stream), {}}, ""}, {}});
    for (int d = 0; d < issues; ++d) {
      // Positions on a 0.5 grid and saliences on a 0.05 grid, as analysts code them.
      const double x = std::round(200 * unit(stream)) / 2;
      const double s = 0.05 + std::round(19 * unit(stream)) * 0.05;
      draft.stances.push_back({id, "i" + std::to_string(d), {{x, {}}, {s, {}}, {}}, {}});
    }
  }
  return concert::BuildScenario(draft);
}

void Run(benchmark::State& state, const concert::Scenario& scenario, const std::string& spec) {
  auto model = concert::CreateModel(spec).model;
  std::size_t trades = 0;
  for (auto _ : state) {
    concert::Forecast f = model->Run(scenario, concert::RunContext{});
    trades = f.trades.size();
    benchmark::DoNotOptimize(f);
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["exchanges"] = static_cast<double>(trades);
}

void BM_Exchange(benchmark::State& state, const char* arithmetic) {
  const auto scenario =
      RandomScenario(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 7);
  Run(state, scenario, std::string("exchange(arithmetic=") + arithmetic + ")");
}
BENCHMARK_CAPTURE(BM_Exchange, double, "double")
    ->ArgsProduct({{10, 30, 100}, {10, 30}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Exchange, decimal, "decimal")
    ->ArgsProduct({{10, 30}, {10}})
    ->Unit(benchmark::kMillisecond);

// Randomised rates (seed 0): REX with p = 0.3, and random-rate with its
// mutual-best loop.
void BM_ExchangeRates(benchmark::State& state, const char* params) {
  const auto scenario =
      RandomScenario(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 7);
  Run(state, scenario, std::string("exchange(") + params + ")");
}
BENCHMARK_CAPTURE(BM_ExchangeRates, rex, "p=0.3")->Args({30, 10})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeRates, random_rate, "variant=random-rate")
    ->ArgsProduct({{10, 30}, {10}})
    ->Unit(benchmark::kMillisecond);

std::string Shared() {
  const char* env = std::getenv("CONCERT_SHARED_DATA");
  return env ? env : std::string(CONCERT_SOURCE_DIR) + "/../shared/data";
}

void BM_ExchangeFile(benchmark::State& state, const std::string& file, const char* arithmetic) {
  const std::string path = Shared() + "/reference/exchange_decide/" + file;
  if (!std::ifstream(path)) {
    state.SkipWithError(("missing " + path).c_str());
    return;
  }
  Run(state, concert::ReadScenarioFile(path, concert::InputFormat::kDecide),
      std::string("exchange(arithmetic=") + arithmetic + ")");
}
BENCHMARK_CAPTURE(BM_ExchangeFile, sample_data_double, "sample_data.txt", "double")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeFile, sample_data_decimal, "sample_data.txt", "decimal")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeFile, copenhagen_double, "copenhagen.csv", "double")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExchangeFile, copenhagen_decimal, "copenhagen.csv", "decimal")
    ->Unit(benchmark::kMillisecond);

}  // namespace
