// A 10,000-job sweep (issue 17): the Six-Party scenario under compromise and
// bdm, China's nuclear salience at 50 values x the DPRK's capability at 100
// values. BM_SweepJobs runs the jobs and discards the results; BM_SweepStore
// runs them into a fresh SQLite store (run/sweep_run.h), so the difference is
// the store's cost. Counters: jobs/s and the store's bytes per job.
// bench/sweep_ranks.sh times 1 vs 2 MPI ranks of the same sweep.
//
// Measured 2026-12-07 (Release, 2 cores, median of 3): jobs alone 0.242 s (1
// thread), 0.129 s (2); into the store 0.263 s, 0.161 s: the store is 8 % of
// the time on 1 thread (its writer thread has a free core) and 20 % on 2;
// 544 bytes per job.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "concert/io/document.h"
#include "concert/run/sweep_run.h"

namespace {

concert::SweepPlan TenThousandJobs() {
  concert::SweepSpec spec;
  spec.name = "bench";
  spec.scenarios = {{"six_party",
                     concert::ReadDocumentFile(std::string(CONCERT_SOURCE_DIR) +
                                               "/scenarios/six_party_talks_2005.yaml")
                         .scenario,
                     {}}};
  spec.models = {"compromise", "bdm"};
  concert::SweepAxis salience{"stances.CHN.nuclear.salience", {}, {}};
  for (int k = 0; k < 50; ++k) salience.values.push_back(50 + k);
  concert::SweepAxis capability{"actors.PRK.capability", {}, {}};
  for (int k = 0; k < 100; ++k) capability.values.push_back(0.005 + 0.0002 * k);
  spec.axes = {salience, capability};
  return concert::PlanSweep(spec);
}

void BM_SweepJobs(benchmark::State& state) {
  const concert::SweepPlan plan = TenThousandJobs();
  const std::vector<std::size_t> jobs = concert::PendingJobs(plan, {});
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    std::size_t n = 0;
    concert::RunSweepChunks(plan, jobs, control,
                            [&](std::vector<concert::SweepJobResult>&& r) { n += r.size(); });
    benchmark::DoNotOptimize(n);
  }
  state.counters["jobs/s"] = benchmark::Counter(static_cast<double>(jobs.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SweepJobs)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);

void BM_SweepStore(benchmark::State& state) {
  const concert::SweepPlan plan = TenThousandJobs();
  const std::string path =
      (std::filesystem::temp_directory_path() / "concert_sweep_bench.sqlite").string();
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  double bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    state.ResumeTiming();
    concert::RunSweep(plan, path, {}, control);
    state.PauseTiming();
    bytes = static_cast<double>(std::filesystem::file_size(path));
    state.ResumeTiming();
  }
  state.counters["jobs/s"] = benchmark::Counter(static_cast<double>(plan.jobs()),
                                                benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/job"] = bytes / static_cast<double>(plan.jobs());
}
BENCHMARK(BM_SweepStore)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);

}  // namespace
