// concert/io/sweep_reader.h — reads a sweep file (YAML; schema in
// docs/sweeps.md) and the scenarios it names into a SweepSpec
// (core/sweep_spec.h). Scenario paths are relative to the sweep file's folder.
//
//   name: six-party variants
//   scenarios: [../scenarios/six_party_talks_2005.yaml]
//   models: [compromise, bdm(risk=on), exchange]     # or `model:`
//   vary:                                            # the grid: every combination
//     actors.PRK.capability: [0.01, 0.02]
//     stances.CHN.nuclear.salience: {range: [60, 95], steps: 8}
//   cases:                                           # and/or a list of explicit variants
//     - {stances.USA.nuclear.position: 70, actors.USA.capability: 0.2}
//   draws: 100        # Monte Carlo draws per job (0, the default: point forecasts)
//   simulate_draws: 1000  # draws of each `simulate` job (models: [simulate, ...])
//   seed: 42          # or seeds: [1, 2, 3] for replications
//   rounds: false     # store each job's per-round positions
#pragma once

#include <string>
#include <string_view>

#include "concert/core/sweep_spec.h"

namespace concert {

// InputError naming the file, line and field of anything malformed (the
// scenarios' own errors name their files). Call PlanSweep on the result to
// check the paths and values against the scenarios.
SweepSpec ReadSweep(const std::string& path, std::string_view text);
SweepSpec ReadSweepFile(const std::string& path);

}  // namespace concert
