// concert/output/simulate_output.h — the compliance game's results as text, JSON or CSV.
//
// JSON: {"scenario": {"name", "sha256"}, "institution", "seed", "draws", "fixed", "periods",
//        "agreement": {"source", "outcomes": {issue: y}},
//        "designs": [{"name", "description", "p_signed", "held", "held_given_signed",
//                     "suspensions", "mean_periods", "median_periods", "mean_compliance",
//                     "enforcement_cost", "aid_paid",
//                     "end_causes": {"never_signed", "false_alarm", "violation", "exit"},
//                     "terms": {"monitoring", "false_alarm", "forgiveness", "punishment",
//                               "cost_volatility", "sanction", "sanction_cost", "enforcer",
//                               "aid_conditional"},
//                     "parties": [{"id", "benefit", "cost", "discount", "relative_gains",
//                                  "exit_value", "exit_growth", "aid", "aid_share", "consent",
//                                  "veto", "threshold" (null: none below 1), "payoff",
//                                  "ended_by"}],
//                     "compliance": [share per period],
//                     "survival": [P(in force | signed) per period]}],
//        "events": [{"period", "label"}],
//        ["sensitivity": {"outcome", "r_squared", "inputs": [{"name", "src"}]}],
//        ["order": {"file", "preset", "year", "actors": [{"id", "capability", "relative_gains",
//                   "r"}]}]}   (with an order link)
// CSV tables: summary (design,statistic,value), compliance (design,period,compliance,
// survival), parties (design,party,benefit,cost,discount,relative_gains,exit_value,
// exit_growth,aid,threshold,payoff,ended_by,consent,veto).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/institutions/architecture.h"
#include "concert/institutions/simulate.h"
#include "concert/order/order_link.h"

namespace concert {

struct SimulationHeader {
  std::string institution;
  std::uint64_t seed = 0;
  bool fixed = false;
  std::optional<OrderLink> order;  // capabilities and relative gains from the order model
};

// The header of a run of `spec`: its name, or a note that the defaults stood in
// for a missing institution section.
SimulationHeader HeaderFor(const InstitutionSpec& spec, std::uint64_t seed, bool fixed,
                           std::optional<OrderLink> order = std::nullopt);

// With `architectures` (an architecture comparison) the JSON gains an "architectures" object
// (output/architecture_output.h).
std::string SimulationJson(const Scenario& scenario, const SimulationHeader& header,
                           const SimulationResult& result,
                           const ArchitectureComparison* architectures = nullptr);
// The same as a JSON value, for writers that embed it (chain_output.h).
nlohmann::ordered_json SimulationJsonValue(const Scenario& scenario, const SimulationHeader& header,
                                           const SimulationResult& result,
                                           const ArchitectureComparison* architectures = nullptr);
// (statistic, value) rows of a design: the summary table's statistics.
std::vector<std::pair<std::string, double>> DesignStatistics(const DesignSummary& design);
// The same as JSON members, with the end causes in an "end_causes" object.
nlohmann::ordered_json DesignStatisticsJson(const DesignSummary& design);
// Tables: summary (the default), compliance, parties, draws (one row per
// completed draw and design: who would not sign, how the path ended).
std::string SimulationCsv(const Scenario& scenario, const SimulationResult& result,
                          const std::string& table);
// The draws table's header (after `prefix`, e.g. "source,") and rows (each
// starting with `lead`, e.g. the source's field and a comma).
std::string DrawsCsvHeader(const std::string& prefix);
void AppendDrawsCsv(const SimulationResult& result, const std::string& lead, std::string* out);
std::string SimulationText(const Scenario& scenario, const SimulationHeader& header,
                           const SimulationResult& result);

}  // namespace concert
