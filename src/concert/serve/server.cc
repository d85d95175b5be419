// concert/serve/server.cc — HTTP routing and guards of `concert serve` (server.h).
#include "concert/serve/server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "concert/serve/assets.h"

namespace concert::serve {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kPolicy =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "frame-src 'self' blob: about:; object-src 'none'; base-uri 'none'; form-action 'none'";

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json");
}

// Runs `handle`, turning its refusals into JSON errors and anything else into a 500.
template <typename Handle>
void Guarded(httplib::Response& res, Handle handle) {
  try {
    const Response r = handle();
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    if (!r.filename.empty()) {
      res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", r.filename));
    }
    res.set_content(r.body, r.content_type);
  } catch (const ApiError& e) {
    SetJson(res, e.status(), e.body());
  } catch (const InputError& e) {
    const ApiError a = Refuse(e);
    SetJson(res, a.status(), a.body());
  } catch (const std::exception& e) {
    SetJson(res, 500, Json{{"error", fmt::format("internal error: {}", e.what())}}.dump());
  }
}

// Progress of one streamed run, shared by its worker and its connection.
struct RunState {
  std::atomic<std::size_t> done{0}, total{0};
  std::atomic<bool> cancel{false};
  std::mutex mutex;
  std::condition_variable finished_signal;
  bool finished = false;
  std::string result;
};

// httplib listens with a backlog of 5 (a constant compiled into Debian's
// library): 50 clients connecting at once overflow it, and the kernel drops
// the rest, which retry after 1 s or fail. listen() again on the bound socket
// (found by its port; httplib does not expose it) raises the backlog.
void WidenBacklog(int port) {
  for (int fd = 0; fd < 1024; ++fd) {
    int listening = 0;
    socklen_t size = sizeof(listening);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) continue;
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    const int bound = address.ss_family == AF_INET
                          ? ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port)
                      : address.ss_family == AF_INET6
                          ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                          : -1;
    if (bound == port) listen(fd, SOMAXCONN);
  }
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

struct Server::Impl {
  Impl(const ServeOptions& o) : options(o), api(ScenarioDir(o.dir), o.limits) {}

  ServeOptions options;
  Api api;
  httplib::Server http;
  int port = 0;
  std::set<std::string> hosts;  // accepted Host headers
  std::atomic<bool> stopping{false};
  std::atomic<int> runs{0};

  void Routes();
  void Stream(const httplib::Request& req, httplib::Response& res);
};

void Server::Impl::Routes() {
  for (const Asset& asset : Assets()) {
    const std::string path = asset.path == "/index.html" ? "/" : std::string(asset.path);
    http.Get(path, [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy", kPolicy);
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_content(asset.bytes.data(), asset.bytes.size(),
                      std::string(asset.content_type).c_str());
    });
  }
  http.Get("/api/files", [this](const httplib::Request&, httplib::Response& res) {
    Guarded(res, [&] { return api.Files(); });
  });
  http.Get("/api/models", [this](const httplib::Request&, httplib::Response& res) {
    Guarded(res, [&] { return api.Models(); });
  });
  http.Get("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
    Guarded(res, [&] {
      if (!req.has_param("name")) throw Refuse(400, "name: missing (GET /api/file?name=FILE)");
      return api.File(req.get_param_value("name"));
    });
  });
  http.Post("/api/scenario", [this](const httplib::Request& req, httplib::Response& res) {
    Guarded(res, [&] { return api.Scenario(req.body); });
  });
  http.Post("/api/forecast", [this](const httplib::Request& req, httplib::Response& res) {
    Guarded(res, [&] { return api.Forecast(req.body, [this] { return stopping.load(); }); });
  });
  http.Post(R"(/api/download/(\w+))", [this](const httplib::Request& req, httplib::Response& res) {
    Guarded(res, [&] { return api.Download(req.matches[1], req.body); });
  });
  http.Post("/api/run",
            [this](const httplib::Request& req, httplib::Response& res) { Stream(req, res); });
}

// POST /api/run: one JSON line of progress at once and every 0.1 s after, then
// the result's line.
// A client that goes away cancels the run.
void Server::Impl::Stream(const httplib::Request& req, httplib::Response& res) {
  std::shared_ptr<Job> job;
  try {
    job = api.Prepare(req.body);
  } catch (const ApiError& e) {
    return SetJson(res, e.status(), e.body());
  }
  if (runs.fetch_add(1) >= 4) {
    runs.fetch_sub(1);
    return SetJson(res, 503,
                   Json{{"error", "4 runs are going on this server already; try again"}}.dump());
  }
  auto state = std::make_shared<RunState>();
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider(
      "application/x-ndjson",
      [this, job, state](std::size_t, httplib::DataSink& sink) {
        std::thread worker([this, job, state] {
          RunControl control;
          control.threads = options.limits.threads;
          control.progress = [state](std::size_t done, std::size_t total) {
            state->done = done;
            state->total = total;
          };
          control.cancel = [this, state] { return state->cancel.load() || stopping.load(); };
          std::string result;
          try {
            result = job->Run(control);
          } catch (const InputError& e) {
            result = Json{{"error", e.what()}}.dump();
          } catch (const std::exception& e) {
            result = Json{{"error", fmt::format("internal error: {}", e.what())}}.dump();
          }
          const std::lock_guard<std::mutex> lock(state->mutex);
          state->result = std::move(result);
          state->finished = true;
          state->finished_signal.notify_all();
        });
        bool connected = true;
        std::unique_lock<std::mutex> lock(state->mutex);
        // At least one progress line, even when the run is done before this
        // loop starts, so a client always sees progress before the result.
        for (bool first = true; first || !state->finished; first = false) {
          if (connected) {
            const std::size_t total = state->total, done = state->done;
            const std::string line =
                Json{{"progress", total == 0 ? 0.0 : static_cast<double>(done) / total}}.dump() +
                "\n";
            lock.unlock();
            if (!sink.is_writable() || !sink.write(line.data(), line.size())) {
              connected = false;
              state->cancel = true;
            }
            lock.lock();
          }
          if (!state->finished) {
            state->finished_signal.wait_for(lock, std::chrono::milliseconds(100));
          }
        }
        const std::string line = state->result + "\n";
        lock.unlock();
        worker.join();
        if (!connected || !sink.write(line.data(), line.size())) return false;
        sink.done();
        return true;
      },
      // Called when the response goes, whether or not the provider ran (a
      // client gone before the headers were sent never reaches it); once, even
      // if httplib copied the response.
      [this, released = std::make_shared<std::atomic<bool>>(false)](bool) {
        if (!released->exchange(true)) runs.fetch_sub(1);
      });
}

Server::Server(const ServeOptions& options) : impl_(std::make_unique<Impl>(options)) {
  // A client that disconnects mid-write must not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  Impl& s = *impl_;
  const unsigned connections = std::max(4u, options.connections);
  s.http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  s.http.set_payload_max_length(options.limits.max_body_bytes);
  s.http.set_tcp_nodelay(true);  // else Nagle holds each answer's last segment ~40 ms
  // httplib closes a connection after 5 requests by default; a page that edits
  // sends many, and reconnecting clients overflow its listen backlog of 5
  // (dropped SYNs are retried after 1 s).
  s.http.set_keep_alive_max_count(100'000);
  // httplib's default sets SO_REUSEPORT, with which a second server on the same
  // port would bind too and share the requests; SO_REUSEADDR alone refuses it.
  s.http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  s.http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    const std::string host = req.get_header_value("Host");
    if (s.hosts.count(host) == 0) {
      SetJson(res, 403,
              Json{{"error", fmt::format("Host '{}' is not this server's name (DNS rebinding "
                                         "guard); open {}",
                                         host, *s.hosts.begin())}}
                  .dump());
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string origin = req.get_header_value("Origin");
    if (req.method != "GET" && !origin.empty() && origin != "http://" + host) {
      SetJson(res, 403,
              Json{{"error", fmt::format("Origin '{}' is another site's", origin)}}.dump());
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.http.set_error_handler([&s](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    // httplib caps form-encoded bodies at 8 KiB (curl -d sends that type).
    const bool form = req.get_header_value("Content-Type") == "application/x-www-form-urlencoded";
    const std::string message =
        res.status == 413 && form
            ? std::string(
                  "a form-encoded body (curl -d) is limited to 8 KiB: send the JSON with "
                  "Content-Type: application/json")
        : res.status == 413
            ? fmt::format("request body larger than this server's limit of {} bytes",
                          s.options.limits.max_body_bytes)
        : res.status == 404 ? std::string("no such page or endpoint (see docs/serve.md)")
                            : fmt::format("HTTP {}", res.status);
    SetJson(res, res.status, Json{{"error", message}}.dump());
  });
  s.Routes();
  if (options.port < 0 || options.port > 65535) {
    throw InputError({"", 0, "--port"}, fmt::format("expected 0-65535; got {}", options.port));
  }
  s.port = options.port == 0
               ? s.http.bind_to_any_port(options.host)
               : (s.http.bind_to_port(options.host, options.port) ? options.port : -1);
  if (s.port <= 0) {
    throw InputError({"", 0, options.port == 0 ? "--host" : "--port"},
                     fmt::format("cannot listen on {}:{} (in use, or not this machine's address)",
                                 options.host, options.port));
  }
  WidenBacklog(s.port);
  const std::string p = std::to_string(s.port);
  if (IsLoopback(options.host)) {
    s.hosts = {"127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p};
  } else {
    s.hosts = {
        (options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host) +
        ":" + p};
  }
}

Server::~Server() { Stop(); }

int Server::port() const { return impl_->port; }

int Server::active_runs() const { return impl_->runs.load(); }

std::string Server::url() const { return fmt::format("http://{}/", *impl_->hosts.begin()); }

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() {
  impl_->stopping = true;
  impl_->http.stop();
}

}  // namespace concert::serve
