#include "concert/models/cycle.h"

#include <cmath>

namespace concert {
namespace {

bool Same(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) <= 1e-9;
}

bool SameState(const Round& a, const Round& b) {
  if (!Same(a.outcome, b.outcome) || a.positions.size() != b.positions.size()) return false;
  for (std::size_t k = 0; k < a.positions.size(); ++k) {
    if (!Same(a.positions[k], b.positions[k])) return false;
  }
  return true;
}

}  // namespace

std::optional<Cycle> DetectCycle(const std::vector<Round>& rounds) {
  const std::size_t n = rounds.size();
  for (std::size_t period = 1; 2 * period <= n; ++period) {
    // The earliest start from which the tail repeats with this period.
    std::size_t start = n - period;
    while (start > 0 && SameState(rounds[start - 1], rounds[start - 1 + period])) --start;
    if (n - start < 2 * period) continue;  // fewer than two whole periods seen
    if (period == 1) return std::nullopt;  // converged
    return Cycle{static_cast<int>(period), rounds[start].round};
  }
  return std::nullopt;
}

}  // namespace concert
