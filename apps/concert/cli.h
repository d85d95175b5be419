// The CLI's shared parts. Each subcommand lives in its own file as
// options -> request -> run (the library's run API) -> write, and registers
// itself with an Add* function; main.cc only parses and dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "concert/core/error.h"
#include "concert/core/parallel.h"
#include "progress.h"

namespace concert::cli {

struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;  // the exit code
};
using Subcommands = std::vector<Subcommand>;

void AddForecast(CLI::App& app, Subcommands& commands);
void AddModels(CLI::App& app, Subcommands& commands);
void AddValidate(CLI::App& app, Subcommands& commands);
void AddConvert(CLI::App& app, Subcommands& commands);
void AddReport(CLI::App& app, Subcommands& commands);
void AddBacktest(CLI::App& app, Subcommands& commands);
void AddTournament(CLI::App& app, Subcommands& commands);
void AddSimulate(CLI::App& app, Subcommands& commands);
void AddOrder(CLI::App& app, Subcommands& commands);
void AddPower(CLI::App& app, Subcommands& commands);
void AddAdvise(CLI::App& app, Subcommands& commands);
void AddSweep(CLI::App& app, Subcommands& commands);
void AddResults(CLI::App& app, Subcommands& commands);
void AddServe(CLI::App& app, Subcommands& commands);

// The process's arguments as main received them, program name excluded.
extern std::vector<std::string> g_arguments;
// Replaces this process by the program `name` in this executable's directory,
// with `arguments`; returns only by throwing an InputError when it cannot.
[[noreturn]] void ExecSibling(const std::string& name, const std::vector<std::string>& arguments);

// "input format: auto|yaml|json|..." from io/read.h's list.
std::string InputFormatHelp();

// Validators that see the text before CLI11 converts it, which alone takes
// "-1" for an unsigned as 2^64 - 1, "1e23" for an integer and "inf", "nan" or
// "0x10" for a real. WholeNumber: decimal digits in [0, 2^64 - 1].
// DecimalNumber: a finite number in plain decimal notation.
CLI::Validator WholeNumber();
CLI::Validator DecimalNumber();

// --max-input-mb, --max-cells and --max-memory-mb on the top-level app (they
// may follow the subcommand); ApplyLimits sets core/limits.h from them.
struct LimitOptions {
  double input_mb = 0, memory_mb = 0;
  std::size_t cells = 0;
};
void AddLimitOptions(CLI::App& app, LimitOptions& limits);
void ApplyLimits(const LimitOptions& limits);

// Writes `bytes` to stdout (output empty or "-") or atomically to the file.
void Emit(const std::string& output, const std::string& bytes);

// The run API's errors name request fields (e.g. `group_size`); the CLI says
// which flag sets each (`--group-size`). Other errors are returned unchanged.
InputError InFlagTerms(const InputError& error);

// Ctrl-C before every model's forecast finished: says that nothing was
// written and returns the exit code, 130.
int InterruptedBeforeAnyResult();

// A RunControl for the library: `threads`, Ctrl-C as the cancel, and a
// progress bar labelled `label` in `bar` when `show` (a percentage with
// `percent`: the run API's forecast counts steps, analysis/forecast_run.h).
RunControl Control(unsigned threads, bool show, const std::string& label,
                   std::unique_ptr<ProgressBar>* bar, bool percent = false);

}  // namespace concert::cli
