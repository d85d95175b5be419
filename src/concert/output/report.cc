#include "concert/output/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/output/svg.h"

namespace concert {
namespace {

using svg::Escape;

const char* kStyle =
    "body{font-family:sans-serif;max-width:760px;margin:auto;padding:1em;color:#222;"
    "line-height:1.4}table{border-collapse:collapse;margin:.5em 0;font-size:13px}"
    "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f4f4f4}"
    "td:first-child,th:first-child{text-align:left}h2{border-bottom:1px solid #ccc}"
    ".note{color:#555;font-size:13px}svg{display:block;margin:.5em 0}";

std::string ShortModel(const std::string& spec) { return spec.substr(0, spec.find('(')); }

// Light blue to dark blue by salience (0..1).
std::string Heat(double salience) {
  const int shade = static_cast<int>(std::round(235 - 150 * salience));
  return fmt::format("background:rgb({},{},255){}", shade, shade + 10,
                     salience > 0.6 ? ";color:#fff" : "");
}

std::string ScenarioSection(const Scenario& s) {
  std::string out = "<h2>Scenario</h2>";
  if (!s.description.empty()) out += "<p>" + Escape(s.description) + "</p>";
  out += "<table><tr><th>actor</th><th>name</th><th>capability</th></tr>";
  for (const Actor& a : s.actors) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{:.4g}</td></tr>", Escape(a.id),
                       Escape(a.name), a.capability.value);
  }
  out +=
      "</table><p class=\"note\">Positions (and saliences, shaded: darker = more salient):</p>"
      "<table><tr><th>actor</th>";
  for (const Issue& i : s.issues) out += "<th>" + Escape(i.id) + "</th>";
  out += "</tr>";
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    out += "<tr><td>" + Escape(s.actors[a].id) + "</td>";
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      const Stance* st = s.stance(a, i);
      out += st ? fmt::format("<td style=\"{}\">{:g} ({:g})</td>", Heat(st->salience.value),
                              st->position.value, st->salience.value * 100)
                : "<td>-</td>";
    }
    out += "</tr>";
  }
  out += "</table><h3>Issue scales</h3><ul>";
  for (const Issue& i : s.issues) {
    out += fmt::format("<li><b>{}</b> ({}): {:g} to {:g}", Escape(i.id), Escape(i.name),
                       i.scale_min, i.scale_max);
    for (const Anchor& a : i.anchors) {
      out += fmt::format("; {:g} = {}", a.at, Escape(a.label));
    }
    if (i.status_quo) out += fmt::format("; status quo {:g}", i.status_quo->value);
    out += "</li>";
  }
  out += "</ul>";
  if (!s.sources.empty()) {
    out += "<h3>Sources</h3><ul>";
    for (const std::string& src : s.sources) out += "<li>" + Escape(src) + "</li>";
    out += "</ul>";
  }
  return out;
}

// "Most models put the outcome near 62 (compromise 61.8, bdm 64.0); the largest
// source of uncertainty is position CHN refugees."
std::string Summary(const Scenario& s, std::size_t issue, const std::vector<Forecast>& forecasts,
                    const MonteCarloResults& mc) {
  std::vector<double> values;
  std::string list;
  for (const Forecast& f : forecasts) {
    const auto& o = f.issues[issue].outcome;
    if (!o) continue;
    values.push_back(*o);
    list += fmt::format("{}{} {:.1f}", list.empty() ? "" : ", ", ShortModel(f.model), *o);
  }
  if (values.empty()) return "No model gives an outcome on this issue.";
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::string out =
      values.size() > 1
          ? fmt::format("Most models put the outcome near {:.0f} ({}).", median, list)
          : fmt::format("The model puts the outcome at {:.1f} ({}).", values[0], list);
  for (const MonteCarloResult* r : mc) {
    if (r == nullptr || !r->issues[issue].sensitivity) continue;
    const auto& src = r->issues[issue].sensitivity->src;
    if (!src.empty()) {
      out += fmt::format(" The largest source of uncertainty is {}.", r->inputs[src[0].first]);
      break;
    }
  }
  (void)s;
  return out;
}

// Who traded with whom over the run; line thickness = the gains of their trades.
std::string TradeNetwork(const Scenario& s, const Forecast& f) {
  std::vector<std::string> nodes;
  for (const Actor& a : s.actors) nodes.push_back(a.id);
  std::vector<svg::Edge> edges;
  for (const Trade& t : f.trades) {
    const std::size_t a = std::min(t.i.actor, t.j.actor), b = std::max(t.i.actor, t.j.actor);
    auto it = std::find_if(edges.begin(), edges.end(),
                           [&](const svg::Edge& e) { return e.a == a && e.b == b; });
    if (it == edges.end()) {
      edges.push_back({a, b, t.gain});
    } else {
      it->weight += t.gain;
    }
  }
  return fmt::format(
             "<h3>{}: who traded with whom</h3><p class=\"note\">line thickness: "
             "the gains of their exchanges over all rounds</p>",
             Escape(ShortModel(f.model))) +
         svg::Network(nodes, edges);
}

std::string TradesTable(const Scenario& s, const Forecast& f) {
  std::string out = fmt::format(
      "<h3>{}: exchanges (first 30 of {})</h3><table><tr><th>round"
      "</th><th>who moves, on what</th><th>in return</th><th>gain"
      "</th></tr>",
      Escape(ShortModel(f.model)), f.trades.size());
  for (std::size_t k = 0; k < f.trades.size() && k < 30; ++k) {
    const Trade& t = f.trades[k];
    out += fmt::format(
        "<tr><td>{}</td><td>{} moves {:.1f} on {}</td><td>{} moves {:.1f} on "
        "{}</td><td>{:.3g}</td></tr>",
        t.round, Escape(s.actors[t.i.actor].id), std::abs(t.i.move),
        Escape(s.issues[t.i.supply].id), Escape(s.actors[t.j.actor].id), std::abs(t.j.move),
        Escape(s.issues[t.j.supply].id), t.gain);
  }
  return out + "</table>";
}

// The exchange model over the Monte Carlo draws: how often each trade happens.
std::string TradeFrequencyTable(const Scenario& s, const Forecast& f, const MonteCarloResult& mc) {
  std::string out = fmt::format(
      "<h3>{}: trades over {} draws (the 15 most frequent of {})</h3><table><tr><th>trade</th>"
      "<th>share of draws</th><th>mean gain</th><th>executions</th></tr>",
      Escape(ShortModel(f.model)), mc.draws, mc.trades.size());
  for (std::size_t k = 0; k < mc.trades.size() && k < 15; ++k) {
    const TradeFrequency& t = mc.trades[k];
    out += fmt::format("<tr><td>{}</td><td>{:.3f}</td><td>{:.4f}</td><td>{:.1f}</td></tr>",
                       Escape(TradeFrequencyLine(s, t)), t.share, t.mean_gain, t.mean_executions);
  }
  return out + "</table>";
}

// smp: who challenged whom (thickness: how often), and the final distinct
// positions with the probability that each prevails.
std::string ChallengeSection(const Scenario& s, const Forecast& f) {
  std::vector<std::string> nodes;
  for (const Actor& a : s.actors) nodes.push_back(a.id);
  std::vector<svg::Edge> edges;
  for (const Challenge& c : f.challenges) {
    const std::size_t a = std::min(c.initiator, c.receiver), b = std::max(c.initiator, c.receiver);
    auto it = std::find_if(edges.begin(), edges.end(),
                           [&](const svg::Edge& e) { return e.a == a && e.b == b; });
    if (it == edges.end()) {
      edges.push_back({a, b, 1.0});
    } else {
      it->weight += 1.0;
    }
  }
  std::string out = fmt::format(
      "<h3>{}: who challenged whom</h3><p class=\"note\">line thickness: the number of "
      "challenges between the two over all turns ({} in all)</p>",
      Escape(ShortModel(f.model)), f.challenges.size());
  out += svg::Network(nodes, edges);
  if (f.distinct.empty()) return out;
  const int last = f.distinct.back().round;
  out += fmt::format("<h3>{}: distinct positions after turn {}</h3><table><tr><th>held by</th>",
                     Escape(ShortModel(f.model)), last);
  for (const Issue& issue : s.issues) out += "<th>" + Escape(issue.id) + "</th>";
  out += "<th>probability it prevails</th></tr>";
  for (const DistinctPosition& d : f.distinct) {
    if (d.round != last) continue;
    std::string holders;
    for (std::size_t a : d.actors) holders += (holders.empty() ? "" : ", ") + s.actors[a].id;
    out += "<tr><td>" + Escape(holders) + "</td>";
    for (double x : d.position) out += fmt::format("<td>{:.1f}</td>", x);
    out += fmt::format("<td>{:.3f}</td></tr>", d.probability);
  }
  return out + "</table>";
}

}  // namespace

std::string ReportHtml(const Scenario& s, const std::vector<Forecast>& forecasts,
                       const MonteCarloResults& mc, const std::string& extra) {
  std::string out =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>" +
      Escape(s.name) + "</title><style>" + kStyle + "</style></head><body>";
  out += "<h1>" + Escape(s.name) + "</h1>";
  out +=
      fmt::format("<p class=\"note\">concert report; input sha256 {}; models: ", Escape(s.sha256));
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    out += (k ? ", " : "") + Escape(forecasts[k].model);
  }
  out += "</p>";
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    const Issue& issue = s.issues[i];
    out += fmt::format("<h2>{}: {}</h2><p>{}</p>", Escape(issue.id), Escape(issue.name),
                       Escape(Summary(s, i, forecasts, mc)));
    std::vector<svg::StripPoint> actors;
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      if (const Stance* st = s.stance(a, i)) actors.push_back({s.actors[a].id, st->position.value});
    }
    std::vector<svg::StripMarker> markers;
    for (const Forecast& f : forecasts) {
      if (f.issues[i].outcome) markers.push_back({ShortModel(f.model), *f.issues[i].outcome});
    }
    out += svg::StripPlot(
        issue.scale_min, issue.scale_max, actors, markers,
        issue.status_quo ? std::optional<double>(issue.status_quo->value) : std::nullopt);
    for (std::size_t k = 0; k < forecasts.size(); ++k) {
      const IssueForecast& f = forecasts[k].issues[i];
      if (f.rounds.size() > 1) {
        std::vector<svg::Series> series;
        for (std::size_t a = 0; a < s.num_actors(); ++a) {
          if (!f.rounds.front().positions[a]) continue;
          svg::Series line{s.actors[a].id, {}};
          for (const Round& r : f.rounds) line.values.push_back(r.positions[a].value_or(0));
          series.push_back(std::move(line));
        }
        out +=
            fmt::format("<h3>{}: positions by round</h3>", Escape(ShortModel(forecasts[k].model)));
        out += svg::LineChart(issue.scale_min, issue.scale_max, series);
      }
      if (k < mc.size() && mc[k] != nullptr) {
        const IssueDistribution& d = mc[k]->issues[i];
        out += fmt::format(
            "<h3>{}: outcome over {} draws</h3><p class=\"note\">mean {:.2f}, "
            "sd {:.2f}, 5-95 %: {:.2f} to {:.2f}</p>",
            Escape(ShortModel(forecasts[k].model)), d.n, d.mean, d.sd, d.quantiles.front().second,
            d.quantiles.back().second);
        if (d.n > 0) {
          out += svg::Histogram(issue.scale_min, issue.scale_max, d.values,
                                d.quantiles.front().second, d.quantiles.back().second);
        }
        if (d.sensitivity && !d.sensitivity->src.empty()) {
          std::vector<std::pair<std::string, double>> bars;
          for (std::size_t b = 0; b < d.sensitivity->src.size() && b < 8; ++b) {
            bars.emplace_back(mc[k]->inputs[d.sensitivity->src[b].first],
                              d.sensitivity->src[b].second);
          }
          out += fmt::format(
              "<p class=\"note\">what moves it (standardised regression "
              "coefficients, R² = {:.2f}):</p>",
              d.sensitivity->r_squared);
          out += svg::Tornado(bars);
        }
      }
    }
  }
  for (std::size_t k = 0; k < forecasts.size(); ++k) {
    const Forecast& f = forecasts[k];
    if (!f.trades.empty()) out += TradeNetwork(s, f) + TradesTable(s, f);
    if (k < mc.size() && mc[k] != nullptr && !mc[k]->trades.empty()) {
      out += TradeFrequencyTable(s, f, *mc[k]);
    }
    if (!f.challenges.empty()) out += ChallengeSection(s, f);
  }
  out += extra;
  out += ScenarioSection(s);
  return out + "</body></html>\n";
}

}  // namespace concert
