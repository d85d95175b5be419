#include "concert/output/order_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

constexpr OrderPath kPaths[] = {OrderPath::kPostHegemonic, OrderPath::kRenegotiated,
                                OrderPath::kBlocs};

Json SensitivityJson(const OrderResult& r, const Sensitivity& s) {
  Json inputs = Json::array();
  for (const auto& [input, src] : s.src)
    inputs.push_back({{"name", r.inputs[input]}, {"src", src}});
  return {{"r_squared", s.r_squared}, {"inputs", inputs}};
}

}  // namespace

const char* Table2CellName(int order_disappears, int leadership_challenged) {
  static const char* const names[2][2] = {
      {"order_persists_leadership_persists", "order_persists_leadership_challenged"},
      {"order_disappears_leadership_persists", "order_disappears_leadership_challenged"}};
  return names[order_disappears][leadership_challenged];
}

std::vector<std::string> OrderCsvTables() { return {"actors", "system", "cells", "sensitivity"}; }

std::string OrderJson(const OrderResult& r) {
  Json root;
  root["scenario"] = {{"name", r.name}, {"file", r.file}, {"sha256", r.sha256}};
  root["preset"] = r.preset.empty() ? Json(nullptr) : Json(r.preset);
  root["seed"] = r.seed;
  root["draws"] = r.draws;
  root["cancelled"] = r.cancelled;
  root["relative_gains"] = r.relative_gains ? Json(*r.relative_gains) : Json(nullptr);
  root["leader"] = r.leader;
  root["base_year"] = r.base_year;
  root["thresholds"] = {{"support", r.thresholds.support},
                        {"parity", r.thresholds.parity},
                        {"hegemony", r.thresholds.hegemony}};
  Json actors = Json::array();
  for (std::size_t i = 0; i < r.actors.size(); ++i) {
    actors.push_back({{"id", r.actors[i]}, {"name", r.names[i]}});
  }
  root["actors"] = actors;
  Json years = Json::array();
  for (const OrderYearSummary& y : r.years) {
    Json per = Json::array();
    for (std::size_t i = 0; i < y.actors.size(); ++i) {
      const OrderActorYear& a = y.actors[i];
      per.push_back({{"id", r.actors[i]},
                     {"economic", a.economic},
                     {"military", a.military},
                     {"capability", a.capability},
                     {"capability_sd", a.capability_sd},
                     {"voice", a.voice},
                     {"support", a.stance[0]},
                     {"free_ride", a.stance[1]},
                     {"challenge", a.stance[2]}});
    }
    years.push_back({{"year", y.year},
                     {"projected", y.projected},
                     {"con", y.con},
                     {"support", y.support},
                     {"order_holds", y.holds},
                     {"leader_provides", y.leader_provides},
                     {"challenge", y.challenge},
                     {"actors", per}});
  }
  root["years"] = years;
  Json table2 = Json::object();
  for (int d = 0; d < 2; ++d) {
    for (int c = 0; c < 2; ++c) table2[Table2CellName(d, c)] = r.table2[d][c];
  }
  root["table2"] = table2;
  Json paths = Json::object();
  for (OrderPath p : kPaths) paths[OrderPathName(p)] = r.paths[static_cast<int>(p)];
  root["paths"] = paths;
  root["first_challenge_mean"] =
      r.first_challenge_mean > 0 ? Json(r.first_challenge_mean) : Json(nullptr);
  if (r.persists_sensitivity && r.challenged_sensitivity) {
    root["sensitivity"] = {
        {"order_persists", SensitivityJson(r, *r.persists_sensitivity)},
        {"leadership_challenged", SensitivityJson(r, *r.challenged_sensitivity)}};
  }
  return root.dump(2) + "\n";
}

std::string OrderCsv(const OrderResult& r, const std::string& table) {
  std::string out;
  if (table == "actors") {
    out =
        "year,projected,actor,economic,military,capability,capability_sd,voice,support,"
        "free_ride,challenge\n";
    for (const OrderYearSummary& y : r.years) {
      for (std::size_t i = 0; i < y.actors.size(); ++i) {
        const OrderActorYear& a = y.actors[i];
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", y.year, y.projected ? 1 : 0,
                           CsvField(r.actors[i]), a.economic, a.military, a.capability,
                           a.capability_sd, a.voice, a.stance[0], a.stance[1], a.stance[2]);
      }
    }
  } else if (table == "system") {
    out = "year,projected,con,support,order_holds,leader_provides,challenge\n";
    for (const OrderYearSummary& y : r.years) {
      out += fmt::format("{},{},{},{},{},{},{}\n", y.year, y.projected ? 1 : 0, y.con, y.support,
                         y.holds, y.leader_provides, y.challenge);
    }
  } else if (table == "cells") {
    out = "classification,cell,share\n";
    for (int d = 0; d < 2; ++d) {
      for (int c = 0; c < 2; ++c) {
        out += fmt::format("table2,{},{}\n", Table2CellName(d, c), r.table2[d][c]);
      }
    }
    for (OrderPath p : kPaths) {
      out += fmt::format("paths,{},{}\n", OrderPathName(p), r.paths[static_cast<int>(p)]);
    }
  } else if (table == "sensitivity") {
    out = "outcome,input,src,r_squared\n";
    const std::pair<const char*, const std::optional<Sensitivity>*> outcomes[] = {
        {"order_persists", &r.persists_sensitivity},
        {"leadership_challenged", &r.challenged_sensitivity}};
    for (const auto& [name, s] : outcomes) {
      if (!*s) continue;
      for (const auto& [input, src] : (*s)->src) {
        out += fmt::format("{},{},{},{}\n", name, CsvField(r.inputs[input]), src, (*s)->r_squared);
      }
    }
  } else {
    throw InputError({"", 0, "table"}, fmt::format("unknown table '{}'; expected one of: {}", table,
                                                   fmt::join(OrderCsvTables(), ", ")));
  }
  return out;
}

std::string OrderText(const OrderResult& r) {
  std::string out = fmt::format("{}\n", r.name.empty() ? r.file : r.name);
  out += fmt::format("order model: leader {}, data to {}, {}{}\n", r.leader, r.base_year,
                     r.draws ? fmt::format("{} draws (seed {})", r.draws, r.seed)
                             : std::string("central values, one run"),
                     r.preset.empty() ? "" : ", preset " + r.preset);
  if (r.relative_gains)
    out += fmt::format("relative-gains weight of every actor: {}\n", *r.relative_gains);
  if (r.cancelled) out += "interrupted: the figures summarise the draws completed\n";
  out +=
      "\ncapability share by year (* projected); P(challenge) = share of draws with a challenge\n";
  out += fmt::format("{:<6}", "year");
  for (const std::string& id : r.actors) out += fmt::format("{:>7}", id);
  out += fmt::format("{:>7}{:>9}{:>8}{:>11}\n", "CON", "support", "holds", "challenge");
  for (const OrderYearSummary& y : r.years) {
    out += fmt::format("{:<4}{:<2}", y.year, y.projected ? "*" : "");
    for (const OrderActorYear& a : y.actors) out += fmt::format("{:>7.3f}", a.capability);
    out +=
        fmt::format("{:>7.3f}{:>9.3f}{:>8.3f}{:>11.3f}\n", y.con, y.support, y.holds, y.challenge);
  }
  const OrderYearSummary& last = r.years.back();
  out +=
      fmt::format("\nstances in {} (share of draws: support / free ride / challenge)\n", last.year);
  for (std::size_t i = 0; i < last.actors.size(); ++i) {
    const OrderActorYear& a = last.actors[i];
    out += fmt::format("  {:<6} {:.3f} / {:.3f} / {:.3f}   voice {:.3f}\n", r.actors[i],
                       a.stance[0], a.stance[1], a.stance[2], a.voice);
  }
  out += fmt::format("\nTable 2 in {} (share of draws)\n", last.year);
  out += fmt::format("  {:<24}{:>12}{:>12}\n", "US leadership:", "persists", "challenged");
  out +=
      fmt::format("  {:<24}{:>12.3f}{:>12.3f}\n", "order persists", r.table2[0][0], r.table2[0][1]);
  out += fmt::format("  {:<24}{:>12.3f}{:>12.3f}\n", "order disappears", r.table2[1][0],
                     r.table2[1][1]);
  out += "\nIkenberry's three paths\n";
  for (OrderPath p : kPaths) {
    out += fmt::format("  {:<16}{:>8.3f}\n", OrderPathName(p), r.paths[static_cast<int>(p)]);
  }
  if (r.first_challenge_mean > 0) {
    out += fmt::format("\nmean year of the first challenge (draws with one): {:.1f}\n",
                       r.first_challenge_mean);
  }
  const std::pair<const char*, const std::optional<Sensitivity>*> outcomes[] = {
      {"order persists", &r.persists_sensitivity},
      {"leadership challenged", &r.challenged_sensitivity}};
  for (const auto& [name, s] : outcomes) {
    if (!*s) continue;
    out += fmt::format("\nwhat drives '{}' (standardised regression coefficients, R^2 {:.2f})\n",
                       name, (*s)->r_squared);
    const std::size_t shown = std::min<std::size_t>(8, (*s)->src.size());
    for (std::size_t k = 0; k < shown; ++k) {
      out += fmt::format("  {:<28}{:>8.3f}\n", r.inputs[(*s)->src[k].first], (*s)->src[k].second);
    }
  }
  return out;
}

std::string OrderPresetsText(const OrderSpec& spec) {
  std::string out;
  for (const OrderPreset& p : spec.presets) {
    out += fmt::format("{}\n  {}\n  source: {}\n", p.name, p.description, p.source);
  }
  return out.empty() ? "the order section defines no presets\n" : out;
}

}  // namespace concert
