// Latency of `concert serve` under load: K clients on loopback, each posting
// the Six-Party forecast (one edit, every default model, no Monte Carlo) as
// fast as answers come (or, with --think MS, waiting MS between an answer and
// the next request, as a person editing does: the page waits 250 ms after the
// last keystroke), for S seconds; prints p50, p90, p99 and the rate.
//
//   build/concert_serve_bench [--clients K] [--seconds S] [--think MS] [--model SPEC]...
//
// The server runs in this process (serve/server.h), as `concert serve` does.
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "concert/io/read.h"
#include "concert/serve/server.h"

namespace {

using Clock = std::chrono::steady_clock;

double Quantile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  int clients = 50;
  double seconds = 10, think_ms = 0;
  std::vector<std::string> models;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string flag = argv[k];
    if (flag == "--clients") clients = std::stoi(argv[k + 1]);
    if (flag == "--seconds") seconds = std::stod(argv[k + 1]);
    if (flag == "--model") models.push_back(argv[k + 1]);
    if (flag == "--think") think_ms = std::stod(argv[k + 1]);
  }
  const std::string dir = std::string(CONCERT_SOURCE_DIR) + "/scenarios";
  nlohmann::json body = {{"name", "six_party_talks_2005.yaml"},
                         {"text", concert::ReadTextFile(dir + "/six_party_talks_2005.yaml")},
                         {"edits", {{"stances.CHN.nuclear.salience", 90}}}};
  if (!models.empty()) body["models"] = models;
  const std::string payload = body.dump();
  concert::serve::ServeOptions options;
  options.dir = dir;
  options.port = 0;
  concert::serve::Server server(options);
  std::thread serving([&] { server.Run(); });

  // The page reads its file once before any edit (POST /api/scenario): the
  // server's document cache then holds it, as here.
  {
    httplib::Client warm("127.0.0.1", server.port());
    const auto r = warm.Post("/api/scenario", payload, "application/json");
    if (!r || r->status != 200) {
      fmt::print("the scenario did not load\n");
      return 1;
    }
  }
  std::mutex mutex;
  std::vector<double> latencies;  // ms
  std::atomic<int> errors{0};
  const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                   std::chrono::duration<double>(seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_read_timeout(60, 0);
      client.set_tcp_nodelay(true);  // as browsers do
      std::vector<double> mine;
      while (Clock::now() < end) {
        const Clock::time_point t0 = Clock::now();
        const auto r = client.Post("/api/forecast", payload, "application/json");
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!r || r->status != 200) {
          if (errors++ < 5) {
            fmt::print(
                stderr, "error: {}\n",
                r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error()));
          }
        } else {
          mine.push_back(ms);
        }
        if (think_ms > 0) {
          std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(think_ms));
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (std::thread& t : threads) t.join();
  server.Stop();
  serving.join();
  if (latencies.empty()) {
    fmt::print("no answer in {} s ({} errors)\n", seconds, errors.load());
    return 1;
  }
  fmt::print(
      "{} clients, {} ms between answer and request, {} s, models: {}\n"
      "  requests {}  errors {}  rate {:.0f}/s\n"
      "  latency ms: p50 {:.1f}  p90 {:.1f}  p99 {:.1f}  max {:.1f}\n",
      clients, think_ms, seconds,
      models.empty() ? std::string("every default") : fmt::format("{}", fmt::join(models, " ")),
      latencies.size(), errors.load(), static_cast<double>(latencies.size()) / seconds,
      Quantile(latencies, 0.5), Quantile(latencies, 0.9), Quantile(latencies, 0.99),
      Quantile(latencies, 1.0));
  return errors.load() == 0 ? 0 : 1;
}
