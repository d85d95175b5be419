// concert/serve/server.h — `concert serve`: the local web page and its JSON API
// (api.h) over HTTP, with cpp-httplib from Debian (docs/serve.md).
//
// Guards: it binds 127.0.0.1 unless told otherwise; a request whose Host header
// is not the bound name and port is refused (DNS rebinding), and so is a POST
// whose Origin is another site; bodies are limited (Limits::max_body_bytes);
// files come only from the served directory (scenario_dir.h). Runs stop when
// their client disconnects, at Limits::max_seconds, and at Stop().
#pragma once

#include <memory>
#include <string>

#include "concert/serve/api.h"

namespace concert::serve {

struct ServeOptions {
  std::string dir = ".";
  std::string host = "127.0.0.1";
  int port = 8765;  // 0: any free port
  Limits limits;
  unsigned connections = 64;  // worker threads (each keeps one connection)
};

// Whether `host` names this machine's loopback interface.
bool IsLoopback(const std::string& host);

class Server {
 public:
  // InputError naming SCENARIO_DIR, --host or --port when they cannot be used.
  explicit Server(const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;         // bound (the chosen one with port 0)
  int active_runs() const;  // streamed runs not yet finished (POST /api/run)
  std::string url() const;
  void Run();   // serves until Stop()
  void Stop();  // from any thread; running jobs are cancelled

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace concert::serve
