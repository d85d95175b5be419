// `concert models`: the registered models, their parameters and citations.
#include "cli.h"
#include "concert/models/registry.h"
#include "concert/output/models_output.h"

namespace concert::cli {

void AddModels(CLI::App& app, Subcommands& commands) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd =
      app.add_subcommand("models", "List the registered models, their parameters and citations.");
  cmd->add_option("-f,--format", *format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  commands.push_back({cmd, [format] {
                        const Registry& registry = Registry::Builtin();
                        Emit("", *format == "json" ? ModelsJson(registry) : ModelsText(registry));
                        return 0;
                      }});
}

}  // namespace concert::cli
