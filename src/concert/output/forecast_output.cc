#include "concert/output/forecast_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "concert/models/registry.h"
#include "concert/output/challenge_output.h"
#include "concert/output/monte_carlo_output.h"
#include "concert/output/sobol_output.h"
#include "concert/output/what_if_output.h"

namespace concert {

std::string CsvField(const std::string& field);

namespace {

using Json = nlohmann::ordered_json;

Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
std::string Num(const std::optional<double>& v) { return v ? CsvNumber(*v) : ""; }

// Per actor: the model's named values, and the offer it took and from whom.
Json Details(const Scenario& scenario, const Round& r) {
  Json actors = Json::object();
  for (std::size_t a = 0; a < r.details.size(); ++a) {
    if (!r.details[a]) continue;
    const ActorDetail& d = *r.details[a];
    Json item = Json::object();
    for (const auto& [name, value] : d.values) item[name] = value;
    if (!d.offer.empty()) item["offer"] = d.offer;
    if (d.from) item["from"] = scenario.actors[*d.from].id;
    actors[scenario.actors[a].id] = std::move(item);
  }
  return actors;
}

// A column header: the spec without its default parameters (the notes and
// path tables spell it out in full).
std::string Label(const std::string& spec) { return ShortSpec(spec); }

// Rounds down, the outcome, the model's values and (up to kMaxPathActors actors)
// every actor's position across.
constexpr std::size_t kMaxPathActors = 12;

std::string PathTable(const Scenario& scenario, const std::string& model,
                      const IssueForecast& issue) {
  std::vector<std::size_t> actors;
  for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
    if (issue.rounds.front().positions[a]) actors.push_back(a);
  }
  const bool all = actors.size() <= kMaxPathActors;
  std::string out = fmt::format(
      "\n{} on {}: path by round{}\n", model, scenario.issues[issue.issue].id,
      all ? ""
          : fmt::format(" ({} actors; every position in the JSON or CSV output)", actors.size()));
  if (issue.cycle) {
    out += fmt::format(
        "  cycles with period {} from round {}: the outcome is the last round's and depends on "
        "the number of rounds\n",
        issue.cycle->period, issue.cycle->from_round);
  }
  out += fmt::format("{:>5}  {:>9}", "round", "outcome");
  // The round values' columns: those of the round that has most (round 0, the
  // input, usually has none).
  const Values* columns = &issue.rounds.front().values;
  for (const Round& r : issue.rounds) {
    if (r.values.size() > columns->size()) columns = &r.values;
  }
  for (const auto& [name, value] : *columns) out += fmt::format("  {:>9}", name.substr(0, 9));
  if (all) {
    for (std::size_t a : actors) out += fmt::format("  {:>9}", scenario.actors[a].id.substr(0, 9));
  }
  out += "\n";
  for (const Round& r : issue.rounds) {
    out +=
        fmt::format("{:>5}  {:>9}", r.round, r.outcome ? fmt::format("{:.3f}", *r.outcome) : "-");
    for (const auto& column : *columns) {
      const auto it = std::find_if(r.values.begin(), r.values.end(),
                                   [&](const auto& v) { return v.first == column.first; });
      out += it == r.values.end() ? fmt::format("  {:>9}", "-")
                                  : fmt::format("  {:>9.3f}", it->second);
    }
    if (all) {
      for (std::size_t a : actors) {
        std::string cell = r.positions[a] ? fmt::format("{:.3f}", *r.positions[a]) : "-";
        // A mark for actors that moved this round on someone's offer.
        if (a < r.details.size() && r.details[a] && !r.details[a]->offer.empty()) cell += "*";
        out += fmt::format("  {:>9}", cell);
      }
    }
    out += "\n";
  }
  if (all) out += "(* = moved this round on another actor's offer)\n";
  return out;
}

Json Trades(const Scenario& scenario, const Forecast& forecast) {
  Json list = Json::array();
  auto party = [&](const Trade::Party& p) {
    return Json{{"actor", scenario.actors[p.actor].id},
                {"supply", scenario.issues[p.supply].id},
                {"demand", scenario.issues[p.demand].id},
                {"start", p.start},
                {"before", p.before},
                {"after", p.after},
                {"move", p.move}};
  };
  for (const Trade& t : forecast.trades) {
    Json item = {{"round", t.round},
                 {"order", t.order},
                 {"i", party(t.i)},
                 {"j", party(t.j)},
                 {"gain", t.gain}};
    for (const auto& [name, value] : t.values) item[name] = value;
    list.push_back(std::move(item));
  }
  return list;
}

// The exchanges in words, the first kMaxTrades of them, then each actor's totals.
constexpr std::size_t kMaxTrades = 40;

std::string TradesText(const Scenario& scenario, const Forecast& f) {
  std::string out = fmt::format("\n{}: {} exchanges{}\n", f.model, f.trades.size(),
                                f.trades.size() > kMaxTrades
                                    ? fmt::format(" (the first {}; all in the JSON output or "
                                                  "the CSV table exchanges)",
                                                  kMaxTrades)
                                    : "");
  for (std::size_t k = 0; k < f.trades.size() && k < kMaxTrades; ++k) {
    const Trade& t = f.trades[k];
    const std::string& i = scenario.actors[t.i.actor].id;
    const std::string& j = scenario.actors[t.j.actor].id;
    // Randomised exchange rates give the two different gains.
    const auto gain_i = std::find_if(t.values.begin(), t.values.end(),
                                     [](const auto& v) { return v.first == "gain_i"; });
    const auto gain_j = std::find_if(t.values.begin(), t.values.end(),
                                     [](const auto& v) { return v.first == "gain_j"; });
    const std::string gains =
        gain_i != t.values.end() && gain_j != t.values.end()
            ? fmt::format("gains {:.3g} ({}) and {:.3g} ({})", gain_i->second, i, gain_j->second, j)
            : fmt::format("gain {:.3g} each", t.gain);
    out += fmt::format(
        "  round {}, #{}: {} moves {:.2f} toward {} on {}; {} moves {:.2f} toward "
        "{} on {}; {}\n",
        t.round, t.order, i, std::abs(t.i.move), j, scenario.issues[t.i.supply].id, j,
        std::abs(t.j.move), i, scenario.issues[t.j.supply].id, gains);
  }
  if (!f.summary.empty()) {
    out += fmt::format("\n{}: totals per actor\n{:<12}", f.model, "actor");
    for (const auto& [name, value] : f.summary.front().values) out += fmt::format(" {:>15}", name);
    out += "\n";
    for (const ActorSummary& s : f.summary) {
      out += fmt::format("{:<12}", scenario.actors[s.actor].id.substr(0, 12));
      for (const auto& [name, value] : s.values) out += fmt::format(" {:>15.4f}", value);
      out += "\n";
    }
  }
  return out;
}

}  // namespace

std::string CsvField(const std::string& field) {
  const bool formula =
      !field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos;
  if (!formula && field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = formula ? "\"'" : "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvNumber(double value) {
  return std::isfinite(value) ? fmt::format("{}", value) : std::string();
}

std::string ForecastsToJson(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                            std::uint64_t seed, const MonteCarloResults& monte_carlo,
                            const WhatIfResult& what_if, const std::vector<SobolResult>& sobol,
                            std::size_t sobol_bootstrap) {
  Json root;
  root["scenario"] = {{"name", scenario.name}, {"sha256", scenario.sha256}};
  root["seed"] = seed;
  Json list = Json::array();
  for (const Forecast& forecast : forecasts) {
    Json issues = Json::array();
    for (const IssueForecast& f : forecast.issues) {
      const Issue& issue = scenario.issues[f.issue];
      Json item;
      item["id"] = issue.id;
      item["name"] = issue.name;
      item["outcome"] = Optional(f.outcome);
      if (!f.note.empty()) item["note"] = f.note;
      if (f.cycle)
        item["cycle"] = {{"period", f.cycle->period}, {"from_round", f.cycle->from_round}};
      Json rounds = Json::array();
      for (const Round& r : f.rounds) {
        Json positions = Json::object();
        for (std::size_t a = 0; a < r.positions.size(); ++a) {
          if (r.positions[a]) positions[scenario.actors[a].id] = *r.positions[a];
        }
        Json round = {{"round", r.round}, {"outcome", Optional(r.outcome)}};
        for (const auto& [name, value] : r.values) round[name] = value;
        round["positions"] = std::move(positions);
        if (!r.details.empty()) round["actors"] = Details(scenario, r);
        rounds.push_back(std::move(round));
      }
      item["rounds"] = std::move(rounds);
      issues.push_back(std::move(item));
    }
    Json entry;
    entry["model"] = forecast.model;
    entry["issues"] = std::move(issues);
    if (!forecast.trades.empty()) entry["exchanges"] = Trades(scenario, forecast);
    if (!forecast.challenges.empty()) entry["challenges"] = ChallengesJson(scenario, forecast);
    if (!forecast.distinct.empty()) entry["distinct_positions"] = DistinctJson(scenario, forecast);
    const std::size_t index = static_cast<std::size_t>(&forecast - forecasts.data());
    if (index < monte_carlo.size() && monte_carlo[index] != nullptr) {
      entry["monte_carlo"] = MonteCarloJson(scenario, *monte_carlo[index], seed);
    }
    if (!forecast.summary.empty()) {
      Json summary = Json::array();
      for (const ActorSummary& s : forecast.summary) {
        Json item = {{"actor", scenario.actors[s.actor].id}};
        for (const auto& [name, value] : s.values) item[name] = value;
        summary.push_back(std::move(item));
      }
      entry["actors"] = std::move(summary);
    }
    list.push_back(std::move(entry));
  }
  root["forecasts"] = std::move(list);
  AddWhatIfJson(scenario, forecasts, what_if, &root);
  AddSobolJson(scenario, forecasts, sobol, sobol_bootstrap, &root);
  return root.dump(2) + "\n";
}

// ",v1,v2,..." for the named values, empty where a value is absent.
std::string Cells(const Values& values, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    out += ",";
    for (const auto& [key, value] : values) {
      if (key == name) out += CsvNumber(value);
    }
  }
  return out;
}

std::string ExchangesCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  std::string out = "model,round,order";
  for (const char* side : {"i", "j"}) {
    for (const char* field : {"actor", "supply", "demand", "start", "before", "after", "move"}) {
      out += fmt::format(",{}_{}", side, field);
    }
  }
  out += ",gain";
  std::vector<std::string> extra;
  for (const Forecast& f : forecasts) {
    for (const Trade& t : f.trades) {
      for (const auto& [name, value] : t.values) {
        if (std::find(extra.begin(), extra.end(), name) == extra.end()) extra.push_back(name);
      }
    }
  }
  for (const auto& name : extra) out += "," + CsvField(name);
  out += "\n";
  for (const Forecast& f : forecasts) {
    for (const Trade& t : f.trades) {
      out += fmt::format("{},{},{}", CsvField(f.model), t.round, t.order);
      for (const Trade::Party* p : {&t.i, &t.j}) {
        out += fmt::format(",{},{},{},{},{},{},{}", CsvField(scenario.actors[p->actor].id),
                           CsvField(scenario.issues[p->supply].id),
                           CsvField(scenario.issues[p->demand].id), p->start, p->before, p->after,
                           p->move);
      }
      out += fmt::format(",{}", t.gain);
      out += Cells(t.values, extra);
      out += "\n";
    }
  }
  return out;
}

std::string ActorsCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  std::vector<std::string> names;
  for (const Forecast& f : forecasts) {
    for (const ActorSummary& s : f.summary) {
      for (const auto& [name, value] : s.values) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
  }
  std::string out = "model,actor";
  for (const auto& name : names) out += "," + CsvField(name);
  out += "\n";
  for (const Forecast& f : forecasts) {
    for (const ActorSummary& s : f.summary) {
      out += CsvField(f.model) + "," + CsvField(scenario.actors[s.actor].id);
      out += Cells(s.values, names);
      out += "\n";
    }
  }
  return out;
}

std::string ForecastsToCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                           const std::string& table, const MonteCarloResults& monte_carlo,
                           const WhatIfResult& what_if, const std::vector<SobolResult>& sobol) {
  if (table == "sobol") {
    if (sobol.empty()) throw InputError({"", 0, "table"}, "table 'sobol' needs --sobol N");
    return SobolCsv(scenario, forecasts, sobol);
  }
  if (table == "drop-one" || table == "salience-sweep") {
    if ((table == "drop-one" && what_if.drop.empty()) ||
        (table == "salience-sweep" && what_if.salience_step == 0)) {
      throw InputError({"", 0, "table"},
                       fmt::format("table '{}' needs the {}", table,
                                   table == "drop-one" ? "drop-one analysis (--drop-one)"
                                                       : "salience sweep (--salience-sweep K)"));
    }
    return WhatIfCsv(scenario, forecasts, what_if, table);
  }
  if (table == "exchanges") return ExchangesCsv(scenario, forecasts);
  if (table == "monte-carlo") return MonteCarloCsv(scenario, forecasts, monte_carlo);
  if (table == "sensitivity") return SensitivityCsv(scenario, forecasts, monte_carlo);
  if (table == "trade-frequencies") return TradeFrequencyCsv(scenario, forecasts, monte_carlo);
  if (table == "draws") return DrawsCsv(scenario, forecasts, monte_carlo);
  if (table == "actors") return ActorsCsv(scenario, forecasts);
  if (table == "challenges") return ChallengesCsv(scenario, forecasts);
  if (table == "distinct") return DistinctCsv(scenario, forecasts);
  if (table == "outcomes") {
    std::string out = "model,issue,outcome,note\n";
    for (const Forecast& forecast : forecasts) {
      for (const IssueForecast& f : forecast.issues) {
        out += fmt::format("{},{},{},{}\n", CsvField(forecast.model),
                           CsvField(scenario.issues[f.issue].id), Num(f.outcome), CsvField(f.note));
      }
    }
    return out;
  }
  if (table != "rounds") {
    throw InputError({"", 0, "table"},
                     fmt::format("unknown table '{}'; expected rounds, outcomes, exchanges, "
                                 "actors, challenges, distinct, monte-carlo, sensitivity, draws, "
                                 "trade-frequencies, drop-one, salience-sweep or sobol",
                                 table));
  }
  std::string out = "model,issue,round,actor,position,outcome\n";
  for (const Forecast& forecast : forecasts) {
    for (const IssueForecast& f : forecast.issues) {
      const std::string& issue = scenario.issues[f.issue].id;
      for (const Round& r : f.rounds) {
        for (std::size_t a = 0; a < r.positions.size(); ++a) {
          if (!r.positions[a]) continue;
          out +=
              fmt::format("{},{},{},{},{},{}\n", CsvField(forecast.model), CsvField(issue), r.round,
                          CsvField(scenario.actors[a].id), Num(r.positions[a]), Num(r.outcome));
        }
      }
    }
  }
  return out;
}

std::string ForecastsToText(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                            const MonteCarloResults& monte_carlo, const WhatIfResult& what_if,
                            const std::vector<SobolResult>& sobol) {
  std::string out = fmt::format("Scenario: {}\n\n", scenario.name);
  // One row per issue, one column per model: the forecast outcome.
  std::size_t issue_width = 5;
  for (const Issue& issue : scenario.issues) issue_width = std::max(issue_width, issue.id.size());
  std::vector<std::size_t> widths;
  out += fmt::format("{:<{}}  {:>15}", "issue", issue_width, "scale");
  for (const Forecast& f : forecasts) {
    const std::string label = Label(f.model);
    widths.push_back(std::max<std::size_t>(10, label.size()));
    out += fmt::format("  {:>{}}", label, widths.back());
  }
  out += "\n";
  std::vector<std::string> notes;
  for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
    const Issue& issue = scenario.issues[i];
    out += fmt::format("{:<{}}  {:>15}", issue.id, issue_width,
                       fmt::format("{:g}-{:g}", issue.scale_min, issue.scale_max));
    for (std::size_t m = 0; m < forecasts.size(); ++m) {
      const IssueForecast& f = forecasts[m].issues[i];
      std::string cell = f.outcome ? fmt::format("{:.2f}", *f.outcome) : "-";
      if (!f.note.empty()) {
        // Number each distinct note once; cells with the same note share it.
        std::string note = fmt::format("{}: {}", forecasts[m].model, f.note);
        auto it = std::find(notes.begin(), notes.end(), note);
        if (it == notes.end()) it = notes.insert(notes.end(), note);
        cell += fmt::format(" [{}]", it - notes.begin() + 1);
      }
      out += fmt::format("  {:>{}}", cell, widths[m]);
    }
    out += "\n";
  }
  for (std::size_t k = 0; k < notes.size(); ++k) {
    out += fmt::format("{}[{}] {}\n", k == 0 ? "\n" : "", k + 1, notes[k]);
  }
  for (const Forecast& f : forecasts) {
    for (const IssueForecast& issue : f.issues) {
      if (issue.rounds.size() > 1) out += PathTable(scenario, f.model, issue);
    }
    if (!f.trades.empty()) out += TradesText(scenario, f);
    if (!f.challenges.empty() || !f.distinct.empty()) out += ChallengesText(scenario, f);
    const std::size_t index = static_cast<std::size_t>(&f - forecasts.data());
    if (index < monte_carlo.size() && monte_carlo[index] != nullptr) {
      out += MonteCarloText(scenario, f.model, *monte_carlo[index]);
    }
  }
  out += WhatIfText(scenario, forecasts, what_if);
  out += SobolText(scenario, forecasts, sobol);
  return out;
}

}  // namespace concert
