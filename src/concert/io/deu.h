// concert/io/deu.h — the DEU data set (Decision-making in the European Union)
// in the long format of data/deu/: issues.csv (one row per issue, with
// reference_point = status quo and outcome, both 0-100, empty = missing),
// positions.csv (issue_id, actor_code, position, salience; empty = missing)
// and actors.csv (actor_code, actor_name, council votes before May 2004 and
// under Nice).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/error.h"

namespace concert {

struct DeuActor {
  std::string code, name;
  std::optional<double> votes_eu15, votes_nice;
};

struct DeuStance {
  std::string actor;
  double position = 0, salience = 0;  // both on 0-100
  ErrorLocation where;                // its row in positions.csv
};

struct DeuIssue {
  std::string id, proposal, name, procedure;  // procedure: COD, CNS, ...
  int year = 0, month = 0, day = 0;           // proposal introduced
  std::optional<double> reference_point, outcome;
  std::vector<DeuStance> stances;  // actors with both a position and a salience
};

struct DeuData {
  std::vector<DeuIssue> issues;
  std::vector<DeuActor> actors;
  const DeuActor* actor(const std::string& code) const;
};

// Reads DIR/issues.csv, DIR/positions.csv, DIR/actors.csv; throws InputError
// naming file, line and column for anything malformed.
DeuData ReadDeu(const std::string& dir);

}  // namespace concert
