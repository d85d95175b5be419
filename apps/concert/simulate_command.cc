// `concert simulate`: will the agreement hold? The compliance game of a
// scenario's institution section, design by design, and optionally the
// architectures and a year of the order model.
#include "cli.h"
#include "concert/institutions/architecture.h"
#include "concert/institutions/chain.h"
#include "concert/institutions/sanction_grid.h"
#include "concert/institutions/simulate.h"
#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/models/agenda.h"
#include "concert/order/order_link.h"
#include "concert/output/architecture_output.h"
#include "concert/output/chain_output.h"
#include "concert/output/sanction_grid_output.h"
#include "concert/output/simulate_output.h"
#include "concert/output/simulate_report.h"

namespace concert::cli {
namespace {

struct SimulateCommand {
  std::string scenario;
  std::string input_format = "auto";
  std::size_t draws = 1000;
  bool fixed = false;
  bool sensitivity = false;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  int periods = 0;
  std::vector<std::string> agenda;
  bool sanction_grid = false;
  SanctionGridOptions grid;
  std::vector<std::string> models;  // agreement sources; several (or "all"): the chain
  std::string format = "text";
  std::string table;  // empty: summary
  std::string output;
  std::string hub;  // non-empty: also compare the architectures
  std::vector<std::string> spokes;
  std::string excluded;
  double transaction_cost = 0.05;
  double table_complexity = 0.0;
  std::string order;  // non-empty: a file with an order section
  int order_year = 0;
  std::string order_preset;
  bool quiet = false;
};

int Run(const SimulateCommand& o) {
  ScenarioDocument file =
      ReadNegotiation(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
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
    order =
        ApplyOrderYear(order_spec, o.order_preset, o.order_year, &file.scenario, &file.institution);
  }
  if (!o.agenda.empty()) SetAgenda(&file.scenario, o.agenda, "--agenda");
  const Scenario& scenario = file.scenario;
  const InstitutionSpec& spec = file.institution;
  SimulateOptions options;
  options.draws = o.draws;
  options.fixed = o.fixed;
  options.sensitivity = o.sensitivity;
  options.seed = o.seed;
  options.periods = o.periods;
  const bool chain = o.models.size() > 1 || (o.models.size() == 1 && o.models[0] == "all");
  if (!chain && o.models.size() == 1 && o.models[0] != kGivenAgreement) options.model = o.models[0];
  std::unique_ptr<ProgressBar> bar;
  const RunControl control = Control(o.threads, ShowProgress(o.quiet), "simulate", &bar);
  const InterruptScope interrupt_scope;
  const SimulationHeader header = HeaderFor(spec, o.seed, o.fixed, order);
  if (o.sanction_grid) {
    for (const auto& [used, flag] : {std::pair{chain, "--agreement-model"},
                                     {!o.hub.empty(), "--hub"},
                                     {o.sensitivity, "--sensitivity"},
                                     {!o.table.empty(), "--table"}}) {
      if (used) {
        throw InputError({"", 0, flag}, chain ? "--sanction-grid takes one source of the agreement"
                                              : "not with --sanction-grid");
      }
    }
    SanctionGridOptions grid = o.grid;
    grid.simulate = options;
    const SanctionGridResult result = RunSanctionGrid(scenario, spec, grid, control);
    bar.reset();
    Emit(o.output, o.format == "json"   ? SanctionGridJson(scenario, header, result)
                   : o.format == "csv"  ? SanctionGridCsv(result)
                   : o.format == "html" ? SanctionGridHtml(scenario, header, result)
                                        : SanctionGridText(scenario, header, result));
    return 0;
  }
  if (chain) {
    const bool chain_table = o.table.empty() || o.table == "summary" || o.table == "draws";
    for (const auto& [used, flag] : {std::pair{!o.hub.empty(), "--hub"},
                                     {o.sensitivity, "--sensitivity"},
                                     {!chain_table, "--table"}}) {
      if (used) {
        throw InputError({"", 0, flag},
                         "takes one source of the agreement (not with several --agreement-model)");
      }
    }
    const ChainResult result = RunChain(scenario, spec, o.models, options, control);
    bar.reset();
    Emit(o.output, o.format == "json" ? ChainJson(scenario, header, result)
                   : o.format == "csv"
                       ? ChainCsv(scenario, result, o.table.empty() ? "summary" : o.table)
                   : o.format == "html" ? ChainHtml(scenario, header, result)
                                        : ChainText(scenario, header, result));
    return 0;
  }
  const SimulationResult result = RunSimulation(scenario, spec, options, control);
  std::optional<ArchitectureComparison> architectures;
  if (!o.hub.empty()) {
    ArchitectureOptions arch;
    arch.hub = o.hub;
    arch.spokes = o.spokes;
    arch.excluded = o.excluded;
    arch.transaction_cost = o.transaction_cost;
    arch.table_complexity = o.table_complexity;
    arch.simulate = options;
    architectures = CompareArchitectures(scenario, spec, arch, control);
  }
  bar.reset();
  const ArchitectureComparison* c = architectures ? &*architectures : nullptr;
  std::string bytes;
  if (o.format == "json") {
    bytes = SimulationJson(scenario, header, result, c);
  } else if (o.format == "csv") {
    // With --hub the architectures table replaces --table.
    bytes = c ? ArchitectureCsv(scenario, *c)
              : SimulationCsv(scenario, result, o.table.empty() ? "summary" : o.table);
  } else if (o.format == "html") {
    bytes = SimulationHtml(scenario, header, result, c);
  } else {
    bytes = SimulationText(scenario, header, result) + (c ? ArchitectureText(scenario, *c) : "");
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace

void AddSimulate(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<SimulateCommand>();
  SimulateCommand& o = *options;
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
  cmd->add_option("--input-format", o.input_format, InputFormatHelp())->capture_default_str();
  cmd->add_option("--draws", o.draws,
                  "simulated paths; in each, the uncertain numbers of the scenario and the "
                  "institution are drawn anew (ranges uniform, sd normal truncated at the "
                  "bounds); draw i depends on (--seed, i) only, and every design is run on the "
                  "same draws")
      ->capture_default_str()
      ->check(CLI::Range(static_cast<std::size_t>(1), static_cast<std::size_t>(10000000)))
      ->check(WholeNumber());
  cmd->add_flag("--fixed", o.fixed,
                "hold every uncertain number at its value; only the paths (cost shocks, "
                "monitoring) vary");
  cmd->add_flag("--sensitivity", o.sensitivity,
                "rank the uncertain inputs (the scenario's and the institution's) by their "
                "standardised regression coefficient on how long the design as coded stays in "
                "force (R^2 shown); not with --fixed");
  cmd->add_option("--seed", o.seed, "random seed")->capture_default_str()->check(WholeNumber());
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  cmd->add_option("--threads", o.threads,
                  "threads (default: all cores); the output does not depend on it")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_option("--periods", o.periods,
                  "periods to simulate (default: the section's `periods`, else 40)")
      ->check(CLI::Range(0, 1000000))
      ->check(WholeNumber());
  cmd->add_option("--agreement-model", o.models,
                  "take the agreement from this bargaining model's forecast (a model spec, see "
                  "`concert models`) instead of the section's agreement. Repeated (or 'all': the "
                  "section's agreement, then every model run by default; 'given' names the "
                  "section's agreement): the chain forecast -> signing -> compliance for each "
                  "source on the same draws, side by side");
  cmd->add_option("--agenda", o.agenda,
                  "issue ids on the table (comma-separated; replaces the scenario's `agenda`): "
                  "a model's agreement covers only these, every other issue stays at its status "
                  "quo")
      ->delimiter(',');
  cmd->add_flag("--sanction-grid", o.sanction_grid,
                "sanctions as the paper means them: every combination of sanction size x "
                "monitoring x enforcer as a design over the one as coded, on the same draws; "
                "P(never ended | signed) and periods in force per cell (html: heat maps)");
  cmd->add_option("--sanction-sizes", o.grid.sizes,
                  "with --sanction-grid: sanction sizes (comma-separated, >= 0, before scaling "
                  "by the enforcer's capability relative to the target's)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--monitoring-levels", o.grid.monitoring,
                  "with --sanction-grid: probabilities that a violation is seen (comma-separated)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--enforcers", o.grid.enforcers,
                  "with --sanction-grid: none, collective (every other party) or actor ids "
                  "(comma-separated; default: none, the two most capable actors, collective)")
      ->delimiter(',');
  cmd->add_option("-f,--format", o.format,
                  "output format (html: one self-contained page with tables and a chart)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table,
                  "with --format csv: summary (design,statistic,value; the default), compliance "
                  "(design,period,compliance,survival), parties (per design and party: terms, "
                  "threshold, payoff, veto) or draws (per draw and design: signed, vetoed_by, "
                  "end, ended_by, periods_in_force, ...). With several sources the chain table "
                  "(source,design,statistic,value) or, with draws, the draws with a source "
                  "column first")
      ->check(CLI::IsMember({"summary", "compliance", "parties", "draws"}));
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  cmd->add_option(
      "--hub", o.hub,
      "also compare architectures (Ikenberry): one multilateral table, hub-and-spokes "
      "(bilateral deals between this hub actor and each spoke; spokes do not talk), layered "
      "(both) and, with --exclude, a table without the target; every deal from the same "
      "bargaining model, design as coded; an issue whose deciding party (the section's "
      "`deciding`) is not at a table stays at its status quo there. With --format csv the "
      "architectures table (architecture,deal,statistic,value) is written instead of --table");
  cmd->add_option("--spokes", o.spokes,
                  "with --hub: the hub's bilateral partners (its alliances; comma-separated; "
                  "default: every other actor)")
      ->delimiter(',');
  cmd->add_option("--exclude", o.excluded,
                  "with --hub: also the exclusive design, one table of every party but this "
                  "one (the target)");
  cmd->add_option("--transaction-cost", o.transaction_cost,
                  "with --hub: one-off cost to each participant of each negotiation, in the "
                  "scenario's utility unit")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--table-complexity", o.table_complexity,
                  "with --hub: a table of n parties costs each participant transaction-cost x "
                  "(1 + table-complexity x (n - 2))")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--order", o.order,
                  "a file with an order section (docs/order.md): with --order-year, the actors "
                  "it shares with the scenario take the order model's capability share of that "
                  "year and the parties its relative-gains weight (as r = rho / (1 - rho))");
  cmd->add_option("--order-year", o.order_year, "with --order: the year of the order model")
      ->check(WholeNumber());
  cmd->add_option("--order-preset", o.order_preset, "with --order: a preset of the order section");
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
