// `concert tournament`: a round-robin iterated prisoner's dilemma (Axelrod 1980).
#include <fmt/format.h>

#include "cli.h"
#include "concert/institutions/tournament.h"
#include "concert/output/tournament_output.h"

namespace concert::cli {
namespace {

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
  bool multiplier_given = false;  // --multiplier on the command line
};

int Run(const TournamentCommand& o) {
  if (o.list) {
    Emit(o.output, StrategiesText());
    return 0;
  }
  TournamentOptions options;
  options.match.turns = o.turns;
  options.match.noise = o.noise;
  options.match.continuation = o.continuation;
  options.match.discount = o.discount;
  options.match.payoffs = {o.payoffs[0], o.payoffs[1], o.payoffs[2], o.payoffs[3]};
  options.group = {o.group_size, o.multiplier, o.quorum};
  if (o.group_size > 2 && !o.multiplier_given && !(o.multiplier < o.group_size)) {
    throw InputError({"", 0, "--group-size"},
                     fmt::format("a group of {} needs a multiplier M with 1 < M < {}, and the "
                                 "default is {}; pass --multiplier M",
                                 o.group_size, o.group_size, o.multiplier));
  }
  options.repetitions = o.repetitions;
  options.seed = o.seed;
  RunControl control;
  control.threads = o.threads;
  const TournamentResult result = RunTournament(ExpandStrategyList(o.strategies), options, control);
  std::string bytes;
  if (o.format == "json") {
    bytes = TournamentJson(result, options);
  } else if (o.format == "csv") {
    bytes = TournamentCsv(result, options, o.table);
  } else {
    bytes = TournamentText(result, options);
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace

void AddTournament(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<TournamentCommand>();
  TournamentCommand& o = *options;
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
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000))
      ->check(WholeNumber());
  cmd->add_option("--repetitions", o.repetitions, "matches per pair of strategies")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000))
      ->check(WholeNumber());
  cmd->add_option("--noise", o.noise,
                  "probability in [0, 1] that a player misreads each of the other's moves")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--continuation", o.continuation,
                  "instead of --turns: probability in [0, 1) of another move after each move; "
                  "match lengths are random and unknown to the players")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--discount", o.discount,
                  "discount factor in (0, 1]: move t's points count discount^t in the score "
                  "(1: plain totals, as Axelrod scored)")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--payoffs", o.payoffs, "R T S P (need T > R > P > S)")
      ->expected(4)
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--group-size", o.group_size,
                  "N-player (public-goods) form when > 2: each move every player contributes or "
                  "not and gets multiplier x contributors / N, minus 1 if it contributed; "
                  "\"row meets col\" is a group of one row player and N-1 col players")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--multiplier", o.multiplier,
                  "with --group-size N > 2: the public good's multiplier M, 1 < M < N")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--quorum", o.quorum,
                  "with --group-size N > 2: a strategy sees the others as one opponent who "
                  "cooperated when at least this share of them did (as it perceived them)")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--seed", o.seed,
                  "random seed; match k draws from streams (seed, k) only, so the output is the "
                  "same for any --threads")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--threads", o.threads, "threads (default: all cores)")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_option("-f,--format", o.format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table,
                  "with --format csv: scores (one row per strategy, ranked) or matrix "
                  "(strategy,opponent,score)")
      ->check(CLI::IsMember({"scores", "matrix"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  cmd->add_flag("--list", o.list,
                "list the strategies (name, parameters, rule, Axelrod 1980 entry) and exit");
  CLI::Option* multiplier = cmd->get_option("--multiplier");
  commands.push_back({cmd, [options, multiplier] {
                        options->multiplier_given = multiplier->count() > 0;
                        return Run(*options);
                      }});
}

}  // namespace concert::cli
