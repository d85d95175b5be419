// The options of `concert serve` (serve_options.h).
#include "serve_options.h"

#include <fmt/format.h>

#include "cli.h"

namespace concert::cli {

void AddServeOptions(CLI::App* cmd, ServeCliOptions& o) {
  serve::Limits& l = o.limits;
  cmd->add_option("dir", o.dir,
                  "SCENARIO_DIR: the directory whose scenario files the page may open "
                  "(default ./scenarios if present, else .); nothing outside it is read")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--port", o.port, "TCP port (0: any free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", o.host,
                  "address to listen on; another than 127.0.0.1 exposes the page to the network "
                  "and prints a warning")
      ->capture_default_str();
  cmd->add_flag("--open", o.open, "open the page in the system's browser (xdg-open)");
  cmd->add_option("--max-draws", l.max_draws, "Monte Carlo draws per run")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--max-actors", l.max_actors, "actors per scenario")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--max-issues", l.max_issues, "issues per scenario")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--max-seconds", l.max_seconds, "seconds per request; a run stops there")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-body-bytes", l.max_body_bytes, "request body limit (uploads)")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--threads", l.threads, "threads of one Monte Carlo run (0: every core)")
      ->capture_default_str()
      ->check(WholeNumber());
}

std::vector<std::string> ServeArgs(const ServeCliOptions& o) {
  const serve::Limits& l = o.limits;
  std::vector<std::string> args;
  if (!o.dir.empty()) args.push_back(o.dir);
  for (const auto& [flag, value] : std::vector<std::pair<std::string, std::string>>{
           {"--port", std::to_string(o.port)},
           {"--host", o.host},
           {"--max-draws", std::to_string(l.max_draws)},
           {"--max-actors", std::to_string(l.max_actors)},
           {"--max-issues", std::to_string(l.max_issues)},
           {"--max-seconds", fmt::format("{}", l.max_seconds)},
           {"--max-body-bytes", std::to_string(l.max_body_bytes)},
           {"--threads", std::to_string(l.threads)}}) {
    args.push_back(flag);
    args.push_back(value);
  }
  if (o.open) args.push_back("--open");
  return args;
}

}  // namespace concert::cli
