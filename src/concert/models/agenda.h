// concert/models/agenda.h — a negotiation over part of its issues.
//
// A scenario may declare its agenda (the issues on the table; Issue::on_agenda).
// Every model then runs on the scenario restricted to the agenda, so it
// forecasts, trades and challenges only over those issues; each issue off the
// agenda stays at its status quo (the reader requires one), its path flat at
// the actors' own positions. The registry's models do this for every caller
// (forecast, Monte Carlo, backtests, the institution chain).
#pragma once

#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/models/model.h"

namespace concert {

// Whether some issue is off the agenda.
bool HasAgenda(const Scenario& scenario);

// Sets the agenda to the issues named (every issue when `ids` is empty); throws
// InputError (field `field`) for an unknown id, an empty agenda, or an issue
// left off without a status quo.
void SetAgenda(Scenario* scenario, const std::vector<std::string>& ids,
               const std::string& field = "agenda");

// The model's forecast of `scenario`, run over its agenda only (as above).
Forecast RunOnAgenda(const Model& model, const Scenario& scenario, const RunContext& context);

}  // namespace concert
