#include "concert/institutions/simulate.h"

#include <fmt/format.h>

#include <algorithm>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/limits.h"

namespace concert {
namespace {

constexpr std::uint64_t kPathSalt = 0x70617468ULL;  // "path"

}  // namespace

SimulationResult RunSimulation(const Scenario& scenario, const InstitutionSpec& input,
                               const SimulateOptions& options, const RunControl& control) {
  if (options.periods < 0) {
    throw InputError({"", 0, "periods"},
                     fmt::format("expected >= 1 periods but got {}", options.periods));
  }
  if (options.draws < 1 || options.draws > kMaxDraws) {
    throw InputError({"", 0, "draws"},
                     fmt::format("expected 1 to {} draws but got {}", kMaxDraws, options.draws));
  }
  if (options.sensitivity && options.fixed) {
    throw InputError({"", 0, "sensitivity"},
                     "needs the uncertain numbers to vary (not with fixed numbers)");
  }
  if (input.from_file) CheckInstitution(input);
  InstitutionSpec spec = input;
  if (options.periods > 0) spec.periods = options.periods;
  const std::string model = options.model.empty() ? spec.agreement_model : options.model;
  if (!options.model.empty()) spec.outcomes.clear();

  SimulationResult result;
  result.agreement_source = spec.outcomes.empty() ? "model " + model : "given";
  result.events = spec.events;
  result.agreement = AgreementOutcomes(scenario, spec, model, options.seed);
  result.stakes = DeriveStakes(scenario, result.agreement);
  std::vector<const DesignSpec*> designs{nullptr};
  for (const DesignSpec& d : spec.alternatives) designs.push_back(&d);
  const std::size_t nd = designs.size(), np = scenario.num_actors();
  std::vector<GameTerms> central;
  UncertainValues names;
  for (const DesignSpec* d : designs) {
    central.push_back(
        BuildTerms(scenario, result.stakes, spec, d, std::nullopt, d ? nullptr : &names));
    ValidateTerms(central.back());
  }
  const bool sensitivity = options.sensitivity && !options.fixed;
  if (sensitivity) {
    result.inputs = UncertainInputs(scenario);
    for (const auto& [field, value] : names) result.inputs.push_back(field);
  }

  const std::size_t draws = options.draws;
  const auto periods = static_cast<std::size_t>(spec.periods);
  std::vector<DrawOutcome> outcomes(draws * nd);
  std::vector<double> payoffs(draws * nd * np, 0.0);
  std::vector<char> vetoes(draws * nd * np, 0);
  std::vector<std::vector<double>> inputs(sensitivity ? draws : 0);
  // Per worker: [design * periods + t], counts of complying parties, then
  // [(nd + design) * periods + t], of draws in force (integer sums, so they do
  // not depend on which worker ran which draw).
  const std::size_t workers = WorkerCount(draws, control);
  std::vector<std::vector<std::int64_t>> complying(workers,
                                                   std::vector<std::int64_t>(2 * nd * periods, 0));
  std::vector<std::vector<std::int64_t>> draw_counts(workers);
  std::vector<char> finished =
      ParallelForWorkers(draws, control, [&](std::size_t i, std::size_t worker) {
        PathResult path;
        std::vector<std::int64_t>& counts = draw_counts[worker];
        counts.assign(2 * nd * periods, 0);
        std::vector<GameTerms> terms;
        if (options.fixed) {
          terms = central;
        } else {
          Stream stream(options.seed, i);
          const Scenario drawn = DrawScenario(scenario, stream, sensitivity ? &inputs[i] : nullptr);
          // The model's own randomness: a seed derived from (seed, i), as in Monte Carlo.
          const std::uint64_t model_seed = DerivedSeed(options.seed, i);
          const Stakes stakes =
              DeriveStakes(drawn, AgreementOutcomes(drawn, spec, model, model_seed));
          UncertainValues used;
          for (const DesignSpec* d : designs) {
            terms.push_back(BuildTerms(drawn, stakes, spec, d, DrawIndex{options.seed, i},
                                       d == nullptr && sensitivity ? &used : nullptr));
          }
          for (const auto& [field, value] : used) inputs[i].push_back(value);
        }
        for (std::size_t d = 0; d < nd; ++d) {
          Stream stream(options.seed ^ kPathSalt, i);
          SimulatePath(terms[d], stream, &path, counts.data() + d * periods,
                       counts.data() + (nd + d) * periods);
          DrawOutcome& o = outcomes[i * nd + d];
          o = {path.periods_in_force, path.end,     path.ended_by, path.suspensions,
               path.enforcement_cost, path.aid_paid};
          for (std::size_t p = 0; p < np; ++p) {
            vetoes[(i * nd + d) * np + p] = terms[d].parties[p].consent && !Signs(terms[d], p);
          }
          std::copy(path.payoff.begin(), path.payoff.end(), payoffs.begin() + (i * nd + d) * np);
        }
        // A draw counts only once complete (a cancel met inside it drops it).
        if (control.cancel && control.cancel()) return false;
        std::vector<std::int64_t>& total = complying[worker];
        for (std::size_t k = 0; k < total.size(); ++k) total[k] += counts[k];
        return true;
      });

  for (std::size_t i = 0; i < draws; ++i) result.draws += finished[i];
  result.cancelled = result.draws < draws;
  if (sensitivity && !result.inputs.empty()) {
    std::vector<std::vector<double>> x;
    std::vector<double> y;
    for (std::size_t i = 0; i < draws; ++i) {
      if (!finished[i]) continue;
      x.push_back(inputs[i]);
      y.push_back(outcomes[i * nd].periods_in_force);
    }
    result.sensitivity = Regress(x, y);
  }
  for (std::size_t d = 0; d < nd; ++d) {
    DesignSummary s;
    s.name = designs[d] ? designs[d]->name : "as coded";
    s.description = designs[d] ? designs[d]->description : spec.description;
    s.terms = central[d];
    for (std::size_t p = 0; p < np; ++p) s.thresholds.push_back(Threshold(central[d], p));
    s.draws = result.draws;
    s.ended_by.assign(np, 0.0);
    s.vetoes.assign(np, 0.0);
    s.payoff.assign(np, 0.0);
    std::vector<double> lengths;
    for (std::size_t i = 0; i < draws; ++i) {
      if (!finished[i]) continue;
      const DrawOutcome& o = outcomes[i * nd + d];
      s.held += o.end == PathResult::End::kHeld;
      s.never_signed += o.end == PathResult::End::kNeverSigned;
      s.false_alarm += o.end == PathResult::End::kFalseAlarm;
      s.violation += o.end == PathResult::End::kViolation;
      s.exited += o.end == PathResult::End::kExit;
      s.suspensions += o.suspensions;
      for (std::size_t p = 0; p < np; ++p) s.vetoes[p] += vetoes[(i * nd + d) * np + p];
      if (o.ended_by >= 0) s.ended_by[static_cast<std::size_t>(o.ended_by)] += 1;
      lengths.push_back(o.periods_in_force);
      s.mean_periods += o.periods_in_force;
      s.enforcement_cost += o.enforcement_cost;
      s.aid_paid += o.aid_paid;
      for (std::size_t p = 0; p < np; ++p) s.payoff[p] += payoffs[(i * nd + d) * np + p];
    }
    const double n = std::max<double>(1, static_cast<double>(result.draws));
    const double signed_draws = static_cast<double>(result.draws) - s.never_signed;  // a count yet
    for (double* v : {&s.held, &s.never_signed, &s.false_alarm, &s.violation, &s.exited,
                      &s.suspensions, &s.mean_periods, &s.enforcement_cost, &s.aid_paid}) {
      *v /= n;
    }
    s.p_signed = result.draws > 0 ? 1 - s.never_signed : 0.0;
    for (double& v : s.ended_by) v /= n;
    for (double& v : s.vetoes) v /= n;
    for (double& v : s.payoff) v /= n;
    std::sort(lengths.begin(), lengths.end());
    s.median_periods = lengths.empty() ? 0 : Quantile(lengths, 0.5);
    s.compliance.assign(periods, 0.0);
    s.survival.assign(periods, 0.0);
    for (std::size_t t = 0; t < periods; ++t) {
      std::int64_t total = 0, in_force = 0;
      for (const auto& c : complying) {
        total += c[d * periods + t];
        in_force += c[(nd + d) * periods + t];
      }
      s.compliance[t] = static_cast<double>(total) / (n * static_cast<double>(np));
      if (signed_draws > 0) s.survival[t] = static_cast<double>(in_force) / signed_draws;
    }
    result.designs.push_back(std::move(s));
  }
  result.draw_outcomes = std::move(outcomes);
  result.draw_vetoes = std::move(vetoes);
  result.completed = std::move(finished);
  return result;
}

}  // namespace concert
