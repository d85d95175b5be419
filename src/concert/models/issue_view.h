// concert/models/issue_view.h — one issue's stances as flat arrays, for models.
#pragma once

#include <cstddef>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/models/model.h"

namespace concert {

struct IssueView {
  std::vector<std::size_t> actors;  // indices of actors with a stance, in scenario order
  std::vector<double> position;
  std::vector<double> capability;  // issue-specific where the stance has one
  std::vector<double> salience;    // fraction in [0, 1]
};

IssueView ViewIssue(const Scenario& scenario, std::size_t issue);

// Round 0: every actor's input position (none where it has no stance).
Round InputRound(const Scenario& scenario, std::size_t issue);

}  // namespace concert
