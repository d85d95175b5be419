// The order model: 100,000 draws x 30 years (2006-2035) x 8 actors of
// scenarios/liberal_order_2008.yaml on 1 and 2 threads (issue target: under
// 5 s on 2 cores), with and without the sensitivity regression.
//
// Measured 2026-12-04 (Release, 2 cores, Google Benchmark from Debian):
//   plain        1 thread 464 ms, 2 threads 254 ms (394,000 draws/s)
//   sensitivity  1 thread 739 ms, 2 threads 545 ms (the OLS on 100,000 x 71 inputs is serial)
#include <benchmark/benchmark.h>

#include <string>

#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/order/run_order.h"

namespace {

void BM_Order(benchmark::State& state, bool sensitivity) {
  const std::string path = std::string(CONCERT_SOURCE_DIR) + "/scenarios/liberal_order_2008.yaml";
  concert::OrderRequest request;
  request.spec = concert::ReadOrder(path, concert::ReadTextFile(path));
  request.first_year = 2006;
  request.last_year = 2035;
  request.draws = 100000;
  request.sensitivity = sensitivity;
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    concert::OrderResult r = concert::RunOrder(request, control);
    benchmark::DoNotOptimize(r);
  }
  state.counters["draws_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * request.draws), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Order, plain, false)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Order, sensitivity, true)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
