// concert/voting/power_capability.h — a voting rule's power index as the
// actors' capability (`forecast --capability RULE`).
//
// Raw voting weights overstate some members and understate others (in the EEC
// Council of 1958 Luxembourg had a vote and no power at all). Given a rule
// (voting/power_index.h), the actors that are its players (matched by actor id
// to player name) share their total capability in proportion to their power
// index in the rule — normalised Banzhaf or Shapley–Shubik:
//
//   c'_i = index_i / sum_{j matched} index_j  x  sum_{j matched} c_j.
//
// The index is computed over the whole rule, so players who are not actors of
// the scenario still vote; they are reported as absent. Every other actor
// keeps its capability, but only when named in `keep` (an actor left out of
// the rule by a typo must not keep its raw capability silently). Matched
// actors' capabilities become fixed numbers (an a priori index has no
// uncertainty); an actor with an issue-specific capability is refused.
//
// References: Penrose (1946), Banzhaf (1965), Shapley & Shubik (1954); the
// argument for indices over weights: Felsenthal & Machover (1998), The
// Measurement of Voting Power, Edward Elgar, ch. 1-3.
#pragma once

#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/voting/power_index.h"

namespace concert {

enum class PowerIndexKind { kBanzhaf, kShapleyShubik };

// "banzhaf" | "shapley" (InputError naming `field` otherwise).
PowerIndexKind ParsePowerIndexKind(const std::string& text, const std::string& field);
const char* PowerIndexKindName(PowerIndexKind kind);

struct PowerCapability {
  std::string rule_name;  // for notes; may be empty
  PowerIndexKind index = PowerIndexKind::kBanzhaf;
  std::vector<std::string> actors;           // matched, in scenario order
  std::vector<double> before, after, power;  // per matched actor; power: the index in the rule
  std::vector<std::string> absent;           // players of the rule that are not actors
  std::vector<std::string> kept;             // actors that kept their capability
  PowerMethod method = PowerMethod::kAuto;   // how the index was computed
  double max_standard_error = 0;             // Monte Carlo only
};

// Sets the capabilities as above and says what it did. InputError naming
// `field` when no actor is a player, an actor is neither a player nor in
// `keep` (or is both), `keep` names an unknown actor, a matched actor has an
// issue-specific capability, or every matched actor has index 0 or
// capability 0.
PowerCapability SetPowerCapability(Scenario* scenario, const VotingRule& rule, PowerIndexKind index,
                                   const std::vector<std::string>& keep,
                                   const std::string& field = "capability",
                                   const RunControl& control = {});

// One paragraph for text outputs: which actors got which capability.
std::string DescribePowerCapability(const PowerCapability& p);

}  // namespace concert
