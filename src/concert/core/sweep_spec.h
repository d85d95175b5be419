// concert/core/sweep_spec.h — what a sweep runs: scenarios, models, the
// numbers to vary and the draws (analysis/sweep.h expands it into jobs; the
// paths are documented there and in docs/sweeps.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/error.h"
#include "concert/core/institution_spec.h"
#include "concert/core/scenario.h"

namespace concert {

struct SweepScenario {
  std::string path;  // as the sweep file names it
  Scenario scenario;
  InstitutionSpec institution;  // from_file false when the file has no institution section
};

struct SweepAssignment {
  std::string path;
  double value = 0;
};

struct SweepAxis {
  std::string path;
  std::vector<double> values;
  ErrorLocation where;  // of the axis in the sweep file (for errors)
};

struct SweepCase {
  std::vector<SweepAssignment> set;
  ErrorLocation where;
};

struct SweepSpec {
  std::string name;
  std::string file;    // the sweep file ("" when built in code)
  std::string sha256;  // of the sweep file's bytes
  std::vector<SweepScenario> scenarios;
  std::vector<std::string> models;  // specs as written; canonical ones in SweepPlan
  ErrorLocation models_where;       // of the models list in the sweep file
  std::vector<SweepAxis> axes;
  std::vector<SweepCase> cases;       // empty: one case that sets nothing
  std::size_t draws = 0;              // Monte Carlo draws per job; 0: the point forecast only
  std::size_t simulate_draws = 1000;  // draws of each `simulate` job (the compliance game)
  // Each job's seed; several make replications (a dimension of their own).
  // Empty: seed 0. A job's Monte Carlo draws are those of `concert forecast
  // --draws N --seed S` of its variant, so jobs with the same seed share them.
  std::vector<std::uint64_t> seeds;
  ErrorLocation seeds_where;
  bool rounds = false;  // keep each job's per-round positions
};

}  // namespace concert
