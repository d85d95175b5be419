// `concert serve`: checks its options, then becomes concert-serve (the
// executable beside this one, serve_main.cc), which serves the page.
#include "cli.h"
#include "serve_options.h"

namespace concert::cli {
namespace {

int Run(const ServeCliOptions& o) { ExecSibling("concert-serve", ServeArgs(o)); }

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
