// concert/institutions/sanction_grid.h — sanctions as the source paper means
// them: how big, how well watched, and who enforces, in one run.
//
// Every cell of sizes x monitoring x enforcers is a design over the section's
// base (its sanction size, monitoring and enforcer replaced, everything else
// as coded), simulated on the same draws as the base (simulate.h), so the
// cells differ only by those three numbers.
#pragma once

#include <string>
#include <vector>

#include "concert/institutions/simulate.h"

namespace concert {

struct SanctionGridOptions {
  std::vector<double> sizes{0, 0.15, 0.3, 0.45, 0.6};  // s, before scaling by capability
  std::vector<double> monitoring{0.3, 0.5, 0.7, 0.9};  // m
  // "none", "collective" (every other party) or actor ids; empty: none, the two
  // most capable actors, and collective.
  std::vector<std::string> enforcers;
  SimulateOptions simulate;  // draws, seed, periods, agreement model
};

struct SanctionGridResult {
  std::vector<double> sizes, monitoring;
  std::vector<std::string> enforcers;
  SimulationResult simulation;  // designs[0]: as coded; then the cells, enforcer-major
  const DesignSummary& Cell(std::size_t enforcer, std::size_t size, std::size_t monitor) const {
    return simulation.designs.at(1 + (enforcer * sizes.size() + size) * monitoring.size() +
                                 monitor);
  }
};

// Throws InputError (fields sanction_sizes, monitoring_levels, enforcers) for an empty axis, a
// number out of range, an unknown actor, or more than 400 cells.
SanctionGridResult RunSanctionGrid(const Scenario& scenario, const InstitutionSpec& spec,
                                   const SanctionGridOptions& options,
                                   const RunControl& control = {});

}  // namespace concert
