// concert/analysis/sweep.h — a sweep: many variants of scenarios run by many
// models, one job per variant and model (docs/sweeps.md).
//
// A SweepSpec (core/sweep_spec.h; read from a sweep file by io/sweep_reader.h,
// or built in code) names scenarios, models, and the numbers to vary: axes
// (each a path and its values; the grid is their Cartesian product) and cases
// (explicit lists of assignments); a case's assignment of a path an axis also
// sets is overridden by the axis. Job i is one cell of scenarios x cases x axis grid, run by one
// model; models vary fastest, then the last axis, ..., the first axis, the
// case, and the scenario slowest. Its random stream depends on (seed, cell)
// only, so a job's result is the same whichever thread, process or MPI rank
// runs it, and the models of one cell share their Monte Carlo draws (common
// random numbers).
//
// Paths (values in the scenario file's own units, saliences in points 0-100):
//   actors.ID.capability
//   stances.ACTOR.ISSUE.position | stances.ACTOR.ISSUE.salience
//   issues.ID.status_quo
// and, in the base design of the scenario's institution section (which its
// alternatives inherit unless they set the number; docs/institutions.md):
//   institution.monitoring | .false_alarm | .forgiveness | .cost_volatility  in [0, 1]
//   institution.sanction | institution.sanction_cost                        >= 0
//   institution.aid.ACTOR                                                  >= 0
//   institution.parties.ACTOR.discount (in [0, 1)) | .exit_value | .relative_gains (>= 0)
// A varied number is fixed at its value in the job: its uncertainty range is
// dropped, so Monte Carlo draws vary only the other inputs.
//
// The model `simulate` is the compliance game of the institution section
// (institutions/simulate.h) with spec.simulate_draws draws: its job stores
// each design's shares of outcomes, and the agreement per issue as outcomes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/sweep_spec.h"
#include "concert/models/registry.h"

namespace concert {

// A spec checked whole, with its models created once (shared by every job).
struct SweepPlan {
  SweepSpec spec;
  std::vector<CreatedModel> models;
  std::size_t cells = 0;  // scenarios x cases x grid
  std::size_t jobs() const { return cells * models.size(); }
};

// Checks everything a job could fail on before any job runs: every model
// spec, every path against every scenario, every value within its bounds, and
// that the number of jobs is below `max_jobs`. Errors name the sweep file's
// line and field where the spec came from a file.
SweepPlan PlanSweep(SweepSpec spec, std::size_t max_jobs = 10'000'000);

struct SweepJob {
  std::size_t index = 0, cell = 0;
  std::size_t scenario = 0, model = 0, case_index = 0;
  std::vector<std::size_t> axis_values;  // per axis, the index of its value
  std::uint64_t seed = 0;                // of the job's Monte Carlo draws (spec.seeds)
  std::vector<SweepAssignment> set;      // the case's assignments, then each axis's
};
SweepJob JobAt(const SweepPlan& plan, std::size_t index);

// The job's key: the SHA-256 of its spec as canonical JSON (input hash,
// model, assignments, draws, seed, rounds), without the scenario's path so a
// moved file still matches.
std::string JobKey(const SweepPlan& plan, const SweepJob& job);
// The part of the spec that the store's job columns (scenario, input_sha256,
// model, draws, seed) leave out: {"set": [[path, value], ...], "rounds": b}.
std::string JobVariantJson(const SweepJob& job, bool rounds);

// Sets the number at `path` (see the header comment) and drops its
// uncertainty; throws InputError at `where` for an unknown path, actor,
// issue or stance, or a value out of bounds. SetScenarioNumber takes no
// institution paths; SetSweepNumber takes both (institution may be null when
// the path is not one).
void SetScenarioNumber(Scenario* scenario, const std::string& path, double value,
                       const ErrorLocation& where);
void SetSweepNumber(Scenario* scenario, InstitutionSpec* institution, const std::string& path,
                    double value, const ErrorLocation& where);

// The spec of the compliance-game job (not a registered model).
inline constexpr const char* kSimulateModel = "simulate";
inline bool IsSimulate(const CreatedModel& model) { return model.model == nullptr; }

struct SweepIssueResult {
  std::string issue;
  bool has_outcome = false;
  double outcome = 0;
  std::string note;
  // With draws: the Monte Carlo distribution (n draws with an outcome).
  std::size_t n = 0;
  double mean = 0, sd = 0, q05 = 0, q50 = 0, q95 = 0;
};

struct SweepRoundRow {
  int round = 0;
  std::string actor, issue;
  double position = 0;
};

// One design of a `simulate` job (institutions/simulate.h's DesignSummary).
struct SweepDesignResult {
  std::string design;
  double p_signed = 0, held = 0, never_signed = 0, false_alarm = 0, violation = 0, exited = 0;
  double mean_periods = 0, median_periods = 0, enforcement_cost = 0, aid_paid = 0;
};

struct SweepJobResult {
  std::size_t index = 0;
  std::string key;
  std::string spec_json;  // JobVariantJson: with the other fields, the whole spec
  std::string scenario, input_sha256, model;
  std::vector<SweepAssignment> set;
  std::uint64_t seed = 0;
  std::size_t draws = 0;
  std::vector<SweepIssueResult> issues;
  std::vector<SweepRoundRow> rounds;       // with spec.rounds
  std::vector<SweepDesignResult> designs;  // simulate jobs
  double seconds = 0;                      // wall time of the job (not part of its result)
};

// A result as JSON text and back, to pass results between processes (MPI).
std::string SweepResultToJson(const SweepJobResult& result);
SweepJobResult SweepResultFromJson(const std::string& text);

}  // namespace concert
