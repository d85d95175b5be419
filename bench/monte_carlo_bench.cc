// Monte Carlo throughput: draws per second of the Six-Party Talks scenario for
// the compromise, bdm, exchange and smp models and the whole default set on 1
// and 2 threads (bench/monte_carlo_default.sh times 100,000 draws of each
// through the CLI).
#include <benchmark/benchmark.h>

#include <string>

#include "concert/analysis/forecast_run.h"
#include "concert/analysis/monte_carlo.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace {

void BM_MonteCarlo(benchmark::State& state, const char* spec) {
  const concert::Scenario scenario = concert::ReadScenarioFile(
      std::string(CONCERT_SOURCE_DIR) + "/scenarios/six_party_talks_2005.yaml");
  auto model = concert::CreateModel(spec).model;
  concert::MonteCarloOptions options;
  options.draws = 2000;
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    concert::MonteCarloResult r = concert::RunMonteCarlo(scenario, *model, options, control);
    benchmark::DoNotOptimize(r);
  }
  state.counters["draws_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * options.draws), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_MonteCarlo, compromise, "compromise")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_MonteCarlo, bdm, "bdm")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_MonteCarlo, exchange, "exchange")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_MonteCarlo, smp, "smp")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The default model set, as `concert forecast --draws` runs it: one Monte
// Carlo per model on the same draws.
void BM_MonteCarloDefaultSet(benchmark::State& state) {
  const concert::Scenario scenario = concert::ReadScenarioFile(
      std::string(CONCERT_SOURCE_DIR) + "/scenarios/six_party_talks_2005.yaml");
  const std::vector<concert::CreatedModel> models = concert::CreateModels({});
  concert::MonteCarloOptions options;
  options.draws = 2000;
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    for (const concert::CreatedModel& m : models) {
      concert::MonteCarloResult r = concert::RunMonteCarlo(scenario, *m.model, options, control);
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["draws_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * options.draws), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MonteCarloDefaultSet)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
