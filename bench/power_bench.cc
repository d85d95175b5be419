// Power indices (voting/power_index.h) on the shipped rules, on 1 and 2
// threads: the Council of the EU-27 under the Treaty of Nice, exact (issue
// target: under 1 s), by enumeration of its 2^27 coalitions with all three
// criteria, and by generating functions without the population criterion; the
// same rule by Monte Carlo with 1,000,000 samples; and the US Electoral
// College-sized game of 51 players (generating functions).
//
// Measured 2026-12-07 (Release, 2 cores, Google Benchmark from Debian):
//   Nice EU-27, three criteria, enumeration   1 thread 198 ms, 2 threads 102 ms
//   Nice EU-27, votes and states, gen. funcs  1 thread  55 ms, 2 threads  29 ms
//   Nice EU-27, Monte Carlo 10^6 samples      1 thread 434 ms, 2 threads 224 ms
//   51 players, total 1,433 votes, gen. funcs 1 thread  44 ms, 2 threads  23 ms
#include <benchmark/benchmark.h>

#include <string>

#include "concert/io/read.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/voting/power_index.h"

namespace {

concert::VotingRule Nice(bool population) {
  const std::string path = std::string(CONCERT_SOURCE_DIR) + "/data/voting/nice_eu27.yaml";
  concert::VotingRule rule = concert::ReadVotingRule(path, concert::ReadTextFile(path)).rule;
  if (!population) {
    rule.weights.pop_back();
    rule.quotas.pop_back();
    rule.criteria.pop_back();
  }
  return rule;
}

void Run(benchmark::State& state, const concert::VotingRule& rule, concert::PowerMethod method) {
  concert::PowerOptions options;
  options.method = method;
  concert::RunControl control;
  control.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    concert::PowerResult r = concert::ComputePower(rule, options, control);
    benchmark::DoNotOptimize(r);
  }
}

void BM_PowerNiceEnumeration(benchmark::State& state) {
  Run(state, Nice(true), concert::PowerMethod::kEnumeration);
}
void BM_PowerNiceGenerating(benchmark::State& state) {
  Run(state, Nice(false), concert::PowerMethod::kGeneratingFunctions);
}
void BM_PowerNiceMonteCarlo(benchmark::State& state) {
  Run(state, Nice(true), concert::PowerMethod::kMonteCarlo);
}
void BM_PowerElectoralCollegeSize(benchmark::State& state) {
  // 51 players with weights 3..55 (a spread like the Electoral College's 538
  // votes; not its apportionment), quota 270.
  concert::VotingRule rule;
  rule.weights.resize(1);
  double total = 0;
  for (int i = 0; i < 51; ++i) {
    rule.names.push_back("s" + std::to_string(i));
    const double w = 3 + (i * 37) % 53;
    rule.weights[0].push_back(w);
    total += w;
  }
  rule.quotas = {total / 2 + 1};
  Run(state, rule, concert::PowerMethod::kGeneratingFunctions);
}

BENCHMARK(BM_PowerNiceEnumeration)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PowerNiceGenerating)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PowerNiceMonteCarlo)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PowerElectoralCollegeSize)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
