// concert/run/report_run.h — the report job: one self-contained HTML page of a
// scenario file, with every computation its sections need.
//
// A negotiation gets the forecasts of every model (with Monte Carlo when
// draws > 0: output/report.h), and, when the file has them, the compliance
// simulation of its institution section and the order model of its order
// section (each with sensitivity). A file with only an order section gets the
// order model's page. With `advice`, a section on one actor's levers. One
// function for every front end (CLI, web page, bindings).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "concert/analysis/forecast_run.h"
#include "concert/analysis/levers.h"
#include "concert/core/parallel.h"
#include "concert/io/document.h"

namespace concert {

struct ReportRequest {
  ScenarioDocument document;         // io/document.h; its institution section checked
  ForecastRequest forecast;          // models, seed, draws, sensitivity (scenario: the document's)
  std::size_t section_draws = 1000;  // draws of the institution and order sections
  // Set: a section on what this actor could do (analysis/levers.h); its
  // scenario is the document's, its models the forecast's.
  std::optional<AdviceRequest> advice;
};

struct ReportResult {
  std::string html;        // empty when cancelled before every forecast finished
  bool cancelled = false;  // the forecasts (or their Monte Carlo) were cut short
  std::size_t draws = 0;   // draws completed by the last model run on them
};

ReportResult RunReport(const ReportRequest& request, const RunControl& control = {});

}  // namespace concert
