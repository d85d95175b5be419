// concert/output/architecture_output.h — multilateral vs hub-and-spokes, side by side.
//
// JSON: {"model", "hub", "multilateral": <deal>, "bilateral": [<deal>...],
//        "hub_and_spokes": {"all_deals_held", "transaction_cost", "hub_transaction_cost",
//                           "compliance": [...]},
//        "payoff": {actor: {"multilateral", "hub_and_spokes"}}}
// where <deal> = {"parties", "agreement": {issue: y}, "held", "mean_periods",
//                 "transaction_cost", "compliance": [...]}.
// CSV: architecture,deal,statistic,value (long format).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "concert/institutions/architecture.h"

namespace concert {

std::string ArchitectureJson(const Scenario& scenario, const ArchitectureComparison& c);
// The same as a JSON value, for writers that embed it (simulate_output.h).
nlohmann::ordered_json ArchitectureJsonValue(const Scenario& scenario,
                                             const ArchitectureComparison& c);
std::string ArchitectureCsv(const Scenario& scenario, const ArchitectureComparison& c);
std::string ArchitectureText(const Scenario& scenario, const ArchitectureComparison& c);

}  // namespace concert
