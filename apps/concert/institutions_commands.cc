#include "institutions_commands.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "concert/institutions/tournament.h"
#include "concert/output/atomic_file.h"
#include "concert/output/tournament_output.h"

namespace concert::cli {
namespace {

void Emit(const std::string& output, const std::string& bytes) {
  if (output.empty() || output == "-") {
    std::cout << bytes;
    std::cout.flush();
  } else {
    WriteFileAtomically(output, bytes);
  }
}

unsigned Threads(unsigned requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

CLI::App* AddTournament(CLI::App& app, TournamentCommand& o) {
  CLI::App* cmd = app.add_subcommand(
      "tournament",
      "Round-robin iterated prisoner's dilemma (Axelrod 1980): every strategy meets every "
      "strategy, its twin included; prints each strategy's mean points per match and the "
      "pairwise matrix.");
  cmd->add_option("-s,--strategies", o.strategies,
                  "strategy specs, comma-separated or repeated: tft, grim, gtft(p=0.1), wsls, "
                  "alld, allc, random(p=0.5), the 15 entries of Axelrod's first tournament "
                  "(tft, tideman-chieruzzi, nydegger, grofman, shubik, stein-rapoport, grim = "
                  "Friedman, davis, graaskamp, downing, feld, joss, tullock, anonymous, random), "
                  "or the lists axelrod-first and classics")
      ->capture_default_str();
  cmd->add_option("--turns", o.turns, "moves per match (known to the players)")
      ->capture_default_str();
  cmd->add_option("--repetitions", o.repetitions, "matches per pair of strategies")
      ->capture_default_str();
  cmd->add_option("--noise", o.noise,
                  "probability in [0, 1] that a player misreads each of the other's moves")
      ->capture_default_str();
  cmd->add_option("--continuation", o.continuation,
                  "instead of --turns: probability in [0, 1) of another move after each move; "
                  "match lengths are random and unknown to the players")
      ->capture_default_str();
  cmd->add_option("--payoffs", o.payoffs, "R T S P (need T > R > P > S)")
      ->expected(4)
      ->capture_default_str();
  cmd->add_option("--seed", o.seed,
                  "random seed; match k draws from streams (seed, k) only, so the output is the "
                  "same for any --threads")
      ->capture_default_str();
  cmd->add_option("--threads", o.threads, "threads (default: all cores)");
  cmd->add_option("-f,--format", o.format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table,
                  "with --format csv: scores (one row per strategy, ranked) or matrix "
                  "(strategy,opponent,score)")
      ->check(CLI::IsMember({"scores", "matrix"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  return cmd;
}

int Tournament(const TournamentCommand& o) {
  TournamentOptions options;
  options.match.turns = o.turns;
  options.match.noise = o.noise;
  options.match.continuation = o.continuation;
  options.match.payoffs = {o.payoffs[0], o.payoffs[1], o.payoffs[2], o.payoffs[3]};
  options.repetitions = o.repetitions;
  options.seed = o.seed;
  options.threads = Threads(o.threads);
  const TournamentResult result = RunTournament(ExpandStrategyList(o.strategies), options);
  std::string bytes;
  if (o.format == "json") {
    bytes = TournamentJson(result, options);
  } else if (o.format == "csv") {
    bytes = TournamentCsv(result, o.table);
  } else {
    bytes = TournamentText(result, options);
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace concert::cli
