// The options of `concert serve`, shared by the CLI, which checks them and
// starts concert-serve beside itself, and by concert-serve, which serves.
//
// The server lives in its own executable so that its libraries (cpp-httplib,
// which brings OpenSSL, zlib and brotli) are not loaded by every other
// command: linked into `concert` they added about 8 ms to each start.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "concert/serve/api.h"

namespace concert::cli {

struct ServeCliOptions {
  std::string dir;  // empty: ./scenarios when there is one, else .
  std::string host = "127.0.0.1";
  int port = 8765;
  serve::Limits limits;
  bool open = false;
};

void AddServeOptions(CLI::App* cmd, ServeCliOptions& o);
// The command line that gives `o` back (after the program name).
std::vector<std::string> ServeArgs(const ServeCliOptions& o);

}  // namespace concert::cli
