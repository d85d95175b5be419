// Sobol indices (analysis/sobol.h) on the Six-Party scenario: every uncertain
// input (58) of scripts/six_party_talks_2005.yaml, N base samples, N x 60 runs
// of the model, 500 bootstrap resamples. Issue target: bdm with N = 10,000 in
// under 30 s on 2 cores.
//
// Measured 2026-12-07 (Release, 2 cores, 500 bootstrap resamples), after bdm's
// outcomes-only runs (RunContext::outcomes_only) and fewer pow calls:
//   bdm, N = 10,000 (600,000 runs)           2 threads 21.4 s (target met; 80 s before)
//   bdm, N = 1,000 (60,000 runs)             2 threads 2.1 s (8.1 s before)
//   compromise, N = 10,000 (600,000 runs)    1 thread 4.9 s, 2 threads 2.6 s (mostly the bootstrap)
#include <benchmark/benchmark.h>

#include <string>

#include "concert/analysis/sobol.h"
#include "concert/io/read.h"
#include "concert/models/registry.h"

namespace {

void BM_SobolSixParty(benchmark::State& state, const char* spec, std::size_t n) {
  const concert::Scenario six = concert::ReadScenarioFile(std::string(CONCERT_SOURCE_DIR) +
                                                          "/scenarios/six_party_talks_2005.yaml");
  const concert::CreatedModel model = concert::CreateModel(spec);
  concert::SobolOptions options;
  options.base_samples = n;
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    concert::SobolResult r = concert::RunSobol(six, *model.model, options, control);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK_CAPTURE(BM_SobolSixParty, bdm_n1000, "bdm", 1000)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_SobolSixParty, bdm_n10000, "bdm", 10000)
    ->Arg(2)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_SobolSixParty, compromise_n10000, "compromise", 10000)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
