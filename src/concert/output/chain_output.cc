#include "concert/output/chain_output.h"

#include <fmt/format.h>

#include "concert/models/registry.h"
#include "concert/output/forecast_output.h"
#include "concert/output/simulate_report.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::string Label(const std::string& source) {
  return source == kGivenAgreement ? source : ShortSpec(source);
}

double Statistic(const DesignSummary& d, const std::string& key) {
  for (const auto& [name, value] : DesignStatistics(d)) {
    if (name == key) return value;
  }
  return 0;
}

// "PRK 0.33, JPN 0.02": the parties that veto in some draw, most often first.
std::string Vetoes(const DesignSummary& d) {
  std::vector<std::pair<double, std::string>> who;
  for (std::size_t p = 0; p < d.vetoes.size(); ++p) {
    if (d.vetoes[p] > 0) who.emplace_back(-d.vetoes[p], d.terms.parties[p].id);
  }
  std::sort(who.begin(), who.end());
  std::string out;
  for (const auto& [share, id] : who) {
    out += fmt::format("{}{} {:.2f}", out.empty() ? "" : ", ", id, -share);
  }
  return out.empty() ? "none" : out;
}

std::size_t Periods(const ChainResult& c) {
  return c.runs.empty() || c.runs[0].designs.empty() ? 0 : c.runs[0].designs[0].compliance.size();
}

}  // namespace

std::string ChainJson(const Scenario& s, const SimulationHeader& h, const ChainResult& c) {
  Json root;
  root["scenario"] = {{"name", s.name}, {"sha256", s.sha256}};
  root["institution"] = h.institution;
  root["seed"] = h.seed;
  root["draws"] = c.draws;
  root["fixed"] = h.fixed;
  root["periods"] = Periods(c);
  Json events = Json::array();
  if (!c.runs.empty()) {
    for (const auto& e : c.runs[0].events) {
      events.push_back({{"period", e.period}, {"label", e.label}});
    }
  }
  root["events"] = events;
  Json runs = Json::array();
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    Json run = SimulationJsonValue(s, h, c.runs[k]);
    for (const char* key : {"scenario", "institution", "seed", "fixed", "periods", "events"}) {
      run.erase(key);
    }
    Json j;
    j["source"] = Label(c.sources[k]);
    j["spec"] = c.sources[k];
    j.update(run);
    runs.push_back(j);
  }
  root["runs"] = runs;
  return root.dump(2) + "\n";
}

std::string ChainCsv(const Scenario& s, const ChainResult& c, const std::string& table) {
  if (table == "draws") {
    std::string out = DrawsCsvHeader("source,");
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      AppendDrawsCsv(c.runs[k], CsvField(Label(c.sources[k])) + ",", &out);
    }
    return out;
  }
  std::string out = "source,design,statistic,value\n";
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    const std::string source = CsvField(Label(c.sources[k]));
    for (const DesignSummary& d : c.runs[k].designs) {
      const std::string design = CsvField(d.name);
      for (const auto& [key, value] : DesignStatistics(d)) {
        out += fmt::format("{},{},{},{}\n", source, design, key, value);
      }
      for (std::size_t p = 0; p < d.vetoes.size(); ++p) {
        out += fmt::format("{},{},{},{}\n", source, design,
                           CsvField("veto:" + d.terms.parties[p].id), d.vetoes[p]);
      }
      for (std::size_t i = 0; i < s.num_issues(); ++i) {
        out += fmt::format("{},{},{},{}\n", source, design, CsvField("outcome:" + s.issues[i].id),
                           c.runs[k].agreement[i]);
      }
    }
  }
  return out;
}

std::string ChainText(const Scenario& s, const SimulationHeader& h, const ChainResult& c) {
  std::string out = fmt::format(
      "Institution: {}\nScenario: {}\nThe chain: the agreement from each source -> signing (every "
      "party whose consent is required) -> compliance; {} draws{}, seed {}, {} periods.\n\n",
      h.institution, s.name, c.draws,
      h.fixed ? " (numbers at their values)" : " of the uncertain numbers", h.seed, Periods(c));
  out += "Agreement by source (at the numbers' values):\n";
  out += fmt::format("{:<14}", "source");
  for (const Issue& issue : s.issues) out += fmt::format(" {:>11}", issue.id.substr(0, 11));
  out += "\n";
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    out += fmt::format("{:<14}", Label(c.sources[k]).substr(0, 14));
    for (double y : c.runs[k].agreement) out += fmt::format(" {:>11.1f}", y);
    out += "\n";
  }
  out += "\nDesign as coded:\n";
  out += fmt::format("{:<14} {:>9} {:>10} {:>8} {:>8} {:>9} {:>6} {:>8}  {}\n", "source",
                     "P(signed)", "held|sign", "false", "violat.", "exit", "susp.", "periods",
                     "vetoes (share of draws)");
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    const DesignSummary& d = c.runs[k].designs.at(0);
    out += fmt::format(
        "{:<14} {:>9.3f} {:>10.3f} {:>8.3f} {:>8.3f} {:>9.3f} {:>6.2f} {:>8.2f}  {}\n",
        Label(c.sources[k]).substr(0, 14), d.p_signed, Statistic(d, "held_given_signed"),
        d.false_alarm, d.violation, d.exited, d.suspensions, d.mean_periods, Vetoes(d));
  }
  if (!c.runs.empty() && c.runs[0].designs.size() > 1) {
    out += "\nP(signed, never ended), by design:\n";
    out += fmt::format("{:<14}", "source");
    for (const DesignSummary& d : c.runs[0].designs) {
      out += fmt::format(" {:>16}", d.name.substr(0, 16));
    }
    out += "\n";
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      out += fmt::format("{:<14}", Label(c.sources[k]).substr(0, 14));
      for (const DesignSummary& d : c.runs[k].designs) out += fmt::format(" {:>16.3f}", d.held);
      out += "\n";
    }
  }
  if (c.cancelled) out += "\n(cut short: the last source has fewer draws)\n";
  return out;
}

std::string ChainSection(const Scenario& s, const SimulationHeader& h, const ChainResult& c,
                         bool each_source) {
  std::string body = "<h2>From the bargain to a lasting agreement</h2><pre>" +
                     svg::Escape(ChainText(s, h, c)) + "</pre>";
  std::vector<svg::Series> survival;
  for (std::size_t k = 0; k < c.runs.size(); ++k) {
    survival.push_back({Label(c.sources[k]), c.runs[k].designs.at(0).survival});
  }
  std::vector<svg::Marker> markers;
  if (!c.runs.empty()) {
    for (const auto& e : c.runs[0].events) {
      markers.push_back({static_cast<double>(e.period - 1), e.label});
    }
  }
  body +=
      "<h3>Survival once signed, design as coded</h3><p>P(in force in the period | signed), one "
      "line per source of the agreement; dashed lines: the section's dated events.</p>";
  body += svg::LineChart(0, 1, survival, "period", 1, markers);
  if (each_source) {
    for (std::size_t k = 0; k < c.runs.size(); ++k) {
      body += "<hr><p><b>Source: " + svg::Escape(Label(c.sources[k])) + "</b></p>" +
              SimulationSection(s, h, c.runs[k], nullptr);
    }
  }
  return body;
}

std::string ChainHtml(const Scenario& s, const SimulationHeader& h, const ChainResult& c) {
  const std::string body = "<h1>" + svg::Escape(h.institution) + "</h1><p>" + svg::Escape(s.name) +
                           "</p>" + ChainSection(s, h, c, true);
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         svg::Escape(h.institution) + "</title><style>" + std::string(kPageStyle) +
         "</style></head><body>" + body + "</body></html>\n";
}

}  // namespace concert
