#include "concert/output/advice_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"
#include "concert/output/svg.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

Json Value(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
std::string Cell(const std::optional<double>& v) { return v ? CsvNumber(*v) : std::string(); }

std::string LeverLabel(const Scenario& s, const Lever& l) {
  if (l.kind == LeverKind::kCapability) return "capability";
  return fmt::format("{} on {}", LeverName(l.kind), s.issues[l.issue].id);
}

const char* Unit(LeverKind kind) {
  return kind == LeverKind::kPosition   ? "per scale point"
         : kind == LeverKind::kSalience ? "per salience point"
                                        : "per unit of capability";
}

std::string ShortModelName(const std::string& spec) { return spec.substr(0, spec.find('(')); }

struct Trade1 {
  std::size_t model;
  const Trade* trade;
  const Trade::Party* own;
  const Trade::Party* partner;
};

std::vector<Trade1> OwnTrades(const AdviceResult& r) {
  std::vector<Trade1> out;
  for (std::size_t m = 0; m < r.forecasts.size(); ++m) {
    for (const Trade& t : r.forecasts[m].trades) {
      if (t.i.actor == r.actor) out.push_back({m, &t, &t.i, &t.j});
      if (t.j.actor == r.actor) out.push_back({m, &t, &t.j, &t.i});
    }
  }
  return out;
}

struct TradePair {
  std::string label;
  int count = 0;
  double gain = 0;
};

// The exchange model's trades of the actor, by partner and pair of issues.
std::vector<TradePair> TradePairs(const Scenario& s, const AdviceResult& r) {
  std::vector<TradePair> pairs;
  for (const Trade1& t : OwnTrades(r)) {
    const std::string label = fmt::format(
        "{}: with {}, gives on {}, gets {}", ShortModelName(r.forecasts[t.model].model),
        s.actors[t.partner->actor].id, s.issues[t.own->supply].id, s.issues[t.own->demand].id);
    auto it = std::find_if(pairs.begin(), pairs.end(),
                           [&](const TradePair& p) { return p.label == label; });
    if (it == pairs.end()) it = pairs.insert(pairs.end(), {label, 0, 0.0});
    it->count += 1;
    it->gain += t.trade->gain;
  }
  return pairs;
}

}  // namespace

std::string AdviceJson(const AdviceRequest& q, const AdviceResult& r) {
  const Scenario& s = q.scenario;
  Json root;
  root["actor"] = s.actors[r.actor].id;
  if (r.issue) root["issue"] = s.issues[*r.issue].id;
  if (q.target) root["target"] = *q.target;
  Json levers = Json::array();
  for (const LeverEffect& e : r.effects) {
    Json item;
    item["model"] = r.forecasts[e.model].model;
    item["lever"] = LeverName(e.lever.kind);
    if (e.lever.kind != LeverKind::kCapability) item["lever_issue"] = s.issues[e.lever.issue].id;
    item["issue"] = s.issues[e.outcome_issue].id;
    item["derivative"] = Value(e.derivative);
    item["method"] = e.analytic ? "analytic" : "finite difference";
    if (!e.analytic) {
      item["step"] = e.step;
      item["left"] = Value(e.left);
      item["right"] = Value(e.right);
    }
    item["smooth"] = e.smooth;
    levers.push_back(item);
  }
  root["levers"] = levers;
  if (r.models_agree) {
    Json best = Json::array();
    for (const BestMove& b : r.best) {
      Json item;
      item["model"] = r.forecasts[b.model].model;
      item["lever"] = LeverName(b.lever.kind);
      if (b.lever.kind != LeverKind::kCapability) item["lever_issue"] = s.issues[b.lever.issue].id;
      item["from"] = b.from;
      item["to"] = b.to;
      item["outcome"] = Value(b.outcome);
      item["base_outcome"] = Value(b.base_outcome);
      item["distance"] = std::isfinite(b.distance) ? Json(b.distance) : Json(nullptr);
      item["base_distance"] =
          std::isfinite(b.base_distance) ? Json(b.base_distance) : Json(nullptr);
      item["improves"] = b.improves;
      best.push_back(item);
    }
    root["best"] = best;
    root["models_agree"] = *r.models_agree;
  }
  Json trades = Json::array();
  for (const Trade1& t : OwnTrades(r)) {
    trades.push_back({{"model", r.forecasts[t.model].model},
                      {"round", t.trade->round},
                      {"partner", s.actors[t.partner->actor].id},
                      {"gives", s.issues[t.own->supply].id},
                      {"gets", s.issues[t.own->demand].id},
                      {"gain", t.trade->gain}});
  }
  root["trades"] = trades;
  return root.dump(2) + "\n";
}

std::string AdviceCsv(const AdviceRequest& q, const AdviceResult& r, const std::string& table) {
  const Scenario& s = q.scenario;
  auto lever_issue = [&](const Lever& l) {
    return l.kind == LeverKind::kCapability ? std::string() : CsvField(s.issues[l.issue].id);
  };
  if (table == "best") {
    if (!r.models_agree) {
      throw InputError({"", 0, "table"}, "table best needs a target (--target)");
    }
    std::string out =
        "model,lever,lever_issue,from,to,outcome,base_outcome,distance,base_distance,improves\n";
    for (const BestMove& b : r.best) {
      out +=
          fmt::format("{},{},{},{},{},{},{},{},{},{}\n", CsvField(r.forecasts[b.model].model),
                      LeverName(b.lever.kind), lever_issue(b.lever), CsvNumber(b.from),
                      CsvNumber(b.to), Cell(b.outcome), Cell(b.base_outcome), CsvNumber(b.distance),
                      CsvNumber(b.base_distance), b.improves ? "true" : "false");
    }
    return out;
  }
  if (table != "levers") {
    throw InputError({"", 0, "table"},
                     fmt::format("unknown table '{}'; expected levers or best", table));
  }
  std::string out = "model,lever,lever_issue,issue,derivative,method,step,left,right,smooth\n";
  for (const LeverEffect& e : r.effects) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", CsvField(r.forecasts[e.model].model),
                       LeverName(e.lever.kind), lever_issue(e.lever),
                       CsvField(s.issues[e.outcome_issue].id), Cell(e.derivative),
                       e.analytic ? "analytic" : "finite difference",
                       e.analytic ? std::string() : CsvNumber(e.step), Cell(e.left), Cell(e.right),
                       e.smooth ? "true" : "false");
  }
  return out;
}

std::string AdviceText(const AdviceRequest& q, const AdviceResult& r) {
  const Scenario& s = q.scenario;
  std::string out = fmt::format(
      "Levers of {} ({}): the change of each outcome per unit of its "
      "own position, salience and capability\n",
      s.actors[r.actor].id, s.actors[r.actor].name);
  for (std::size_t m = 0; m < r.forecasts.size(); ++m) {
    out += fmt::format("\n{}\n", r.forecasts[m].model);
    for (const LeverEffect& e : r.effects) {
      if (e.model != m) continue;
      if (e.derivative && *e.derivative == 0 && e.smooth) continue;  // no effect: left out
      out += fmt::format(
          "  {:<26} -> {:<14} {:>10}  {}{}\n", LeverLabel(s, e.lever), s.issues[e.outcome_issue].id,
          e.derivative ? fmt::format("{:+.4f}", *e.derivative) : "none", Unit(e.lever.kind),
          e.smooth ? ""
                   : fmt::format("  (not smooth: {} left, {} right)",
                                 e.left ? fmt::format("{:+.3f}", *e.left) : "-",
                                 e.right ? fmt::format("{:+.3f}", *e.right) : "-"));
    }
  }
  out +=
      "\n(levers with no effect are left out; finite differences step 1 % of the scale, 1 "
      "salience point, 1 % of the capability; the compromise is exact)\n";
  if (r.models_agree) {
    out += fmt::format("\nBest single move toward {} = {:g}:\n", s.issues[*r.issue].id, *q.target);
    for (const BestMove& b : r.best) {
      if (!b.improves) {
        out += fmt::format("  {}: no move within the bounds brings it closer (now {})\n",
                           r.forecasts[b.model].model,
                           b.base_outcome ? fmt::format("{:.2f}", *b.base_outcome) : "none");
        continue;
      }
      out += fmt::format("  {}: {} from {:.4g} to {:.4g}: outcome {:.2f} -> {:.2f}\n",
                         r.forecasts[b.model].model, LeverLabel(s, b.lever), b.from, b.to,
                         *b.base_outcome, *b.outcome);
    }
    out += *r.models_agree ? "The models agree on the lever and its direction.\n"
                           : "The models do not agree on the lever and its direction.\n";
  }
  const std::vector<TradePair> pairs = TradePairs(s, r);
  if (!pairs.empty()) {
    out += "\nTrades it makes (models that trade): gives ground on one issue, gains on another\n";
    for (const TradePair& p : pairs) {
      out += fmt::format("  {}: {} trade{}, gain {:.4f}\n", p.label, p.count,
                         p.count == 1 ? "" : "s", p.gain);
    }
  }
  return out;
}

namespace {

// The standard move of each lever, for the report's bars: 10 % of the issue's
// scale, 10 salience points, 10 % of the capability.
double StandardMove(const Scenario& s, std::size_t actor, const Lever& l) {
  if (l.kind == LeverKind::kPosition) {
    return 0.1 * (s.issues[l.issue].scale_max - s.issues[l.issue].scale_min);
  }
  if (l.kind == LeverKind::kSalience) return 10;
  return 0.1 * s.actors[actor].capability.value;
}

}  // namespace

std::string AdviceReportSection(const AdviceRequest& q, const AdviceResult& r) {
  const Scenario& s = q.scenario;
  const Actor& a = s.actors[r.actor];
  std::string out = fmt::format(
      "<h2>What {} could do</h2><p class=\"note\">How far each model's outcome moves when {} "
      "changes one thing of its own: its position on an issue by 10 % of the scale, a salience "
      "by 10 points, or its capability by 10 %. Bars are the change as a share of the outcome "
      "issue's scale (points in each label), from the derivative (exact for the compromise, "
      "central differences elsewhere); &#8224; marks a lever where the model is not smooth (the "
      "one-sided slopes differ), so the bar is only indicative.</p>",
      svg::Escape(a.id), svg::Escape(a.name.empty() ? a.id : a.name));
  for (std::size_t m = 0; m < r.forecasts.size(); ++m) {
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      if (r.issue && *r.issue != i) continue;
      const Issue& issue = s.issues[i];
      const double width = issue.scale_max - issue.scale_min;
      std::vector<std::pair<double, std::string>> bars;
      for (const LeverEffect& e : r.effects) {
        if (e.model != m || e.outcome_issue != i || !e.derivative) continue;
        if (*e.derivative == 0 && e.smooth) continue;
        const double move = StandardMove(s, r.actor, e.lever);
        const double change = *e.derivative * move;
        bars.emplace_back(change, fmt::format("{} {:+.3g}{} ({:+.1f})", LeverLabel(s, e.lever),
                                              move, e.smooth ? "" : " \u2020", change));
      }
      std::stable_sort(bars.begin(), bars.end(), [](const auto& x, const auto& y) {
        return std::abs(x.first) > std::abs(y.first);
      });
      if (bars.size() > 8) bars.resize(8);
      std::vector<std::pair<std::string, double>> chart;
      chart.reserve(bars.size());
      for (const auto& [change, label] : bars) {
        chart.emplace_back(label, std::clamp(change / width, -1.0, 1.0));
      }
      out += fmt::format("<p class=\"note\">{}, {}</p>", svg::Escape(r.forecasts[m].model),
                         svg::Escape(issue.id));
      out += chart.empty()
                 ? std::string(
                       "<p>no small change of a lever moves this outcome: the model is flat here "
                       "(the best move, with a target, looks further)</p>")
                 : svg::Tornado(chart);
    }
  }
  if (r.models_agree) {
    out += fmt::format(
        "<h3>Best single move toward {} = {:g}</h3><table><tr><th>model</th><th>lever</th>"
        "<th>from</th><th>to</th><th>outcome before</th><th>after</th></tr>",
        svg::Escape(s.issues[*r.issue].id), *q.target);
    for (const BestMove& b : r.best) {
      const std::string before = b.base_outcome ? fmt::format("{:.2f}", *b.base_outcome) : "none";
      if (!b.improves) {
        out += fmt::format(
            "<tr><td>{}</td><td colspan=\"3\">no move within the bounds brings it closer</td>"
            "<td>{}</td><td></td></tr>",
            svg::Escape(ShortModelName(r.forecasts[b.model].model)), before);
        continue;
      }
      out += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{:.4g}</td><td>{:.4g}</td><td>{}</td><td>{:.2f}</td></tr>",
          svg::Escape(ShortModelName(r.forecasts[b.model].model)),
          svg::Escape(LeverLabel(s, b.lever)), b.from, b.to, before, *b.outcome);
    }
    out += fmt::format("</table><p>{}</p>", *r.models_agree
                                                ? "The models agree on the lever and its direction."
                                                : "The models do not agree on the lever and its "
                                                  "direction.");
  }
  const std::vector<TradePair> pairs = TradePairs(s, r);
  if (!pairs.empty()) {
    out += "<h3>Trades it makes</h3><table><tr><th>trade</th><th>count</th><th>gain</th></tr>";
    for (const TradePair& p : pairs) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{:.4f}</td></tr>", svg::Escape(p.label),
                         p.count, p.gain);
    }
    out += "</table>";
  }
  return out;
}

}  // namespace concert
