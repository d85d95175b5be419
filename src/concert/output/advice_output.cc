#include "concert/output/advice_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"

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
  // The exchange model's trades of the actor, by partner and pair of issues.
  std::vector<std::pair<std::string, std::pair<int, double>>> pairs;  // label, count, gain
  for (const Trade1& t : OwnTrades(r)) {
    const std::string label = fmt::format(
        "{}: with {}, gives on {}, gets {}", ShortModelName(r.forecasts[t.model].model),
        s.actors[t.partner->actor].id, s.issues[t.own->supply].id, s.issues[t.own->demand].id);
    auto it =
        std::find_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == label; });
    if (it == pairs.end()) it = pairs.insert(pairs.end(), {label, {0, 0.0}});
    it->second.first += 1;
    it->second.second += t.trade->gain;
  }
  if (!pairs.empty()) {
    out += "\nTrades it makes (models that trade): gives ground on one issue, gains on another\n";
    for (const auto& [label, count_gain] : pairs) {
      out += fmt::format("  {}: {} trade{}, gain {:.4f}\n", label, count_gain.first,
                         count_gain.first == 1 ? "" : "s", count_gain.second);
    }
  }
  return out;
}

}  // namespace concert
