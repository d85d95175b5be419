#include "concert/output/architecture_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string DealName(const Deal& d) { return fmt::format("{}", fmt::join(d.parties, "-")); }

double Mean(const std::vector<double>& v) {
  double total = 0;
  for (double x : v) total += x;
  return v.empty() ? 0 : total / static_cast<double>(v.size());
}

Json DealJson(const Scenario& s, const Deal& d) {
  Json agreement = Json::object();
  for (std::size_t k = 0; k < s.num_issues(); ++k) agreement[s.issues[k].id] = d.agreement[k];
  return {{"parties", d.parties},
          {"agreement", agreement},
          {"held", d.summary.held},
          {"mean_periods", d.summary.mean_periods},
          {"transaction_cost", d.transaction_cost},
          {"compliance", d.summary.compliance}};
}

}  // namespace

std::string ArchitectureJson(const Scenario& s, const ArchitectureComparison& c) {
  return ArchitectureJsonValue(s, c).dump(2) + "\n";
}

nlohmann::ordered_json ArchitectureJsonValue(const Scenario& s, const ArchitectureComparison& c) {
  Json root;
  root["model"] = c.model;
  root["hub"] = c.hub;
  root["multilateral"] = DealJson(s, c.multilateral);
  Json deals = Json::array();
  for (const Deal& d : c.bilateral) deals.push_back(DealJson(s, d));
  root["bilateral"] = deals;
  root["hub_and_spokes"] = {{"all_deals_held", c.all_deals_held},
                            {"transaction_cost", c.cost_hub_total},
                            {"hub_transaction_cost", c.cost_hub_hub},
                            {"compliance", c.hub_compliance}};
  Json payoff = Json::object();
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    payoff[s.actors[i].id] = {{"multilateral", c.payoff_multilateral[i]},
                              {"hub_and_spokes", c.payoff_hub[i]}};
  }
  root["payoff"] = payoff;
  return root;
}

std::string ArchitectureCsv(const Scenario& s, const ArchitectureComparison& c) {
  std::string out = "architecture,deal,statistic,value\n";
  auto deal_rows = [&](const char* arch, const Deal& d) {
    const std::string name = CsvField(DealName(d));
    out += fmt::format("{},{},held,{}\n", arch, name, d.summary.held);
    out += fmt::format("{},{},mean_periods,{}\n", arch, name, d.summary.mean_periods);
    out += fmt::format("{},{},mean_compliance,{}\n", arch, name, Mean(d.summary.compliance));
    out += fmt::format("{},{},transaction_cost,{}\n", arch, name, d.transaction_cost);
    for (std::size_t k = 0; k < s.num_issues(); ++k) {
      out += fmt::format("{},{},{},{}\n", arch, name, CsvField("agreement:" + s.issues[k].id),
                         d.agreement[k]);
    }
  };
  deal_rows("multilateral", c.multilateral);
  for (const Deal& d : c.bilateral) deal_rows("hub-and-spokes", d);
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    out += fmt::format("multilateral,,{},{}\n", CsvField("payoff:" + s.actors[i].id),
                       c.payoff_multilateral[i]);
    out += fmt::format("hub-and-spokes,,{},{}\n", CsvField("payoff:" + s.actors[i].id),
                       c.payoff_hub[i]);
  }
  return out;
}

std::string ArchitectureText(const Scenario& s, const ArchitectureComparison& c) {
  std::string out = fmt::format(
      "\nArchitectures (Ikenberry): one multilateral table vs hub-and-spokes with hub {}; both "
      "agreements from model {}; design as coded.\n",
      c.hub, c.model);
  out += fmt::format("{:<34} {:>14} {:>16}\n", "", "multilateral", "hub-and-spokes");
  auto row = [&](const std::string& label, double a, double b) {
    out += fmt::format("{:<34} {:>14.3f} {:>16.3f}\n", label, a, b);
  };
  row("negotiations", 1, static_cast<double>(c.bilateral.size()));
  row("transaction cost, all parties", c.multilateral.transaction_cost, c.cost_hub_total);
  row("transaction cost, the hub", c.cost_multilateral_hub, c.cost_hub_hub);
  row("P(agreement / every deal holds)", c.multilateral.summary.held, c.all_deals_held);
  double deals_mean_periods = 0;
  for (const Deal& d : c.bilateral) deals_mean_periods += d.summary.mean_periods;
  if (!c.bilateral.empty()) deals_mean_periods /= static_cast<double>(c.bilateral.size());
  row("mean periods in force (per deal)", c.multilateral.summary.mean_periods, deals_mean_periods);
  row("mean compliance", Mean(c.multilateral.summary.compliance), Mean(c.hub_compliance));
  for (std::size_t i = 0; i < s.num_actors(); ++i) {
    row("payoff/period " + s.actors[i].id, c.payoff_multilateral[i], c.payoff_hub[i]);
  }
  out += "\nAgreed outcome by issue:\n";
  out += fmt::format("{:<14} {:>12}", "issue", "multilateral");
  for (const Deal& d : c.bilateral) out += fmt::format(" {:>9}", DealName(d).substr(0, 9));
  out += "\n";
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out +=
        fmt::format("{:<14} {:>12.1f}", s.issues[k].id.substr(0, 14), c.multilateral.agreement[k]);
    for (const Deal& d : c.bilateral) out += fmt::format(" {:>9.1f}", d.agreement[k]);
    out += "\n";
  }
  out += fmt::format("{:<14} {:>12.3f}", "P(holds)", c.multilateral.summary.held);
  for (const Deal& d : c.bilateral) out += fmt::format(" {:>9.3f}", d.summary.held);
  out += "\n";
  return out;
}

}  // namespace concert
