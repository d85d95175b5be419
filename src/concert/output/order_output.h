// concert/output/order_output.h — the order model's results (order/run_order.h)
// as JSON, CSV or text. docs/output.md and docs/order.md describe the contract.
//
// JSON: {"scenario": {"name", "file", "sha256"}, "preset" (null: none), "seed", "draws",
//        "cancelled", "relative_gains" (null: as in the file), "leader", "base_year",
//        "thresholds": {"support", "parity", "hegemony"}, "actors": [{"id", "name"}],
//        "years": [{"year", "projected", "con", "support", "order_holds", "leader_provides",
//                   "challenge", "actors": [{"id", "economic", "military", "capability",
//                   "capability_sd", "voice", "support", "free_ride", "challenge"}]}],
//        "table2": {"order_persists_leadership_persists", "order_persists_leadership_challenged",
//                   "order_disappears_leadership_persists",
//                   "order_disappears_leadership_challenged"},
//        "paths": {"post_hegemonic", "renegotiated", "blocs"},
//        "first_challenge_mean" (null: no challenge),
//        ["sensitivity": {"order_persists": {"r_squared", "inputs": [{"name", "src"}]},
//                         "leadership_challenged": {...}}]}
// Shares are of the draws summarised (with draws 0, of the one central run: 0 or 1).
// CSV tables: actors (year,projected,actor,economic,military,capability,capability_sd,voice,
// support,free_ride,challenge), system (year,projected,con,support,order_holds,
// leader_provides,challenge), cells (classification,cell,share), sensitivity
// (outcome,input,src,r_squared).
#pragma once

#include <string>
#include <vector>

#include "concert/order/run_order.h"

namespace concert {

std::vector<std::string> OrderCsvTables();
std::string OrderJson(const OrderResult& result);
// Throws InputError (field "table") for a table not in OrderCsvTables().
std::string OrderCsv(const OrderResult& result, const std::string& table);
std::string OrderText(const OrderResult& result);
// The section's presets: name, description, source.
std::string OrderPresetsText(const OrderSpec& spec);

// The cells' names, in the order of OrderResult::table2 ([persists][challenged]).
const char* Table2CellName(int order_disappears, int leadership_challenged);

}  // namespace concert
