#include "concert/output/sanction_grid_output.h"

#include <fmt/format.h>

#include "concert/output/forecast_output.h"
#include "concert/output/simulate_report.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

Json Statistics(const DesignSummary& d) { return DesignStatisticsJson(d); }

double HeldGivenSigned(const DesignSummary& d) { return d.p_signed > 0 ? d.held / d.p_signed : 0; }

// Rows "ENFORCER s=SIZE", columns monitoring; the value of `stat` per cell.
template <typename F>
void Grid(const SanctionGridResult& g, F stat, std::vector<std::string>* rows,
          std::vector<std::string>* columns, std::vector<std::vector<double>>* values) {
  for (double m : g.monitoring) columns->push_back(fmt::format("m={}", m));
  for (std::size_t e = 0; e < g.enforcers.size(); ++e) {
    for (std::size_t s = 0; s < g.sizes.size(); ++s) {
      rows->push_back(fmt::format("{} s={}", g.enforcers[e], g.sizes[s]));
      values->emplace_back();
      for (std::size_t m = 0; m < g.monitoring.size(); ++m) {
        values->back().push_back(stat(g.Cell(e, s, m)));
      }
    }
  }
}

std::string Header(const Scenario& s, const SimulationHeader& h, const SanctionGridResult& g) {
  const SimulationResult& r = g.simulation;
  std::string out = fmt::format("Institution: {}\nScenario: {}\nAgreement ({}):", h.institution,
                                s.name, r.agreement_source);
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out += fmt::format(" {} {:.1f}", s.issues[k].id, r.agreement[k]);
  }
  const DesignSummary& base = r.designs.at(0);
  return out + fmt::format(
                   "\n{} draws, seed {}, {} periods. Each cell: the design as coded with its "
                   "sanction size s, monitoring m and enforcer replaced; P(signed) = {:.3f} in "
                   "every cell (a sanction changes nobody's value of signing).\nAs coded: "
                   "P(never ended | signed) {:.3f}, mean periods in force {:.2f}.\n",
                   r.draws, h.seed, base.compliance.size(), base.p_signed, HeldGivenSigned(base),
                   base.mean_periods);
}

}  // namespace

std::string SanctionGridJson(const Scenario& s, const SimulationHeader& h,
                             const SanctionGridResult& g) {
  const SimulationResult& r = g.simulation;
  Json root;
  root["scenario"] = {{"name", s.name}, {"sha256", s.sha256}};
  root["institution"] = h.institution;
  root["seed"] = h.seed;
  root["draws"] = r.draws;
  root["periods"] = r.designs.at(0).compliance.size();
  Json outcomes = Json::object();
  for (std::size_t k = 0; k < s.num_issues(); ++k) outcomes[s.issues[k].id] = r.agreement[k];
  root["agreement"] = {{"source", r.agreement_source}, {"outcomes", outcomes}};
  root["sizes"] = g.sizes;
  root["monitoring"] = g.monitoring;
  root["enforcers"] = g.enforcers;
  root["as_coded"] = Statistics(r.designs.at(0));
  Json cells = Json::array();
  for (std::size_t e = 0; e < g.enforcers.size(); ++e) {
    for (std::size_t z = 0; z < g.sizes.size(); ++z) {
      for (std::size_t m = 0; m < g.monitoring.size(); ++m) {
        Json cell = {{"enforcer", g.enforcers[e]},
                     {"sanction", g.sizes[z]},
                     {"monitoring", g.monitoring[m]}};
        cell.update(Statistics(g.Cell(e, z, m)));
        cells.push_back(cell);
      }
    }
  }
  root["cells"] = cells;
  return root.dump(2) + "\n";
}

std::string SanctionGridCsv(const SanctionGridResult& g) {
  std::string out = "enforcer,sanction,monitoring,statistic,value\n";
  for (const auto& [key, value] : DesignStatistics(g.simulation.designs.at(0))) {
    out += fmt::format("as coded,,,{},{}\n", key, value);
  }
  for (std::size_t e = 0; e < g.enforcers.size(); ++e) {
    for (std::size_t z = 0; z < g.sizes.size(); ++z) {
      for (std::size_t m = 0; m < g.monitoring.size(); ++m) {
        for (const auto& [key, value] : DesignStatistics(g.Cell(e, z, m))) {
          out += fmt::format("{},{},{},{},{}\n", CsvField(g.enforcers[e]), g.sizes[z],
                             g.monitoring[m], key, value);
        }
      }
    }
  }
  return out;
}

std::string SanctionGridText(const Scenario& s, const SimulationHeader& h,
                             const SanctionGridResult& g) {
  std::string out = Header(s, h, g);
  for (const bool periods : {false, true}) {
    std::vector<std::string> rows, columns;
    std::vector<std::vector<double>> values;
    if (periods) {
      Grid(
          g, [](const DesignSummary& d) { return d.mean_periods; }, &rows, &columns, &values);
    } else {
      Grid(g, HeldGivenSigned, &rows, &columns, &values);
    }
    out += periods ? "\nMean periods in force:\n" : "\nP(never ended | signed):\n";
    out += fmt::format("{:<24}", "enforcer, sanction");
    for (const std::string& c : columns) out += fmt::format(" {:>8}", c);
    out += "\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += fmt::format("{:<24}", rows[r].substr(0, 24));
      for (double v : values[r]) out += fmt::format(" {:>8.3f}", v);
      out += "\n";
    }
  }
  return out;
}

std::string SanctionGridHtml(const Scenario& s, const SimulationHeader& h,
                             const SanctionGridResult& g) {
  std::string body = "<h1>Sanctions: size, monitoring, enforcer</h1><pre>" +
                     svg::Escape(Header(s, h, g)) + "</pre>";
  std::vector<std::string> rows, columns;
  std::vector<std::vector<double>> values;
  Grid(g, HeldGivenSigned, &rows, &columns, &values);
  body += "<h2>P(never ended | signed)</h2>" + svg::Heatmap(rows, columns, values, "enforcer s");
  rows.clear();
  columns.clear();
  values.clear();
  const double horizon = static_cast<double>(g.simulation.designs.at(0).compliance.size());
  Grid(
      g, [horizon](const DesignSummary& d) { return d.mean_periods / horizon; }, &rows, &columns,
      &values);
  body += "<h2>Mean share of the horizon in force</h2>" +
          svg::Heatmap(rows, columns, values, "enforcer s");
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         svg::Escape(h.institution) + "</title><style>" + std::string(kPageStyle) +
         "</style></head><body>" + body + "</body></html>\n";
}

}  // namespace concert
