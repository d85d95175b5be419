// concert/output/advice_output.h — `concert advise` (analysis/levers.h) as text,
// JSON, CSV or a report section.
//
// JSON: {"actor", ["issue"], ["target"],
//        "levers": [{"model", "lever", ["lever_issue"], "issue", "derivative",
//                    "method" ("analytic" | "finite difference"), ["step", "left",
//                    "right"], "smooth"}],
//        ["best": [{"model", "lever", ["lever_issue"], "from", "to", "outcome",
//                   "base_outcome", "distance", "base_distance", "improves"}],
//         "models_agree"],
//        "trades": [{"model", "round", "partner", "gives", "gets", "gain"}]}
//   (the exchange model's trades of the actor: it gives ground on "gives" and
//   gains on "gets").
// CSV, table "levers": model,lever,lever_issue,issue,derivative,method,step,left,right,smooth;
//      table "best": model,lever,lever_issue,from,to,outcome,base_outcome,distance,
//      base_distance,improves.
#pragma once

#include <string>

#include "concert/analysis/levers.h"

namespace concert {

std::string AdviceJson(const AdviceRequest& request, const AdviceResult& result);
std::string AdviceCsv(const AdviceRequest& request, const AdviceResult& result,
                      const std::string& table);
std::string AdviceText(const AdviceRequest& request, const AdviceResult& result);
// An HTML report section (output/report.h's `extra`): per model and outcome
// issue a tornado chart of the actor's levers (the change of the outcome for a
// move of 10 % of the scale, 10 salience points or 10 % of the capability, as a
// share of the scale), the best moves toward the target and the actor's trades.
std::string AdviceReportSection(const AdviceRequest& request, const AdviceResult& result);

}  // namespace concert
