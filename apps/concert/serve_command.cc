// `concert serve`: checks its options, then becomes concert-serve (the
// executable beside this one, serve_main.cc), which serves the page.
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli.h"
#include "serve_options.h"

namespace concert::cli {
namespace {

int Run(const ServeCliOptions& o) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string server = (self.parent_path() / "concert-serve").string();
  std::vector<std::string> args = ServeArgs(o);
  args.insert(args.begin(), server);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execv(server.c_str(), argv.data());
  throw InputError({"", 0, "serve"},
                   fmt::format("cannot start {} ({}): it is built and installed beside concert",
                               server, std::strerror(errno)));
}

}  // namespace

void AddServe(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<ServeCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "A local web page: open or upload a scenario, edit positions, saliences and capabilities, "
      "and watch every model's forecast change (docs/serve.md).");
  AddServeOptions(cmd, *options);
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
