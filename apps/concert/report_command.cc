// `concert report`: one self-contained HTML page of a scenario file
// (run/report_run.h does the work).
#include <algorithm>

#include "cli.h"
#include "concert/institutions/institution.h"
#include "concert/io/read.h"
#include "concert/output/sweep_output.h"
#include "concert/run/report_run.h"
#include "concert/store/sweep_tables.h"

namespace concert::cli {
namespace {

struct ReportOptions {
  std::string scenario;
  std::string input_format = "auto";
  std::vector<std::string> models;
  std::string output = "report.html";
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  bool quiet = false;
  bool drop_one = false;
  double salience_sweep = 0;
  std::size_t sobol = 0;
  std::string advise;  // actor id
  std::string store;   // a sweep's results store instead of a scenario
};

int RunStoreReport(const ReportOptions& o) {
  const SweepStore store = SweepStore::OpenReadOnly(o.store);
  Emit(o.output, SweepReportHtml(o.store, ReadStoreTable(store, "outcomes"),
                                 ReadStoreTable(store, "designs"), ReadStoreTable(store, "runs")));
  return 0;
}

int Run(const ReportOptions& o) {
  if (o.scenario.empty() && o.store.empty()) {
    throw InputError({"", 0, "scenario"},
                     "missing: a scenario file, or --store STORE for a sweep's results");
  }
  if (!o.scenario.empty() && !o.store.empty()) {
    throw InputError({"", 0, "--store"}, "give a scenario file or --store, not both");
  }
  if (!o.store.empty()) return RunStoreReport(o);
  ReportRequest request;
  // Read once: the path may be a pipe. An order-only file gets the order page.
  request.document =
      ReadDocument(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
  if (request.document.institution.from_file) CheckInstitution(request.document.institution);
  request.forecast.models = o.models;
  request.forecast.seed = o.seed;
  request.forecast.draws = request.document.order_only ? 0 : o.draws;
  request.forecast.sensitivity = o.draws > 0;
  request.forecast.drop_one = o.drop_one;
  request.forecast.salience_sweep = o.salience_sweep;
  request.forecast.sobol = o.sobol;
  if (o.draws > 0) request.section_draws = o.draws;
  if (!o.advise.empty()) {
    const std::vector<Actor>& actors = request.document.scenario.actors;
    if (std::none_of(actors.begin(), actors.end(),
                     [&](const Actor& a) { return a.id == o.advise; })) {
      throw InputError({"", 0, "--advise"}, "unknown actor '" + o.advise + "'");
    }
    request.advice = AdviceRequest{};
    request.advice->actor = o.advise;
  }
  std::unique_ptr<ProgressBar> bar;
  const RunControl control = Control(o.threads, ShowProgress(o.quiet), "report", &bar, true);
  const InterruptScope interrupt_scope;
  const ReportResult r = RunReport(request, control);
  bar.reset();
  if (r.html.empty()) return InterruptedBeforeAnyResult();
  Emit(o.output, r.html);
  return r.cancelled ? 130 : 0;
}

}  // namespace

void AddReport(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<ReportOptions>();
  ReportOptions& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write a self-contained HTML report (tables and SVG charts) of a scenario, or of a "
      "sweep's results store (--store).");
  cmd->add_option("scenario", o.scenario, "scenario file (or --store)");
  cmd->add_option("--store", o.store,
                  "instead of a scenario: chart a sweep's results store (concert sweep): each "
                  "issue's outcome against each varied number, a line per model");
  cmd->add_option("-m,--model", o.models,
                  "model spec; repeatable; default: every model but learned");
  cmd->add_option("-o,--output", o.output, "the HTML file to write")->capture_default_str();
  cmd->add_option("--input-format", o.input_format, InputFormatHelp())->capture_default_str();
  cmd->add_option("--draws", o.draws,
                  "Monte Carlo draws: adds outcome distributions and what drives them")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)))
      ->check(WholeNumber());
  cmd->add_option("--seed", o.seed, "random seed")->capture_default_str()->check(WholeNumber());
  cmd->add_option("--threads", o.threads, "threads for --draws (default: all cores)")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  cmd->add_flag("--drop-one", o.drop_one,
                "add tornado charts of each model's outcomes without each actor");
  cmd->add_option("--salience-sweep", o.salience_sweep,
                  "K: add tornado charts of each model's outcomes with each salience moved by "
                  "-K and +K points")
      ->check(CLI::Range(0.0, 100.0))
      ->check(DecimalNumber());
  cmd->add_option("--sobol", o.sobol,
                  "N: add tornado charts of each model's Sobol total-order indices from N base "
                  "samples")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(10000000)))
      ->check(WholeNumber());
  cmd->add_option("--advise", o.advise,
                  "actor id: add tornado charts of what this actor could do, its levers "
                  "(`concert advise` has the bounds, the target and the other formats)");

  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
