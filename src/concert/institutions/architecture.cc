#include "concert/institutions/architecture.h"

#include <fmt/format.h>

#include <cmath>

#include "concert/core/error.h"

namespace concert {
namespace {

// The scenario restricted to the actors in `keep` (same issues and status quo).
Scenario SubScenario(const Scenario& s, const std::vector<std::size_t>& keep) {
  Scenario sub;
  sub.name = s.name;
  sub.issues = s.issues;
  for (std::size_t i : keep) sub.actors.push_back(s.actors[i]);
  sub.resize_stances();
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    for (std::size_t j = 0; j < keep.size(); ++j) {
      if (const Stance* st = s.stance(keep[j], k)) sub.set_stance(j, k, *st);
    }
  }
  return sub;
}

double TableCost(const ArchitectureOptions& o, std::size_t n) {
  return o.transaction_cost * (1 + o.table_complexity * (static_cast<double>(n) - 2));
}

Deal RunDeal(const Scenario& s, const InstitutionSpec& spec, const SimulateOptions& options,
             const RunControl& control, const std::vector<std::size_t>& keep) {
  const Scenario sub = SubScenario(s, keep);
  const SimulationResult r = RunSimulation(sub, spec, options, control);
  Deal deal;
  for (const Actor& a : sub.actors) deal.parties.push_back(a.id);
  deal.agreement = r.agreement;
  deal.summary = r.designs.at(0);
  return deal;
}

}  // namespace

ArchitectureComparison CompareArchitectures(const Scenario& s, const InstitutionSpec& input,
                                            const ArchitectureOptions& o,
                                            const RunControl& control) {
  std::size_t hub = s.num_actors();
  for (std::size_t i = 0; i < s.num_actors(); ++i) hub = s.actors[i].id == o.hub ? i : hub;
  if (hub == s.num_actors()) {
    throw InputError({"", 0, "hub"}, fmt::format("unknown actor '{}'", o.hub));
  }
  if (!(o.transaction_cost >= 0) || !std::isfinite(o.transaction_cost)) {
    throw InputError({"", 0, "transaction_cost"},
                     fmt::format("expected a finite cost >= 0 but got {}", o.transaction_cost));
  }
  if (!(o.table_complexity >= 0) || !std::isfinite(o.table_complexity)) {
    throw InputError({"", 0, "table_complexity"},
                     fmt::format("expected a finite number >= 0 but got {}", o.table_complexity));
  }
  InstitutionSpec spec = input;
  spec.alternatives.clear();
  spec.outcomes.clear();  // both architectures bargain with the same model
  SimulateOptions options = o.simulate;
  if (!options.model.empty()) spec.agreement_model = options.model;
  options.model = spec.agreement_model;

  ArchitectureComparison c;
  c.model = spec.agreement_model;
  c.hub = o.hub;
  std::vector<std::size_t> everyone;
  for (std::size_t i = 0; i < s.num_actors(); ++i) everyone.push_back(i);
  c.multilateral = RunDeal(s, spec, options, control, everyone);
  c.multilateral.transaction_cost = TableCost(o, s.num_actors()) * s.num_actors();
  c.cost_multilateral_hub = TableCost(o, s.num_actors());
  c.payoff_multilateral = c.multilateral.summary.payoff;

  c.payoff_hub.assign(s.num_actors(), 0.0);
  const std::size_t periods = c.multilateral.summary.compliance.size();
  c.hub_compliance.assign(periods, 0.0);
  c.all_deals_held = 1;
  for (std::size_t spoke = 0; spoke < s.num_actors(); ++spoke) {
    if (spoke == hub) continue;
    SimulateOptions deal_options = options;
    deal_options.seed = Stream(options.seed, spoke).Next();  // independent paths per deal
    Deal deal =
        RunDeal(s, spec, deal_options, control, {std::min(hub, spoke), std::max(hub, spoke)});
    deal.transaction_cost = 2 * TableCost(o, 2);
    c.cost_hub_hub += TableCost(o, 2);
    c.cost_hub_total += deal.transaction_cost;
    const std::size_t h = hub < spoke ? 0 : 1;
    // Each deal carries 1 / (N - 1) of the hub's stake: its benefit and cost in a deal
    // are those of the whole agreement, so summing over deals would count them N - 1 times.
    c.payoff_hub[hub] += deal.summary.payoff[h] / static_cast<double>(s.num_actors() - 1);
    c.payoff_hub[spoke] += deal.summary.payoff[1 - h];
    const double deals = static_cast<double>(s.num_actors() - 1);
    for (std::size_t t = 0; t < periods; ++t) {
      c.hub_compliance[t] += deal.summary.compliance[t] / deals;
    }
    c.all_deals_held *= deal.summary.held;
    c.bilateral.push_back(std::move(deal));
  }
  return c;
}

}  // namespace concert
