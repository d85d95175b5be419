// concert/output/what_if_output.h — drop-one-actor and salience-sweep results
// (analysis/what_if.h), as parts of the forecast's outputs (forecast_output.h).
//
// JSON, a top-level "what_if" object when either ran:
//   {"drop_one": [{"model", "actor", "outcomes": {issue: value|null},
//                  "changes": {issue: outcome - forecast|null}, ["note"]}],
//    "salience_sweep": {"step", "rows": [{"model", "actor", "issue", "delta",
//                  "outcomes": {...}, "changes": {...}, ["note"]}]}}
// CSV, table "drop-one": model,actor,issue,forecast,outcome,change,note;
//      table "salience-sweep": model,actor,moved_issue,delta,issue,forecast,outcome,change,note
//      (change = outcome - the model's forecast of the scenario as given).
// Text: per model and issue, the actor whose removal moves the outcome most, and
// the salience whose +-k step moves it most.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "concert/analysis/what_if.h"
#include "concert/models/model.h"

namespace concert {

void AddWhatIfJson(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                   const WhatIfResult& what_if, nlohmann::ordered_json* root);
std::string WhatIfCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                      const WhatIfResult& what_if, const std::string& table);
std::string WhatIfText(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                       const WhatIfResult& what_if);
// An HTML report section (output/report.h's `extra`): per model and issue a
// tornado chart of the changes, as shares of the scale (the points in
// each label); the eight largest for the salience sweep. Empty when nothing ran.
std::string WhatIfReportSection(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                                const WhatIfResult& what_if);

}  // namespace concert
