// concert/analysis/what_if.h — which actors and which saliences a forecast
// hangs on: every model re-run with one actor removed (drop-one-actor), and
// with one actor's salience on one issue moved by +-k points (the salience
// sweep). Deterministic re-runs of the scenario at its central values, no
// sampling; the runs are independent and go in parallel.
//
// Drop-one: the scenario without actor a (its stances gone); a model that
// cannot forecast what is left (e.g. an issue with no stance) gives no
// outcome, and the row says why. Salience sweep: salience s of actor a on
// issue i becomes s + k and s - k (k in points of the 0-100 salience scale); a
// step past 0 or 100 is not run (the row says so): nothing is clamped.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/models/registry.h"

namespace concert {

struct WhatIfRow {
  std::size_t model = 0, actor = 0;
  std::optional<std::size_t> issue;             // salience sweep: the issue whose salience moved
  double delta = 0;                             // salience sweep: +k or -k
  std::vector<std::optional<double>> outcomes;  // per issue; none when not run
  std::string note;                             // why there is no outcome
};

struct WhatIfResult {
  double salience_step = 0;      // k; 0: no sweep
  std::vector<WhatIfRow> drop;   // [model][actor], model-major
  std::vector<WhatIfRow> sweep;  // [model][actor][issue][-k, +k], stances only
  bool cancelled = false;
};

// Throws InputError naming "salience_sweep" for k not in (0, 100].
WhatIfResult RunWhatIf(const Scenario& scenario, const std::vector<CreatedModel>& models,
                       bool drop_one, double salience_step, const RunControl& control = {});

// The scenario without actor `actor`.
Scenario WithoutActor(const Scenario& scenario, std::size_t actor);

}  // namespace concert
