#include "concert/output/simulate_output.h"

#include <fmt/format.h>

#include <algorithm>
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

}  // namespace

std::vector<std::pair<std::string, double>> DesignStatistics(const DesignSummary& d) {
  double mean_compliance = 0;
  for (double c : d.compliance) mean_compliance += c / static_cast<double>(d.compliance.size());
  return {{"p_signed", d.p_signed},
          {"held", d.held},
          {"held_given_signed", d.p_signed > 0 ? d.held / d.p_signed : 0.0},
          {"never_signed", d.never_signed},
          {"false_alarm", d.false_alarm},
          {"violation", d.violation},
          {"exit", d.exited},
          {"suspensions", d.suspensions},
          {"mean_periods", d.mean_periods},
          {"median_periods", d.median_periods},
          {"mean_compliance", mean_compliance},
          {"enforcement_cost", d.enforcement_cost},
          {"aid_paid", d.aid_paid}};
}

nlohmann::ordered_json DesignStatisticsJson(const DesignSummary& d) {
  Json j = Json::object(), causes = Json::object();
  for (const auto& [key, value] : DesignStatistics(d)) {
    const bool cause =
        key == "never_signed" || key == "false_alarm" || key == "violation" || key == "exit";
    (cause ? causes : j)[key] = value;
  }
  j["end_causes"] = causes;
  return j;
}

namespace {

const char* StatisticLabel(const std::string& key) {
  if (key == "p_signed") return "P(signed)";
  if (key == "held") return "P(signed, never ended)";
  if (key == "held_given_signed") return "P(never ended | signed)";
  if (key == "never_signed") return "ends: never signed";
  if (key == "false_alarm") return "ends: false alarm";
  if (key == "violation") return "ends: violation seen";
  if (key == "exit") return "ends: a party leaves";
  if (key == "suspensions") return "suspensions (mean)";
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
  return SimulationJsonValue(s, h, r, architectures).dump(2) + "\n";
}

nlohmann::ordered_json SimulationJsonValue(const Scenario& s, const SimulationHeader& h,
                                           const SimulationResult& r,
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
    j.update(DesignStatisticsJson(d));
    const GameTerms& g = d.terms;
    j["terms"] = {{"monitoring", g.monitoring},           {"false_alarm", g.false_alarm},
                  {"forgiveness", g.forgiveness},         {"punishment", g.punishment},
                  {"cost_volatility", g.cost_volatility}, {"sanction", g.sanction},
                  {"sanction_cost", g.sanction_cost},     {"enforcer", EnforcerName(g)},
                  {"aid_conditional", g.aid_conditional}};
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
                         {"consent", t.consent},
                         {"veto", d.vetoes[p]},
                         {"threshold", d.thresholds[p] ? Json(*d.thresholds[p]) : Json(nullptr)},
                         {"payoff", d.payoff[p]},
                         {"ended_by", d.ended_by[p]}});
    }
    j["parties"] = parties;
    j["compliance"] = d.compliance;
    j["survival"] = d.survival;
    designs.push_back(j);
  }
  root["designs"] = designs;
  Json events = Json::array();
  for (const auto& e : r.events) events.push_back({{"period", e.period}, {"label", e.label}});
  root["events"] = events;
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
  return root;
}

namespace {

const char* EndName(PathResult::End end) {
  switch (end) {
    case PathResult::End::kHeld:
      return "held";
    case PathResult::End::kNeverSigned:
      return "never_signed";
    case PathResult::End::kFalseAlarm:
      return "false_alarm";
    case PathResult::End::kViolation:
      return "violation";
    case PathResult::End::kExit:
      return "exit";
  }
  return "";
}

}  // namespace

std::string DrawsCsvHeader(const std::string& prefix) {
  return prefix +
         "draw,design,signed,vetoed_by,end,ended_by,periods_in_force,suspensions,"
         "enforcement_cost,aid_paid\n";
}

void AppendDrawsCsv(const SimulationResult& r, const std::string& lead, std::string* out) {
  const std::size_t nd = r.designs.size();
  for (std::size_t i = 0; i < r.completed.size(); ++i) {
    if (!r.completed[i]) continue;
    for (std::size_t d = 0; d < nd; ++d) {
      const DesignSummary& design = r.designs[d];
      const std::size_t np = design.terms.parties.size();
      std::string vetoed;
      for (std::size_t p = 0; p < np; ++p) {
        if (!r.draw_vetoes[(i * nd + d) * np + p]) continue;
        vetoed += (vetoed.empty() ? "" : ";") + design.terms.parties[p].id;
      }
      const DrawOutcome& o = r.draw_outcomes[i * nd + d];
      *out += fmt::format(
          "{}{},{},{},{},{},{},{},{},{},{}\n", lead, i, CsvField(design.name),
          o.end == PathResult::End::kNeverSigned ? "false" : "true", CsvField(vetoed),
          EndName(o.end),
          o.ended_by >= 0 ? CsvField(design.terms.parties[static_cast<std::size_t>(o.ended_by)].id)
                          : "",
          o.periods_in_force, o.suspensions, o.enforcement_cost, o.aid_paid);
    }
  }
}

std::string SimulationCsv(const Scenario&, const SimulationResult& r, const std::string& table) {
  std::string out;
  if (table == "draws") {
    out = DrawsCsvHeader("");
    AppendDrawsCsv(r, "", &out);
  } else if (table == "compliance") {
    out = "design,period,compliance,survival\n";
    for (const DesignSummary& d : r.designs) {
      for (std::size_t t = 0; t < d.compliance.size(); ++t) {
        out +=
            fmt::format("{},{},{},{}\n", CsvField(d.name), t + 1, d.compliance[t], d.survival[t]);
      }
    }
  } else if (table == "parties") {
    out =
        "design,party,benefit,cost,discount,relative_gains,exit_value,exit_growth,aid,threshold,"
        "payoff,ended_by,consent,veto\n";
    for (const DesignSummary& d : r.designs) {
      for (std::size_t p = 0; p < d.terms.parties.size(); ++p) {
        const PartyTerms& t = d.terms.parties[p];
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(d.name),
                           CsvField(t.id), t.benefit, t.cost, t.discount, t.relative_gains,
                           t.exit_value, t.exit_growth, t.aid,
                           d.thresholds[p] ? fmt::format("{}", *d.thresholds[p]) : "", d.payoff[p],
                           d.ended_by[p], t.consent ? "true" : "false", d.vetoes[p]);
      }
    }
  } else {
    out = "design,statistic,value\n";
    for (const DesignSummary& d : r.designs) {
      for (const auto& [key, value] : DesignStatistics(d)) {
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
      "\nWill it be signed, and will it hold? Monitoring {:.2f}, sanction {:.2f} by {}, "
      "aid {}conditional, {} (as coded).\n",
      base.monitoring, base.sanction, EnforcerName(base), base.aid_conditional ? "" : "un",
      base.punishment > 0 ? fmt::format("a seen violation suspends it {} periods", base.punishment)
                          : std::string("grim trigger"));
  out += fmt::format("{:<26}", "");
  for (const DesignSummary& d : r.designs) out += fmt::format(" {:>16}", d.name.substr(0, 16));
  out += "\n";
  const std::size_t rows = DesignStatistics(r.designs[0]).size();
  for (std::size_t row = 0; row < rows; ++row) {
    out += fmt::format("{:<26}", StatisticLabel(DesignStatistics(r.designs[0])[row].first));
    for (const DesignSummary& d : r.designs) {
      out += fmt::format(" {:>16.3f}", DesignStatistics(d)[row].second);
    }
    out += "\n";
  }
  for (std::size_t p = 0; p < base.parties.size(); ++p) {
    out += fmt::format("{:<26}", "vetoes: " + base.parties[p].id);
    for (const DesignSummary& d : r.designs) out += fmt::format(" {:>16.3f}", d.vetoes[p]);
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
  const std::size_t periods = r.designs[0].compliance.size();
  std::vector<std::size_t> marks;
  for (std::size_t t = 1; t < periods; t *= 2) marks.push_back(t);
  for (const auto& e : r.events) {
    if (e.period >= 1 && static_cast<std::size_t>(e.period) <= periods) marks.push_back(e.period);
  }
  marks.push_back(periods);
  std::sort(marks.begin(), marks.end());
  marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
  for (const bool survival : {false, true}) {
    out += survival ? "\nP(in force in the period | signed):\n"
                    : "\nShare of parties complying, by period:\n";
    out += fmt::format("{:<26}", "period");
    for (std::size_t t : marks) out += fmt::format(" {:>6}", t);
    out += "\n";
    for (const DesignSummary& d : r.designs) {
      out += fmt::format("{:<26}", d.name.substr(0, 26));
      for (std::size_t t : marks) {
        out += fmt::format(" {:>6.3f}", (survival ? d.survival : d.compliance)[t - 1]);
      }
      out += "\n";
    }
  }
  for (const auto& e : r.events) out += fmt::format("period {}: {}\n", e.period, e.label);
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
