// concert/analysis/levers.h — what an actor could do about the forecast: how
// much each model's outcome of each issue moves per unit of the actor's own
// position, salience and capability, and the best single move within bounds
// toward a target outcome.
//
// Levers: the actor's position on issue j (per point of j's scale), its
// salience on j (per point of the 0-100 salience scale) and its capability
// (per unit). For each lever and each outcome issue i, d outcome_i / d lever:
//   compromise, exactly (Achen 2006's O_i = sum_k w_k x_k / W, w_k = c_k s_k):
//     d O_i / d x_ai = w_a / W;  d O_i / d s_ai = c_a (x_a - O_i) / W / 100;
//     d O_i / d c_a = s_a (x_a - O_i) / W (0 where the stance has its own
//     capability); 0 across issues and off the agenda;
//   every other model, by central differences with steps of 1 % of the scale
//   (position), 1 point (salience) and 1 % of the capability (or 0.01 when it
//   is 0), one-sided at a bound of the range. The one-sided slopes are reported
//   beside it; when they differ by more than 5 % of the larger (or of 1) the
//   model is not smooth there (a kink or a jump: the exchange model's trades and
//   smp's challenges switch on and off) and `smooth` is false.
// Best move (with a target for one issue): for each lever, `grid` values evenly
// spaced over [current - bound, current + bound] within its range, each a run
// of the model; the value that brings the outcome closest to the target (ties:
// the smaller change, then the lever order). The models agree when every one
// picks the same lever in the same direction.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/models/model.h"

namespace concert {

enum class LeverKind { kPosition, kSalience, kCapability };
const char* LeverName(LeverKind kind);  // "position", "salience", "capability"

struct Lever {
  LeverKind kind = LeverKind::kPosition;
  std::size_t issue = 0;  // position and salience: the issue; capability: unused
};

struct LeverEffect {
  std::size_t model = 0;
  Lever lever;
  std::size_t outcome_issue = 0;
  std::optional<double> derivative;  // none when the model gives no outcome there
  bool analytic = false;
  double step = 0;                    // finite differences: the step, in the lever's unit
  std::optional<double> left, right;  // one-sided slopes (finite differences)
  bool smooth = true;
};

struct BestMove {
  std::size_t model = 0;
  Lever lever;
  double from = 0, to = 0;                      // the lever's value (salience in points)
  std::optional<double> outcome, base_outcome;  // of the target issue, after and before
  double distance = 0, base_distance = 0;       // |outcome - target|
  bool improves = false;                        // distance < base_distance
};

struct AdviceRequest {
  Scenario scenario;
  std::vector<std::string> models;  // specs; empty: every model run by default
  std::string actor;                // id
  std::string issue;                // id: only this outcome issue (and the target's); empty: all
  std::optional<double> target;     // a desired outcome of `issue`: the best move toward it
  double max_position_change = std::numeric_limits<double>::infinity();  // scale points
  double max_salience_change = 20;                                       // salience points
  double max_capability_change = 0.5;  // a share of the actor's capability
  std::size_t grid = 21;               // values tried per lever
};

struct AdviceResult {
  std::size_t actor = 0;
  std::optional<std::size_t> issue;
  std::vector<Forecast> forecasts;  // each model on the scenario as given
  std::vector<LeverEffect> effects;
  std::vector<BestMove> best;  // one per model, with a target
  std::optional<bool> models_agree;
  bool cancelled = false;
};

// Throws InputError naming "actor", "issue", "target", "grid" or a bound
// ("max_position_change", ...) for an unknown id, a target off the issue's
// scale or without an issue, a grid below 2, or a negative bound.
AdviceResult RunAdvice(const AdviceRequest& request, const RunControl& control = {});

}  // namespace concert
