#include "concert/analysis/what_if.h"

#include <fmt/format.h>

#include <cmath>

namespace concert {

Scenario WithoutActor(const Scenario& scenario, std::size_t actor) {
  Scenario out;
  out.name = scenario.name;
  out.description = scenario.description;
  out.sources = scenario.sources;
  out.issues = scenario.issues;
  for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
    if (a != actor) out.actors.push_back(scenario.actors[a]);
  }
  out.resize_stances();
  for (std::size_t a = 0, to = 0; a < scenario.num_actors(); ++a) {
    if (a == actor) continue;
    for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
      if (const Stance* s = scenario.stance(a, i)) out.set_stance(to, i, *s);
    }
    ++to;
  }
  return out;
}

namespace {

void Fill(const CreatedModel& model, const Scenario& scenario, WhatIfRow* row) {
  row->outcomes.assign(scenario.num_issues(), std::nullopt);
  try {
    ValidateScenario(scenario);
    RunContext context;
    context.control.threads = 1;
    context.outcomes_only = true;
    const Forecast f = model.model->Run(scenario, context);
    for (std::size_t i = 0; i < f.issues.size() && i < row->outcomes.size(); ++i) {
      row->outcomes[i] = f.issues[i].outcome;
    }
  } catch (const InputError& e) {
    row->note = e.message();
  }
}

}  // namespace

WhatIfResult RunWhatIf(const Scenario& scenario, const std::vector<CreatedModel>& models,
                       bool drop_one, double salience_step, const RunControl& control) {
  if (!(salience_step >= 0 && salience_step <= 100) || !std::isfinite(salience_step)) {
    throw InputError({"", 0, "salience_sweep"},
                     fmt::format("{}: expected a step in (0, 100] salience points", salience_step));
  }
  WhatIfResult result;
  result.salience_step = salience_step;
  const std::size_t na = scenario.num_actors(), ni = scenario.num_issues();
  for (std::size_t m = 0; m < models.size(); ++m) {
    for (std::size_t a = 0; drop_one && a < na; ++a) result.drop.push_back({m, a, {}, 0, {}, ""});
    for (std::size_t a = 0; salience_step > 0 && a < na; ++a) {
      for (std::size_t i = 0; i < ni; ++i) {
        if (!scenario.stance(a, i)) continue;
        result.sweep.push_back({m, a, i, -salience_step, {}, ""});
        result.sweep.push_back({m, a, i, +salience_step, {}, ""});
      }
    }
  }
  const std::size_t nd = result.drop.size();
  const std::vector<char> done =
      ParallelFor(nd + result.sweep.size(), control, [&](std::size_t job) {
        WhatIfRow& row = job < nd ? result.drop[job] : result.sweep[job - nd];
        const CreatedModel& model = models[row.model];
        if (job < nd) return Fill(model, WithoutActor(scenario, row.actor), &row);
        Scenario moved = scenario;
        Stance* stance = moved.mutable_stance(row.actor, *row.issue);
        const double salience = stance->salience.value + row.delta / 100;
        if (salience < -1e-12 || salience > 1 + 1e-12) {
          row.outcomes.assign(ni, std::nullopt);
          row.note = fmt::format("salience {:g} {:+g} is outside 0-100",
                                 100 * stance->salience.value, row.delta);
          return;
        }
        stance->salience.value = std::min(1.0, std::max(0.0, salience));  // rounding only
        stance->salience.uncertainty = {};  // a central value moved past its range is fine
        Fill(model, moved, &row);
      });
  for (char d : done) result.cancelled = result.cancelled || !d;
  return result;
}

}  // namespace concert
