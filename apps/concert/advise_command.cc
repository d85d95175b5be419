// `concert advise`: what an actor could do about the forecast (analysis/levers.h).
#include <fmt/format.h>

#include "cli.h"
#include "concert/analysis/forecast_run.h"
#include "concert/institutions/institution.h"
#include "concert/io/read.h"
#include "concert/output/advice_output.h"
#include "concert/run/report_run.h"

namespace concert::cli {
namespace {

struct AdviseCommand {
  std::string scenario;
  std::string input_format = "auto";
  AdviceRequest request;
  double target = 0;
  CLI::Option* target_given = nullptr;
  unsigned threads = 0;
  bool quiet = false;
  std::string format = "text";
  std::string table = "levers";
  std::string output;
};

int Run(AdviseCommand& o) {
  CreateModels(o.request.models);  // a typo in a spec fails before the file is read
  ScenarioDocument doc =
      ReadNegotiation(o.scenario, ReadTextFile(o.scenario), ParseInputFormat(o.input_format));
  o.request.scenario = doc.scenario;
  if (*o.target_given) o.request.target = o.target;
  if (o.table == "best" && !o.request.target) {
    throw InputError({"", 0, "--table"}, "table best needs --target");
  }
  std::unique_ptr<ProgressBar> bar;
  const RunControl control = Control(o.threads, ShowProgress(o.quiet), "advise", &bar);
  const InterruptScope interrupt_scope;
  if (o.format == "html") {  // the report, with the levers' section
    ReportRequest report;
    report.document = std::move(doc);
    report.forecast.models = o.request.models;
    report.advice = o.request;
    const ReportResult r = RunReport(report, control);
    bar.reset();
    if (r.html.empty()) return InterruptedBeforeAnyResult();
    Emit(o.output, r.html);
    return r.cancelled ? 130 : 0;
  }
  const AdviceResult result = RunAdvice(o.request, control);
  bar.reset();
  if (result.cancelled) return InterruptedBeforeAnyResult();
  std::string bytes;
  if (o.format == "json") {
    bytes = AdviceJson(o.request, result);
  } else if (o.format == "csv") {
    bytes = AdviceCsv(o.request, result, o.table);
  } else {
    bytes = AdviceText(o.request, result);
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace

void AddAdvise(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<AdviseCommand>();
  AdviseCommand& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "advise",
      "What an actor could do: how much each model's outcome of each issue moves per unit of "
      "the actor's own position, salience and capability (exact for the compromise, finite "
      "differences elsewhere, with the model's kinks reported), the best single move within "
      "bounds toward a target outcome, per model, and whether the models agree.");
  cmd->add_option("scenario", o.scenario, "scenario file")->required();
  cmd->add_option("--actor", o.request.actor, "the actor's id")->required();
  cmd->add_option("--issue", o.request.issue,
                  "only this outcome issue (and the one --target is for)");
  o.target_given = cmd->add_option("--target", o.target,
                                   "with --issue: the outcome the actor wants; adds the best "
                                   "single move toward it")
                       ->check(DecimalNumber());
  cmd->add_option("-m,--model", o.request.models,
                  "model spec; repeatable; default: every model but learned");
  cmd->add_option("--max-position-change", o.request.max_position_change,
                  "bound on the move of a position, in scale points (default: the whole scale)")
      ->check(DecimalNumber());
  cmd->add_option("--max-salience-change", o.request.max_salience_change,
                  "bound on the move of a salience, in points of 0-100")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--max-capability-change", o.request.max_capability_change,
                  "bound on the change of capability, as a share of it (0.5: +-50 %)")
      ->capture_default_str()
      ->check(DecimalNumber());
  cmd->add_option("--grid", o.request.grid, "values tried per lever for the best move")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--input-format", o.input_format, InputFormatHelp())->capture_default_str();
  cmd->add_option("--threads", o.threads,
                  "threads (default: all cores); the output does not "
                  "depend on it")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  cmd->add_option("-f,--format", o.format,
                  "output format (html: the scenario's report with a section on the levers)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table,
                  "with --format csv: levers (one row per model, lever and outcome issue) or "
                  "best (the best move per model; needs --target)")
      ->check(CLI::IsMember({"levers", "best"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
