// concert/output/sanction_grid_output.h — the sanction grid (institutions/sanction_grid.h).
//
// JSON: {"scenario": {"name", "sha256"}, "institution", "seed", "draws", "periods",
//        "agreement": {"source", "outcomes"}, "sizes", "monitoring", "enforcers",
//        "as_coded": {<statistics>, "end_causes"},
//        "cells": [{"enforcer", "sanction", "monitoring", <statistics>, "end_causes"}]}
// with simulate's design statistics (simulate_output.h).
// CSV (long): enforcer,sanction,monitoring,statistic,value; the design as coded has
// enforcer "as coded" and empty sanction and monitoring.
#pragma once

#include <string>

#include "concert/institutions/sanction_grid.h"
#include "concert/output/simulate_output.h"

namespace concert {

std::string SanctionGridJson(const Scenario& scenario, const SimulationHeader& header,
                             const SanctionGridResult& grid);
std::string SanctionGridCsv(const SanctionGridResult& grid);
std::string SanctionGridText(const Scenario& scenario, const SimulationHeader& header,
                             const SanctionGridResult& grid);
// A self-contained page: P(never ended | signed) and mean periods in force as heat maps.
std::string SanctionGridHtml(const Scenario& scenario, const SimulationHeader& header,
                             const SanctionGridResult& grid);

}  // namespace concert
