// concert/output/models_output.h — the model registry as text or JSON
// (`concert models`): names, summaries, parameters with defaults and ranges,
// citations, whether a model runs by default.
//
// JSON: [{"name", "summary", "citations", "parameters": [{"name", "default", "type"
//        (choice|integer|number), "choices" | "min", "max", "unit", "description"}],
//        "run_by_default"}]
#pragma once

#include <string>

#include "concert/models/registry.h"

namespace concert {

std::string ModelsText(const Registry& registry);
std::string ModelsJson(const Registry& registry);

}  // namespace concert
