#include "concert/output/forecast_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
std::string Num(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

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
    actors[scenario.actors[a].id] = item;
  }
  return actors;
}

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
      all ? "" : fmt::format(" ({} actors; positions in --format json or csv)", actors.size()));
  out += fmt::format("{:>5}  {:>9}", "round", "outcome");
  for (const auto& [name, value] : issue.rounds.front().values) {
    out += fmt::format("  {:>9}", name.substr(0, 9));
  }
  if (all) {
    for (std::size_t a : actors) out += fmt::format("  {:>9}", scenario.actors[a].id.substr(0, 9));
  }
  out += "\n";
  for (const Round& r : issue.rounds) {
    out +=
        fmt::format("{:>5}  {:>9}", r.round, r.outcome ? fmt::format("{:.3f}", *r.outcome) : "-");
    for (const auto& [name, value] : r.values) out += fmt::format("  {:>9.3f}", value);
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
    list.push_back(item);
  }
  return list;
}

}  // namespace

std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ForecastsToJson(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                            std::uint64_t seed) {
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
      Json rounds = Json::array();
      for (const Round& r : f.rounds) {
        Json positions = Json::object();
        for (std::size_t a = 0; a < r.positions.size(); ++a) {
          if (r.positions[a]) positions[scenario.actors[a].id] = *r.positions[a];
        }
        Json round = {{"round", r.round}, {"outcome", Optional(r.outcome)}};
        for (const auto& [name, value] : r.values) round[name] = value;
        round["positions"] = positions;
        if (!r.details.empty()) round["actors"] = Details(scenario, r);
        rounds.push_back(round);
      }
      item["rounds"] = rounds;
      issues.push_back(item);
    }
    Json entry = {{"model", forecast.model}, {"issues", issues}};
    if (!forecast.trades.empty()) entry["exchanges"] = Trades(scenario, forecast);
    if (!forecast.summary.empty()) {
      Json summary = Json::array();
      for (const ActorSummary& s : forecast.summary) {
        Json item = {{"actor", scenario.actors[s.actor].id}};
        for (const auto& [name, value] : s.values) item[name] = value;
        summary.push_back(item);
      }
      entry["actors"] = summary;
    }
    list.push_back(entry);
  }
  root["forecasts"] = list;
  return root.dump(2) + "\n";
}

std::string ForecastsToCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
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

std::string ForecastsToText(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  std::string out = fmt::format("Scenario: {}\n\n", scenario.name);
  // One row per issue, one column per model: the forecast outcome.
  std::size_t issue_width = 5;
  for (const Issue& issue : scenario.issues) issue_width = std::max(issue_width, issue.id.size());
  std::vector<std::size_t> widths;
  out += fmt::format("{:<{}}  {:>15}", "issue", issue_width, "scale");
  for (const Forecast& f : forecasts) {
    widths.push_back(std::max<std::size_t>(10, f.model.size()));
    out += fmt::format("  {:>{}}", f.model, widths.back());
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
  }
  return out;
}

}  // namespace concert
