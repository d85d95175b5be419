#include "cli.h"

#include <fmt/format.h>

#include <iostream>
#include <map>

#include "concert/io/read.h"
#include "concert/output/atomic_file.h"

namespace concert::cli {

std::string InputFormatHelp() {
  return "input format: auto|" + fmt::format("{}", fmt::join(InputFormatNames(), "|"));
}

void Emit(const std::string& output, const std::string& bytes) {
  if (output.empty() || output == "-") {
    std::cout << bytes;
    std::cout.flush();
  } else {
    WriteFileAtomically(output, bytes);
  }
}

InputError InFlagTerms(const InputError& e) {
  static const std::map<std::string, std::string> flags = {
      {"agreement_model", "--agreement-model"},
      {"bands", "--band"},
      {"capability", "--capability"},
      {"continuation", "--continuation"},
      {"discount", "--discount"},
      {"draws", "--draws"},
      {"explain", "--explain"},
      {"group", "--group"},
      {"group_size", "--group-size"},
      {"hub", "--hub"},
      {"input_format", "--input-format"},
      {"models", "--model"},
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
      {"sensitivity", "--sensitivity"},
      {"strategies", "--strategies"},
      {"table", "--table"},
      {"table_complexity", "--table-complexity"},
      {"transaction_cost", "--transaction-cost"},
      {"turns", "--turns"},
      {"years", "--years"},
  };
  const auto it = flags.find(e.where().field);
  if (it == flags.end()) return e;
  return InputError({e.where().file, e.where().line, it->second}, e.message());
}

RunControl Control(unsigned threads, bool show, const std::string& label,
                   std::unique_ptr<ProgressBar>* bar) {
  RunControl control;
  control.threads = threads;
  control.cancel = [] { return g_interrupted.load(); };
  if (show) {
    *bar = std::make_unique<ProgressBar>(label);
    ProgressBar* p = bar->get();
    control.progress = [p](std::size_t done, std::size_t total) { p->Update(done, total); };
  }
  return control;
}

}  // namespace concert::cli
