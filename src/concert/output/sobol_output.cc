#include "concert/output/sobol_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "concert/output/forecast_output.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

// Inputs by total index, largest first (ties: input order).
std::vector<std::size_t> ByTotal(const SobolOutput& out) {
  std::vector<std::size_t> order(out.inputs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return out.inputs[a].total > out.inputs[b].total;
  });
  return order;
}

}  // namespace

void AddSobolJson(const Scenario& s, const std::vector<Forecast>& forecasts,
                  const std::vector<SobolResult>& sobol, std::size_t bootstrap, Json* root) {
  if (sobol.empty()) return;
  Json list = Json::array();
  for (std::size_t m = 0; m < sobol.size(); ++m) {
    const SobolResult& r = sobol[m];
    Json issues = Json::array();
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
      Json inputs = Json::array();
      for (std::size_t j = 0; j < r.inputs.size(); ++j) {
        const SobolIndex& x = r.outputs[i].inputs[j];
        inputs.push_back({{"input", r.inputs[j]},
                          {"first", x.first},
                          {"first_low", x.first_low},
                          {"first_high", x.first_high},
                          {"total", x.total},
                          {"total_low", x.total_low},
                          {"total_high", x.total_high}});
      }
      issues.push_back({{"issue", s.issues[i].id},
                        {"variance", r.outputs[i].variance},
                        {"rows", r.outputs[i].rows},
                        {"inputs", inputs}});
    }
    list.push_back({{"model", forecasts[m].model},
                    {"base_samples", r.runs / (r.inputs.size() + 2)},
                    {"bootstrap", bootstrap},
                    {"runs", r.runs},
                    {"issues", issues}});
  }
  (*root)["sobol"] = list;
}

std::string SobolCsv(const Scenario& s, const std::vector<Forecast>& forecasts,
                     const std::vector<SobolResult>& sobol) {
  std::string out = "model,issue,input,first,first_low,first_high,total,total_low,total_high\n";
  for (std::size_t m = 0; m < sobol.size(); ++m) {
    const SobolResult& r = sobol[m];
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
      for (std::size_t j = 0; j < r.inputs.size(); ++j) {
        const SobolIndex& x = r.outputs[i].inputs[j];
        out += fmt::format("{},{},{},{},{},{},{},{},{}\n", CsvField(forecasts[m].model),
                           CsvField(s.issues[i].id), CsvField(r.inputs[j]), CsvNumber(x.first),
                           CsvNumber(x.first_low), CsvNumber(x.first_high), CsvNumber(x.total),
                           CsvNumber(x.total_low), CsvNumber(x.total_high));
      }
    }
  }
  return out;
}

std::string SobolText(const Scenario& s, const std::vector<Forecast>& forecasts,
                      const std::vector<SobolResult>& sobol) {
  std::string out;
  for (std::size_t m = 0; m < sobol.size(); ++m) {
    const SobolResult& r = sobol[m];
    out += fmt::format(
        "\nSobol indices, {} ({} runs): the inputs with the largest total index (first order, "
        "total, 95 % intervals)\n",
        forecasts[m].model, r.runs);
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
      const SobolOutput& o = r.outputs[i];
      out += fmt::format("  {} (variance {:.3g}, {} rows)\n", s.issues[i].id, o.variance, o.rows);
      const std::vector<std::size_t> order = ByTotal(o);
      for (std::size_t t = 0; t < order.size() && t < 5; ++t) {
        const SobolIndex& x = o.inputs[order[t]];
        out +=
            fmt::format("    {:<34} S {:6.3f} [{:6.3f}, {:6.3f}]  ST {:6.3f} [{:6.3f}, {:6.3f}]\n",
                        r.inputs[order[t]], x.first, x.first_low, x.first_high, x.total,
                        x.total_low, x.total_high);
      }
    }
  }
  return out;
}

std::string SobolReportSection(const Scenario& s, const std::vector<Forecast>& forecasts,
                               const std::vector<SobolResult>& sobol) {
  if (sobol.empty()) return "";
  std::string out =
      "<h2>Variance attribution (Sobol)</h2><p class=\"note\">The share of each outcome's "
      "variance an uncertain input explains with its interactions (total-order index; "
      "Saltelli et al. 2010, Jansen 1999), the eight largest.</p>";
  for (std::size_t m = 0; m < sobol.size(); ++m) {
    const SobolResult& r = sobol[m];
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
      const std::vector<std::size_t> order = ByTotal(r.outputs[i]);
      std::vector<std::pair<std::string, double>> bars;
      for (std::size_t t = 0; t < order.size() && t < 8; ++t) {
        bars.emplace_back(r.inputs[order[t]], r.outputs[i].inputs[order[t]].total);
      }
      out += fmt::format("<p class=\"note\">{}, {}</p>", svg::Escape(forecasts[m].model),
                         svg::Escape(s.issues[i].id));
      out += svg::Tornado(bars);
    }
  }
  return out;
}

}  // namespace concert
