// concert/store/sweep_store.h — the sweep's results store: one SQLite file
// (schema below and in docs/sweeps.md), written in transactions with WAL so a
// killed sweep loses at most the jobs in flight and readers may query while a
// sweep writes.
//
// Schema version 1:
//   meta(key PRIMARY KEY, value)          schema_version = 1, created_by
//   runs(run_id, sweep_name, sweep_file, sweep_sha256, jobs_planned, ranks,
//        threads, started_at, finished_at, status)       status: running|finished|stopped
//   jobs(job_id, key, run_id, scenario, input_sha256, model, draws, seed,
//        spec, seconds, finished_at)
//        spec: {"set": ..., "rounds": ...} (analysis/sweep.h JobVariantJson);
//        job_id: the job's index in the sweep (analysis/sweep.h), from 0;
//        key: SHA-256 of the job's spec without the scenario's path
//        (analysis/sweep.h); seed as decimal text (it is unsigned 64-bit)
//   assignments(job_id, path, value)      the numbers the job set
//   outcomes(job_id, issue, outcome, note, n, mean, sd, q05, q50, q95)
//        outcome NULL when the model gave none; n.. q95 with draws, else NULL
//   rounds(job_id, round, actor, issue, position)   with the sweep's `rounds`
//   designs(job_id, design, p_signed, held, never_signed, false_alarm, violation,
//        exited, mean_periods, median_periods, enforcement_cost, aid_paid)
//        `simulate` jobs: per design, shares of draws and means
//        (institutions/simulate.h); their outcomes rows hold the agreement
// Times are UTC, ISO 8601. A store of another schema version is refused.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "concert/analysis/sweep.h"

struct sqlite3;

namespace concert {

inline constexpr int kStoreSchemaVersion = 1;

class SweepStore {
 public:
  // Opens `path`, creating it with the schema when absent or empty. Throws
  // InputError (field "store") when the file is not a concert store, has
  // another schema version, or cannot be opened.
  static SweepStore Open(const std::string& path);
  // Opens an existing store read-only (the same checks; absent: an error).
  static SweepStore OpenReadOnly(const std::string& path);
  ~SweepStore();
  SweepStore(SweepStore&& other) noexcept;
  SweepStore& operator=(SweepStore&& other) noexcept;
  SweepStore(const SweepStore&) = delete;
  SweepStore& operator=(const SweepStore&) = delete;

  const std::string& path() const { return path_; }
  std::size_t JobCount() const;
  std::map<std::size_t, std::string> JobKeys() const;  // job_id -> key

  // A new run row (status running); returns its run_id.
  std::int64_t BeginRun(const SweepPlan& plan, int ranks, unsigned threads);
  // Writes the results in one transaction.
  void Write(std::int64_t run_id, const std::vector<SweepJobResult>& results);
  void EndRun(std::int64_t run_id, bool finished);

  sqlite3* handle() const { return db_; }  // for the readers in this folder

 private:
  SweepStore(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace concert
