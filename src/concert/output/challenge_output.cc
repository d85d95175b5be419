#include "concert/output/challenge_output.h"

#include <fmt/format.h>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

Json ByIssue(const Scenario& scenario, const std::vector<double>& values) {
  Json out = Json::object();
  for (std::size_t d = 0; d < values.size(); ++d) out[scenario.issues[d].id] = values[d];
  return out;
}

std::string Adopted(const Scenario& s, const Challenge& c) {
  const std::string& i = s.actors[c.initiator].id;
  const std::string& j = s.actors[c.receiver].id;
  if (c.initiator_adopted && c.receiver_adopted) return "adopted by both";
  if (c.initiator_adopted) return "adopted by " + i + " only";
  if (c.receiver_adopted) return "adopted by " + j + " only";
  return "adopted by neither";
}

constexpr std::size_t kMaxChallenges = 40;

}  // namespace

Json ChallengesJson(const Scenario& scenario, const Forecast& forecast) {
  Json list = Json::array();
  for (const Challenge& c : forecast.challenges) {
    list.push_back({{"round", c.round},
                    {"initiator", scenario.actors[c.initiator].id},
                    {"receiver", scenario.actors[c.receiver].id},
                    {"probability", c.probability},
                    {"gain", c.gain},
                    {"initiator_adopted", c.initiator_adopted},
                    {"receiver_adopted", c.receiver_adopted},
                    {"bargain",
                     {{"initiator", ByIssue(scenario, c.initiator_position)},
                      {"receiver", ByIssue(scenario, c.receiver_position)}}}});
  }
  return list;
}

Json DistinctJson(const Scenario& scenario, const Forecast& forecast) {
  Json list = Json::array();
  for (const DistinctPosition& d : forecast.distinct) {
    Json actors = Json::array();
    for (std::size_t a : d.actors) actors.push_back(scenario.actors[a].id);
    list.push_back({{"round", d.round},
                    {"actors", actors},
                    {"probability", d.probability},
                    {"position", ByIssue(scenario, d.position)}});
  }
  return list;
}

std::string ChallengesCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  std::string out =
      "model,round,initiator,receiver,probability,gain,initiator_adopted,receiver_adopted,issue,"
      "initiator_bargain,receiver_bargain\n";
  for (const Forecast& f : forecasts) {
    for (const Challenge& c : f.challenges) {
      for (std::size_t d = 0; d < c.initiator_position.size(); ++d) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(f.model), c.round,
                           CsvField(scenario.actors[c.initiator].id),
                           CsvField(scenario.actors[c.receiver].id), c.probability, c.gain,
                           c.initiator_adopted, c.receiver_adopted, CsvField(scenario.issues[d].id),
                           c.initiator_position[d], c.receiver_position[d]);
      }
    }
  }
  return out;
}

std::string DistinctCsv(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  std::string out = "model,round,position,actors,probability,issue,value\n";
  for (const Forecast& f : forecasts) {
    int last_round = -1, number = 0;
    for (const DistinctPosition& p : f.distinct) {
      number = p.round == last_round ? number + 1 : 1;
      last_round = p.round;
      std::string actors;
      for (std::size_t a : p.actors) actors += (actors.empty() ? "" : ";") + scenario.actors[a].id;
      for (std::size_t d = 0; d < p.position.size(); ++d) {
        out += fmt::format("{},{},{},{},{},{},{}\n", CsvField(f.model), p.round, number,
                           CsvField(actors), p.probability, CsvField(scenario.issues[d].id),
                           p.position[d]);
      }
    }
  }
  return out;
}

std::string ChallengesText(const Scenario& scenario, const Forecast& f) {
  const std::size_t total = f.challenges.size();
  std::string out = fmt::format(
      "\n{}: {} challenges{}\n", f.model, total,
      total > kMaxChallenges
          ? fmt::format(" (the first {}; all in the JSON output or the CSV table challenges)",
                        kMaxChallenges)
          : "");
  for (std::size_t k = 0; k < total && k < kMaxChallenges; ++k) {
    const Challenge& c = f.challenges[k];
    out += fmt::format("  turn {}: {} challenges {} (p win {:.3f}, expected gain {:.4f}); {}\n",
                       c.round, scenario.actors[c.initiator].id, scenario.actors[c.receiver].id,
                       c.probability, c.gain, Adopted(scenario, c));
  }
  if (!f.distinct.empty()) {
    const int last = f.distinct.back().round;
    out += fmt::format("\n{}: distinct positions after turn {} and the probability each prevails\n",
                       f.model, last);
    for (const DistinctPosition& p : f.distinct) {
      if (p.round != last) continue;
      std::string actors, position;
      for (std::size_t a : p.actors) actors += (actors.empty() ? "" : " ") + scenario.actors[a].id;
      for (std::size_t d = 0; d < p.position.size(); ++d) {
        position += fmt::format("{}{:.2f}", d == 0 ? "" : ", ", p.position[d]);
      }
      out += fmt::format("  p = {:.3f}  ({})  held by {}\n", p.probability, position, actors);
    }
  }
  return out;
}

}  // namespace concert
