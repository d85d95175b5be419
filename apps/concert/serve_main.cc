// concert-serve: the server of `concert serve` (serve/server.h) until Ctrl-C.
// `concert serve` checks the options and starts this program with them
// (serve_options.h says why it is a program of its own).
#include <fmt/format.h>
#include <spawn.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "concert/serve/server.h"
#include "serve_options.h"

extern char** environ;

namespace {

// The system's browser on `url`, if xdg-open is there; a failure is only reported.
void OpenBrowser(const std::string& url) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) !=
      0) {
    std::cerr << "concert: --open: xdg-open is not installed; open " << url << " yourself\n";
  }
}

int Serve(const concert::cli::ServeCliOptions& o) {
  concert::serve::ServeOptions options;
  options.dir = !o.dir.empty()                               ? o.dir
                : std::filesystem::is_directory("scenarios") ? "scenarios"
                                                             : ".";
  options.host = o.host;
  options.port = o.port;
  options.limits = o.limits;
  if (!concert::serve::IsLoopback(options.host)) {
    std::cerr << fmt::format(
        "concert: warning: serving on {}: anyone who can reach this address can run models "
        "here and read the scenario files in {}\n",
        options.host, options.dir);
  }
  // Ctrl-C and SIGTERM reach one thread that stops the server; the server's
  // threads, started after this, inherit the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  concert::serve::Server server(options);
  std::cerr << fmt::format("concert serve: {} (files from {}); Ctrl-C stops it\n", server.url(),
                           std::filesystem::canonical(options.dir).string());
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

int main(int argc, char** argv) {
  CLI::App app{"concert-serve: the web page of `concert serve` (docs/serve.md)."};
  concert::cli::ServeCliOptions options;
  concert::cli::AddServeOptions(&app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return Serve(options);
  } catch (const concert::InputError& e) {
    std::cerr << "concert: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "concert: internal error: " << e.what() << "\n";
    return 3;
  }
}
