#include "concert/output/simulate_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "concert/output/architecture_output.h"
#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string EnforcerName(const GameTerms& g) {
  if (g.enforcer == kNoEnforcer) return "none";
  if (g.enforcer == kCollective) return "collective";
  return g.parties[static_cast<std::size_t>(g.enforcer)].id;
}

// (statistic, value) rows of a design, shared by the text and CSV tables.
std::vector<std::pair<std::string, double>> Statistics(const DesignSummary& d) {
  double mean_compliance = 0;
  for (double c : d.compliance) mean_compliance += c / static_cast<double>(d.compliance.size());
  return {{"held", d.held},
          {"collapsed", d.collapsed},
          {"exited", d.exited},
          {"mean_periods", d.mean_periods},
          {"median_periods", d.median_periods},
          {"mean_compliance", mean_compliance},
          {"enforcement_cost", d.enforcement_cost},
          {"aid_paid", d.aid_paid}};
}

const char* StatisticLabel(const std::string& key) {
  if (key == "held") return "P(holds every period)";
  if (key == "collapsed") return "P(ends: defection seen)";
  if (key == "exited") return "P(ends: a party leaves)";
  if (key == "mean_periods") return "mean periods in force";
  if (key == "median_periods") return "median periods in force";
  if (key == "mean_compliance") return "mean compliance";
  if (key == "enforcement_cost") return "enforcement cost (total)";
  return "aid paid (total)";
}

std::string Cell(const std::optional<double>& v) {
  return v ? fmt::format("{:.3f}", *v) : std::string("none<1");
}

}  // namespace

SimulationHeader HeaderFor(const InstitutionSpec& spec, std::uint64_t seed, bool fixed,
                           std::optional<OrderLink> order) {
  return {spec.from_file ? spec.name : "(no institution section: defaults)", seed, fixed,
          std::move(order)};
}

std::string SimulationJson(const Scenario& s, const SimulationHeader& h, const SimulationResult& r,
                           const ArchitectureComparison* architectures) {
  Json root;
  root["scenario"] = {{"name", s.name}, {"sha256", s.sha256}};
  root["institution"] = h.institution;
  root["seed"] = h.seed;
  root["draws"] = r.draws;
  root["fixed"] = h.fixed;
  root["periods"] = r.designs.empty() ? 0 : r.designs[0].terms.periods;
  Json outcomes = Json::object();
  for (std::size_t k = 0; k < s.num_issues(); ++k) outcomes[s.issues[k].id] = r.agreement[k];
  root["agreement"] = {{"source", r.agreement_source}, {"outcomes", outcomes}};
  Json designs = Json::array();
  for (const DesignSummary& d : r.designs) {
    Json j;
    j["name"] = d.name;
    j["description"] = d.description;
    for (const auto& [key, value] : Statistics(d)) j[key] = value;
    const GameTerms& g = d.terms;
    j["terms"] = {{"monitoring", g.monitoring},   {"false_alarm", g.false_alarm},
                  {"forgiveness", g.forgiveness}, {"cost_volatility", g.cost_volatility},
                  {"sanction", g.sanction},       {"sanction_cost", g.sanction_cost},
                  {"enforcer", EnforcerName(g)},  {"aid_conditional", g.aid_conditional}};
    Json parties = Json::array();
    for (std::size_t p = 0; p < g.parties.size(); ++p) {
      const PartyTerms& t = g.parties[p];
      parties.push_back({{"id", t.id},
                         {"benefit", t.benefit},
                         {"cost", t.cost},
                         {"discount", t.discount},
                         {"relative_gains", t.relative_gains},
                         {"exit_value", t.exit_value},
                         {"exit_growth", t.exit_growth},
                         {"aid", t.aid},
                         {"aid_share", t.aid_share},
                         {"threshold", d.thresholds[p] ? Json(*d.thresholds[p]) : Json(nullptr)},
                         {"payoff", d.payoff[p]},
                         {"ended_by", d.ended_by[p]}});
    }
    j["parties"] = parties;
    j["compliance"] = d.compliance;
    designs.push_back(j);
  }
  root["designs"] = designs;
  if (r.sensitivity) {
    Json inputs = Json::array();
    for (const auto& [input, src] : r.sensitivity->src) {
      inputs.push_back({{"name", r.inputs[input]}, {"src", src}});
    }
    root["sensitivity"] = {{"outcome", "periods in force, design as coded"},
                           {"r_squared", r.sensitivity->r_squared},
                           {"inputs", inputs}};
  }
  if (h.order) {
    Json actors = Json::array();
    for (const OrderLinkActor& a : h.order->actors) {
      actors.push_back({{"id", a.id},
                        {"capability", a.capability},
                        {"relative_gains", a.relative_gains},
                        {"r", a.r}});
    }
    root["order"] = {{"file", h.order->file},
                     {"preset", h.order->preset.empty() ? Json(nullptr) : Json(h.order->preset)},
                     {"year", h.order->year},
                     {"actors", actors}};
  }
  if (architectures) root["architectures"] = ArchitectureJsonValue(s, *architectures);
  return root.dump(2) + "\n";
}

std::string SimulationCsv(const Scenario&, const SimulationResult& r, const std::string& table) {
  std::string out;
  if (table == "compliance") {
    out = "design,period,compliance\n";
    for (const DesignSummary& d : r.designs) {
      for (std::size_t t = 0; t < d.compliance.size(); ++t) {
        out += fmt::format("{},{},{}\n", CsvField(d.name), t + 1, d.compliance[t]);
      }
    }
  } else if (table == "parties") {
    out =
        "design,party,benefit,cost,discount,relative_gains,exit_value,exit_growth,aid,threshold,"
        "payoff,ended_by\n";
    for (const DesignSummary& d : r.designs) {
      for (std::size_t p = 0; p < d.terms.parties.size(); ++p) {
        const PartyTerms& t = d.terms.parties[p];
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(d.name), CsvField(t.id), t.benefit,
            t.cost, t.discount, t.relative_gains, t.exit_value, t.exit_growth, t.aid,
            d.thresholds[p] ? fmt::format("{}", *d.thresholds[p]) : "", d.payoff[p], d.ended_by[p]);
      }
    }
  } else {
    out = "design,statistic,value\n";
    for (const DesignSummary& d : r.designs) {
      for (const auto& [key, value] : Statistics(d)) {
        out += fmt::format("{},{},{}\n", CsvField(d.name), key, value);
      }
    }
  }
  return out;
}

std::string SimulationText(const Scenario& s, const SimulationHeader& h,
                           const SimulationResult& r) {
  if (r.designs.empty()) return "";
  const GameTerms& base = r.designs[0].terms;
  std::string out = fmt::format("Institution: {}\nScenario: {}\n", h.institution, s.name);
  out += fmt::format("Agreement ({}):", r.agreement_source);
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out += fmt::format(" {} {:.1f}", s.issues[k].id, r.agreement[k]);
  }
  if (h.order) {
    out += fmt::format("\nFrom the order model ({}{}) in {}: capability and r =", h.order->file,
                       h.order->preset.empty() ? "" : ", preset " + h.order->preset, h.order->year);
    for (const OrderLinkActor& a : h.order->actors) {
      out += fmt::format(" {} {:.3f}/{:.2f}", a.id, a.capability, a.r);
    }
  }
  out += fmt::format(
      "\n{} draws{}, seed {}, {} periods.\n\n", r.draws,
      h.fixed ? " (numbers at their values; only the paths vary)" : " of the uncertain numbers",
      h.seed, base.periods);
  out +=
      "Per-period stakes as coded (eq. 1) and the least discount factor that sustains "
      "compliance (eq. 3):\n";
  out += fmt::format("{:<8} {:>8} {:>8} {:>8} {:>6} {:>8} {:>7} {:>9}\n", "party", "benefit",
                     "cost", "discount", "r", "exit", "aid", "needs");
  for (std::size_t p = 0; p < base.parties.size(); ++p) {
    const PartyTerms& t = base.parties[p];
    out += fmt::format("{:<8} {:>8.3f} {:>8.3f} {:>8.3f} {:>6.2f} {:>8.3f} {:>7.3f} {:>9}\n",
                       t.id.substr(0, 8), t.benefit, t.cost, t.discount, t.relative_gains,
                       t.exit_value, t.aid, Cell(r.designs[0].thresholds[p]));
  }
  out += fmt::format(
      "\nWill the agreement hold? Monitoring {:.2f}, sanction {:.2f} by {}, "
      "aid {}conditional (as coded).\n",
      base.monitoring, base.sanction, EnforcerName(base), base.aid_conditional ? "" : "un");
  out += fmt::format("{:<26}", "");
  for (const DesignSummary& d : r.designs) out += fmt::format(" {:>16}", d.name.substr(0, 16));
  out += "\n";
  const std::size_t rows = Statistics(r.designs[0]).size();
  for (std::size_t row = 0; row < rows; ++row) {
    out += fmt::format("{:<26}", StatisticLabel(Statistics(r.designs[0])[row].first));
    for (const DesignSummary& d : r.designs) {
      out += fmt::format(" {:>16.3f}", Statistics(d)[row].second);
    }
    out += "\n";
  }
  for (std::size_t p = 0; p < base.parties.size(); ++p) {
    out += fmt::format("{:<26}", "ended by " + base.parties[p].id);
    for (const DesignSummary& d : r.designs) out += fmt::format(" {:>16.3f}", d.ended_by[p]);
    out += "\n";
  }
  for (std::size_t p = 0; p < base.parties.size(); ++p) {
    out += fmt::format("{:<26}", "payoff/period " + base.parties[p].id);
    for (const DesignSummary& d : r.designs) out += fmt::format(" {:>16.3f}", d.payoff[p]);
    out += "\n";
  }
  out += "\nShare of parties complying, by period:\n";
  out += fmt::format("{:<26}", "period");
  const std::size_t periods = r.designs[0].compliance.size();
  std::vector<std::size_t> marks;
  for (std::size_t t = 1; t < periods; t *= 2) marks.push_back(t);
  marks.push_back(periods);
  for (std::size_t t : marks) out += fmt::format(" {:>6}", t);
  out += "\n";
  for (const DesignSummary& d : r.designs) {
    out += fmt::format("{:<26}", d.name.substr(0, 26));
    for (std::size_t t : marks) out += fmt::format(" {:>6.3f}", d.compliance[t - 1]);
    out += "\n";
  }
  if (r.sensitivity && r.sensitivity->src.empty()) {
    out += fmt::format(
        "\nWhat drives how long the agreement lasts: not estimated; the regression needs more "
        "draws than the {} uncertain inputs (and inputs that vary).\n",
        r.inputs.size());
  } else if (r.sensitivity) {
    out += fmt::format(
        "\nWhat drives how long the agreement lasts (as coded): standardised regression "
        "coefficients of the periods in force on the uncertain inputs, R^2 = {:.3f}; top 10:\n",
        r.sensitivity->r_squared);
    for (std::size_t k = 0; k < r.sensitivity->src.size() && k < 10; ++k) {
      const auto& [input, src] = r.sensitivity->src[k];
      out += fmt::format("  {:+.3f}  {}\n", src, r.inputs[input]);
    }
  }
  return out;
}

}  // namespace concert
