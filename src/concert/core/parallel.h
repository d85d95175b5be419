// concert/core/parallel.h — one parallel loop over independent jobs, with the
// run control (threads, progress, cancel) every long computation takes.
//
// Job i must depend on i alone (its random stream derived from (seed, i)), so
// the results do not depend on the number of threads. Jobs are handed out in
// index order from a shared counter; `progress` is called from one thread at a
// time; `cancel` is polled before each job. An exception thrown by a job stops
// the loop and is rethrown in the caller (the first one, by time), so a bad
// input met inside a worker is reported like any other.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace concert {

struct RunControl {
  unsigned threads = 0;                                               // 0: every core
  std::function<void(std::size_t done, std::size_t total)> progress;  // may be empty
  std::function<bool()> cancel;                                       // may be empty
};

// The number of cores, asked once (std::thread::hardware_concurrency reads /sys).
unsigned CoreCount();
// `requested` threads, or every core for 0.
unsigned ResolveThreads(unsigned requested);

// Runs job(i) for i in [0, n) and returns, per job, whether it finished (all
// true unless cancelled).
std::vector<char> ParallelFor(std::size_t n, const RunControl& control,
                              const std::function<void(std::size_t)>& job);

// The number of workers ParallelForWorkers uses for n jobs.
std::size_t WorkerCount(std::size_t n, const RunControl& control);
// The same, telling each job which worker (in [0, WorkerCount)) runs it, so a
// job may add into that worker's own accumulator (sums must then not depend on
// which worker ran which job: integer counts, or values combined by index).
// The job returns whether it completed: false when it met the cancel inside
// and left its results out.
std::vector<char> ParallelForWorkers(
    std::size_t n, const RunControl& control,
    const std::function<bool(std::size_t job, std::size_t worker)>& job);

}  // namespace concert
