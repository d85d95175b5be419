// concert/io/write.h — a Scenario back out as concert's native YAML (`concert convert`).
// Reading the output gives the same Scenario: ids, numbers (shortest exact
// decimal form; saliences on 0-100 to 15 significant digits), uncertainty, anchors.
#pragma once

#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/io/document.h"

namespace concert {

std::string ScenarioToYaml(const Scenario& scenario);
// The scenario with its institution and order sections, as read (`convert`).
std::string DocumentToYaml(const ScenarioDocument& document);

// `text` (a native YAML or JSON file) as YAML with the number at root[keys[0]][keys[1]]...
// set to `value`, maps made where missing (run/edit.h uses it for the
// institution section). Comments are not kept.
std::string EditYamlNumber(const std::string& text, const std::vector<std::string>& keys,
                           double value);

}  // namespace concert
