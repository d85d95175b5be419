// `concert sweep` (run a sweep file into a results store, on local threads or
// under mpirun) and `concert results` (export a store's tables). The work is
// the library's (run/sweep_run.h, store/); sweep_mpi.cc carries jobs between ranks.
#include <fmt/format.h>

#include <iostream>

#include "cli.h"
#include "concert/io/sweep_reader.h"
#include "concert/output/sweep_output.h"
#include "concert/run/sweep_run.h"
#include "concert/store/sweep_tables.h"
#include "sweep_mpi.h"

namespace concert::cli {
namespace {

struct SweepOptions {
  std::string sweep;
  std::string store = "results.sqlite";
  bool resume = false;
  bool check = false;
  unsigned threads = 0;
  bool quiet = false;
};

void PrintSummary(const SweepPlan& plan, const SweepRunSummary& s, const std::string& store) {
  const double rate = s.seconds > 0 ? static_cast<double>(s.ran) / s.seconds : 0;
  std::cout << fmt::format(
      "sweep '{}': {} jobs; {} already stored, {} run in {:.2f} s ({:.1f} "
      "jobs/s) -> {}\n",
      plan.spec.name, s.planned, s.skipped, s.ran, s.seconds, rate, store);
}

int RunSweepCommand(const SweepOptions& o) {
  const SweepPlan plan = PlanSweep(ReadSweepFile(o.sweep));
  if (o.check) {
    std::cout << fmt::format("ok: sweep '{}': {} jobs ({} cells x {} models)\n", plan.spec.name,
                             plan.jobs(), plan.cells, plan.models.size());
    return 0;
  }
  const MpiWorld world = MpiStart();
  struct Finish {
    ~Finish() { MpiFinish(); }
  } finish;
  SweepRunOptions options;
  options.resume = o.resume;
  options.ranks = world.size;
  const bool show = world.rank == 0 && ShowProgress(o.quiet);
  std::unique_ptr<ProgressBar> bar;
  RunControl control;
  control.threads = o.threads;
  control.cancel = [] { return g_interrupted.load(); };
  if (show) {
    bar = std::make_unique<ProgressBar>("sweep", false, "jobs/s");
    control.progress = [p = bar.get()](std::size_t done, std::size_t total) {
      p->Update(done, total);
    };
  }
  const InterruptScope interrupt_scope;
  SweepRunSummary summary;
  if (world.size > 1) {
    summary = RunSweepMpi(plan, o.store, options, control, world);
  } else {
    summary = RunSweep(plan, o.store, options, control);
  }
  bar.reset();
  if (world.rank != 0) return 0;
  PrintSummary(plan, summary, o.store);
  if (summary.cancelled) {
    std::cerr << fmt::format(
        "concert: interrupted: {} of {} jobs are in {}; run again with "
        "--resume to finish\n",
        summary.skipped + summary.ran, summary.planned, o.store);
    return 130;
  }
  return 0;
}

struct ResultsOptions {
  std::string store;
  std::string format = "csv";
  std::string table;
  std::string output;
};

int RunResults(const ResultsOptions& o) {
  const SweepStore store = SweepStore::OpenReadOnly(o.store);
  if (o.format == "csv") {
    Emit(o.output, StoreTableCsv(ReadStoreTable(store, o.table.empty() ? "outcomes" : o.table)));
    return 0;
  }
  std::vector<StoreTable> tables;
  for (const std::string& name :
       o.table.empty() ? StoreTableNames() : std::vector<std::string>{o.table}) {
    tables.push_back(ReadStoreTable(store, name));
  }
  Emit(o.output, StoreTablesJson(o.store, tables));
  return 0;
}

}  // namespace

void AddSweep(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<SweepOptions>();
  SweepOptions& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "Run a sweep file (scenarios x models x varied numbers, with draws and a seed) into an "
      "SQLite results store; --resume finishes an interrupted sweep. Under `mpirun -np K` the "
      "jobs are split across the ranks and rank 0 writes the store; results do not depend on "
      "the number of ranks or threads. See docs/sweeps.md.");
  cmd->add_option("sweep", o.sweep, "sweep file (YAML; docs/sweeps.md)")->required();
  cmd->add_option("--store", o.store, "the SQLite results store to write")->capture_default_str();
  cmd->add_flag("--resume", o.resume,
                "run only the jobs the store lacks (matched by spec and input hash)");
  cmd->add_flag("--check", o.check, "validate the sweep file and print its job count; run nothing");
  cmd->add_option("--threads", o.threads, "threads per process (default: all cores)")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  commands.push_back({cmd, [options] { return RunSweepCommand(*options); }});
}

void AddResults(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<ResultsOptions>();
  ResultsOptions& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "results",
      "Export a sweep's results store as tidy tables: CSV (one table; outcomes by default) or "
      "JSON (every table, or --table). Tables: outcomes, designs, jobs, assignments, rounds, runs "
      "(docs/sweeps.md).");
  cmd->add_option("store", o.store, "SQLite results store written by concert sweep")->required();
  cmd->add_option("-f,--format", o.format, "csv|json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table, "outcomes|designs|jobs|assignments|rounds|runs")
      ->check(CLI::IsMember(StoreTableNames()));
  cmd->add_option("-o,--output", o.output, "write to this file (default: stdout)");
  commands.push_back({cmd, [options] { return RunResults(*options); }});
}

}  // namespace concert::cli
