// concert/run/sweep_run.cc — chunks of jobs on local threads, into the store (sweep_run.h).
#include "concert/run/sweep_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "concert/store/store_writer.h"

namespace concert {

std::vector<std::size_t> PendingJobs(const SweepPlan& plan,
                                     const std::map<std::size_t, std::string>& stored) {
  std::vector<std::size_t> pending;
  std::size_t matched = 0;
  for (std::size_t i = 0; i < plan.jobs(); ++i) {
    const auto held = stored.find(i);
    if (held == stored.end()) {
      pending.push_back(i);
    } else if (held->second == JobKey(plan, JobAt(plan, i))) {
      ++matched;
    } else {
      throw InputError({plan.spec.file, 0, "store"},
                       fmt::format("the store's job {} is not this sweep's job {} (its spec "
                                   "differs): the sweep file or a scenario changed since the "
                                   "store was written; write to a new store",
                                   i, i));
    }
  }
  if (matched != stored.size()) {
    throw InputError({plan.spec.file, 0, "store"},
                     fmt::format("the store holds {} jobs this sweep does not have: it was "
                                 "written by another sweep; write to a new store",
                                 stored.size() - matched));
  }
  return pending;
}

bool RunSweepChunks(const SweepPlan& plan, const std::vector<std::size_t>& jobs,
                    const RunControl& control,
                    const std::function<void(std::vector<SweepJobResult>&&)>& sink) {
  using Clock = std::chrono::steady_clock;
  constexpr double kTargetSeconds = 0.1;
  constexpr std::size_t kMaxChunk = 1024;
  std::size_t chunk = std::max<std::size_t>(
      1, std::min<std::size_t>(jobs.size(), 4 * ResolveThreads(control.threads)));
  std::size_t done = 0;
  if (control.progress) control.progress(0, jobs.size());
  while (done < jobs.size()) {
    const std::size_t n = std::min(chunk, jobs.size() - done);
    std::vector<SweepJobResult> results(n);
    RunControl inner;
    inner.threads = control.threads;
    inner.cancel = control.cancel;
    if (control.progress) {
      inner.progress = [&](std::size_t finished, std::size_t) {
        control.progress(done + finished, jobs.size());
      };
    }
    const auto start = Clock::now();
    const std::vector<char> finished = ParallelFor(
        n, inner, [&](std::size_t k) { results[k] = RunSweepJob(plan, jobs[done + k]); });
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<SweepJobResult> completed;
    completed.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      if (finished[k]) completed.push_back(std::move(results[k]));
    }
    const bool all = completed.size() == n;
    sink(std::move(completed));
    if (!all || (control.cancel && control.cancel())) return false;
    done += n;
    // Aim the next chunk at kTargetSeconds, changing by at most a factor of 4.
    const double per_job = seconds / static_cast<double>(n);
    const double wanted = per_job > 0 ? kTargetSeconds / per_job : static_cast<double>(kMaxChunk);
    chunk = static_cast<std::size_t>(
        std::clamp(wanted, std::max(1.0, static_cast<double>(n) / 4), static_cast<double>(n) * 4));
    chunk = std::clamp<std::size_t>(chunk, 1, kMaxChunk);
  }
  if (control.progress) control.progress(jobs.size(), jobs.size());
  return true;
}

SweepStore OpenStoreForRun(const std::string& store_path, bool resume) {
  SweepStore store = SweepStore::Open(store_path);
  const std::size_t held = store.JobCount();
  if (held > 0 && !resume) {
    throw InputError({store_path, 0, "store"},
                     fmt::format("already holds {} jobs; pass resume (--resume) to run only the "
                                 "jobs it lacks, or choose another store",
                                 held));
  }
  return store;
}

SweepRunSummary RunSweep(const SweepPlan& plan, const std::string& store_path,
                         const SweepRunOptions& options, const RunControl& control) {
  const auto start = std::chrono::steady_clock::now();
  SweepStore store = OpenStoreForRun(store_path, options.resume);
  SweepRunSummary summary;
  summary.planned = plan.jobs();
  const std::vector<std::size_t> pending = PendingJobs(plan, store.JobKeys());
  summary.skipped = summary.planned - pending.size();
  summary.run_id = store.BeginRun(plan, options.ranks, ResolveThreads(control.threads));
  bool complete = false;
  try {
    StoreWriter writer(&store, summary.run_id);
    complete = RunSweepChunks(plan, pending, control, [&](std::vector<SweepJobResult>&& results) {
      writer.Push(std::move(results));
    });
    summary.ran = writer.Finish();
  } catch (...) {
    store.EndRun(summary.run_id, false);
    throw;
  }
  summary.cancelled = !complete;
  store.EndRun(summary.run_id, complete);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace concert
