#include "concert/models/issue_view.h"

namespace concert {

IssueView ViewIssue(const Scenario& scenario, std::size_t issue) {
  IssueView view;
  for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
    const Stance* s = scenario.stance(a, issue);
    if (s == nullptr) continue;
    view.actors.push_back(a);
    view.position.push_back(s->position.value);
    view.capability.push_back(scenario.capability(a, issue));
    view.salience.push_back(s->salience.value);
  }
  return view;
}

Round InputRound(const Scenario& scenario, std::size_t issue) {
  Round round;
  round.positions.resize(scenario.num_actors());
  for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
    if (const Stance* s = scenario.stance(a, issue)) round.positions[a] = s->position.value;
  }
  return round;
}

}  // namespace concert
