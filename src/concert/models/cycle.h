// concert/models/cycle.h — whether a model's path on an issue ends in a cycle.
//
// A round's state is every actor's position and the outcome. The path cycles
// with period P >= 2 from round s when state(t) = state(t + P) (to 1e-9) for
// every t >= s up to the last round, and the tail from s holds at least two
// whole periods; P is the least such period and s the earliest start. A path
// whose tail repeats with period 1 has converged, which is not a cycle. For a
// cycling issue the reported outcome is the last round's, so it depends on
// the number of rounds (docs/output.md).
#pragma once

#include <optional>
#include <vector>

#include "concert/models/model.h"

namespace concert {

std::optional<Cycle> DetectCycle(const std::vector<Round>& rounds);

}  // namespace concert
