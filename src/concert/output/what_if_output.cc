#include "concert/output/what_if_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/output/forecast_output.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

std::optional<double> Change(const std::vector<Forecast>& forecasts, const WhatIfRow& row,
                             std::size_t issue) {
  const std::optional<double>& base = forecasts[row.model].issues[issue].outcome;
  const std::optional<double>& now = row.outcomes[issue];
  if (!base || !now) return std::nullopt;
  return *now - *base;
}

Json Value(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json Row(const Scenario& s, const std::vector<Forecast>& forecasts, const WhatIfRow& row) {
  Json item;
  item["model"] = forecasts[row.model].model;
  item["actor"] = s.actors[row.actor].id;
  if (row.issue) {
    item["issue"] = s.issues[*row.issue].id;
    item["delta"] = row.delta;
  }
  Json outcomes = Json::object(), changes = Json::object();
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    outcomes[s.issues[i].id] = Value(row.outcomes[i]);
    changes[s.issues[i].id] = Value(Change(forecasts, row, i));
  }
  item["outcomes"] = outcomes;
  item["changes"] = changes;
  if (!row.note.empty()) item["note"] = row.note;
  return item;
}

std::string Cell(const std::optional<double>& v) { return v ? CsvNumber(*v) : std::string(); }

}  // namespace

void AddWhatIfJson(const Scenario& s, const std::vector<Forecast>& forecasts, const WhatIfResult& w,
                   Json* root) {
  if (w.drop.empty() && w.salience_step == 0) return;
  Json what_if;
  if (!w.drop.empty()) {
    Json drop = Json::array();
    for (const WhatIfRow& row : w.drop) drop.push_back(Row(s, forecasts, row));
    what_if["drop_one"] = drop;
  }
  if (w.salience_step > 0) {
    Json rows = Json::array();
    for (const WhatIfRow& row : w.sweep) rows.push_back(Row(s, forecasts, row));
    what_if["salience_sweep"] = {{"step", w.salience_step}, {"rows", rows}};
  }
  (*root)["what_if"] = what_if;
}

std::string WhatIfCsv(const Scenario& s, const std::vector<Forecast>& forecasts,
                      const WhatIfResult& w, const std::string& table) {
  const bool sweep = table == "salience-sweep";
  std::string out = sweep ? "model,actor,moved_issue,delta,issue,forecast,outcome,change,note\n"
                          : "model,actor,issue,forecast,outcome,change,note\n";
  for (const WhatIfRow& row : sweep ? w.sweep : w.drop) {
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      out += CsvField(forecasts[row.model].model) + "," + CsvField(s.actors[row.actor].id) + ",";
      if (sweep) out += CsvField(s.issues[*row.issue].id) + "," + CsvNumber(row.delta) + ",";
      out += fmt::format("{},{},{},{},{}\n", CsvField(s.issues[i].id),
                         Cell(forecasts[row.model].issues[i].outcome), Cell(row.outcomes[i]),
                         Cell(Change(forecasts, row, i)), CsvField(row.note));
    }
  }
  return out;
}

std::string WhatIfText(const Scenario& s, const std::vector<Forecast>& forecasts,
                       const WhatIfResult& w) {
  std::string out;
  auto largest = [&](const std::vector<WhatIfRow>& rows, std::size_t m, std::size_t i) {
    const WhatIfRow* best = nullptr;
    double size = -1;
    for (const WhatIfRow& row : rows) {
      const std::optional<double> c = row.model == m ? Change(forecasts, row, i) : std::nullopt;
      if (c && std::abs(*c) > size) {
        size = std::abs(*c);
        best = &row;
      }
    }
    return best;
  };
  for (int part = 0; part < 2; ++part) {
    const std::vector<WhatIfRow>& rows = part == 0 ? w.drop : w.sweep;
    if (rows.empty()) continue;
    out += part == 0 ? "\nDrop one actor: the actor whose absence moves each outcome most\n"
                     : fmt::format(
                           "\nSalience sweep (+-{:g} points): the salience whose step "
                           "moves each outcome most\n",
                           w.salience_step);
    for (std::size_t m = 0; m < forecasts.size(); ++m) {
      out += fmt::format("  {}\n", forecasts[m].model);
      for (std::size_t i = 0; i < s.num_issues(); ++i) {
        const WhatIfRow* row = largest(rows, m, i);
        const double change = row ? *Change(forecasts, *row, i) : 0;
        if (!row || std::abs(change) < 1e-9) {
          out += fmt::format("    {:<14} {}\n", s.issues[i].id,
                             row ? "no change" : "no change computed");
          continue;
        }
        out +=
            fmt::format("    {:<14} {:+8.2f}  {}", s.issues[i].id, change, s.actors[row->actor].id);
        if (row->issue) {
          out += fmt::format(" salience on {} {:+g}", s.issues[*row->issue].id, row->delta);
        }
        out += "\n";
      }
    }
  }
  std::size_t unrun = 0;
  for (const auto* rows : {&w.drop, &w.sweep}) {
    for (const WhatIfRow& row : *rows) unrun += !row.note.empty();
  }
  if (unrun > 0)
    out += fmt::format("  ({} re-runs gave no forecast; the CSV and JSON say why)\n", unrun);
  return out;
}

std::string WhatIfReportSection(const Scenario& s, const std::vector<Forecast>& forecasts,
                                const WhatIfResult& w) {
  if (w.drop.empty() && w.sweep.empty()) return "";
  std::string out =
      "<h2>What the forecast hangs on</h2><p class=\"note\">Each model re-run without one "
      "actor, or with one salience moved; bars are the change of the outcome as a share of the "
      "issue's scale (the points in each label).</p>";
  for (int part = 0; part < 2; ++part) {
    const std::vector<WhatIfRow>& rows = part == 0 ? w.drop : w.sweep;
    if (rows.empty()) continue;
    out += part == 0
               ? "<h3>Without each actor</h3>"
               : fmt::format("<h3>Each salience {:g} points down and up</h3>", w.salience_step);
    for (std::size_t m = 0; m < forecasts.size(); ++m) {
      for (std::size_t i = 0; i < s.num_issues(); ++i) {
        const Issue& issue = s.issues[i];
        const double width = issue.scale_max - issue.scale_min;
        std::vector<std::pair<double, std::string>> bars;  // change, label
        for (const WhatIfRow& row : rows) {
          if (row.model != m) continue;
          const std::optional<double> c = Change(forecasts, row, i);
          if (!c) continue;
          std::string label = s.actors[row.actor].id;
          if (row.issue) label += fmt::format(" on {} {:+g}", s.issues[*row.issue].id, row.delta);
          bars.emplace_back(*c, fmt::format("{} ({:+.1f})", label, *c));
        }
        std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) {
          return std::abs(a.first) > std::abs(b.first);
        });
        if (bars.size() > 8) bars.resize(8);
        std::vector<std::pair<std::string, double>> chart;
        chart.reserve(bars.size());
        for (const auto& [change, label] : bars) chart.emplace_back(label, change / width);
        out += fmt::format("<p class=\"note\">{}, {}</p>", svg::Escape(forecasts[m].model),
                           svg::Escape(issue.id));
        out +=
            chart.empty() ? std::string("<p>no re-run gave a forecast</p>") : svg::Tornado(chart);
      }
    }
  }
  return out;
}

}  // namespace concert
