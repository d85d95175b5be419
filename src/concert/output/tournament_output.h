// concert/output/tournament_output.h — a tournament's scores as text, JSON or CSV.
//
// JSON: {"turns", "repetitions", "noise", "continuation", "discount", "seed", "group_size",
//        ["multiplier", "quorum" (group_size > 2)],
//        "strategies": [{"name", "score", "cooperation", ["axelrod_entry",
//                        "axelrod_rank", "axelrod_score"]}],   (in the order given)
//        "matrix": {row: {col: score}}}   row's mean points per match against col.
// CSV, table "scores": rank,strategy,score,cooperation,axelrod_entry,axelrod_rank,axelrod_score
// (Axelrod's columns are filled for the pairwise game only).
// CSV, table "matrix": strategy,opponent,score (long format).
// Text: the strategies ranked by score beside Axelrod's (1980) published scores.
#pragma once

#include <string>

#include "concert/institutions/tournament.h"

namespace concert {

std::string TournamentJson(const TournamentResult& result, const TournamentOptions& options);
std::string TournamentCsv(const TournamentResult& result, const TournamentOptions& options,
                          const std::string& table);
std::string TournamentText(const TournamentResult& result, const TournamentOptions& options);
// The strategy library: name, summary, parameters, Axelrod's rank and score.
std::string StrategiesText();

}  // namespace concert
