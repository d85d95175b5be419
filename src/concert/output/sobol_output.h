// concert/output/sobol_output.h — Sobol indices (analysis/sobol.h) as parts of
// the forecast's outputs (forecast_output.h).
//
// JSON, a top-level "sobol" list when they ran:
//   [{"model", "base_samples", "bootstrap", "runs",
//     "issues": [{"issue", "variance", "rows", "inputs": [{"input", "first",
//                 "first_low", "first_high", "total", "total_low", "total_high"}]}]}]
// CSV, table "sobol": model,issue,input,first,first_low,first_high,total,total_low,total_high
// Text: per model and issue the five inputs with the largest total index.
// Report: per model and issue a tornado chart of the eight largest total indices.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "concert/analysis/sobol.h"
#include "concert/models/model.h"

namespace concert {

void AddSobolJson(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                  const std::vector<SobolResult>& sobol, std::size_t bootstrap,
                  nlohmann::ordered_json* root);
std::string SobolCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                     const std::vector<SobolResult>& sobol);
std::string SobolText(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                      const std::vector<SobolResult>& sobol);
std::string SobolReportSection(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                               const std::vector<SobolResult>& sobol);

}  // namespace concert
