// concert/institutions/architecture.h — the same actors and issues under two
// institutional architectures (Ikenberry 2001, 2011; docs/institutions.md):
//
//   multilateral     one table: every party bargains over the agreement and
//                    every party's compliance is watched and answered by all
//                    (diffuse reciprocity: the compliance game of compliance.h
//                    among all N parties);
//   hub-and-spokes   the hub signs a bilateral deal with each spoke; spokes do
//                    not talk. Each deal is bargained by the same model on the
//                    two actors alone and enforced by the two alone (a guarantor
//                    outside the pair enforces nothing; aid to a spoke is paid
//                    by the hub).
//
// Both agreements come from the same bargaining model, so the comparison is
// like with like. Each negotiation costs each participant `transaction_cost`
// (one-off), times 1 + table_complexity (n - 2) for a table of n parties.
#pragma once

#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/institutions/simulate.h"

namespace concert {

struct ArchitectureOptions {
  std::string hub;                 // actor id
  double transaction_cost = 0.05;  // per participant per negotiation (scenario utility unit)
  double table_complexity = 0.0;   // extra cost per additional party at one table
  SimulateOptions simulate;        // draws, seed, periods, model
};

struct Deal {
  std::vector<std::string> parties;  // actor ids
  std::vector<double> agreement;     // per issue
  DesignSummary summary;             // the base design's compliance game for this deal
  double transaction_cost = 0;       // all participants together
};

struct ArchitectureComparison {
  std::string model;  // the bargaining model of both architectures
  std::string hub;
  Deal multilateral;
  std::vector<Deal> bilateral;         // one per spoke, in the scenario's actor order
  std::vector<double> hub_compliance;  // per period: mean share of deals in force and kept
  double all_deals_held = 0;  // share of draws in which every deal held (independent paths)
  std::vector<double> payoff_multilateral, payoff_hub;  // per actor, per period
  double cost_multilateral_hub = 0, cost_hub_hub = 0;   // the hub's own transaction costs
  double cost_hub_total = 0;
};

ArchitectureComparison CompareArchitectures(const Scenario& scenario, const InstitutionSpec& spec,
                                            const ArchitectureOptions& options,
                                            const RunControl& control = {});

}  // namespace concert
