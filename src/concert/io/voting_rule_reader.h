// concert/io/voting_rule_reader.h — a voting rule file (YAML or JSON) for
// `concert power` (voting/power_index.h; schema: docs/power.md):
//
//   name: Council of the EEC, 1958          # optional
//   source: Treaty of Rome, art. 148        # optional, free text
//   criteria:                               # one or more; a coalition wins on all
//     - {name: votes, quota: 12}            # quota: a number or a share, "62%"
//   players:
//     - {name: FR, weights: [4]}            # one weight per criterion, >= 0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/voting/power_capability.h"
#include "concert/voting/power_index.h"

namespace concert {

struct VotingRuleFile {
  std::string name, source;
  VotingRule rule;  // validated, with the criteria's names
};

// InputError naming file, line and field.
VotingRuleFile ReadVotingRule(const std::string& path, std::string_view text);

// `forecast --capability RULE[:banzhaf|:shapley]` for every front end: reads the
// rule file (default index banzhaf) and sets the scenario's capabilities from
// it (voting/power_capability.h). InputError naming `field` for a bad index,
// the file's own errors with its path and line.
PowerCapability SetCapabilityFromRule(Scenario* scenario, const std::string& spec,
                                      const std::vector<std::string>& keep,
                                      const std::string& field = "capability",
                                      const RunControl& control = {});

}  // namespace concert
