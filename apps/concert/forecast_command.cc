// `concert forecast`: every named model on a scenario, with Monte Carlo.
#include <fmt/format.h>

#include <iostream>

#include "cli.h"
#include "concert/analysis/forecast_run.h"
#include "concert/institutions/institution.h"
#include "concert/io/read.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/models/agenda.h"
#include "concert/output/forecast_output.h"
#include "concert/run/edit.h"
#include "concert/run/report_run.h"

namespace concert::cli {
namespace {

struct ForecastOptions {
  std::vector<std::string> agenda;
  std::string capability;  // RULE[:banzhaf|:shapley]; empty: the scenario's
  std::vector<std::string> capability_keep;
  std::string scenario;
  std::string input_format = "auto";
  std::vector<std::string> models;  // empty: every model run by default
  std::string format = "text";
  std::string output;  // empty: stdout
  std::uint64_t seed = 0;
  std::string explain;           // actor id: print why it moved (models that explain)
  std::string table = "rounds";  // CSV table
  std::size_t draws = 0;         // Monte Carlo draws; 0 = none
  unsigned threads = 0;          // 0 = all cores
  std::vector<std::string> bands;
  bool quiet = false;
  bool sensitivity = false;
  bool drop_one = false;
  double salience_sweep = 0;
  std::size_t sobol = 0;
  std::size_t sobol_bootstrap = 500;
  std::vector<std::string> correlations;
  std::vector<std::string> set;  // PATH=VALUE (run/edit.h)
};

int Run(const ForecastOptions& o) {
  ForecastRequest request;
  request.models = o.models;
  CreateModels(request.models);  // a typo in a spec fails before the file is read
  // Read once (the path may be a pipe); the institution section is checked too.
  ScenarioDocument doc =
      ReadNegotiation(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
  std::vector<NumberEdit> edits;
  for (const std::string& s : o.set) edits.push_back(ParseEdit(s, {"", 0, "--set"}));
  ApplyEdits(&doc, edits, {"", 0, "--set"});
  request.scenario = doc.scenario;
  if (!o.agenda.empty()) SetAgenda(&request.scenario, o.agenda, "--agenda");
  if (!o.capability_keep.empty() && o.capability.empty()) {
    throw InputError({"", 0, "--capability-keep"}, "needs --capability RULE");
  }
  if (!o.capability.empty()) {
    const PowerCapability p =
        SetCapabilityFromRule(&request.scenario, o.capability, o.capability_keep);
    std::cerr << "concert: " << DescribePowerCapability(p) << "\n";  // even with -q
  }
  request.seed = o.seed;
  request.draws = o.draws;
  request.sensitivity = o.sensitivity;
  request.explain = o.explain;
  request.drop_one = o.drop_one;
  request.salience_sweep = o.salience_sweep;
  request.sobol = o.sobol;
  for (const std::string& c : o.correlations) {
    request.correlations.push_back(ParseRankCorrelation(c));
  }
  request.sobol_bootstrap = o.sobol_bootstrap;
  if (o.table == "sobol" && o.sobol == 0) {
    throw InputError({"", 0, "--table"}, "table sobol needs --sobol N");
  }
  if (o.table == "drop-one" && !o.drop_one) {
    throw InputError({"", 0, "--table"}, "table drop-one needs --drop-one");
  }
  if (o.table == "salience-sweep" && o.salience_sweep == 0) {
    throw InputError({"", 0, "--table"}, "table salience-sweep needs --salience-sweep K");
  }
  for (const std::string& b : o.bands) request.bands.push_back(ParseBand(b));
  if (o.draws == 0 && (o.table == "monte-carlo" || o.table == "sensitivity" ||
                       o.table == "trade-frequencies" || o.table == "draws")) {
    throw InputError({"", 0, "--table"}, "Monte Carlo output needs --draws N");
  }
  std::unique_ptr<ProgressBar> bar;
  const RunControl control = Control(o.threads, ShowProgress(o.quiet), "forecast", &bar, true);
  const InterruptScope interrupt_scope;
  if (o.format == "html") {
    ReportRequest report;
    report.document = std::move(doc);
    report.document.scenario = request.scenario;  // with --agenda and --capability
    report.forecast = request;
    if (o.draws > 0) report.section_draws = o.draws;
    const ReportResult r = RunReport(report, control);
    bar.reset();
    if (r.html.empty()) return InterruptedBeforeAnyResult();
    Emit(o.output, r.html);
    return r.cancelled ? 130 : 0;
  }
  const ForecastResult run = RunForecast(request, control);
  bar.reset();
  if (run.forecasts_cut_short) return InterruptedBeforeAnyResult();
  const MonteCarloResults monte_carlo = run.MonteCarlo();
  std::string bytes;
  if (o.format == "json") {
    bytes = ForecastsToJson(request.scenario, run.forecasts, o.seed, monte_carlo, run.what_if,
                            run.sobol, o.sobol_bootstrap);
  } else if (o.format == "csv") {
    bytes = ForecastsToCsv(request.scenario, run.forecasts, o.table, monte_carlo, run.what_if,
                           run.sobol);
  } else {
    bytes = ForecastsToText(request.scenario, run.forecasts, monte_carlo, run.what_if, run.sobol);
  }
  Emit(o.output, bytes);
  if (!o.explain.empty()) {
    const std::string explanation =
        run.explanation.empty() ? "none of the models run explains its moves (bdm and smp do)\n"
                                : run.explanation;
    // Beside a text table the explanation is part of the report; with JSON or
    // CSV it goes to stderr so the data stays machine-readable.
    (o.format == "text" && (o.output.empty() || o.output == "-") ? std::cout : std::cerr)
        << "\n"
        << explanation;
  }
  if (run.cancelled) {
    std::cerr << fmt::format(
        "concert: interrupted; the Monte Carlo summary covers the {} draws "
        "that finished\n",
        run.monte_carlo.back().draws);
    return 130;
  }
  return 0;
}

}  // namespace

void AddForecast(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<ForecastOptions>();
  ForecastOptions& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "forecast", "Run bargaining models on a scenario and print each issue's forecast.");
  cmd->add_option("scenario", o.scenario, "scenario file")->required();
  cmd->add_option("-m,--model", o.models,
                  "model spec, e.g. 'compromise' or 'nash(weight=influence)'; repeatable; "
                  "default: every registered model but learned (see `concert models`)");
  cmd->add_option("-f,--format", o.format, "output format (html: the report)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file instead of stdout");
  cmd->add_option("--input-format", o.input_format, InputFormatHelp())->capture_default_str();
  cmd->add_option("--seed", o.seed, "random seed (recorded in the output)")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--table", o.table,
                  "with --format csv: rounds (positions by round), outcomes (one row per "
                  "model and issue: outcome, note), exchanges (one row per "
                  "executed exchange), actors (per-actor totals), challenges and distinct "
                  "(smp: challenges and bargains; distinct positions and their probabilities), "
                  "monte-carlo, sensitivity, trade-frequencies (how often each trade of the "
                  "exchange model happens) or draws (every draw's outcome per model and issue; "
                  "all with --draws), drop-one (with --drop-one), salience-sweep (with "
                  "--salience-sweep) or sobol (with --sobol)")
      ->check(CLI::IsMember({"rounds", "outcomes", "exchanges", "actors", "challenges", "distinct",
                             "monte-carlo", "sensitivity", "trade-frequencies", "draws", "drop-one",
                             "salience-sweep", "sobol"}))
      ->capture_default_str();
  cmd->add_option("--draws", o.draws,
                  "Monte Carlo: run every model on N draws of the scenario's uncertain "
                  "numbers (ranges uniform, sd normal truncated at the bounds); draw i "
                  "depends on (--seed, i) only")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)))
      ->check(WholeNumber());
  cmd->add_option("--threads", o.threads,
                  "threads for --draws (default: all cores); the "
                  "output does not depend on it")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_option("--band", o.bands,
                  "with --draws: report P(LOW <= outcome <= HIGH); LOW:HIGH for every "
                  "issue or ISSUE=LOW:HIGH; repeatable");
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar (drawn on a terminal after a second)");
  cmd->add_flag("--sensitivity", o.sensitivity,
                "with --draws: rank the uncertain inputs by their standardised regression "
                "coefficient on each issue's outcome (R^2 shown)");
  cmd->add_flag("--drop-one", o.drop_one,
                "also run every model without each actor in turn: which actor each outcome "
                "hangs on (text: the largest change per issue; JSON what_if.drop_one; CSV "
                "--table drop-one)");
  cmd->add_option("--salience-sweep", o.salience_sweep,
                  "K: also run every model with each actor's salience on each issue moved by "
                  "-K and +K points of the 0-100 scale (a step past 0 or 100 is not run): "
                  "which salience each outcome hangs on (JSON what_if.salience_sweep; CSV "
                  "--table salience-sweep)")
      ->check(CLI::Range(0.0, 100.0))
      ->check(DecimalNumber());
  cmd->add_option("--correlate", o.correlations,
                  "with --draws: 'INPUT A,INPUT B=RHO' makes two uncertain inputs (named as "
                  "--sensitivity names them, e.g. 'salience USA nuclear') rank-correlated by RHO "
                  "in the draws (Iman & Conover 1982); repeatable")
      ->delimiter('\0');
  cmd->add_option("--sobol", o.sobol,
                  "N: Sobol first- and total-order indices of every uncertain input for every "
                  "model, from N base samples (N x (inputs + 2) runs; Saltelli et al. 2010, "
                  "Jansen 1999), with bootstrap 95 % intervals (JSON sobol; CSV --table sobol)")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)))
      ->check(WholeNumber());
  cmd->add_option("--sobol-bootstrap", o.sobol_bootstrap,
                  "bootstrap resamples for the Sobol intervals")
      ->capture_default_str()
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(100000)))
      ->check(WholeNumber());
  cmd->add_option("--agenda", o.agenda,
                  "issue ids on the table (comma-separated; replaces the scenario's `agenda`): "
                  "the models forecast and trade only over these, and every other issue stays "
                  "at its status quo")
      ->delimiter(',');
  cmd->add_option("--capability", o.capability,
                  "RULE[:banzhaf|:shapley]: the actors that are players of this voting rule "
                  "file (docs/power.md; e.g. data/voting/ec12_qmv.yaml) share their total "
                  "capability in proportion to their power index in it (default banzhaf, "
                  "normalised); matched by actor id; a note on stderr says what changed");
  cmd->add_option("--capability-keep", o.capability_keep,
                  "with --capability: actor ids that are not players and keep their own "
                  "capability (comma-separated); any other non-player is an error")
      ->delimiter(',');
  cmd->add_option("--set", o.set,
                  "PATH=VALUE: change one number first, e.g. "
                  "stances.CHN.nuclear.salience=80 (paths: docs/sweeps.md; repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--explain", o.explain,
                  "actor id: print, round by round, the offers this actor weighed and why "
                  "it moved (bdm, smp)");

  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
