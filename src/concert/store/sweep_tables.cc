// concert/store/sweep_tables.cc — tidy tables from a results store (sweep_tables.h).
#include "concert/store/sweep_tables.h"

#include <fmt/format.h>

#include <map>

#include "concert/store/sqlite_util.h"

namespace concert {
namespace {

StoreCell CellAt(const Statement& row, int column) {
  if (row.IsNull(column)) return std::monostate{};
  if (row.IsText(column)) return row.Text(column);
  if (row.IsInteger(column)) return row.Int(column);
  return row.Double(column);
}

StoreTable Query(const SweepStore& store, const std::string& name, const std::string& sql) {
  StoreTable table;
  table.name = name;
  Statement select(store.handle(), sql, store.path());
  for (int c = 0; c < select.Columns(); ++c) table.columns.push_back(select.Name(c));
  while (select.Step()) {
    std::vector<StoreCell> row;
    row.reserve(static_cast<std::size_t>(select.Columns()));
    for (int c = 0; c < select.Columns(); ++c) row.push_back(CellAt(select, c));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A table of job rows joined with the job's scenario and model and a column
// per varied path (`query` selects job_id, scenario, model, then the rest).
StoreTable Wide(const SweepStore& store, const std::string& name, const std::string& query) {
  std::vector<std::string> paths;
  std::map<std::int64_t, std::map<std::string, double>> set;
  {
    Statement select(store.handle(),
                     "SELECT path FROM assignments GROUP BY path ORDER BY min(rowid)",
                     store.path());
    while (select.Step()) paths.push_back(select.Text(0));
    Statement values(store.handle(), "SELECT job_id, path, value FROM assignments", store.path());
    while (values.Step()) set[values.Int(0)][values.Text(1)] = values.Double(2);
  }
  StoreTable joined = Query(store, name, query);
  StoreTable table;
  table.name = name;
  table.varied = paths;
  table.columns = {"job_id", "scenario", "model"};
  table.columns.insert(table.columns.end(), paths.begin(), paths.end());
  for (std::size_t c = 3; c < joined.columns.size(); ++c) {
    table.columns.push_back(joined.columns[c]);
  }
  for (std::vector<StoreCell>& in : joined.rows) {
    std::vector<StoreCell> row(in.begin(), in.begin() + 3);
    const auto job = set.find(std::get<std::int64_t>(in[0]));
    for (const std::string& path : paths) {
      if (job != set.end() && job->second.count(path) > 0) {
        row.emplace_back(job->second.at(path));
      } else {
        row.emplace_back(std::monostate{});
      }
    }
    row.insert(row.end(), in.begin() + 3, in.end());
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

StoreTable ReadStoreTable(const SweepStore& store, const std::string& name) {
  if (name == "outcomes") {
    return Wide(
        store, name,
        "SELECT j.job_id, j.scenario, j.model, j.seed, j.draws, o.issue, o.outcome, o.note, o.n, "
        "o.mean, o.sd, o.q05, o.q50, o.q95 FROM outcomes o JOIN jobs j USING (job_id) "
        "ORDER BY j.job_id, o.rowid");
  }
  if (name == "designs") {
    return Wide(
        store, name,
        "SELECT j.job_id, j.scenario, j.model, j.seed, j.draws, d.design, d.p_signed, d.held, "
        "d.never_signed, d.false_alarm, d.violation, d.exited, d.mean_periods, "
        "d.median_periods, d.enforcement_cost, d.aid_paid FROM designs d JOIN jobs j "
        "USING (job_id) ORDER BY j.job_id, d.rowid");
  }
  if (name == "jobs") {
    return Query(store, name,
                 "SELECT job_id, key, run_id, scenario, input_sha256, model, draws, seed, "
                 "seconds, finished_at, spec FROM jobs ORDER BY job_id");
  }
  if (name == "assignments") {
    return Query(store, name,
                 "SELECT a.job_id, a.path, a.value FROM assignments a JOIN jobs j USING "
                 "(job_id) ORDER BY a.job_id, a.rowid");
  }
  if (name == "rounds") {
    return Query(store, name,
                 "SELECT r.job_id, r.issue, r.actor, r.round, r.position FROM rounds r JOIN "
                 "jobs j USING (job_id) ORDER BY r.job_id, r.rowid");
  }
  if (name == "runs") return Query(store, name, "SELECT * FROM runs ORDER BY run_id");
  throw InputError({"", 0, "table"}, fmt::format("unknown table '{}'; expected one of: {}", name,
                                                 fmt::join(StoreTableNames(), ", ")));
}

}  // namespace concert
