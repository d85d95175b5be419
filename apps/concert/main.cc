// concert — forecasts multilateral negotiations. See `concert --help`.
// Exit codes: 0 success, 1 bad input (the message names file, line and field),
// 2 bad command line, 3 internal error, 130 interrupted (the output summarises
// the completed draws). Each subcommand is one file (cli.h).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
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
  // Each subcommand's options are built only when it is the one named (CLI11
  // builds every option and validator up front, which was most of the start-up
  // of a small forecast); `concert --help` and the like build all of them.
  using Add = void (*)(CLI::App&, concert::cli::Subcommands&);
  namespace c = concert::cli;
  static const std::pair<const char*, Add> kCommands[] = {
      {"forecast", c::AddForecast},     {"models", c::AddModels},     {"validate", c::AddValidate},
      {"convert", c::AddConvert},       {"report", c::AddReport},     {"backtest", c::AddBacktest},
      {"tournament", c::AddTournament}, {"simulate", c::AddSimulate}, {"order", c::AddOrder},
      {"power", c::AddPower},           {"advise", c::AddAdvise},     {"sweep", c::AddSweep},
      {"results", c::AddResults},       {"serve", c::AddServe}};
  const std::string named = argc > 1 ? argv[1] : "";
  const auto chosen = std::find_if(std::begin(kCommands), std::end(kCommands),
                                   [&](const auto& command) { return named == command.first; });
  if (argc > 1 && argv[1][0] != '-' && chosen == std::end(kCommands)) {
    // CLI11 alone says "A subcommand is required".
    std::vector<std::string> names;
    for (const auto& command : kCommands) names.emplace_back(command.first);
    std::cerr << "concert: error: unknown command '" << argv[1]
              << "'; expected one of: " << fmt::format("{}", fmt::join(names, ", "))
              << " (see concert --help)\n";
    return 2;
  }
  // `concert --version` needs none of them.
  const bool version_only = chosen == std::end(kCommands) && argc == 2 && named == "--version";
  concert::cli::Subcommands commands;
  for (const auto& command : kCommands) {
    if (version_only || (chosen != std::end(kCommands) && &command != &*chosen)) continue;
    command.second(app, commands);
    if (commands.back().app->get_name() != command.first) {
      std::cerr << "concert: internal error: the command table names '" << command.first
                << "' for '" << commands.back().app->get_name() << "'\n";
      return 3;
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
