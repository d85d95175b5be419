// concert/output/sweep_output.cc — store tables as CSV/JSON, and the sweep page (sweep_output.h).
#include "concert/output/sweep_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"
#include "concert/output/simulate_report.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

std::string CellCsv(const StoreCell& cell) {
  if (std::holds_alternative<std::int64_t>(cell)) {
    return std::to_string(std::get<std::int64_t>(cell));
  }
  if (std::holds_alternative<double>(cell)) return CsvNumber(std::get<double>(cell));
  if (std::holds_alternative<std::string>(cell)) return CsvField(std::get<std::string>(cell));
  return "";
}

nlohmann::ordered_json CellJson(const StoreCell& cell) {
  if (std::holds_alternative<std::int64_t>(cell)) return std::get<std::int64_t>(cell);
  if (std::holds_alternative<double>(cell)) return std::get<double>(cell);
  if (std::holds_alternative<std::string>(cell)) return std::get<std::string>(cell);
  return nullptr;
}

std::size_t Column(const StoreTable& table, const std::string& name) {
  const auto it = std::find(table.columns.begin(), table.columns.end(), name);
  return static_cast<std::size_t>(it - table.columns.begin());
}

std::string Text(const StoreCell& cell) {
  return std::holds_alternative<std::string>(cell) ? std::get<std::string>(cell) : "";
}

bool AsNumber(const StoreCell& cell, double* value) {
  if (std::holds_alternative<double>(cell)) {
    *value = std::get<double>(cell);
    return true;
  }
  if (std::holds_alternative<std::int64_t>(cell)) {
    *value = static_cast<double>(std::get<std::int64_t>(cell));
    return true;
  }
  return false;
}

struct Line {
  std::string model, label;
  std::map<double, std::pair<double, std::size_t>> sum;  // x -> (sum of y, count)
  std::vector<std::pair<double, double>> points;
};

// Outcome (y) against a varied number (x): lines of means, dots of jobs.
std::string ParameterChart(const std::string& x_label, const std::vector<Line>& lines) {
  double x_low = 1e300, x_high = -1e300, y_low = 1e300, y_high = -1e300;
  for (const Line& line : lines) {
    for (const auto& [x, y] : line.points) {
      x_low = std::min(x_low, x), x_high = std::max(x_high, x);
      y_low = std::min(y_low, y), y_high = std::max(y_high, y);
    }
  }
  if (x_low == x_high) x_low -= 1, x_high += 1;
  if (y_low == y_high) y_low -= 1, y_high += 1;
  const std::vector<double> xt = svg::NiceTicks(x_low, x_high), yt = svg::NiceTicks(y_low, y_high);
  x_low = std::min(x_low, xt.front()), x_high = std::max(x_high, xt.back());
  y_low = std::min(y_low, yt.front()), y_high = std::max(y_high, yt.back());
  const double width = 560, height = 260, left = 50, right = 150, top = 12, bottom = 40;
  auto px = [&](double x) {
    return left + (x - x_low) / (x_high - x_low) * (width - left - right);
  };
  auto py = [&](double y) {
    return height - bottom - (y - y_low) / (y_high - y_low) * (height - top - bottom);
  };
  std::string out = fmt::format(
      "<svg viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "font-family=\"sans-serif\" font-size=\"12\">",
      width, height, width, height);
  for (double t : yt) {
    out += fmt::format(
        "<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        left, width - right, py(t), py(t), left - 4, py(t) + 4, svg::TickLabel(t));
  }
  for (double t : xt) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", px(t),
                       height - bottom + 16, svg::TickLabel(t));
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>",
                     (left + width - right) / 2, height - 6, svg::Escape(x_label));
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    const char* colour = svg::Colour(k);
    for (const auto& [x, y] : line.points) {
      out += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2\" fill=\"{}\" fill-opacity=\"0.25\"/>", px(x),
          py(y), colour);
    }
    std::string path;
    for (const auto& [x, sum] : line.sum) {
      const double y = sum.first / static_cast<double>(sum.second);
      path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", px(x), py(y));
    }
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", path,
                       colour);
  }
  std::vector<double> ends;
  for (const Line& line : lines) {
    const auto& last = line.sum.rbegin()->second;
    ends.push_back(py(last.first / static_cast<double>(last.second)));
  }
  const std::vector<double> at = svg::SpreadLabels(ends, 14, top, height - bottom);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>", width - right + 6,
                       at[k] + 4, svg::Colour(k), svg::Escape(lines[k].label));
  }
  return out + "</svg>";
}

// A model's name without its parameters, unless two specs of the sweep share it.
std::string ShortName(const std::string& spec, const std::vector<std::string>& specs) {
  std::string name = spec.substr(0, spec.find('('));
  for (const std::string& other : specs) {
    if (other != spec && other.substr(0, other.find('(')) == name) return spec;
  }
  return name;
}

}  // namespace

std::string StoreTableCsv(const StoreTable& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out += (c > 0 ? "," : "") + CsvField(table.columns[c]);
  }
  out += "\n";
  for (const std::vector<StoreCell>& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c > 0 ? "," : "") + CellCsv(row[c]);
    out += "\n";
  }
  return out;
}

std::string StoreTablesJson(const std::string& store_path, const std::vector<StoreTable>& tables) {
  nlohmann::ordered_json root;
  root["schema_version"] = kStoreSchemaVersion;
  root["store"] = store_path;
  root["tables"] = nlohmann::ordered_json::object();
  for (const StoreTable& table : tables) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const std::vector<StoreCell>& row : table.rows) {
      nlohmann::ordered_json object;
      for (std::size_t c = 0; c < row.size(); ++c) object[table.columns[c]] = CellJson(row[c]);
      rows.push_back(std::move(object));
    }
    root["tables"][table.name] = std::move(rows);
  }
  return root.dump(2) + "\n";
}

namespace {

// Lines of `value` against the varied `path`, one per `group` (model or
// design), over the rows whose `filter` column equals `filter_value` (no
// filter when empty).
std::vector<Line> Lines(const StoreTable& table, const std::string& path, const std::string& group,
                        const std::string& value, const std::string& filter,
                        const std::string& filter_value, const std::vector<std::string>& groups) {
  const std::size_t path_col = Column(table, path), group_col = Column(table, group);
  const std::size_t value_col = Column(table, value), filter_col = Column(table, filter);
  std::vector<Line> lines;
  const std::size_t model_col = Column(table, "model");
  for (const std::vector<StoreCell>& row : table.rows) {
    double x = 0, y = 0;
    // A simulate job's outcomes are its agreement, not a forecast: left out.
    if (group == "model" && Text(row[model_col]) == "simulate") continue;
    if ((!filter.empty() && Text(row[filter_col]) != filter_value) ||
        !AsNumber(row[path_col], &x) || !AsNumber(row[value_col], &y)) {
      continue;
    }
    const std::string key = Text(row[group_col]);
    auto line =
        std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.model == key; });
    if (line == lines.end()) {
      line = lines.insert(lines.end(), Line{key, ShortName(key, groups), {}, {}});
    }
    line->points.emplace_back(x, y);
    line->sum[x].first += y;
    line->sum[x].second += 1;
  }
  return lines;
}

std::vector<std::string> Distinct(const StoreTable& table, const std::string& column) {
  std::vector<std::string> values;
  const std::size_t c = Column(table, column);
  for (const std::vector<StoreCell>& row : table.rows) {
    const std::string value = Text(row[c]);
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
  }
  return values;
}

}  // namespace

std::string SweepReportHtml(const std::string& store_path, const StoreTable& outcomes,
                            const StoreTable& designs, const StoreTable& runs) {
  std::string name = store_path;
  if (!runs.rows.empty()) name = Text(runs.rows.back()[Column(runs, "sweep_name")]);
  const std::vector<std::string> issues = Distinct(outcomes, "issue");
  const std::vector<std::string> models = Distinct(outcomes, "model");
  const std::vector<std::string> design_names = Distinct(designs, "design");
  std::size_t jobs = 0;
  std::int64_t last_job = -1;
  for (const std::vector<StoreCell>& row : outcomes.rows) {
    if (std::get<std::int64_t>(row[0]) != last_job) {
      ++jobs;
      last_job = std::get<std::int64_t>(row[0]);
    }
  }
  std::string body = fmt::format(
      "<h1>Sweep: {}</h1><p>Store <code>{}</code>: {} jobs, {} varied numbers. Each chart shows "
      "an issue's point forecast against one varied number: a line per model through the mean over "
      "the jobs with that value (the "
      "other variations, seeds and scenarios pooled), and each job's outcome as a faint dot. "
      "For <code>simulate</code> jobs, a chart shows the share of draws in which the agreement "
      "held, a line per design. The tables behind them: <code>concert results {} --table "
      "outcomes</code> (and <code>--table designs</code>).</p>",
      svg::Escape(name), svg::Escape(store_path), jobs, outcomes.varied.size(),
      svg::Escape(store_path));
  body += "<p>Models:</p><ul>";
  for (const std::string& model : models) {
    body += "<li><code>" + svg::Escape(model) + "</code></li>";
  }
  body += "</ul>";
  if (outcomes.varied.empty()) {
    body +=
        "<p>The sweep varies no number (only models, seeds or scenarios), so there is nothing "
        "to chart against; see the outcomes table.</p>";
  }
  for (const std::string& path : outcomes.varied) {
    body += fmt::format("<h2><code>{}</code></h2>", svg::Escape(path));
    for (const std::string& issue : issues) {
      const std::vector<Line> lines =
          Lines(outcomes, path, "model", "outcome", "issue", issue, models);
      if (lines.empty()) continue;
      body += fmt::format("<h3>{}</h3>", svg::Escape(issue)) + ParameterChart(path, lines);
    }
    if (designs.rows.empty()) continue;
    const std::vector<Line> held = Lines(designs, path, "design", "held", "", "", design_names);
    if (held.empty()) continue;
    body += "<h3>Share of draws in which the agreement held (simulate), per design</h3>" +
            ParameterChart(path, held);
  }
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         svg::Escape(name) + "</title><style>" + std::string(kPageStyle) + "</style></head><body>" +
         body + "</body></html>\n";
}

}  // namespace concert
