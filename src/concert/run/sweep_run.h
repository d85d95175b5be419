// concert/run/sweep_run.h — the sweep job of the run API: a planned sweep
// (analysis/sweep.h) run on local threads into a results store
// (store/sweep_store.h). The CLI's `concert sweep` and its MPI mode, and the
// Python module, call these.
//
// Jobs run in chunks, each job on one thread; each chunk's results are written
// in one transaction by a writing thread while the next chunk runs
// (store/store_writer.h), so a killed sweep loses at most the chunks in flight
// (three at most) and `resume` finishes it. The chunk grows or shrinks to take about a quarter of
// a second (at most 4,096 jobs), which keeps the store's cost small beside
// fast jobs and the loss small for slow ones. A job's result does not depend
// on the chunk, the thread or the process that runs it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "concert/analysis/sweep.h"
#include "concert/core/parallel.h"
#include "concert/store/sweep_store.h"

namespace concert {

// Runs job `index` on one thread (the sweep runs jobs in parallel).
SweepJobResult RunSweepJob(const SweepPlan& plan, std::size_t index);

// The jobs to run, in index order: all of them but those `stored` holds
// (job index -> key). Throws InputError when a stored job is not the sweep's
// job of that index (the sweep file or a scenario changed since the store was
// written), or the store holds jobs the sweep does not have.
std::vector<std::size_t> PendingJobs(const SweepPlan& plan,
                                     const std::map<std::size_t, std::string>& stored);

// Runs `jobs` in chunks on control.threads threads and hands each chunk's
// results, in job order, to `sink` (on the calling thread). control.progress
// gets (jobs done, jobs.size()); control.cancel stops after the chunk's
// running jobs, whose finished results still reach the sink. Returns false
// when cancelled.
bool RunSweepChunks(const SweepPlan& plan, const std::vector<std::size_t>& jobs,
                    const RunControl& control,
                    const std::function<void(std::vector<SweepJobResult>&&)>& sink);

struct SweepRunOptions {
  bool resume = false;  // skip the jobs the store holds; without it a non-empty store is refused
  int ranks = 1;        // recorded in the store's runs table
};

struct SweepRunSummary {
  std::int64_t run_id = 0;
  std::size_t planned = 0;  // jobs of the sweep
  std::size_t skipped = 0;  // already in the store (resume)
  std::size_t ran = 0;      // run and stored now
  bool cancelled = false;
  double seconds = 0;
};

// Opens (or creates) the store, checks `resume`, runs the pending jobs on
// local threads and writes them. Throws InputError (field "store") for a
// store that already holds jobs when not resuming.
SweepRunSummary RunSweep(const SweepPlan& plan, const std::string& store_path,
                         const SweepRunOptions& options, const RunControl& control = {});

// Opens the store for a run: refuses a non-empty store without `resume`.
SweepStore OpenStoreForRun(const std::string& store_path, bool resume);

}  // namespace concert
