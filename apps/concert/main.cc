// concert — forecasts multilateral negotiations. See `concert --help`.
// Exit codes: 0 success, 1 bad input (the message names file, line and field),
// 2 bad command line, 3 internal error, 130 interrupted (the output summarises
// the completed draws). Each subcommand is one file (cli.h).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "concert/output/atomic_file.h"

int main(int argc, char** argv) {
  concert::cli::g_arguments.assign(argv + 1, argv + argc);
  CLI::App app{
      "concert: forecast multilateral negotiations with bargaining models.\n"
      "Scenarios are actors x issues with capability, position and salience; see "
      "docs/scenario-format.md."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "concert 0.1.0");
  app.fallthrough();  // the limits below may follow the subcommand
  concert::cli::LimitOptions limits;
  concert::cli::AddLimitOptions(app, limits);
  concert::cli::Subcommands commands;
  for (auto add : {concert::cli::AddForecast, concert::cli::AddModels, concert::cli::AddValidate,
                   concert::cli::AddConvert, concert::cli::AddReport, concert::cli::AddBacktest,
                   concert::cli::AddTournament, concert::cli::AddSimulate, concert::cli::AddOrder,
                   concert::cli::AddPower, concert::cli::AddAdvise, concert::cli::AddSweep,
                   concert::cli::AddResults, concert::cli::AddServe}) {
    add(app, commands);
  }
  if (argc > 1 && argv[1][0] != '-') {  // CLI11 alone says "A subcommand is required"
    std::vector<std::string> names;
    for (const concert::cli::Subcommand& command : commands) {
      names.push_back(command.app->get_name());
    }
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::cerr << "concert: error: unknown command '" << argv[1]
                << "'; expected one of: " << fmt::format("{}", fmt::join(names, ", "))
                << " (see concert --help)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  concert::cli::ApplyLimits(limits);
  try {
    for (const concert::cli::Subcommand& command : commands) {
      if (!command.app->parsed()) continue;
      // A bad -o path is refused before the computation, not after it.
      const CLI::Option* output = command.app->get_option_no_throw("--output");
      if (output != nullptr && output->count() > 0) {
        concert::CheckWritable(output->as<std::string>());
      }
      const int code = command.run();
      std::cout.flush();
      if (!std::cout) {
        throw concert::InputError({"standard output", 0, ""},
                                  "could not write the output (disk full or stdout closed?)");
      }
      return code;
    }
  } catch (const concert::InputError& e) {
    std::cerr << "concert: error: " << concert::cli::InFlagTerms(e).what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "concert: internal error: " << e.what() << "\n";
    return 3;
  }
  return 2;
}
