// concert/institutions/architecture.h — the same actors and issues under the
// institutional architectures the source paper compares (Ikenberry 2001, 2011;
// docs/institutions.md):
//
//   multilateral     one table: every party bargains over the agreement and
//                    every party's compliance is watched and answered by all
//                    (the compliance game of compliance.h among all N parties);
//   hub-and-spokes   the hub signs a bilateral deal with each spoke (its
//                    alliances); spokes do not talk. Each deal is bargained by
//                    the same model on the two actors alone and enforced by the
//                    two alone (a guarantor outside the pair enforces nothing;
//                    aid to a spoke is paid by the hub);
//   layered          the alliances and the multilateral table together (the
//                    design the paper recommends);
//   exclusive        one table of every party but the target (`excluded`), to
//                    test the paper's claim for an inclusive design.
//
// A deal confers nothing on an issue whose deciding party (the section's
// `deciding`) is not at its table: such an issue is off that deal's agenda and
// stays at its status quo (models/agenda.h). Every deal comes from the same
// bargaining model, so the comparison is like with like. Each negotiation costs
// each participant `transaction_cost` (one-off), times
// 1 + table_complexity (n - 2) for a table of n parties.
//
// The deals' compliance paths are independent given the uncertain numbers, so
// an architecture of several deals is measured as such: in force ("talking",
// conflict management) in period t with P = 1 - prod_d (1 - q_d(t)), where q_d(t)
// = P(signed) x P(deal d in force in t | signed); "resolving" (conflict
// resolution) counts only deals with every issue's deciding party at the table.
#pragma once

#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/institutions/simulate.h"

namespace concert {

struct ArchitectureOptions {
  std::string hub;                  // actor id
  std::vector<std::string> spokes;  // the hub's bilateral partners; empty: every other actor
  std::string excluded;             // the target left out of the exclusive table; empty: none
  double transaction_cost = 0.05;   // per participant per negotiation (scenario utility unit)
  double table_complexity = 0.0;    // extra cost per additional party at one table
  SimulateOptions simulate;         // draws, seed, periods, model
};

struct Deal {
  std::vector<std::string> parties;    // actor ids
  std::vector<double> agreement;       // per issue
  std::vector<std::string> off_table;  // issues whose deciding party is absent
  DesignSummary summary;               // the base design's compliance game for this deal
  double transaction_cost = 0;         // all participants together
};

struct Architecture {
  std::string name;                // multilateral, hub-and-spokes, layered, exclusive
  std::vector<std::size_t> deals;  // indices into ArchitectureComparison::deals
  double transaction_cost = 0, hub_transaction_cost = 0;
  double p_all_signed = 0;        // every one of its deals signed
  std::vector<double> talking;    // per period: P(some deal in force)
  std::vector<double> resolving;  // per period: P(some deal with every decider in force)
  double talking_periods = 0, resolving_periods = 0;  // expected periods, sums of the above
  // Per actor, per period: its deal's payoff (the hub's averaged over its deals,
  // each carrying 1 / deals of its stake); empty for layered, whose deals overlap.
  std::vector<double> payoff;
};

struct ArchitectureComparison {
  std::string model;  // the bargaining model of every deal
  std::string hub;
  std::vector<Deal> deals;  // the multilateral table first, then the bilateral deals, ...
  std::vector<Architecture> architectures;
};

ArchitectureComparison CompareArchitectures(const Scenario& scenario, const InstitutionSpec& spec,
                                            const ArchitectureOptions& options,
                                            const RunControl& control = {});

}  // namespace concert
