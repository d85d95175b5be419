#include "institutions_commands.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.h"
#include "concert/core/error.h"
#include "concert/institutions/architecture.h"
#include "concert/institutions/simulate.h"
#include "concert/institutions/tournament.h"
#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/order/order_link.h"
#include "concert/output/architecture_output.h"
#include "concert/output/atomic_file.h"
#include "concert/output/simulate_output.h"
#include "concert/output/simulate_report.h"
#include "concert/output/tournament_output.h"

namespace concert::cli {
namespace {}  // namespace

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
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--repetitions", o.repetitions, "matches per pair of strategies")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--noise", o.noise,
                  "probability in [0, 1] that a player misreads each of the other's moves")
      ->capture_default_str();
  cmd->add_option("--continuation", o.continuation,
                  "instead of --turns: probability in [0, 1) of another move after each move; "
                  "match lengths are random and unknown to the players")
      ->capture_default_str();
  cmd->add_option("--discount", o.discount,
                  "discount factor in (0, 1]: move t's points count discount^t in the score "
                  "(1: plain totals, as Axelrod scored)")
      ->capture_default_str();
  cmd->add_option("--payoffs", o.payoffs, "R T S P (need T > R > P > S)")
      ->expected(4)
      ->capture_default_str();
  cmd->add_option("--group-size", o.group_size,
                  "N-player (public-goods) form when > 2: each move every player contributes or "
                  "not and gets multiplier x contributors / N, minus 1 if it contributed; "
                  "\"row meets col\" is a group of one row player and N-1 col players")
      ->capture_default_str();
  cmd->add_option("--multiplier", o.multiplier,
                  "with --group-size N > 2: the public good's multiplier M, 1 < M < N")
      ->capture_default_str();
  cmd->add_option("--quorum", o.quorum,
                  "with --group-size N > 2: a strategy sees the others as one opponent who "
                  "cooperated when at least this share of them did (as it perceived them)")
      ->capture_default_str();
  cmd->add_option("--seed", o.seed,
                  "random seed; match k draws from streams (seed, k) only, so the output is the "
                  "same for any --threads")
      ->capture_default_str();
  cmd->add_option("--threads", o.threads, "threads (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
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
  return cmd;
}

int Tournament(const TournamentCommand& o) {
  if (o.list) {
    std::string text;
    for (const StrategyInfo& info : StrategyLibrary()) {
      text += fmt::format("{:<18} {}{}\n", info.name, info.summary,
                          info.stochastic ? " (stochastic)" : "");
      if (!info.params.empty()) text += fmt::format("{:<18} parameter: {}\n", "", info.params);
      if (info.axelrod_rank > 0) {
        text += fmt::format("{:<18} Axelrod (1980) first tournament: {}, rank {}, {} points\n", "",
                            info.axelrod_entry, info.axelrod_rank, info.axelrod_score);
      }
    }
    Emit(o.output, text);
    return 0;
  }
  TournamentOptions options;
  options.match.turns = o.turns;
  options.match.noise = o.noise;
  options.match.continuation = o.continuation;
  options.match.discount = o.discount;
  options.match.payoffs = {o.payoffs[0], o.payoffs[1], o.payoffs[2], o.payoffs[3]};
  options.group = {o.group_size, o.multiplier, o.quorum};
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

CLI::App* AddSimulate(CLI::App& app, SimulateCommand& o) {
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Will the agreement hold? Simulate the repeated compliance game of a scenario's "
      "institution section (agreement, monitoring, sanctions, aid, exit options, discounting, "
      "relative gains) for the design as coded and each alternative, side by side "
      "(docs/institutions.md).");
  cmd->add_option("scenario", o.scenario,
                  "scenario file (YAML/JSON with an institution section; "
                  "without one, the defaults of docs/institutions.md)")
      ->required();
  cmd->add_option("--input-format", o.input_format, "input format: auto|yaml|json|ktab|decide|bdm")
      ->capture_default_str();
  cmd->add_option("--draws", o.draws,
                  "simulated paths; in each, the uncertain numbers of the scenario and the "
                  "institution are drawn anew (ranges uniform, sd normal truncated at the "
                  "bounds); draw i depends on (--seed, i) only, and every design is run on the "
                  "same draws")
      ->capture_default_str()
      ->check(CLI::Range(static_cast<std::size_t>(1), static_cast<std::size_t>(10000000)));
  cmd->add_flag("--fixed", o.fixed,
                "hold every uncertain number at its value; only the paths (cost shocks, "
                "monitoring) vary");
  cmd->add_flag("--sensitivity", o.sensitivity,
                "rank the uncertain inputs (the scenario's and the institution's) by their "
                "standardised regression coefficient on how long the design as coded stays in "
                "force (R^2 shown); not with --fixed");
  cmd->add_option("--seed", o.seed, "random seed")->capture_default_str();
  cmd->add_option("--threads", o.threads,
                  "threads (default: all cores); the output does not depend on it")
      ->check(CLI::Range(0u, 1024u));
  cmd->add_option("--periods", o.periods,
                  "periods to simulate (default: the section's `periods`, else 40)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--agreement-model", o.model,
                  "take the agreement from this bargaining model's forecast (a model spec, see "
                  "`concert models`) instead of the section's agreement");
  cmd->add_option("-f,--format", o.format,
                  "output format (html: one self-contained page with tables and a chart)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table,
                  "with --format csv: summary (design,statistic,value), compliance "
                  "(design,period,compliance) or parties (per design and party: terms, "
                  "threshold, payoff)")
      ->check(CLI::IsMember({"summary", "compliance", "parties"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  cmd->add_option(
      "--hub", o.hub,
      "also compare architectures (Ikenberry): the agreement negotiated at one "
      "multilateral table vs bilateral deals between this hub actor and each spoke "
      "(spokes do not talk); both from the same bargaining model; design as coded. With "
      "--format csv the architectures table (architecture,deal,statistic,value) "
      "is written instead of --table");
  cmd->add_option("--transaction-cost", o.transaction_cost,
                  "with --hub: one-off cost to each participant of each negotiation, in the "
                  "scenario's utility unit")
      ->capture_default_str();
  cmd->add_option("--table-complexity", o.table_complexity,
                  "with --hub: a table of n parties costs each participant transaction-cost x "
                  "(1 + table-complexity x (n - 2))")
      ->capture_default_str();
  cmd->add_option("--order", o.order,
                  "a file with an order section (docs/order.md): with --order-year, the actors "
                  "it shares with the scenario take the order model's capability share of that "
                  "year and the parties its relative-gains weight (as r = rho / (1 - rho))");
  cmd->add_option("--order-year", o.order_year, "with --order: the year of the order model");
  cmd->add_option("--order-preset", o.order_preset, "with --order: a preset of the order section");
  return cmd;
}

ScenarioDocument ReadScenarioAndInstitution(const std::string& path,
                                            const std::string& input_format) {
  return ReadScenarioAndInstitution(path, ReadTextFile(path), input_format);
}

ScenarioDocument ReadScenarioAndInstitution(const std::string& path, std::string text,
                                            const std::string& input_format) {
  ScenarioDocument doc = ReadDocument(path, std::move(text), ParseInputFormat(input_format));
  if (doc.order_only) {
    throw InputError({path, 0, ""},
                     "the file holds only an order section (no actors, issues, positions); "
                     "run `concert order` on it");
  }
  if (doc.institution.from_file) CheckInstitution(doc.institution);
  return doc;
}

std::string InstitutionReportSection(const ScenarioDocument& file, std::size_t draws,
                                     std::uint64_t seed, unsigned threads) {
  const InstitutionSpec& spec = file.institution;
  if (!spec.from_file) return "";
  const Scenario& scenario = file.scenario;
  SimulateOptions options;
  options.draws = draws;
  options.seed = seed;
  options.sensitivity = true;  // says so when there are too few draws
  RunControl control;
  control.threads = threads;
  const SimulationResult result = RunSimulation(scenario, spec, options, control);
  return SimulationSection(scenario, SimulationHeader{spec.name, seed, false, std::nullopt},
                           result);
}

int Simulate(const SimulateCommand& o) {
  ScenarioDocument file = ReadScenarioAndInstitution(o.scenario, o.input_format);
  std::optional<OrderLink> order;
  if (o.order.empty() != (o.order_year == 0)) {
    throw InputError({"", 0, o.order.empty() ? "--order" : "--order-year"},
                     "--order and --order-year go together: the file and the year of the order "
                     "model");
  }
  if (!o.order_preset.empty() && o.order.empty()) {
    throw InputError({"", 0, "--order-preset"}, "needs --order FILE --order-year YEAR");
  }
  if (!o.order.empty()) {
    const OrderSpec order_spec = ReadOrder(o.order, ReadTextFile(o.order));
    try {
      order = ApplyOrderYear(order_spec, o.order_preset, o.order_year, &file.scenario,
                             &file.institution);
    } catch (const InputError& e) {
      const std::string& f = e.where().field;
      throw InputError({e.where().file, e.where().line,
                        f == "order_year"     ? "--order-year"
                        : f == "order_preset" ? "--order-preset"
                                              : f},
                       e.message());
    }
  }
  const Scenario& scenario = file.scenario;
  const InstitutionSpec& spec = file.institution;
  if (o.periods < 0) {
    throw InputError({"", 0, "--periods"}, fmt::format("expected >= 1 but got {}", o.periods));
  }
  if (o.draws < 1) throw InputError({"", 0, "--draws"}, "expected at least 1 draw");
  if (o.sensitivity && o.fixed) {
    throw InputError({"", 0, "--sensitivity"},
                     "needs the uncertain numbers to vary: leave out --fixed");
  }
  SimulateOptions options;
  options.draws = o.draws;
  options.fixed = o.fixed;
  options.sensitivity = o.sensitivity;
  options.seed = o.seed;
  options.periods = o.periods;
  options.model = o.model;
  RunControl control;
  control.threads = o.threads;
  const SimulationResult result = RunSimulation(scenario, spec, options, control);
  SimulationHeader header{spec.from_file ? spec.name : "(no institution section: defaults)", o.seed,
                          o.fixed, order};
  std::optional<ArchitectureComparison> architectures;
  if (!o.hub.empty()) {
    ArchitectureOptions arch;
    arch.hub = o.hub;
    arch.transaction_cost = o.transaction_cost;
    arch.table_complexity = o.table_complexity;
    arch.simulate = options;
    architectures = CompareArchitectures(scenario, spec, arch, control);
  }
  const ArchitectureComparison* c = architectures ? &*architectures : nullptr;
  std::string bytes;
  if (o.format == "json") {
    auto root = nlohmann::ordered_json::parse(SimulationJson(scenario, header, result));
    if (c) root["architectures"] = nlohmann::ordered_json::parse(ArchitectureJson(scenario, *c));
    bytes = root.dump(2) + "\n";
  } else if (o.format == "csv") {
    // With --hub the architectures table replaces --table.
    bytes = c ? ArchitectureCsv(scenario, *c) : SimulationCsv(scenario, result, o.table);
  } else if (o.format == "html") {
    bytes = SimulationHtml(scenario, header, result, c);
  } else {
    bytes = SimulationText(scenario, header, result) + (c ? ArchitectureText(scenario, *c) : "");
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace concert::cli
