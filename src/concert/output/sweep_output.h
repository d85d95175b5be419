// concert/output/sweep_output.h — a results store's tables (store/sweep_tables.h)
// as CSV and JSON for R and pandas, and a sweep's HTML page: each issue's
// outcome against each varied number, one line per model.
//
// CSV: one table, a header row, empty cells where a value is missing (NULL),
// numbers in shortest round-trip form. JSON: {"schema_version": 1, "store":
// path, "tables": {name: [row objects]}} with null for a missing value.
#pragma once

#include <string>
#include <vector>

#include "concert/store/sweep_tables.h"

namespace concert {

std::string StoreTableCsv(const StoreTable& table);
std::string StoreTablesJson(const std::string& store_path, const std::vector<StoreTable>& tables);

// A self-contained HTML page (inline CSS and SVG) charting a sweep's outcomes
// table: per varied path and issue, the point forecast's mean over the jobs
// with each value of the path (the other variations and scenarios pooled),
// one line per model, each job's outcome as a faint dot; for `simulate` jobs
// also the share of draws in which the agreement held, one line per design.
std::string SweepReportHtml(const std::string& store_path, const StoreTable& outcomes,
                            const StoreTable& designs, const StoreTable& runs);

}  // namespace concert
