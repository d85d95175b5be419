// concert — forecasts multilateral negotiations. See `concert --help`.
// Exit codes: 0 success, 1 bad input (the message names file, line and field),
// 2 bad command line, 3 internal error.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.h"
#include "concert/core/error.h"
#include "concert/io/read.h"
#include "institutions_commands.h"
#include "order_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "concert: forecast multilateral negotiations with bargaining models.\n"
      "Scenarios are actors x issues with capability, position and salience; see "
      "docs/scenario-format.md."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "concert 0.1.0");
  const std::string formats = "auto|yaml|json|ktab|decide|bdm";

  concert::cli::ForecastOptions fo;
  CLI::App* forecast = app.add_subcommand(
      "forecast", "Run bargaining models on a scenario and print each issue's forecast.");
  forecast->add_option("scenario", fo.scenario, "scenario file")->required();
  forecast->add_option("-m,--model", fo.models,
                       "model spec, e.g. 'compromise' or 'nash(weight=influence)'; repeatable; "
                       "default: every registered model but learned (see `concert models`)");
  forecast->add_option("-f,--format", fo.format, "output format (html: the report)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  forecast->add_option("-o,--output", fo.output, "write to this file instead of stdout");
  forecast->add_option("--input-format", fo.input_format, "input format: " + formats)
      ->capture_default_str();
  forecast->add_option("--seed", fo.seed, "random seed (recorded in the output)")
      ->capture_default_str();
  forecast
      ->add_option("--table", fo.table,
                   "with --format csv: rounds (positions by round), exchanges (one row per "
                   "executed exchange), actors (per-actor totals), challenges and distinct "
                   "(smp: challenges and bargains; distinct positions and their probabilities), "
                   "monte-carlo or sensitivity (with --draws)")
      ->check(CLI::IsMember({"rounds", "exchanges", "actors", "challenges", "distinct",
                             "monte-carlo", "sensitivity"}))
      ->capture_default_str();
  forecast
      ->add_option("--draws", fo.draws,
                   "Monte Carlo: run every model on N draws of the scenario's uncertain "
                   "numbers (ranges uniform, sd normal truncated at the bounds); draw i "
                   "depends on (--seed, i) only")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)));
  forecast
      ->add_option("--threads", fo.threads,
                   "threads for --draws (default: all cores); the "
                   "output does not depend on it")
      ->check(CLI::Range(0u, 1024u));
  forecast->add_option("--band", fo.bands,
                       "with --draws: report P(LOW <= outcome <= HIGH); LOW:HIGH for every "
                       "issue or ISSUE=LOW:HIGH; repeatable");
  forecast->add_flag("-q,--quiet", fo.quiet, "no progress bar");
  forecast->add_flag("--sensitivity", fo.sensitivity,
                     "with --draws: rank the uncertain inputs by their standardised regression "
                     "coefficient on each issue's outcome (R^2 shown)");
  forecast->add_option("--explain", fo.explain,
                       "actor id: print, round by round, the offers this actor weighed and why "
                       "it moved (bdm, smp)");

  std::string models_format = "text";
  CLI::App* models =
      app.add_subcommand("models", "List the registered models, their parameters and citations.");
  models->add_option("-f,--format", models_format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  std::string file, input_format = "auto", output;
  CLI::App* validate =
      app.add_subcommand("validate", "Check a scenario file; print 'ok' or the first error.");
  validate->add_option("scenario", file, "scenario file")->required();
  validate->add_option("--input-format", input_format, "input format: " + formats)
      ->capture_default_str();

  CLI::App* convert =
      app.add_subcommand("convert", "Convert any supported scenario format to concert's YAML.");
  convert->add_option("scenario", file, "scenario file")->required();
  convert->add_option("--input-format", input_format, "input format: " + formats)
      ->capture_default_str();
  convert->add_option("-o,--output", output, "write to this file instead of stdout");

  concert::cli::ForecastOptions ro;
  ro.output = "report.html";
  CLI::App* report = app.add_subcommand(
      "report", "Write a self-contained HTML report (tables and SVG charts) of a scenario.");
  report->add_option("scenario", ro.scenario, "scenario file")->required();
  report->add_option("-m,--model", ro.models,
                     "model spec; repeatable; default: every model but learned");
  report->add_option("-o,--output", ro.output, "the HTML file to write")->capture_default_str();
  report->add_option("--input-format", ro.input_format, "input format: " + formats)
      ->capture_default_str();
  report
      ->add_option("--draws", ro.draws,
                   "Monte Carlo draws: adds outcome distributions and what drives them")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)));
  report->add_option("--seed", ro.seed, "random seed")->capture_default_str();
  report->add_option("--threads", ro.threads, "threads for --draws (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
  report->add_flag("-q,--quiet", ro.quiet, "no progress bar");

  concert::cli::BacktestCommand bo;
  CLI::App* backtest = app.add_subcommand(
      "backtest",
      "Score models on decisions with known outcomes (DEU data; see docs/backtest.md).");
  backtest->add_option("dir", bo.dir, "folder with issues.csv, positions.csv, actors.csv")
      ->required();
  backtest->add_option("-m,--model", bo.models,
                       "model spec; repeatable; default: every model but learned");
  backtest
      ->add_option("--capability", bo.capability,
                   "equal, council (Council votes of the period), or a CSV actor_code,capability")
      ->capture_default_str();
  backtest->add_option("-f,--format", bo.format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  backtest->add_option("-o,--output", bo.output, "write to this file instead of stdout");
  backtest->add_option("--seed", bo.seed, "seed of the bootstrap")->capture_default_str();
  backtest
      ->add_option("--group", bo.group,
                   "issue: one scenario per issue; proposal: the issues of a proposal "
                   "together, so that the exchange model can trade across them")
      ->check(CLI::IsMember({"issue", "proposal"}))
      ->capture_default_str();
  backtest->add_option("--report", bo.report,
                       "also write an HTML report: error distributions, forecast vs outcome");
  backtest->add_option("--bootstrap", bo.bootstrap, "bootstrap resamples for the paired intervals")
      ->capture_default_str();

  concert::cli::TournamentCommand to;
  CLI::App* tournament = concert::cli::AddTournament(app, to);
  concert::cli::SimulateCommand so;
  CLI::App* simulate = concert::cli::AddSimulate(app, so);
  concert::cli::OrderCommand oo;
  CLI::App* order = concert::cli::AddOrder(app, oo);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (forecast->parsed()) return concert::cli::Forecast(fo);
    if (models->parsed()) return concert::cli::Models(models_format);
    if (validate->parsed()) return concert::cli::Validate(file, input_format);
    if (convert->parsed()) return concert::cli::Convert(file, input_format, output);
    if (backtest->parsed()) return concert::cli::Backtest(bo);
    if (report->parsed()) return concert::cli::Report(ro);
    if (tournament->parsed()) return concert::cli::Tournament(to);
    if (simulate->parsed()) return concert::cli::Simulate(so);
    if (order->parsed()) return concert::cli::Order(oo);
  } catch (const concert::InputError& e) {
    std::cerr << "concert: error: " << concert::cli::InFlagTerms(e).what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "concert: internal error: " << e.what() << "\n";
    return 3;
  }
  return 2;
}
