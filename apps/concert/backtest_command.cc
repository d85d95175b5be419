// `concert backtest`: models scored on decisions with known outcomes (DEU).
#include "cli.h"
#include "concert/analysis/backtest.h"
#include "concert/analysis/forecast_run.h"
#include "concert/output/atomic_file.h"
#include "concert/output/backtest_output.h"

namespace concert::cli {
namespace {

struct BacktestCommand {
  std::string dir;
  std::vector<std::string> models;  // empty: every model run by default
  std::string capability = "equal";
  std::string compare_capability;
  std::string format = "text";
  std::string output;
  std::uint64_t seed = 0;
  std::size_t bootstrap = 2000;
  std::string report;  // also write this HTML report
  std::string group = "issue";
};

int Run(const BacktestCommand& o) {
  const std::vector<CreatedModel> models = CreateModels(o.models);
  BacktestOptions options;
  options.capability = o.capability;
  options.seed = o.seed;
  options.bootstrap = o.bootstrap;
  options.group = o.group;
  options.compare_capability = o.compare_capability;
  const BacktestResult result = RunBacktest(ReadDeu(o.dir), models, options);
  std::string bytes;
  if (o.format == "json") {
    bytes = BacktestToJson(result, options, o.dir);
  } else if (o.format == "csv") {
    bytes = BacktestToCsv(result);
  } else {
    bytes = BacktestToText(result, options);
  }
  Emit(o.output, bytes);
  if (!o.report.empty()) WriteFileAtomically(o.report, BacktestToHtml(result, options));
  return 0;
}

}  // namespace

void AddBacktest(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<BacktestCommand>();
  BacktestCommand& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "backtest",
      "Score models on decisions with known outcomes (DEU data; see docs/backtest.md).");
  cmd->add_option("dir", o.dir, "folder with issues.csv, positions.csv, actors.csv")->required();
  cmd->add_option("-m,--model", o.models,
                  "model spec; repeatable; default: every model but learned");
  cmd->add_option("--capability", o.capability,
                  "equal, council (Council votes of the period), council-banzhaf or "
                  "council-shapley (each state's power index in the period's Council under "
                  "qualified majority, see docs/power.md), or a CSV actor_code,capability")
      ->capture_default_str();
  cmd->add_option("--compare-capability", o.compare_capability,
                  "score every model under this capability too and report, per model, the "
                  "paired difference of absolute errors against --capability with a bootstrap "
                  "interval (text and JSON)");
  cmd->add_option("-f,--format", o.format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file instead of stdout");
  cmd->add_option("--seed", o.seed, "seed of the bootstrap")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--group", o.group,
                  "issue: one scenario per issue; proposal: the issues of a proposal "
                  "together, so that the exchange model can trade across them")
      ->check(CLI::IsMember({"issue", "proposal"}))
      ->capture_default_str();
  cmd->add_option("--report", o.report,
                  "also write an HTML report: error distributions, forecast vs outcome");
  cmd->add_option("--bootstrap", o.bootstrap, "bootstrap resamples for the paired intervals")
      ->capture_default_str()
      ->check(WholeNumber());

  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
