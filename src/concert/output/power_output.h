// concert/output/power_output.h — power indices (voting/power_index.h) as text,
// JSON or CSV.
//
// JSON: {"method", ["samples", "seed" (Monte Carlo)],
//        "criteria": [{"name", "quota", "total"}], "p_winning",
//        "players": [{"name", "weight" (first criterion), ["weights" (every
//                     criterion, when more than one)], "shapley_shubik", "banzhaf",
//                     "banzhaf_absolute", "swings",
//                     ["shapley_shubik_se", "banzhaf_absolute_se" (Monte Carlo)]}]}
// CSV: name,weight[,weight_2,...],shapley_shubik,banzhaf,banzhaf_absolute,swings,
//      shapley_shubik_se,banzhaf_absolute_se (the errors 0 when exact).
// Text: the players with their weights and indices, the method and P(winning).
#pragma once

#include <string>

#include "concert/voting/power_index.h"

namespace concert {

std::string PowerJson(const VotingRule& rule, const PowerOptions& options,
                      const PowerResult& result);
std::string PowerCsv(const VotingRule& rule, const PowerResult& result);
std::string PowerText(const VotingRule& rule, const PowerOptions& options,
                      const PowerResult& result);

}  // namespace concert
