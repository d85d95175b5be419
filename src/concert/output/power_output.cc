#include "concert/output/power_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string CriterionName(const VotingRule& rule, std::size_t k) {
  return rule.criteria.empty() ? fmt::format("criterion {}", k + 1) : rule.criteria[k];
}

double Total(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  return total;
}

}  // namespace

std::string PowerJson(const VotingRule& rule, const PowerOptions& options,
                      const PowerResult& result) {
  Json root;
  const bool mc = result.method == PowerMethod::kMonteCarlo;
  root["method"] = PowerMethodName(result.method);
  if (mc) {
    root["samples"] = result.samples;
    root["seed"] = options.seed;
  }
  Json criteria = Json::array();
  for (std::size_t k = 0; k < rule.quotas.size(); ++k) {
    criteria.push_back({{"name", CriterionName(rule, k)},
                        {"quota", rule.quotas[k]},
                        {"total", Total(rule.weights[k])}});
  }
  root["criteria"] = criteria;
  root["p_winning"] = result.p_winning;
  Json players = Json::array();
  for (std::size_t i = 0; i < rule.names.size(); ++i) {
    const PlayerPower& p = result.players[i];
    Json player;
    player["name"] = rule.names[i];
    player["weight"] = rule.weights[0][i];
    if (rule.weights.size() > 1) {
      Json weights = Json::array();
      for (const std::vector<double>& w : rule.weights) weights.push_back(w[i]);
      player["weights"] = weights;
    }
    player["shapley_shubik"] = p.shapley_shubik;
    player["banzhaf"] = p.banzhaf;
    player["banzhaf_absolute"] = p.banzhaf_absolute;
    player["swings"] = p.swings;
    if (mc) {
      player["shapley_shubik_se"] = p.shapley_shubik_se;
      player["banzhaf_absolute_se"] = p.banzhaf_absolute_se;
    }
    players.push_back(player);
  }
  root["players"] = players;
  return root.dump(2) + "\n";
}

std::string PowerCsv(const VotingRule& rule, const PowerResult& result) {
  std::string out = "name,weight";
  for (std::size_t k = 1; k < rule.weights.size(); ++k) out += fmt::format(",weight_{}", k + 1);
  out += ",shapley_shubik,banzhaf,banzhaf_absolute,swings,shapley_shubik_se,banzhaf_absolute_se\n";
  for (std::size_t i = 0; i < rule.names.size(); ++i) {
    const PlayerPower& p = result.players[i];
    out += CsvField(rule.names[i]);
    for (const std::vector<double>& w : rule.weights) out += fmt::format(",{}", w[i]);
    out += fmt::format(",{},{},{},{},{},{}\n", p.shapley_shubik, p.banzhaf, p.banzhaf_absolute,
                       p.swings, p.shapley_shubik_se, p.banzhaf_absolute_se);
  }
  return out;
}

std::string PowerText(const VotingRule& rule, const PowerOptions& options,
                      const PowerResult& result) {
  const bool mc = result.method == PowerMethod::kMonteCarlo;
  std::string out = fmt::format("Power indices ({}", PowerMethodName(result.method));
  if (mc) out += fmt::format(", {} samples, seed {}", result.samples, options.seed);
  out += "); a coalition wins with";
  for (std::size_t k = 0; k < rule.quotas.size(); ++k) {
    out += fmt::format("{} {:.10g} of {:.10g}", k == 0 ? "" : " and", rule.quotas[k],
                       Total(rule.weights[k]));
    if (rule.weights.size() > 1 || !rule.criteria.empty()) {
      out += " " + CriterionName(rule, k);
    }
  }
  out += fmt::format("\nP(a random coalition wins) = {:.4f}\n\n", result.p_winning);
  std::size_t width = 6;
  for (const std::string& name : rule.names) width = std::max(width, name.size());
  std::vector<std::string> heads;
  std::vector<std::size_t> widths;
  for (std::size_t k = 0; k < rule.weights.size(); ++k) {
    heads.push_back(
        rule.criteria.empty()
            ? (rule.weights.size() == 1 ? std::string("weight") : fmt::format("weight {}", k + 1))
            : rule.criteria[k]);
    widths.push_back(std::max<std::size_t>(10, heads.back().size()));
  }
  out += fmt::format("{:<{}}", "player", width);
  for (std::size_t k = 0; k < heads.size(); ++k) out += fmt::format(" {:>{}}", heads[k], widths[k]);
  out += fmt::format(" {:>14} {:>10} {:>10}\n", "Shapley-Shubik", "Banzhaf", "absolute");
  for (std::size_t i = 0; i < rule.names.size(); ++i) {
    const PlayerPower& p = result.players[i];
    out += fmt::format("{:<{}}", rule.names[i], width);
    for (std::size_t k = 0; k < heads.size(); ++k) {
      out += fmt::format(" {:>{}.10g}", rule.weights[k][i], widths[k]);
    }
    out += fmt::format(" {:>14.4f} {:>10.4f} {:>10.4f}", p.shapley_shubik, p.banzhaf,
                       p.banzhaf_absolute);
    if (mc) {
      out += fmt::format("  ±{:.4f} ±{:.4f}", p.shapley_shubik_se, p.banzhaf_absolute_se);
    }
    out += "\n";
  }
  if (mc) out += "\n± one standard error of the Monte Carlo estimate\n";
  return out;
}

}  // namespace concert
