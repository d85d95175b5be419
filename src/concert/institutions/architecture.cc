#include "concert/institutions/architecture.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/core/error.h"

namespace concert {
namespace {

std::size_t IndexOf(const Scenario& s, const std::string& id, const char* field) {
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    if (s.actors[i].id == id) return i;
  }
  throw InputError({"", 0, field}, fmt::format("unknown actor '{}'", id));
}

// The scenario restricted to the actors in `keep` (same issues and status quo);
// an issue whose deciding party is not kept goes off the agenda.
Scenario SubScenario(const Scenario& s, const InstitutionSpec& spec,
                     const std::vector<std::size_t>& keep, std::vector<std::string>* off_table) {
  Scenario sub;
  sub.name = s.name;
  sub.issues = s.issues;
  for (std::size_t i : keep) sub.actors.push_back(s.actors[i]);
  sub.resize_stances();
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    for (std::size_t j = 0; j < keep.size(); ++j) {
      if (const Stance* st = s.stance(keep[j], k)) sub.set_stance(j, k, *st);
    }
    auto it = spec.deciding.find(s.issues[k].id);
    if (it == spec.deciding.end()) continue;
    for (const std::string& id : it->second) {
      bool present = false;
      for (const Actor& a : sub.actors) present = present || a.id == id;
      if (!present && sub.issues[k].on_agenda) {
        sub.issues[k].on_agenda = false;
        off_table->push_back(s.issues[k].id);
      }
    }
  }
  return sub;
}

double TableCost(const ArchitectureOptions& o, std::size_t n) {
  return o.transaction_cost * (1 + o.table_complexity * (static_cast<double>(n) - 2));
}

Deal RunDeal(const Scenario& s, const InstitutionSpec& input, const ArchitectureOptions& o,
             SimulateOptions options, const RunControl& control, std::vector<std::size_t> keep) {
  std::sort(keep.begin(), keep.end());
  Deal deal;
  const Scenario sub = SubScenario(s, input, keep, &deal.off_table);
  InstitutionSpec spec = input;
  bool any = false;
  for (const Issue& issue : sub.issues) any = any || issue.on_agenda;
  if (!any) {
    // Nothing this table can decide: the deal leaves every issue at its status quo.
    options.model.clear();
    for (const Issue& issue : sub.issues) spec.outcomes[issue.id] = issue.status_quo->value;
  }
  const SimulationResult r = RunSimulation(sub, spec, options, control);
  for (const Actor& a : sub.actors) deal.parties.push_back(a.id);
  deal.agreement = r.agreement;
  deal.summary = r.designs.at(0);
  deal.transaction_cost = TableCost(o, keep.size()) * static_cast<double>(keep.size());
  return deal;
}

// P(deal in force in period t), unconditionally.
double InForce(const Deal& d, std::size_t t) { return d.summary.p_signed * d.summary.survival[t]; }

Architecture Measure(const ArchitectureComparison& c, std::string name,
                     std::vector<std::size_t> deals, const ArchitectureOptions& o) {
  Architecture a;
  a.name = std::move(name);
  a.deals = std::move(deals);
  const std::size_t periods = c.deals.at(0).summary.survival.size();
  a.talking.assign(periods, 0.0);
  a.resolving.assign(periods, 0.0);
  a.p_all_signed = 1;
  for (std::size_t t = 0; t < periods; ++t) {
    double none = 1, none_resolving = 1;
    for (std::size_t d : a.deals) {
      none *= 1 - InForce(c.deals[d], t);
      if (c.deals[d].off_table.empty()) none_resolving *= 1 - InForce(c.deals[d], t);
    }
    a.talking[t] = 1 - none;
    a.resolving[t] = 1 - none_resolving;
    a.talking_periods += a.talking[t];
    a.resolving_periods += a.resolving[t];
  }
  for (std::size_t d : a.deals) {
    a.p_all_signed *= c.deals[d].summary.p_signed;
    a.transaction_cost += c.deals[d].transaction_cost;
    const auto& parties = c.deals[d].parties;
    if (std::find(parties.begin(), parties.end(), o.hub) != parties.end()) {
      a.hub_transaction_cost += TableCost(o, parties.size());
    }
  }
  return a;
}

// Per actor: the payoff of the deal it is in; the hub's averaged over its deals.
void Payoffs(const Scenario& s, const ArchitectureComparison& c, Architecture* a) {
  a->payoff.assign(s.num_actors(), 0.0);
  std::vector<double> deals(s.num_actors(), 0.0);
  for (std::size_t d : a->deals) {
    const Deal& deal = c.deals[d];
    for (std::size_t j = 0; j < deal.parties.size(); ++j) {
      const std::size_t i = IndexOf(s, deal.parties[j], "hub");
      a->payoff[i] += deal.summary.payoff[j];
      deals[i] += 1;
    }
  }
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    a->payoff[i] = deals[i] > 0 ? a->payoff[i] / deals[i] : std::nan("");
  }
}

}  // namespace

ArchitectureComparison CompareArchitectures(const Scenario& s, const InstitutionSpec& input,
                                            const ArchitectureOptions& o,
                                            const RunControl& control) {
  const std::size_t hub = IndexOf(s, o.hub, "hub");
  if (!(o.transaction_cost >= 0) || !std::isfinite(o.transaction_cost)) {
    throw InputError({"", 0, "transaction_cost"},
                     fmt::format("expected a finite cost >= 0 but got {}", o.transaction_cost));
  }
  if (!(o.table_complexity >= 0) || !std::isfinite(o.table_complexity)) {
    throw InputError({"", 0, "table_complexity"},
                     fmt::format("expected a finite number >= 0 but got {}", o.table_complexity));
  }
  std::vector<std::size_t> spokes;
  for (const std::string& id : o.spokes) {
    const std::size_t i = IndexOf(s, id, "spokes");
    if (i == hub || std::find(spokes.begin(), spokes.end(), i) != spokes.end()) {
      throw InputError({"", 0, "spokes"},
                       fmt::format("'{}' is the hub or listed twice; spokes are the hub's "
                                   "distinct partners",
                                   id));
    }
    spokes.push_back(i);
  }
  if (o.spokes.empty()) {
    for (std::size_t i = 0; i < s.num_actors(); ++i) {
      if (i != hub) spokes.push_back(i);
    }
  }
  std::optional<std::size_t> excluded;
  if (!o.excluded.empty()) {
    excluded = IndexOf(s, o.excluded, "excluded");
    if (s.num_actors() < 3 || *excluded == hub) {
      throw InputError({"", 0, "excluded"},
                       "the exclusive table needs at least two parties besides the target, the "
                       "hub among them");
    }
  }
  InstitutionSpec spec = input;
  spec.alternatives.clear();
  spec.outcomes.clear();  // every deal bargains with the same model
  SimulateOptions options = o.simulate;
  if (!options.model.empty()) spec.agreement_model = options.model;
  options.model = spec.agreement_model;

  ArchitectureComparison c;
  c.model = spec.agreement_model;
  c.hub = o.hub;
  std::vector<std::size_t> everyone;
  for (std::size_t i = 0; i < s.num_actors(); ++i) everyone.push_back(i);
  c.deals.push_back(RunDeal(s, spec, o, options, control, everyone));
  std::vector<std::size_t> bilateral;
  for (std::size_t spoke : spokes) {
    SimulateOptions deal_options = options;
    deal_options.seed = Stream(options.seed, spoke).Next();  // independent paths per deal
    bilateral.push_back(c.deals.size());
    c.deals.push_back(RunDeal(s, spec, o, deal_options, control, {hub, spoke}));
  }
  c.architectures.push_back(Measure(c, "multilateral", {0}, o));
  c.architectures.push_back(Measure(c, "hub-and-spokes", bilateral, o));
  std::vector<std::size_t> layered{0};
  layered.insert(layered.end(), bilateral.begin(), bilateral.end());
  c.architectures.push_back(Measure(c, "layered", layered, o));
  if (excluded) {
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < s.num_actors(); ++i) {
      if (i != *excluded) others.push_back(i);
    }
    SimulateOptions deal_options = options;
    deal_options.seed = Stream(options.seed, s.num_actors() + *excluded).Next();
    c.deals.push_back(RunDeal(s, spec, o, deal_options, control, others));
    c.architectures.push_back(Measure(c, "exclusive", {c.deals.size() - 1}, o));
  }
  for (Architecture& a : c.architectures) {
    if (a.name != "layered") Payoffs(s, c, &a);
  }
  return c;
}

}  // namespace concert
