// concert/serve/api.h — the JSON API of `concert serve` (docs/serve.md), apart
// from HTTP: each call takes a request body and returns a response, so tests
// can call it directly and server.cc only routes and guards.
//
// Every request that names a scenario carries it whole: {"name": file name,
// "text": the file's bytes, "edits": {PATH: number, ...}} (paths of
// run/edit.h), so the server keeps no state between requests and any number
// of pages may edit at once. Errors are ApiErrors: an HTTP status and a JSON
// body {"error": message, "file", "line", "field"} as the CLI would name them.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "concert/core/parallel.h"
#include "concert/io/document.h"
#include "concert/serve/api_error.h"
#include "concert/serve/scenario_dir.h"

namespace concert::serve {

struct Limits {
  std::size_t max_body_bytes = std::size_t{5} << 20;
  std::size_t max_draws = 100'000;
  std::size_t max_actors = 100;
  std::size_t max_issues = 50;
  double max_seconds = 60;  // per request; a run stops there
  unsigned threads = 0;     // of one Monte Carlo or simulation run; 0: every core
};

struct Response {
  std::string body;
  std::string content_type = "application/json";
  std::string filename;  // set: a download (Content-Disposition: attachment)
};

// A long run (Monte Carlo, simulation, report) checked and ready: Run() does the
// work, reporting progress and polling cancel through `control`, and returns
// the result as JSON {"result": ...} or {"error": ...}.
class Job {
 public:
  virtual ~Job() = default;
  virtual std::string Run(const RunControl& control) = 0;
};

// Files as read, by the SHA-256 of name and text: a page sends its file with
// every edit, and reading the Six-Party file (yaml-cpp) takes longer than
// forecasting it. Holds the last `capacity` files; safe from any thread.
class DocumentCache {
 public:
  explicit DocumentCache(std::size_t capacity = 32) : capacity_(capacity) {}
  // The document read from (name, text) as ReadNegotiation reads it; its errors are thrown.
  ScenarioDocument Get(const std::string& name, std::string text);

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const ScenarioDocument>>>
      entries_;  // newest first
};

class Api {
 public:
  Api(ScenarioDir dir, Limits limits) : dir_(std::move(dir)), limits_(limits) {}

  const Limits& limits() const { return limits_; }
  Response Files() const;                            // GET /api/files
  Response File(const std::string& name) const;      // GET /api/file?name=
  Response Models() const;                           // GET /api/models
  Response Scenario(const std::string& body) const;  // POST /api/scenario
  Response Forecast(const std::string& body,         // POST /api/forecast
                    const std::function<bool()>& cancel) const;
  Response Download(const std::string& what,  // POST /api/download/yaml|json|csv
                    const std::string& body) const;
  // POST /api/run: {"kind": "montecarlo"|"simulate"|"report", ...}; refuses
  // a bad request before anything runs.
  std::unique_ptr<Job> Prepare(const std::string& body) const;

 private:
  ScenarioDir dir_;
  Limits limits_;
  mutable DocumentCache cache_;
};

}  // namespace concert::serve
