// `concert serve` (serve/): the edits of run/edit.h, the served directory's
// guards, and the HTTP server on loopback: Host, Origin and body limits,
// malformed requests to every endpoint, forecasts equal to the library's,
// streamed runs cancelled by a client that leaves, and 50 clients at once.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_util.h"
#include "concert/analysis/forecast_run.h"
#include "concert/analysis/sweep.h"
#include "concert/core/sha256.h"
#include "concert/io/read.h"
#include "concert/io/write.h"
#include "concert/run/edit.h"
#include "concert/serve/server.h"
#include "test_util.h"

namespace concert {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string SixPartyPath() { return testing::SourceDir() + "/scenarios/six_party_talks_2005.yaml"; }
std::string SixPartyText() { return ReadTextFile(SixPartyPath()); }

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("concert_serve_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

// --- run/edit.h ---------------------------------------------------------------

TEST(Edit, ParsesPathAndNumber) {
  const NumberEdit e = ParseEdit("stances.CHN.nuclear.salience=80.5", {"", 0, "--set"});
  EXPECT_EQ(e.path, "stances.CHN.nuclear.salience");
  EXPECT_EQ(e.value, 80.5);
  for (const char* bad : {"x", "=3", "a.b=", "a.b=3x", "a.b=nan", "a.b=1e999"}) {
    EXPECT_THROW(ParseEdit(bad, {"", 0, "--set"}), InputError) << bad;
  }
}

TEST(Edit, EqualsTheSweepsSetterAndHashesTheWrittenYaml) {
  ScenarioDocument doc = ReadDocument("six.yaml", SixPartyText());
  Scenario by_hand = doc.scenario;
  SetScenarioNumber(&by_hand, "stances.CHN.nuclear.salience", 90, {});
  ApplyEdits(&doc, {{"stances.CHN.nuclear.salience", 90}}, {"", 0, "edits"});
  EXPECT_EQ(ScenarioToYaml(doc.scenario), ScenarioToYaml(by_hand));
  EXPECT_EQ(doc.scenario.sha256, Sha256Hex(DocumentToYaml(doc)));
  // The written YAML reads back to the edited scenario, hash included.
  const ScenarioDocument again = ReadDocument("again.yaml", DocumentToYaml(doc));
  EXPECT_EQ(again.scenario.sha256, doc.scenario.sha256);
  EXPECT_EQ(ScenarioToYaml(again.scenario), ScenarioToYaml(doc.scenario));
}

TEST(Edit, InstitutionEditsReachTheWrittenYaml) {
  ScenarioDocument doc = ReadDocument("six.yaml", SixPartyText());
  ApplyEdits(&doc,
             {{"institution.monitoring", 0.9},
              {"institution.sanction_cost", 0.25},
              {"institution.aid.PRK", 0.45},
              {"institution.parties.PRK.exit_value", -0.2}},
             {"", 0, "edits"});
  const ScenarioDocument again = ReadDocument("again.yaml", DocumentToYaml(doc));
  const DesignSpec& base = again.institution.base;
  EXPECT_EQ(base.monitoring->value, 0.9);
  EXPECT_EQ(base.sanction_cost->value, 0.25);
  EXPECT_EQ(base.aid.at("PRK").value, 0.45);
  EXPECT_EQ(base.parties.at("PRK").exit_value->value, -0.2);
  EXPECT_EQ(base.monitoring->uncertainty.kind, Uncertainty::Kind::kNone);
  // What the edit did not touch is kept: the alternatives and the other parties.
  EXPECT_EQ(again.institution.alternatives.size(), doc.institution.alternatives.size());
  EXPECT_EQ(base.parties.at("PRK").discount->value, 0.8);
}

TEST(Edit, RefusalsNameTheField) {
  ScenarioDocument doc = ReadDocument("six.yaml", SixPartyText());
  try {
    ApplyEdits(&doc, {{"stances.CHN.nukes.salience", 1}}, {"", 0, "edits"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "edits: stances.CHN.nukes.salience");
    EXPECT_NE(e.message().find("unknown issue 'nukes'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ApplyEdits(&doc, {{"stances.CHN.nuclear.salience", 101}}, {}), InputError);
}

TEST(Edit, CliSetEqualsTheLibrarysEdit) {
  Scenario edited = ReadScenario("six.yaml", SixPartyText());
  SetScenarioNumber(&edited, "stances.CHN.nuclear.salience", 95, {});
  ForecastRequest request;
  request.scenario = edited;
  request.models = {"bdm", "compromise"};
  const ForecastResult expected = RunForecast(request);
  const testing::CliRun run =
      testing::Concert("forecast " + SixPartyPath() +
                       " --set stances.CHN.nuclear.salience=95 -f json -m bdm -m compromise");
  ASSERT_EQ(run.code, 0) << run.out;
  const Json j = Json::parse(run.out);
  ASSERT_EQ(j["forecasts"].size(), 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    for (std::size_t i = 0; i < edited.num_issues(); ++i) {
      EXPECT_EQ(j["forecasts"][m]["issues"][i]["outcome"].get<double>(),
                *expected.forecasts[m].issues[i].outcome);
    }
  }
  // The hash is the edited document's YAML's (run/edit.h), not the file's.
  EXPECT_NE(j["scenario"]["sha256"], ReadScenario("six.yaml", SixPartyText()).sha256);
}

TEST(Edit, CliSetRefusals) {
  const testing::CliRun typo =
      testing::Concert("forecast " + SixPartyPath() + " --set stances.CHN.nukes.salience=95");
  EXPECT_EQ(typo.code, 1);
  EXPECT_NE(typo.out.find("field '--set: stances.CHN.nukes.salience': unknown issue 'nukes'"),
            std::string::npos)
      << typo.out;
  const testing::CliRun no_value = testing::Concert("forecast " + SixPartyPath() + " --set x");
  EXPECT_EQ(no_value.code, 1);
  EXPECT_NE(no_value.out.find("expected PATH=VALUE"), std::string::npos) << no_value.out;
}

// --- the served directory --------------------------------------------------------

TEST(ScenarioDir, StaysInside) {
  const fs::path root = FreshDir("dir");
  const fs::path outside = FreshDir("outside");
  Write(root / "a.yaml", "x");
  fs::create_directories(root / "sub");
  Write(root / "sub" / "b.csv", "y");
  Write(root / "notes.md", "not a scenario");
  Write(outside / "secret.yaml", "secret");
  fs::create_symlink(outside / "secret.yaml", root / "link_out.yaml");
  fs::create_symlink(outside, root / "dir_out");
  fs::create_symlink(root / "a.yaml", root / "link_in.yaml");
  const serve::ScenarioDir dir(root.string());
  EXPECT_EQ(dir.List(), (std::vector<std::string>{"a.yaml", "link_in.yaml", "sub/b.csv"}));
  EXPECT_EQ(dir.Read("a.yaml"), "x");
  EXPECT_EQ(dir.Read("sub/b.csv"), "y");
  EXPECT_EQ(dir.Read("link_in.yaml"), "x");
  const auto status = [&](const std::string& name) {
    try {
      dir.Read(name);
      return 200;
    } catch (const serve::ApiError& e) {
      EXPECT_TRUE(Json::parse(e.body()).contains("error"));
      return e.status();
    }
  };
  EXPECT_EQ(status("../concert_serve_outside/secret.yaml"), 403);
  EXPECT_EQ(status("sub/../../concert_serve_outside/secret.yaml"), 403);
  EXPECT_EQ(status((outside / "secret.yaml").string()), 403);
  EXPECT_EQ(status("link_out.yaml"), 403);
  EXPECT_EQ(status("dir_out/secret.yaml"), 403);
  EXPECT_EQ(status("missing.yaml"), 404);
  EXPECT_EQ(status("sub"), 404);
  EXPECT_EQ(status(""), 400);
  EXPECT_EQ(status(std::string("a\0b", 3)), 400);
  EXPECT_THROW(serve::ScenarioDir((root / "a.yaml").string()), InputError);
}

// --- the server on loopback -----------------------------------------------------

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("http");
    Write(dir_ / "six_party_talks_2005.yaml", SixPartyText());
    serve::ServeOptions options;
    options.dir = dir_.string();
    options.port = 0;
    options.limits.max_body_bytes = 200'000;

    options.limits.threads = 2;
    server_ = std::make_unique<serve::Server>(options);
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(120, 0);
    return client;
  }
  // A request body naming the Six-Party file with `edits`.
  static std::string Body(const Json& edits = Json::object(), Json extra = Json::object()) {
    extra["name"] = "six_party_talks_2005.yaml";
    extra["text"] = SixPartyText();
    extra["edits"] = edits.is_null() ? Json::object() : edits;
    return extra.dump();
  }
  // POST /api/run of 100,000 draws of every model (about 30 s on 2 cores),
  // for a content receiver that decides when the client leaves.
  static httplib::Request LongRun() {
    httplib::Request request;
    request.method = "POST";
    request.path = "/api/run";
    request.body = Body({}, {{"kind", "montecarlo"}, {"draws", 100'000}});
    request.set_header("Content-Type", "application/json");
    return request;
  }
  // A refusal: the status and its JSON error.
  static void ExpectJsonError(const httplib::Result& r, int status, const std::string& what) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, status) << what << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json") << what;
    const Json j = Json::parse(r->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << what << ": " << r->body;
    EXPECT_TRUE(j["error"].is_string()) << what << ": " << r->body;
  }

  fs::path dir_;
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
};

TEST_F(ServeTest, ServesThePageAndItsFiles) {
  httplib::Client client = Client();
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script src=\"/app.js\">"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  for (const char* asset : {"/app.js", "/app.css"}) {
    const auto r = client.Get(asset);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << asset;
    EXPECT_GT(r->body.size(), 1000u) << asset;
  }
  const auto files = client.Get("/api/files");
  ASSERT_TRUE(files);
  EXPECT_EQ(Json::parse(files->body)["files"], Json::array({"six_party_talks_2005.yaml"}));
  const auto file = client.Get("/api/file?name=six_party_talks_2005.yaml");
  ASSERT_TRUE(file);
  EXPECT_EQ(Json::parse(file->body)["text"], SixPartyText());
  ExpectJsonError(client.Get("/api/file?name=..%2Fsecret.yaml"), 403, "traversal");
  ExpectJsonError(client.Get("/api/file"), 400, "no name");
  ExpectJsonError(client.Get("/nothing"), 404, "unknown page");
}

TEST_F(ServeTest, RefusesAnotherHostOriginOrAnOversizedBody) {
  httplib::Client client = Client();
  ExpectJsonError(client.Get("/", {{"Host", "evil.example:80"}}), 403, "DNS rebinding");
  ExpectJsonError(client.Get("/api/files", {{"Host", "evil.example"}}), 403, "DNS rebinding");
  ExpectJsonError(
      client.Post("/api/forecast", {{"Origin", "http://evil.example"}}, Body(), "application/json"),
      403, "cross-site POST");
  const auto localhost =
      client.Get("/api/files", {{"Host", "localhost:" + std::to_string(server_->port())}});
  ASSERT_TRUE(localhost);
  EXPECT_EQ(localhost->status, 200);
  ExpectJsonError(client.Post("/api/forecast", std::string(300'000, ' '), "application/json"), 413,
                  "oversized body");
}

TEST_F(ServeTest, MalformedRequestsGetJsonErrors) {
  httplib::Client client = Client();
  const std::vector<std::string> endpoints = {"/api/scenario",      "/api/forecast",
                                              "/api/run",           "/api/download/yaml",
                                              "/api/download/json", "/api/download/csv"};
  const std::vector<std::pair<std::string, int>> bodies = {
      {"", 400},
      {"{", 400},
      {"[1, 2]", 400},
      {"null", 400},
      {R"({"name": 3, "text": "x"})", 400},
      {R"({"name": "a.yaml"})", 400},
      {R"({"name": "a.yaml", "text": "name: x\nactors: 3\n", "kind": "montecarlo"})", 422},
      {Body({{"stances.CHN.nuclear.salience", "high"}}, {{"kind", "report"}}), 400},
      {Body({{"stances.XX.nuclear.salience", 50}}, {{"kind", "report"}}), 422},
  };
  for (const std::string& endpoint : endpoints) {
    for (const auto& [body, status] : bodies) {
      ExpectJsonError(client.Post(endpoint, body, "application/json"), status,
                      endpoint + " " + body.substr(0, 60));
    }
  }
  // Endpoints that run models check the specs.
  for (const char* endpoint : {"/api/forecast", "/api/run", "/api/download/json"}) {
    ExpectJsonError(
        client.Post(endpoint, Body({}, {{"kind", "montecarlo"}, {"models", {"bdm(rounds=-1)"}}}),
                    "application/json"),
        422, endpoint);
    ExpectJsonError(client.Post(endpoint, Body({}, {{"kind", "montecarlo"}, {"models", "bdm"}}),
                                "application/json"),
                    400, endpoint);
  }
  for (const Json& extra :
       {Json{{"kind", "nothing"}}, Json{{"kind", "montecarlo"}, {"draws", -1}},
        Json{{"kind", "montecarlo"}, {"draws", 0}}, Json{{"kind", "montecarlo"}, {"draws", 1.5}},
        Json{{"kind", "simulate"}, {"hub", "XX"}}}) {
    const auto r = client.Post("/api/run", Body({}, extra), "application/json");
    ASSERT_TRUE(r);
    EXPECT_GE(r->status, 400) << extra.dump();
    EXPECT_LT(r->status, 500) << extra.dump();
  }
  ExpectJsonError(client.Post("/api/download/pdf", Body(), "application/json"), 404, "pdf");
  // A 422 carries the reader's file, line and field as the CLI names them.
  const auto bad = client.Post("/api/scenario",
                               Json{{"name", "bad.yaml"}, {"text", "name: x\nactors: 3\n"}}.dump(),
                               "application/json");
  ASSERT_TRUE(bad);
  const Json j = Json::parse(bad->body);
  EXPECT_EQ(j["file"], "bad.yaml");
  EXPECT_EQ(j["line"], 2);
  EXPECT_EQ(j["error"].get<std::string>().rfind("bad.yaml:2: ", 0), 0u) << j.dump();
}

TEST_F(ServeTest, ForecastEqualsTheLibrarysOnTheEditedScenario) {
  Scenario edited = ReadScenario("six.yaml", SixPartyText());
  SetScenarioNumber(&edited, "stances.CHN.nuclear.salience", 90, {});
  SetScenarioNumber(&edited, "actors.PRK.capability", 0.05, {});
  ForecastRequest request;
  request.scenario = edited;
  const ForecastResult expected = RunForecast(request);
  httplib::Client client = Client();
  const auto r =
      client.Post("/api/forecast",
                  Body({{"stances.CHN.nuclear.salience", 90}, {"actors.PRK.capability", 0.05}}),
                  "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const Json j = Json::parse(r->body);
  ASSERT_EQ(j["models"].size(), expected.forecasts.size());
  for (std::size_t m = 0; m < expected.forecasts.size(); ++m) {
    const Forecast& f = expected.forecasts[m];
    EXPECT_EQ(j["models"][m]["spec"], f.model);
    for (std::size_t i = 0; i < f.issues.size(); ++i) {
      ASSERT_TRUE(f.issues[i].outcome);
      EXPECT_EQ(j["models"][m]["outcomes"][i].get<double>(), *f.issues[i].outcome) << f.model;
    }
  }
}

TEST_F(ServeTest, StreamedRunReportsProgressThenItsResult) {
  httplib::Client client = Client();
  const auto r = client.Post(
      "/api/run", Body({}, {{"kind", "montecarlo"}, {"draws", 300}, {"models", {"compromise"}}}),
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  std::vector<Json> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = r->body.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(Json::parse(r->body.substr(start, nl - start)));
  }
  ASSERT_GE(lines.size(), 2u);
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) EXPECT_TRUE(lines[k].contains("progress"));
  const Json& result = lines.back()["result"];
  EXPECT_FALSE(result["cancelled"].get<bool>());
  // The run is counted off once its response is gone (a bounded wait).
  for (int k = 0; k < 600 && server_->active_runs() > 0; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(server_->active_runs(), 0);
  EXPECT_EQ(result["models"][0]["monte_carlo"]["draws"], 300);
  // The same draws as the library's run with the same seed.
  ForecastRequest request;
  request.scenario = ReadScenario("six.yaml", SixPartyText());
  request.models = {"compromise"};
  request.draws = 300;
  const ForecastResult expected = RunForecast(request);
  EXPECT_EQ(result["models"][0]["monte_carlo"]["issues"][0]["mean"].get<double>(),
            expected.monte_carlo[0].issues[0].mean);
}

TEST_F(ServeTest, ClientThatLeavesStopsItsRun) {
  std::atomic<bool> saw_progress{false};
  std::string first_chunk;
  std::thread client_thread([&] {
    httplib::Client client = Client();
    // The client leaves after its first line of progress.
    httplib::Request request = LongRun();
    request.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
      first_chunk.assign(data, n);
      saw_progress = true;
      return false;
    };
    client.send(request);
  });
  client_thread.join();
  ASSERT_TRUE(saw_progress.load());
  EXPECT_EQ(first_chunk.rfind("{\"progress\":", 0), 0u) << first_chunk;
  // Bounded wait, generous for a slow machine: the run notices within a round.
  for (int k = 0; k < 600 && server_->active_runs() > 0; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(server_->active_runs(), 0);
}

TEST_F(ServeTest, AFifthLongRunWaitsForOneOfFour) {
  std::atomic<bool> leave{false};
  std::vector<std::thread> holders;
  for (int k = 0; k < 4; ++k) {
    holders.emplace_back([&] {
      httplib::Client client = Client();
      httplib::Request request = LongRun();
      request.content_receiver = [&](const char*, std::size_t, std::uint64_t, std::uint64_t) {
        return !leave.load();
      };
      client.send(request);
    });
  }
  for (int k = 0; k < 3000 && server_->active_runs() < 4; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(server_->active_runs(), 4);
  httplib::Client client = Client();
  ExpectJsonError(client.Post("/api/run", Body({}, {{"kind", "montecarlo"}, {"draws", 10}}),
                              "application/json"),
                  503, "a fifth run");
  leave = true;
  for (std::thread& t : holders) t.join();
  for (int k = 0; k < 3000 && server_->active_runs() > 0; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(server_->active_runs(), 0);
}

TEST_F(ServeTest, FiftyClientsAtOnceGetTheSameAnswers) {
  httplib::Client first = Client();
  const std::string body = Body({{"stances.CHN.nuclear.salience", 70}});
  const auto reference = first.Post("/api/forecast", body, "application/json");
  ASSERT_TRUE(reference);
  ASSERT_EQ(reference->status, 200);
  std::atomic<int> ok{0}, wrong{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 50; ++c) {
    clients.emplace_back([&] {
      httplib::Client client = Client();
      for (int k = 0; k < 4; ++k) {
        const auto r = client.Post("/api/forecast", body, "application/json");
        (r && r->status == 200 && r->body == reference->body ? ok : wrong)++;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok.load(), 200);
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(ServeTest, DownloadsReadBackToTheSameForecast) {
  httplib::Client client = Client();
  const std::string body = Body({{"stances.CHN.nuclear.salience", 95}});
  const auto yaml = client.Post("/api/download/yaml", body, "application/json");
  ASSERT_TRUE(yaml);
  ASSERT_EQ(yaml->status, 200);
  EXPECT_EQ(yaml->get_header_value("Content-Disposition"),
            "attachment; filename=\"six_party_talks_2005-edited.yaml\"");
  const auto json = client.Post("/api/download/json", body, "application/json");
  ASSERT_TRUE(json);
  ForecastRequest request;
  request.scenario = ReadScenario("edited.yaml", yaml->body);
  const ForecastResult run = RunForecast(request);
  const Json j = Json::parse(json->body);
  EXPECT_EQ(j["scenario"]["sha256"], request.scenario.sha256);
  for (std::size_t m = 0; m < run.forecasts.size(); ++m) {
    for (std::size_t i = 0; i < run.forecasts[m].issues.size(); ++i) {
      EXPECT_EQ(j["forecasts"][m]["issues"][i]["outcome"].get<double>(),
                *run.forecasts[m].issues[i].outcome);
    }
  }
  const auto csv = client.Post("/api/download/csv", body, "application/json");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.rfind("model,issue,outcome,note\n", 0), 0u) << csv->body.substr(0, 80);
}

TEST_F(ServeTest, SimulatesTheInstitutionWithEdits) {
  httplib::Client client = Client();
  const auto r = client.Post(
      "/api/run",
      Body({{"institution.aid.PRK", 0.6}}, {{"kind", "simulate"}, {"draws", 200}, {"hub", "USA"}}),
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const std::size_t last = r->body.rfind('\n', r->body.size() - 2);
  const Json result = Json::parse(r->body.substr(last + 1))["result"];
  EXPECT_GE(result["designs"].size(), 2u);
  EXPECT_TRUE(result["architectures"].is_object());
}

TEST_F(ServeTest, DrawsAboveTheLimitAreRefused) {
  httplib::Client client = Client();
  ExpectJsonError(client.Post("/api/run", Body({}, {{"kind", "montecarlo"}, {"draws", 100'001}}),
                              "application/json"),
                  413, "draws above --max-draws");
}

TEST(Serve, StopsARunAtItsTimeLimit) {
  serve::ServeOptions options;
  options.dir = testing::SourceDir() + "/scenarios";
  options.port = 0;
  options.limits.max_seconds = 0.2;  // 100,000 draws of every model take about 30 s
  serve::Server server(options);
  std::thread serving([&] { server.Run(); });
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(120, 0);
  Json body = {
      {"name", "six.yaml"}, {"text", SixPartyText()}, {"kind", "montecarlo"}, {"draws", 100'000}};
  const auto r = client.Post("/api/run", body.dump(), "application/json");
  server.Stop();
  serving.join();
  ASSERT_TRUE(r);
  const std::size_t last = r->body.rfind('\n', r->body.size() - 2);
  const Json result = Json::parse(r->body.substr(last + 1))["result"];
  EXPECT_TRUE(result["timed_out"].get<bool>()) << result.dump().substr(0, 200);
  EXPECT_TRUE(result["cancelled"].get<bool>());
}

TEST(Serve, RefusesABusyPortWithItsName) {
  serve::ServeOptions options;
  options.dir = testing::SourceDir() + "/scenarios";
  options.port = 0;
  const serve::Server first(options);
  options.port = first.port();
  try {
    const serve::Server second(options);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().field, "--port");
  }
}

}  // namespace
}  // namespace concert
