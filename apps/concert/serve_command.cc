// `concert serve`: the local web page (serve/server.h) until Ctrl-C.
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli.h"
#include "concert/serve/server.h"

extern char** environ;

namespace concert::cli {
namespace {

struct ServeCliOptions {
  std::string dir;  // empty: ./scenarios when there is one, else .
  serve::ServeOptions serve;
  bool open = false;
};

// The system's browser on `url`, if xdg-open is there; a failure is only reported.
void OpenBrowser(const std::string& url) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) !=
      0) {
    std::cerr << "concert: --open: xdg-open is not installed; open " << url << " yourself\n";
  }
}

int Run(ServeCliOptions o) {
  o.serve.dir = !o.dir.empty()                               ? o.dir
                : std::filesystem::is_directory("scenarios") ? "scenarios"
                                                             : ".";
  if (!serve::IsLoopback(o.serve.host)) {
    std::cerr << fmt::format(
        "concert: warning: serving on {}: anyone who can reach this address can run models "
        "here and read the scenario files in {}\n",
        o.serve.host, o.serve.dir);
  }
  // Ctrl-C and SIGTERM reach one thread that stops the server; the server's
  // threads, started after this, inherit the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  serve::Server server(o.serve);
  std::cerr << fmt::format("concert serve: {} (files from {}); Ctrl-C stops it\n", server.url(),
                           std::filesystem::canonical(o.serve.dir).string());
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "\nconcert serve: stopping\n";
    server.Stop();
  });
  if (o.open) OpenBrowser(server.url());
  server.Run();
  waiter.join();
  return 0;
}

}  // namespace

void AddServe(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<ServeCliOptions>();
  ServeCliOptions& o = *options;
  serve::Limits& l = o.serve.limits;
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "A local web page: open or upload a scenario, edit positions, saliences and capabilities, "
      "and watch every model's forecast change (docs/serve.md).");
  cmd->add_option("dir", o.dir,
                  "SCENARIO_DIR: the directory whose scenario files the page may open "
                  "(default ./scenarios if present, else .); nothing outside it is read")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--port", o.serve.port, "TCP port (0: any free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", o.serve.host,
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
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
