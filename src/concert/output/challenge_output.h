// concert/output/challenge_output.h — the challenges and distinct positions of
// models that bargain over all issues at once (smp), as JSON, tidy CSV and text.
//
// JSON, added to a forecast that has them:
//   "challenges": [{"round", "initiator", "receiver", "probability", "gain",
//                   "initiator_adopted", "receiver_adopted",
//                   "bargain": {"initiator": {issue: position}, "receiver": {...}}}]
//   "distinct_positions": [{"round", "actors": [ids], "probability",
//                           "position": {issue: position}}]
// CSV tables (one row per item x issue):
//   challenges: model,round,initiator,receiver,probability,gain,initiator_adopted,
//               receiver_adopted,issue,initiator_bargain,receiver_bargain
//   distinct:   model,round,position,actors,probability,issue,value
//               (position numbers the distinct positions within a round from 1;
//               actors are separated by ';')
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/models/model.h"

namespace concert {

nlohmann::ordered_json ChallengesJson(const Scenario& scenario, const Forecast& forecast);
nlohmann::ordered_json DistinctJson(const Scenario& scenario, const Forecast& forecast);
std::string ChallengesCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts);
std::string DistinctCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts);
// Challenges in words (the first 40) and the final distinct positions.
std::string ChallengesText(const Scenario& scenario, const Forecast& forecast);

}  // namespace concert
