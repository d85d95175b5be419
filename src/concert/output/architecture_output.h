// concert/output/architecture_output.h — multilateral vs hub-and-spokes, side by side.
//
// JSON: {"model", "hub", "deals": [<deal>...], "architectures": [{"name", "deals" (indices),
//        "negotiations", "transaction_cost", "hub_transaction_cost", "p_all_signed",
//        "talking_periods", "resolving_periods", "talking": [...], "resolving": [...],
//        "payoff": {actor: value or null} or null}]}
// where <deal> = {"parties", "agreement": {issue: y}, "off_table": [issue ids], "p_signed",
//                 "held", "mean_periods", "transaction_cost", "survival": [...]}.
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
