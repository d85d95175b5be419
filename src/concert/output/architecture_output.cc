#include "concert/output/architecture_output.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string DealName(const Deal& d) { return fmt::format("{}", fmt::join(d.parties, "-")); }

Json Finite(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json DealJson(const Scenario& s, const Deal& d) {
  Json agreement = Json::object();
  for (std::size_t k = 0; k < s.num_issues(); ++k) agreement[s.issues[k].id] = d.agreement[k];
  return {{"parties", d.parties},
          {"agreement", agreement},
          {"off_table", d.off_table},
          {"p_signed", d.summary.p_signed},
          {"held", d.summary.held},
          {"mean_periods", d.summary.mean_periods},
          {"transaction_cost", d.transaction_cost},
          {"survival", d.summary.survival}};
}

// (statistic, value) rows of an architecture, shared by the text and CSV tables.
std::vector<std::pair<std::string, double>> Rows(const Architecture& a) {
  return {{"negotiations", static_cast<double>(a.deals.size())},
          {"transaction_cost", a.transaction_cost},
          {"hub_transaction_cost", a.hub_transaction_cost},
          {"p_all_signed", a.p_all_signed},
          {"talking_periods", a.talking_periods},
          {"resolving_periods", a.resolving_periods}};
}

const char* RowLabel(const std::string& key) {
  if (key == "negotiations") return "negotiations";
  if (key == "transaction_cost") return "transaction cost, all parties";
  if (key == "hub_transaction_cost") return "transaction cost, the hub";
  if (key == "p_all_signed") return "P(every deal signed)";
  if (key == "talking_periods") return "periods talking (management)";
  return "periods resolving (resolution)";
}

}  // namespace

std::string ArchitectureJson(const Scenario& s, const ArchitectureComparison& c) {
  return ArchitectureJsonValue(s, c).dump(2) + "\n";
}

nlohmann::ordered_json ArchitectureJsonValue(const Scenario& s, const ArchitectureComparison& c) {
  Json root;
  root["model"] = c.model;
  root["hub"] = c.hub;
  Json deals = Json::array();
  for (const Deal& d : c.deals) deals.push_back(DealJson(s, d));
  root["deals"] = deals;
  Json architectures = Json::array();
  for (const Architecture& a : c.architectures) {
    Json j;
    j["name"] = a.name;
    j["deals"] = a.deals;
    for (const auto& [key, value] : Rows(a)) j[key] = value;
    j["talking"] = a.talking;
    j["resolving"] = a.resolving;
    Json payoff = nullptr;
    if (!a.payoff.empty()) {
      payoff = Json::object();
      for (std::size_t i = 0; i < s.num_actors(); ++i) payoff[s.actors[i].id] = Finite(a.payoff[i]);
    }
    j["payoff"] = payoff;
    architectures.push_back(j);
  }
  root["architectures"] = architectures;
  return root;
}

std::string ArchitectureCsv(const Scenario& s, const ArchitectureComparison& c) {
  std::string out = "architecture,deal,statistic,value\n";
  for (const Architecture& a : c.architectures) {
    const std::string arch = CsvField(a.name);
    for (const auto& [key, value] : Rows(a)) out += fmt::format("{},,{},{}\n", arch, key, value);
    for (std::size_t i = 0; i < a.payoff.size(); ++i) {
      if (std::isfinite(a.payoff[i])) {
        out += fmt::format("{},,{},{}\n", arch, CsvField("payoff:" + s.actors[i].id), a.payoff[i]);
      }
    }
    for (std::size_t d : a.deals) {
      const Deal& deal = c.deals[d];
      const std::string name = CsvField(DealName(deal));
      out += fmt::format("{},{},p_signed,{}\n", arch, name, deal.summary.p_signed);
      out += fmt::format("{},{},held,{}\n", arch, name, deal.summary.held);
      out += fmt::format("{},{},mean_periods,{}\n", arch, name, deal.summary.mean_periods);
      out += fmt::format("{},{},transaction_cost,{}\n", arch, name, deal.transaction_cost);
      for (std::size_t k = 0; k < s.num_issues(); ++k) {
        out += fmt::format("{},{},{},{}\n", arch, name, CsvField("agreement:" + s.issues[k].id),
                           deal.agreement[k]);
      }
    }
  }
  return out;
}

std::string ArchitectureText(const Scenario& s, const ArchitectureComparison& c) {
  std::string out = fmt::format(
      "\nArchitectures (Ikenberry): hub {}; every deal from model {}; design as coded. Deals' "
      "paths are independent; 'talking' counts periods with some deal in force, 'resolving' "
      "only deals with every issue's deciding party at the table.\n",
      c.hub, c.model);
  out += fmt::format("{:<32}", "");
  for (const Architecture& a : c.architectures) out += fmt::format(" {:>15}", a.name);
  out += "\n";
  const std::size_t rows = Rows(c.architectures.at(0)).size();
  for (std::size_t r = 0; r < rows; ++r) {
    out += fmt::format("{:<32}", RowLabel(Rows(c.architectures[0])[r].first));
    for (const Architecture& a : c.architectures)
      out += fmt::format(" {:>15.3f}", Rows(a)[r].second);
    out += "\n";
  }
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    out += fmt::format("{:<32}", "payoff/period " + s.actors[i].id);
    for (const Architecture& a : c.architectures) {
      const bool shown = !a.payoff.empty() && std::isfinite(a.payoff[i]);
      out += shown ? fmt::format(" {:>15.3f}", a.payoff[i]) : fmt::format(" {:>15}", "-");
    }
    out += "\n";
  }
  out += "\nDeals: agreed outcome by issue (* off the table: its deciding party is absent)\n";
  out += fmt::format("{:<14}", "issue");
  for (const Deal& d : c.deals) out += fmt::format(" {:>12}", DealName(d).substr(0, 12));
  out += "\n";
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out += fmt::format("{:<14}", s.issues[k].id.substr(0, 14));
    for (const Deal& d : c.deals) {
      const bool off =
          std::find(d.off_table.begin(), d.off_table.end(), s.issues[k].id) != d.off_table.end();
      out += fmt::format(" {:>11.1f}{}", d.agreement[k], off ? "*" : " ");
    }
    out += "\n";
  }
  for (const auto& [label, value] : {std::pair{"P(signed)", &DesignSummary::p_signed},
                                     {"P(never ended)", &DesignSummary::held}}) {
    out += fmt::format("{:<14}", label);
    for (const Deal& d : c.deals) out += fmt::format(" {:>11.3f} ", d.summary.*value);
    out += "\n";
  }
  return out;
}

}  // namespace concert
