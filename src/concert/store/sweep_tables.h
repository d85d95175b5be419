// concert/store/sweep_tables.h — a results store read back as tidy tables,
// for `concert results`, the report and the Python module.
//
// Tables (one row per ...):
//   outcomes     job and issue: job_id, scenario, model, one column
//                per varied path (empty where a job does not set it), seed, draws,
//                issue, outcome, note, n, mean, sd, q05, q50, q95
//   designs      simulate job and design: job_id, scenario, model, the varied
//                paths, seed, draws, design, p_signed, held, never_signed, false_alarm,
//                violation, exited, mean_periods, median_periods,
//                enforcement_cost, aid_paid
//   jobs         job: job_id, key, run_id, scenario, input_sha256,
//                model, draws, seed, seconds, finished_at, spec
//   assignments  job and path: job_id, path, value
//   rounds       job, issue, actor and round: job_id, issue, actor, round, position
//   runs         run of `concert sweep`: run_id, sweep_name, ..., status
// job_id is the job's index in the sweep. Rows are in job order, then as the
// job wrote them.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "concert/store/sweep_store.h"

namespace concert {

using StoreCell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct StoreTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<StoreCell>> rows;
  std::vector<std::string> varied;  // outcomes: the varied paths, in column order
};

inline const std::vector<std::string>& StoreTableNames() {
  static const std::vector<std::string> names = {"outcomes",    "designs", "jobs",
                                                 "assignments", "rounds",  "runs"};
  return names;
}

// Throws InputError (field "table") for an unknown name.
StoreTable ReadStoreTable(const SweepStore& store, const std::string& name);

}  // namespace concert
