// The institutions subcommands: `tournament` (iterated prisoner's dilemma) and
// `simulate` (the agreement compliance game of a scenario's institution).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/institutions/institution.h"

namespace CLI {
class App;
}

#include "concert/io/document.h"

namespace concert::cli {

struct TournamentCommand {
  std::vector<std::string> strategies{"axelrod-first"};
  int turns = 200;
  int repetitions = 5;
  double noise = 0;
  double continuation = 0;
  double discount = 1;
  std::vector<double> payoffs{3, 5, 0, 1};  // R T S P
  int group_size = 2;
  double multiplier = 3;
  double quorum = 1;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  std::string format = "text";
  std::string table = "scores";
  std::string output;
  bool list = false;
};
int Tournament(const TournamentCommand& options);
// Adds `tournament` to the app with every option documented.
CLI::App* AddTournament(CLI::App& app, TournamentCommand& options);

struct SimulateCommand {
  std::string scenario;
  std::string input_format = "auto";
  std::size_t draws = 1000;
  bool fixed = false;
  bool sensitivity = false;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  int periods = 0;
  std::string model;
  std::string format = "text";
  std::string table = "summary";
  std::string output;
  std::string hub;  // non-empty: also compare multilateral vs hub-and-spokes
  double transaction_cost = 0.05;
  double table_complexity = 0.0;
  std::string order;  // non-empty: a file with an order section
  int order_year = 0;
  std::string order_preset;
};
int Simulate(const SimulateCommand& options);

// A negotiation file read once (io/document.h), its institution section
// checked (CheckInstitution); an order-only file is an error here.
ScenarioDocument ReadScenarioAndInstitution(const std::string& path,
                                            const std::string& input_format);
// The same from bytes already read (a pipe can be read only once).
ScenarioDocument ReadScenarioAndInstitution(const std::string& path, std::string text,
                                            const std::string& input_format);

// For `concert report`: when the file has an institution section, the
// compliance simulation (`draws` draws, with sensitivity) as an HTML section;
// "" when it has none.
std::string InstitutionReportSection(const ScenarioDocument& file, std::size_t draws,
                                     std::uint64_t seed, unsigned threads);
CLI::App* AddSimulate(CLI::App& app, SimulateCommand& options);

}  // namespace concert::cli
