#include "concert/output/backtest_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "concert/output/svg.h"

namespace concert {

std::string BacktestToText(const BacktestResult& r, const BacktestOptions& options) {
  std::string out =
      fmt::format("Backtest on {} issues (capability: {})\n\n", r.issues.size(), r.capability);
  // Models by their short spec (defaults left out); the full specs are listed below.
  std::size_t width = 5;
  for (const ModelScore& m : r.models) width = std::max(width, ShortSpec(m.model).size());
  out += fmt::format("{:<{}}  {:>4}  {:>6}  {:>6}  {:>9}  {:>6}  {:>6}\n", "model", width, "n",
                     "MAE", "RMSE", "median AE", "<=10", "<=25");
  for (const ModelScore& m : r.models) {
    out += fmt::format("{:<{}}  {:>4}  {:>6.2f}  {:>6.2f}  {:>9.2f}  {:>5.1f}%  {:>5.1f}%\n",
                       ShortSpec(m.model), width, m.n, m.mae, m.rmse, m.median_ae,
                       100 * m.within_10, 100 * m.within_25);
  }
  if (!r.pairs.empty()) {
    out += fmt::format(
        "\nPaired differences of absolute errors (a - b; negative: a is closer), "
        "bootstrap 95 % interval ({} resamples, seed {}):\n",
        options.bootstrap, options.seed);
    for (const PairedDifference& p : r.pairs) {
      out += fmt::format("  {} - {}: {:+.2f} [{:+.2f}, {:+.2f}] over {} issues\n",
                         ShortSpec(r.models[p.a].model), ShortSpec(r.models[p.b].model), p.mean,
                         p.low, p.high, p.n);
    }
  }
  if (!r.compare_capability.empty()) {
    out += fmt::format(
        "\nCapability {} against {}: MAE of each, and the paired difference of absolute errors "
        "({} - {}; negative: {} is closer), bootstrap 95 % interval:\n",
        r.compare_capability, r.capability, r.compare_capability, r.capability,
        r.compare_capability);
    for (const CapabilityDifference& c : r.capability_differences) {
      out +=
          fmt::format("  {:<{}}  {:6.2f} vs {:6.2f}: {:+.2f} [{:+.2f}, {:+.2f}] over {} issues\n",
                      ShortSpec(c.model), width, c.mae_compared, c.mae, c.mean, c.low, c.high, c.n);
    }
  }
  out += "\nModels:\n";
  for (const ModelScore& m : r.models) out += "  " + m.model + "\n";
  out += "\nSkipped:";
  for (const auto& [reason, n] : r.skipped) out += fmt::format(" {} {},", reason, n);
  out.back() = '\n';
  return out;
}

std::string BacktestToJson(const BacktestResult& r, const BacktestOptions& options,
                           const std::string& data) {
  using Json = nlohmann::ordered_json;
  Json models = Json::array();
  for (const ModelScore& m : r.models) {
    models.push_back({{"model", m.model},
                      {"n", m.n},
                      {"mae", m.mae},
                      {"rmse", m.rmse},
                      {"median_ae", m.median_ae},
                      {"within_10", m.within_10},
                      {"within_25", m.within_25}});
  }
  Json pairs = Json::array();
  for (const PairedDifference& p : r.pairs) {
    pairs.push_back({{"a", r.models[p.a].model},
                     {"b", r.models[p.b].model},
                     {"n", p.n},
                     {"mean_difference", p.mean},
                     {"low", p.low},
                     {"high", p.high}});
  }
  Json root = {{"data", data},         {"capability", r.capability},
               {"seed", options.seed}, {"bootstrap", options.bootstrap},
               {"models", models},     {"pairs", pairs},
               {"skipped", r.skipped}};
  if (!r.compare_capability.empty()) {
    Json compared = Json::array();
    for (const CapabilityDifference& c : r.capability_differences) {
      compared.push_back({{"model", c.model},
                          {"n", c.n},
                          {"mae", c.mae},
                          {"mae_compared", c.mae_compared},
                          {"mean_difference", c.mean},
                          {"low", c.low},
                          {"high", c.high}});
    }
    root["compare_capability"] = r.compare_capability;
    root["capability_comparison"] = compared;
  }
  return root.dump(2) + "\n";
}

std::string BacktestToCsv(const BacktestResult& r) {
  std::string out = "model,issue,forecast,outcome,error\n";
  for (std::size_t k = 0; k < r.models.size(); ++k) {
    for (const IssueScore& i : r.issues) {
      const auto& f = i.forecast[k];
      out += fmt::format("{},{},{},{},{}\n", CsvField(r.models[k].model), CsvField(i.issue),
                         f ? CsvNumber(*f) : "", CsvNumber(i.outcome),
                         f ? CsvNumber(std::abs(*f - i.outcome)) : "");
    }
  }
  return out;
}

}  // namespace concert

namespace concert {

std::string BacktestToHtml(const BacktestResult& r, const BacktestOptions& options) {
  std::string out =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>concert backtest</title><style>"
      "body{font-family:sans-serif;max-width:760px;margin:auto;padding:1em}pre{font-size:12px;"
      "overflow-x:auto}</style></head><body><h1>Backtest</h1><pre>" +
      svg::Escape(BacktestToText(r, options)) + "</pre>";
  for (std::size_t k = 0; k < r.models.size(); ++k) {
    std::vector<double> errors;
    std::vector<std::pair<double, double>> points;
    for (const IssueScore& i : r.issues) {
      if (!i.forecast[k]) continue;
      errors.push_back(std::abs(*i.forecast[k] - i.outcome));
      points.emplace_back(*i.forecast[k], i.outcome);
    }
    if (errors.empty()) continue;
    std::sort(errors.begin(), errors.end());
    out += fmt::format("<h2>{}</h2><p>absolute errors (MAE {:.2f}; 5-95 %: {:.1f} to {:.1f})</p>",
                       svg::Escape(r.models[k].model), r.models[k].mae, Quantile(errors, 0.05),
                       Quantile(errors, 0.95));
    out += svg::Histogram(0, 100, errors, Quantile(errors, 0.05), Quantile(errors, 0.95));
    out += "<p>forecast against outcome</p>" + svg::Scatter(0, 100, points, "forecast", "outcome");
  }
  return out + "</body></html>\n";
}

}  // namespace concert
