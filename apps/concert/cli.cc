#include "cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>

#include "concert/core/limits.h"
#include "concert/io/read.h"
#include "concert/io/text.h"
#include "concert/output/atomic_file.h"

namespace concert::cli {

std::vector<std::string> g_arguments;

void ExecSibling(const std::string& name, const std::vector<std::string>& arguments) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  std::string program = (self.parent_path() / name).string();
  std::vector<std::string> args = arguments;
  args.insert(args.begin(), program);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execv(program.c_str(), argv.data());
  throw InputError({"", 0, ""}, fmt::format("cannot start {} ({}): it is built and installed "
                                            "beside concert",
                                            program, std::strerror(errno)));
}

std::string InputFormatHelp() {
  return "input format: auto|" + fmt::format("{}", fmt::join(InputFormatNames(), "|"));
}

CLI::Validator WholeNumber() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const std::string max = std::to_string(std::numeric_limits<std::uint64_t>::max());
        const bool digits = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
        const std::size_t first = value.find_first_not_of('0');
        const std::string significant = first == std::string::npos ? "0" : value.substr(first);
        if (digits && (significant.size() < max.size() ||
                       (significant.size() == max.size() && significant <= max))) {
          return "";
        }
        return fmt::format("expected a whole number in [0, {}] but got '{}'", max, value);
      },
      "WHOLE");
}

CLI::Validator DecimalNumber() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (text::IsDecimal(value) && std::isfinite(std::strtod(value.c_str(), nullptr))) {
          return "";
        }
        return fmt::format("expected a finite number in decimal notation but got '{}'", value);
      },
      "NUMBER");
}

void AddLimitOptions(CLI::App& app, LimitOptions& o) {
  const Limits defaults;
  o.input_mb = static_cast<double>(defaults.max_input_bytes) / (1 << 20);
  o.cells = defaults.max_cells;
  o.memory_mb = defaults.max_memory_bytes / (1 << 20);
  app.add_option("--max-input-mb", o.input_mb,
                 "refuse an input file larger than this many MiB (docs/limits.md)")
      ->check(DecimalNumber())
      ->check(CLI::Range(0.001, 1048576.0))
      ->capture_default_str();
  app.add_option("--max-cells", o.cells, "refuse a scenario with more actors x issues than this")
      ->check(WholeNumber())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40))
      ->capture_default_str();
  app.add_option("--max-memory-mb", o.memory_mb,
                 "refuse a run whose estimated working set exceeds this many MiB "
                 "(docs/limits.md has each model's estimate)")
      ->check(DecimalNumber())
      ->check(CLI::Range(1.0, 1073741824.0))
      ->capture_default_str();
}

void ApplyLimits(const LimitOptions& o) {
  Limits limits;
  limits.max_input_bytes = static_cast<std::size_t>(o.input_mb * (1 << 20));
  limits.max_cells = o.cells;
  limits.max_memory_bytes = o.memory_mb * (1 << 20);
  SetLimits(limits);
}

void Emit(const std::string& output, const std::string& bytes) {
  if (output.empty() || output == "-") {
    std::cout << bytes;
    std::cout.flush();
    if (!std::cout) {  // /dev/full, a closed stdout
      throw InputError({"standard output", 0, ""},
                       "could not write the output (disk full or stdout closed?)");
    }
  } else {
    WriteFileAtomically(output, bytes);
  }
}

int InterruptedBeforeAnyResult() {
  std::cerr << "concert: interrupted before every model's forecast finished; nothing written\n";
  return 130;
}

InputError InFlagTerms(const InputError& e) {
  static const std::map<std::string, std::string> flags = {
      {"agreement_model", "--agreement-model"},
      {"bands", "--band"},
      {"capability", "--capability"},
      {"capability_keep", "--capability-keep"},
      {"continuation", "--continuation"},
      {"discount", "--discount"},
      {"draws", "--draws"},
      {"enforcers", "--enforcers"},
      {"excluded", "--exclude"},
      {"explain", "--explain"},
      {"group", "--group"},
      {"group_size", "--group-size"},
      {"hub", "--hub"},
      {"input_format", "--input-format"},
      {"models", "--model"},
      {"monitoring_levels", "--monitoring-levels"},
      {"multiplier", "--multiplier"},
      {"noise", "--noise"},
      {"order_preset", "--order-preset"},
      {"order_year", "--order-year"},
      {"payoffs", "--payoffs"},
      {"periods", "--periods"},
      {"preset", "--preset"},
      {"quorum", "--quorum"},
      {"relative_gains", "--relative-gains"},
      {"repetitions", "--repetitions"},
      {"sanction_sizes", "--sanction-sizes"},
      {"sensitivity", "--sensitivity"},
      {"spokes", "--spokes"},
      {"strategies", "--strategies"},
      {"table", "--table"},
      {"table_complexity", "--table-complexity"},
      {"transaction_cost", "--transaction-cost"},
      {"turns", "--turns"},
      {"years", "--years"},
      // power, advise, and the forecast's what-ifs, Sobol and correlations
      {"weights", "--weights"},
      {"quota", "--quota"},
      {"names", "--names"},
      {"method", "--method"},
      {"samples", "--samples"},
      {"actor", "--actor"},
      {"issue", "--issue"},
      {"target", "--target"},
      {"grid", "--grid"},
      {"max_position_change", "--max-position-change"},
      {"max_salience_change", "--max-salience-change"},
      {"max_capability_change", "--max-capability-change"},
      {"salience_sweep", "--salience-sweep"},
      {"sobol", "--sobol"},
      {"base_samples", "--sobol"},
      {"correlations", "--correlate"},
      {"compare_capability", "--compare-capability"},
  };
  const auto it = flags.find(e.where().field);
  if (it == flags.end()) return e;
  return InputError({e.where().file, e.where().line, it->second}, e.message());
}

RunControl Control(unsigned threads, bool show, const std::string& label,
                   std::unique_ptr<ProgressBar>* bar, bool percent) {
  RunControl control;
  control.threads = threads;
  control.cancel = [] { return g_interrupted.load(); };
  if (show) {
    *bar = std::make_unique<ProgressBar>(label, percent);
    ProgressBar* p = bar->get();
    control.progress = [p](std::size_t done, std::size_t total) { p->Update(done, total); };
  }
  return control;
}

}  // namespace concert::cli
