// concert/run/sweep_job.cc — one job of a sweep: a model's forecast (with
// Monte Carlo) or the compliance game of the institution (sweep_run.h).
#include <chrono>

#include "concert/analysis/monte_carlo.h"
#include "concert/institutions/simulate.h"
#include "concert/run/sweep_run.h"

namespace concert {
namespace {

bool IsInstitutionPath(const std::string& path) { return path.rfind("institution.", 0) == 0; }

void RunForecastJob(const SweepPlan& plan, const SweepJob& job, const Scenario& scenario,
                    SweepJobResult* result) {
  const SweepSpec& spec = plan.spec;
  const Model& model = *plan.models[job.model].model;
  RunContext context;
  context.seed = job.seed;
  context.control.threads = 1;
  context.outcomes_only = !spec.rounds;
  const Forecast forecast = model.Run(scenario, context);
  for (const IssueForecast& f : forecast.issues) {
    SweepIssueResult issue;
    issue.issue = scenario.issues[f.issue].id;
    issue.has_outcome = f.outcome.has_value();
    issue.outcome = f.outcome.value_or(0);
    issue.note = f.note;
    result->issues.push_back(issue);
    for (const Round& round : spec.rounds ? f.rounds : std::vector<Round>{}) {
      for (std::size_t a = 0; a < round.positions.size(); ++a) {
        if (!round.positions[a]) continue;
        result->rounds.push_back(
            {round.round, scenario.actors[a].id, issue.issue, *round.positions[a]});
      }
    }
  }
  if (spec.draws == 0) return;
  MonteCarloOptions options;
  options.draws = spec.draws;
  options.seed = job.seed;
  RunControl one;
  one.threads = 1;
  const MonteCarloResult mc = RunMonteCarlo(scenario, model, options, one);
  for (const IssueDistribution& dist : mc.issues) {
    for (SweepIssueResult& issue : result->issues) {
      if (issue.issue != scenario.issues[dist.issue].id) continue;
      issue.n = dist.n;
      issue.mean = dist.mean;
      issue.sd = dist.sd;
      for (const auto& [p, value] : dist.quantiles) {
        if (p == 0.05) issue.q05 = value;
        if (p == 0.50) issue.q50 = value;
        if (p == 0.95) issue.q95 = value;
      }
    }
  }
}

void RunSimulateJob(const SweepPlan& plan, const SweepJob& job, const Scenario& scenario,
                    const InstitutionSpec& institution, SweepJobResult* result) {
  SimulateOptions options;
  options.draws = plan.spec.simulate_draws;
  options.seed = job.seed;
  RunControl one;
  one.threads = 1;
  const SimulationResult simulation = RunSimulation(scenario, institution, options, one);
  for (std::size_t i = 0; i < simulation.agreement.size(); ++i) {
    SweepIssueResult issue;
    issue.issue = scenario.issues[i].id;
    issue.has_outcome = true;
    issue.outcome = simulation.agreement[i];
    issue.note = "the agreement (" + simulation.agreement_source + ")";
    result->issues.push_back(issue);
  }
  for (const DesignSummary& d : simulation.designs) {
    result->designs.push_back({d.name, d.p_signed, d.held, d.never_signed, d.false_alarm,
                               d.violation, d.exited, d.mean_periods, d.median_periods,
                               d.enforcement_cost, d.aid_paid});
  }
}

}  // namespace

SweepJobResult RunSweepJob(const SweepPlan& plan, std::size_t index) {
  const auto start = std::chrono::steady_clock::now();
  const SweepJob job = JobAt(plan, index);
  const SweepSpec& spec = plan.spec;
  const SweepScenario& base = spec.scenarios[job.scenario];
  const bool simulate = IsSimulate(plan.models[job.model]);
  Scenario scenario = base.scenario;
  InstitutionSpec institution = simulate ? base.institution : InstitutionSpec{};
  for (const SweepAssignment& a : job.set) {
    // A bargaining model does not read the institution section.
    if (!simulate && IsInstitutionPath(a.path)) continue;
    SetSweepNumber(&scenario, &institution, a.path, a.value, {spec.file, 0, a.path});
  }
  SweepJobResult result;
  result.index = index;
  result.key = JobKey(plan, job);
  result.spec_json = JobVariantJson(job, spec.rounds);
  result.scenario = base.path;
  result.input_sha256 = scenario.sha256;
  result.model = plan.models[job.model].spec;
  result.set = job.set;
  result.seed = job.seed;
  result.draws = simulate ? spec.simulate_draws : spec.draws;
  if (simulate) {
    RunSimulateJob(plan, job, scenario, institution, &result);
  } else {
    RunForecastJob(plan, job, scenario, &result);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace concert
