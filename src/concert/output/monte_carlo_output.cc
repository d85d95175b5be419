// Monte Carlo summaries out; see monte_carlo_output.h.
#include "concert/output/monte_carlo_output.h"

#include <fmt/format.h>

#include <cmath>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string Probability(double p) { return fmt::format("{:g}", p * 100); }

}  // namespace

Json MonteCarloJson(const Scenario& scenario, const MonteCarloResult& mc, std::uint64_t seed) {
  Json issues = Json::array();
  for (const IssueDistribution& d : mc.issues) {
    Json quantiles = Json::object();
    for (const auto& [p, value] : d.quantiles) {
      quantiles[Probability(p)] = d.n > 0 ? Json(value) : Json(nullptr);
    }
    Json bands = Json::array();
    for (const auto& [band, share] : d.bands) {
      bands.push_back({{"low", band.low},
                       {"high", band.high},
                       {"p", std::isnan(share) ? Json(nullptr) : Json(share)}});
    }
    Json item = {{"id", scenario.issues[d.issue].id},
                 {"n", d.n},
                 {"missing", d.missing},
                 {"mean", d.n > 0 ? Json(d.mean) : Json(nullptr)},
                 {"sd", d.n > 0 ? Json(d.sd) : Json(nullptr)},
                 {"quantiles", quantiles},
                 {"bands", bands}};
    if (d.sensitivity) {
      Json inputs = Json::array();
      for (const auto& [input, src] : d.sensitivity->src) {
        inputs.push_back({{"input", mc.inputs[input]}, {"src", src}});
      }
      item["sensitivity"] = {{"r_squared", d.sensitivity->r_squared}, {"inputs", inputs}};
    }
    issues.push_back(item);
  }
  Json root = {
      {"draws", mc.draws}, {"seed", seed}, {"cancelled", mc.cancelled}, {"issues", issues}};
  if (!mc.trades.empty()) {
    Json trades = Json::array();
    for (const TradeFrequency& t : mc.trades) {
      trades.push_back({{"a", scenario.actors[t.actor_a].id},
                        {"a_supplies", scenario.issues[t.supply_a].id},
                        {"b", scenario.actors[t.actor_b].id},
                        {"b_supplies", scenario.issues[t.supply_b].id},
                        {"draws", t.draws},
                        {"share", t.share},
                        {"mean_gain", t.mean_gain},
                        {"mean_executions", t.mean_executions}});
    }
    root["trades"] = trades;
  }
  return root;
}

std::string TradeFrequencyCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                              const MonteCarloResults& monte_carlo) {
  std::string out = "model,a,a_supplies,b,b_supplies,draws,share,mean_gain,mean_executions\n";
  for (std::size_t k = 0; k < forecasts.size() && k < monte_carlo.size(); ++k) {
    if (monte_carlo[k] == nullptr) continue;
    for (const TradeFrequency& t : monte_carlo[k]->trades) {
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{}\n", CsvField(forecasts[k].model),
          CsvField(scenario.actors[t.actor_a].id), CsvField(scenario.issues[t.supply_a].id),
          CsvField(scenario.actors[t.actor_b].id), CsvField(scenario.issues[t.supply_b].id),
          t.draws, CsvNumber(t.share), CsvNumber(t.mean_gain), CsvNumber(t.mean_executions));
    }
  }
  return out;
}

std::string DrawsCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                     const MonteCarloResults& monte_carlo) {
  std::string out = "model,draw,issue,outcome\n";
  const std::size_t issues = scenario.num_issues();
  for (std::size_t k = 0; k < forecasts.size() && k < monte_carlo.size(); ++k) {
    if (monte_carlo[k] == nullptr) continue;
    const std::string model = CsvField(forecasts[k].model);
    const std::vector<double>& o = monte_carlo[k]->outcomes;
    for (std::size_t i = 0; i * issues < o.size(); ++i) {
      for (std::size_t d = 0; d < issues; ++d) {
        const double x = o[i * issues + d];
        out += fmt::format("{},{},{},{}\n", model, i, CsvField(scenario.issues[d].id),
                           std::isnan(x) ? std::string() : CsvNumber(x));
      }
    }
  }
  return out;
}

std::string TradeFrequencyLine(const Scenario& s, const TradeFrequency& t) {
  return fmt::format("{} moves on {}, {} on {}", s.actors[t.actor_a].id, s.issues[t.supply_a].id,
                     s.actors[t.actor_b].id, s.issues[t.supply_b].id);
}

std::string MonteCarloCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                          const MonteCarloResults& monte_carlo) {
  std::string out = "model,issue,statistic,value\n";
  for (std::size_t k = 0; k < forecasts.size() && k < monte_carlo.size(); ++k) {
    if (monte_carlo[k] == nullptr) continue;
    const std::string model = CsvField(forecasts[k].model);
    for (const IssueDistribution& d : monte_carlo[k]->issues) {
      const std::string issue = CsvField(scenario.issues[d.issue].id);
      auto row = [&](const std::string& statistic, double value, bool known = true) {
        out += fmt::format("{},{},{},{}\n", model, issue, statistic,
                           known && !std::isnan(value) ? fmt::format("{}", value) : "");
      };
      row("n", static_cast<double>(d.n));
      row("missing", static_cast<double>(d.missing));
      row("mean", d.mean, d.n > 0);
      row("sd", d.sd, d.n > 0);
      for (const auto& [p, value] : d.quantiles) row("q" + Probability(p), value, d.n > 0);
      for (const auto& [band, share] : d.bands) {
        row(fmt::format("p_in_{}_{}", band.low, band.high), share);
      }
    }
  }
  return out;
}

std::string SensitivityCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                           const MonteCarloResults& monte_carlo) {
  std::string out = "model,issue,rank,input,src,r_squared\n";
  for (std::size_t k = 0; k < forecasts.size() && k < monte_carlo.size(); ++k) {
    if (monte_carlo[k] == nullptr) continue;
    for (const IssueDistribution& d : monte_carlo[k]->issues) {
      if (!d.sensitivity) continue;
      for (std::size_t r = 0; r < d.sensitivity->src.size(); ++r) {
        const auto& [input, src] = d.sensitivity->src[r];
        out += fmt::format("{},{},{},{},{},{}\n", CsvField(forecasts[k].model),
                           CsvField(scenario.issues[d.issue].id), r + 1,
                           CsvField(monte_carlo[k]->inputs[input]), src, d.sensitivity->r_squared);
      }
    }
  }
  return out;
}

std::string MonteCarloText(const Scenario& scenario, const std::string& model,
                           const MonteCarloResult& mc) {
  std::string out = fmt::format("\n{}: Monte Carlo over {} draws{}\n", model, mc.draws,
                                mc.cancelled ? " (cancelled: the draws that finished)" : "");
  out += fmt::format("{:<16} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}\n", "issue", "n",
                     "mean", "sd", "5%", "25%", "50%", "75%", "95%");
  for (const IssueDistribution& d : mc.issues) {
    out += fmt::format("{:<16} {:>6}", scenario.issues[d.issue].id.substr(0, 16), d.n);
    if (d.n == 0) {
      out += mc.draws == 0 ? "  (no draw finished)\n" : "  (no outcome in any draw)\n";
      continue;
    }
    out += fmt::format(" {:>8.2f} {:>8.2f}", d.mean, d.sd);
    for (const auto& [p, value] : d.quantiles) out += fmt::format(" {:>8.2f}", value);
    out += "\n";
    for (const auto& [band, share] : d.bands) {
      out += fmt::format("{:<16}   P({:g} <= outcome <= {:g}) = {:.3f}\n", "", band.low, band.high,
                         share);
    }
    if (d.sensitivity) {
      out += fmt::format(
          "{:<16}   inputs that move it most (standardised regression "
          "coefficient; R^2 = {:.2f}):\n",
          "", d.sensitivity->r_squared);
      for (std::size_t k = 0; k < d.sensitivity->src.size() && k < 5; ++k) {
        const auto& [input, src] = d.sensitivity->src[k];
        out += fmt::format("{:<16}     {:+.3f}  {}\n", "", src, mc.inputs[input]);
      }
    }
  }
  if (!mc.trades.empty()) {
    out += fmt::format(
        "Trades over the draws ({} kinds; the 10 most frequent): share of draws, mean gain to "
        "each when it happens, executions\n",
        mc.trades.size());
    for (std::size_t k = 0; k < mc.trades.size() && k < 10; ++k) {
      const TradeFrequency& t = mc.trades[k];
      out += fmt::format("  {:>6.3f} {:>9.4f} {:>5.1f}  {}\n", t.share, t.mean_gain,
                         t.mean_executions, TradeFrequencyLine(scenario, t));
    }
  }
  return out;
}

}  // namespace concert
