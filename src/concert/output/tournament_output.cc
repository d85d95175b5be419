#include "concert/output/tournament_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "concert/output/forecast_output.h"

namespace concert {
namespace {

using Json = nlohmann::ordered_json;

// Strategy indices by score, highest first; ties keep the given order.
std::vector<std::size_t> Ranking(const TournamentResult& result) {
  std::vector<std::size_t> order(result.specs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return result.scores[a] > result.scores[b];
  });
  return order;
}

}  // namespace

std::string TournamentJson(const TournamentResult& result, const TournamentOptions& options) {
  Json root;
  root["turns"] = options.match.continuation > 0 ? Json(nullptr) : Json(options.match.turns);
  root["repetitions"] = options.repetitions;
  root["noise"] = options.match.noise;
  root["continuation"] = options.match.continuation;
  root["discount"] = options.match.discount;
  root["seed"] = options.seed;
  root["group_size"] = options.group.size;
  if (options.group.size > 2) {
    root["multiplier"] = options.group.multiplier;
    root["quorum"] = options.group.quorum;
  }
  Json strategies = Json::array();
  for (std::size_t i = 0; i < result.specs.size(); ++i) {
    Json s;
    s["name"] = result.specs[i];
    s["score"] = result.scores[i];
    s["cooperation"] = result.cooperation[i];
    if (result.infos[i]->axelrod_rank > 0 && options.group.size == 2) {
      s["axelrod_entry"] = result.infos[i]->axelrod_entry;
      s["axelrod_rank"] = result.infos[i]->axelrod_rank;
      s["axelrod_score"] = result.infos[i]->axelrod_score;
    }
    strategies.push_back(s);
  }
  root["strategies"] = strategies;
  Json matrix = Json::object();
  for (std::size_t i = 0; i < result.specs.size(); ++i) {
    Json row = Json::object();
    for (std::size_t j = 0; j < result.specs.size(); ++j)
      row[result.specs[j]] = result.matrix[i][j];
    matrix[result.specs[i]] = row;
  }
  root["matrix"] = matrix;
  return root.dump(2) + "\n";
}

std::string TournamentCsv(const TournamentResult& result, const TournamentOptions& options,
                          const std::string& table) {
  std::string out;
  if (table == "matrix") {
    out = "strategy,opponent,score\n";
    for (std::size_t i = 0; i < result.specs.size(); ++i) {
      for (std::size_t j = 0; j < result.specs.size(); ++j) {
        out += fmt::format("{},{},{}\n", CsvField(result.specs[i]), CsvField(result.specs[j]),
                           result.matrix[i][j]);
      }
    }
    return out;
  }
  out = "rank,strategy,score,cooperation,axelrod_entry,axelrod_rank,axelrod_score\n";
  int rank = 0;
  for (std::size_t i : Ranking(result)) {
    const StrategyInfo& info = *result.infos[i];
    out += fmt::format("{},{},{},{},", ++rank, CsvField(result.specs[i]), result.scores[i],
                       result.cooperation[i]);
    out += info.axelrod_rank > 0 && options.group.size == 2
               ? fmt::format("{},{},{}\n", CsvField(info.axelrod_entry), info.axelrod_rank,
                             info.axelrod_score)
               : ",,\n";
  }
  return out;
}

std::string TournamentText(const TournamentResult& result, const TournamentOptions& options) {
  const std::string length =
      options.match.continuation > 0
          ? fmt::format("matches continuing with probability {}", options.match.continuation)
          : fmt::format("{} moves", options.match.turns);
  const std::string discount =
      options.match.discount < 1 ? fmt::format(", discounted by {} a move", options.match.discount)
                                 : "";
  std::string out;
  if (options.group.size > 2) {
    out = fmt::format(
        "Public-goods groups of {}: each strategy plays with N-1 copies of every strategy "
        "(N copies of itself included); {} repetitions of {}{}; noise {}; seed {}.\nEach move a "
        "contribution costs 1 and returns {}/{} to everyone; a strategy sees the others as "
        "cooperating when a share of at least {} of them did.\nScore = mean points per match.\n\n",
        options.group.size, options.repetitions, length, discount, options.match.noise,
        options.seed, options.group.multiplier, options.group.size, options.group.quorum);
  } else {
    out = fmt::format(
        "Round robin, every strategy against every strategy including its twin; {} repetitions "
        "of {}{}; noise {}; seed {}.\nScore = mean points per match (R={} T={} S={} P={}).\n\n",
        options.repetitions, length, discount, options.match.noise, options.seed,
        options.match.payoffs.reward, options.match.payoffs.temptation,
        options.match.payoffs.sucker, options.match.payoffs.punishment);
  }
  const bool pairwise = options.group.size == 2;  // Axelrod's scores are for pairs
  out += fmt::format("{:>4}  {:<22} {:>8} {:>6}", "rank", "strategy", "score", "coop");
  out += pairwise
             ? fmt::format("   {:<22} {:>5} {:>9}\n", "Axelrod (1980) entry", "rank", "published")
             : "\n";
  int rank = 0;
  for (std::size_t i : Ranking(result)) {
    const StrategyInfo& info = *result.infos[i];
    out += fmt::format("{:>4}  {:<22} {:>8.1f} {:>6.3f}", ++rank, result.specs[i], result.scores[i],
                       result.cooperation[i]);
    if (info.axelrod_rank > 0 && pairwise) {
      out += fmt::format("   {:<22} {:>5} {:>9.1f}", info.axelrod_entry, info.axelrod_rank,
                         info.axelrod_score);
    }
    out += "\n";
  }
  return out;
}

std::string StrategiesText() {
  std::string text;
  for (const StrategyInfo& info : StrategyLibrary()) {
    text += fmt::format("{:<18} {}{}\n", info.name, info.summary,
                        info.stochastic ? " (stochastic)" : "");
    for (const ParamInfo& p : info.params) {
      text += fmt::format("{:<18} parameter: {}={} ({}, in [{}, {}])\n", "", p.name,
                          p.default_value, p.description, p.min, p.max);
    }
    if (info.axelrod_rank > 0) {
      text += fmt::format("{:<18} Axelrod (1980) first tournament: {}, rank {}, {} points\n", "",
                          info.axelrod_entry, info.axelrod_rank, info.axelrod_score);
    }
  }
  return text;
}

}  // namespace concert
