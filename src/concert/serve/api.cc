// concert/serve/api.cc — the JSON API over the run API (api.h).
#include "concert/serve/api.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "concert/analysis/forecast_run.h"
#include "concert/core/sha256.h"
#include "concert/institutions/architecture.h"
#include "concert/institutions/institution.h"
#include "concert/institutions/simulate.h"
#include "concert/io/write.h"
#include "concert/output/forecast_output.h"
#include "concert/output/monte_carlo_output.h"
#include "concert/output/simulate_output.h"
#include "concert/run/edit.h"
#include "concert/run/report_run.h"

namespace concert::serve {
namespace {

using Json = nlohmann::ordered_json;

Json Parse(const std::string& body) {
  try {
    Json j = Json::parse(body);
    if (!j.is_object()) throw Refuse(400, "body: expected a JSON object");
    return j;
  } catch (const Json::parse_error& e) {
    throw Refuse(400, fmt::format("body: malformed JSON at byte {}", e.byte));
  }
}

std::string String(const Json& j, const char* key, bool required, std::size_t max = 1 << 10) {
  const auto it = j.find(key);
  if (it == j.end()) {
    if (required) throw Refuse(400, fmt::format("{}: missing (expected a string)", key));
    return "";
  }
  if (!it->is_string()) throw Refuse(400, fmt::format("{}: expected a string", key));
  const std::string& s = it->get_ref<const std::string&>();
  if (s.size() > max) throw Refuse(413, fmt::format("{}: longer than {} bytes", key, max));
  return s;
}

// A non-negative integer field, at most `max`.
std::uint64_t Count(const Json& j, const char* key, std::uint64_t fallback, std::uint64_t max) {
  const auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0)) {
    throw Refuse(400, fmt::format("{}: expected a non-negative integer", key));
  }
  const std::uint64_t n = it->get<std::uint64_t>();
  if (n > max) {
    throw Refuse(413, fmt::format("{}: at most {} on this server (got {})", key, max, n));
  }
  return n;
}

std::vector<std::string> ModelSpecs(const Json& j) {
  std::vector<std::string> models;
  const auto it = j.find("models");
  if (it == j.end()) return models;
  if (!it->is_array()) throw Refuse(400, "models: expected a list of model specs");
  for (const Json& m : *it) {
    if (!m.is_string()) throw Refuse(400, "models: expected a list of model specs");
    models.push_back(m.get<std::string>());
  }
  try {
    CreateModels(models);
  } catch (const InputError& e) {
    throw Refuse(e);
  }
  return models;
}

// The request's scenario: its file read as the CLI reads it, then its edits.
ScenarioDocument Document(const Json& j, const Limits& limits, DocumentCache* cache,
                          bool rehash = true) {
  const std::string name = String(j, "name", true);
  std::string text = String(j, "text", true, limits.max_body_bytes);
  std::vector<NumberEdit> edits;
  if (const auto it = j.find("edits"); it != j.end()) {
    if (!it->is_object()) throw Refuse(400, "edits: expected an object {path: number}");
    for (const auto& [path, value] : it->items()) {
      if (!value.is_number()) throw Refuse(400, fmt::format("edits.{}: expected a number", path));
      edits.push_back({path, value.get<double>()});
    }
  }
  try {
    ScenarioDocument doc = cache->Get(name, std::move(text));
    const Scenario& s = doc.scenario;
    if (s.num_actors() > limits.max_actors || s.num_issues() > limits.max_issues) {
      throw Refuse(413, fmt::format("{}: {} actors and {} issues; this server takes at most {} "
                                    "and {} (concert serve --max-actors, --max-issues)",
                                    name, s.num_actors(), s.num_issues(), limits.max_actors,
                                    limits.max_issues));
    }
    ApplyEdits(&doc, edits, {"", 0, "edits"}, rehash);
    return doc;
  } catch (const InputError& e) {
    throw Refuse(e);
  }
}

Json Optional(const std::optional<Number>& n) { return n ? Json(n->value) : Json(nullptr); }

Json ScenarioJson(const ScenarioDocument& doc) {
  const Scenario& s = doc.scenario;
  Json actors = Json::array(), issues = Json::array(), stances = Json::array();
  for (const Actor& a : s.actors) {
    actors.push_back({{"id", a.id}, {"name", a.name}, {"capability", a.capability.value}});
  }
  for (const Issue& i : s.issues) {
    issues.push_back({{"id", i.id},
                      {"name", i.name},
                      {"min", i.scale_min},
                      {"max", i.scale_max},
                      {"status_quo", Optional(i.status_quo)},
                      {"on_agenda", i.on_agenda}});
  }
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    Json row = Json::array();
    for (std::size_t i = 0; i < s.num_issues(); ++i) {
      const Stance* st = s.stance(a, i);
      row.push_back(st == nullptr ? Json(nullptr)
                                  : Json{{"position", st->position.value},
                                         {"salience", st->salience.value * 100.0}});
    }
    stances.push_back(std::move(row));
  }
  Json institution = nullptr;
  if (doc.institution.from_file) {
    const DesignSpec& d = doc.institution.base;
    Json aid = Json::object(), exit = Json::object();
    for (const auto& [actor, n] : d.aid) aid[actor] = n.value;
    for (const auto& [actor, p] : d.parties) {
      if (p.exit_value) exit[actor] = p.exit_value->value;
    }
    institution = {{"name", doc.institution.name},
                   {"monitoring", Optional(d.monitoring)},
                   {"false_alarm", Optional(d.false_alarm)},
                   {"forgiveness", Optional(d.forgiveness)},
                   {"sanction", Optional(d.sanction)},
                   {"sanction_cost", Optional(d.sanction_cost)},
                   {"aid", aid},
                   {"exit_value", exit}};
    Json designs = Json::array();
    for (const DesignSpec& alt : doc.institution.alternatives) designs.push_back(alt.name);
    institution["alternatives"] = designs;
  }
  return {{"name", s.name},          {"description", s.description}, {"actors", actors},
          {"issues", issues},        {"stances", stances},           {"institution", institution},
          {"input_sha256", s.sha256}};
}

// Cancel at `limit` seconds from now, or when `cancel` says so.
struct Deadline {
  std::chrono::steady_clock::time_point end;
  std::function<bool()> cancel;
  std::shared_ptr<std::atomic<bool>> passed = std::make_shared<std::atomic<bool>>(false);

  Deadline(double limit, std::function<bool()> c)
      : end(std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(limit))),
        cancel(std::move(c)) {}
  std::function<bool()> Check() const {
    return [end = end, cancel = cancel, passed = passed] {
      if (std::chrono::steady_clock::now() > end) passed->store(true);
      return passed->load() || (cancel && cancel());
    };
  }
};

ApiError TooLong(double limit) {
  return Refuse(503, fmt::format("the run took longer than this server's limit of {} s "
                                 "(concert serve --max-seconds)",
                                 limit));
}

Json OutcomesJson(const Scenario& scenario, const std::vector<Forecast>& forecasts) {
  Json models = Json::array();
  for (const Forecast& f : forecasts) {
    Json outcomes = Json::array(), notes = Json::array();
    for (const IssueForecast& i : f.issues) {
      outcomes.push_back(i.outcome ? Json(*i.outcome) : Json(nullptr));
      notes.push_back(i.note);
    }
    models.push_back({{"spec", f.model},
                      {"name", ShortSpec(f.model)},
                      {"outcomes", outcomes},
                      {"notes", notes}});
  }
  Json out = {{"models", models}};
  if (!scenario.sha256.empty()) out["input_sha256"] = scenario.sha256;
  return out;
}

class MonteCarloJob : public Job {
 public:
  MonteCarloJob(ForecastRequest request, double limit)
      : request_(std::move(request)), limit_(limit) {}
  std::string Run(const RunControl& control) override {
    const Deadline deadline(limit_, control.cancel);
    RunControl c = control;
    c.cancel = deadline.Check();
    const ForecastResult run = RunForecast(request_, c);
    Json models = Json::array();
    for (std::size_t m = 0; m < run.monte_carlo.size(); ++m) {
      if (run.monte_carlo[m].draws == 0) continue;
      models.push_back(
          {{"spec", run.forecasts[m].model},
           {"name", ShortSpec(run.forecasts[m].model)},
           {"monte_carlo", MonteCarloJson(request_.scenario, run.monte_carlo[m], request_.seed)}});
    }
    return Json{{"result",
                 {{"cancelled", run.cancelled},
                  {"timed_out", deadline.passed->load()},
                  {"models", models}}}}
        .dump();
  }

 private:
  ForecastRequest request_;
  double limit_;
};

class SimulateJob : public Job {
 public:
  SimulateJob(ScenarioDocument doc, SimulateOptions options, std::string hub, double limit)
      : doc_(std::move(doc)), options_(std::move(options)), hub_(std::move(hub)), limit_(limit) {}
  std::string Run(const RunControl& control) override {
    const Deadline deadline(limit_, control.cancel);
    RunControl c = control;
    c.cancel = deadline.Check();
    const SimulationResult result = RunSimulation(doc_.scenario, doc_.institution, options_, c);
    std::optional<ArchitectureComparison> architectures;
    if (!hub_.empty() && !result.cancelled) {
      ArchitectureOptions arch;
      arch.hub = hub_;
      arch.simulate = options_;
      architectures = CompareArchitectures(doc_.scenario, doc_.institution, arch, c);
    }
    const SimulationHeader header = HeaderFor(doc_.institution, options_.seed, false);
    Json out = SimulationJsonValue(doc_.scenario, header, result,
                                   architectures ? &*architectures : nullptr);
    out["cancelled"] = result.cancelled;
    out["timed_out"] = deadline.passed->load();
    return Json{{"result", out}}.dump();
  }

 private:
  ScenarioDocument doc_;
  SimulateOptions options_;
  std::string hub_;
  double limit_;
};

class ReportJob : public Job {
 public:
  ReportJob(ReportRequest request, double limit) : request_(std::move(request)), limit_(limit) {}
  std::string Run(const RunControl& control) override {
    const Deadline deadline(limit_, control.cancel);
    RunControl c = control;
    c.cancel = deadline.Check();
    const ReportResult r = RunReport(request_, c);
    if (r.html.empty()) {
      return Json{{"error", deadline.passed->load() ? TooLong(limit_).what() : "cancelled"}}.dump();
    }
    return Json{{"result", {{"cancelled", r.cancelled}, {"html", r.html}}}}.dump();
  }

 private:
  ReportRequest request_;
  double limit_;
};

std::string Stem(const std::string& name) {
  const std::size_t slash = name.find_last_of('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  std::string safe;
  for (char ch : base)
    safe += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
  return safe.empty() ? "scenario" : safe;
}

Response Reply(const Json& j) { return {j.dump(), "application/json", ""}; }

}  // namespace

ScenarioDocument DocumentCache::Get(const std::string& name, std::string text) {
  const std::string key = Sha256Hex(name + '\0' + text);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first == key) {
        entries_.splice(entries_.begin(), entries_, it);
        return *it->second;
      }
    }
  }
  auto doc = std::make_shared<ScenarioDocument>(ReadNegotiation(name, std::move(text)));
  if (!doc->order_only) DocumentToYaml(*doc);  // keeps the sections' YAML in the copies
  const std::lock_guard<std::mutex> lock(mutex_);
  entries_.emplace_front(key, doc);
  if (entries_.size() > capacity_) entries_.pop_back();
  return *doc;
}

ApiError Refuse(int status, const std::string& message) {
  return ApiError(status, Json{{"error", message}}.dump());
}

ApiError Refuse(const InputError& error) {
  const ErrorLocation& w = error.where();
  return ApiError(422, Json{{"error", error.what()},
                            {"file", w.file},
                            {"line", w.line},
                            {"field", w.field},
                            {"message", error.message()}}
                           .dump());
}

Response Api::Files() const {
  return Reply(Json{{"dir", dir_.root().filename().string()}, {"files", dir_.List()}});
}

Response Api::File(const std::string& name) const {
  return Reply(Json{{"name", name}, {"text", dir_.Read(name)}});
}

Response Api::Models() const {
  Json models = Json::array();
  for (const ModelInfo& info : Registry::Builtin().models()) {
    models.push_back(
        {{"name", info.name}, {"summary", info.summary}, {"by_default", info.by_default}});
  }
  return Reply(Json{{"models", models}});
}

Response Api::Scenario(const std::string& body) const {
  const Json j = Parse(body);
  return Reply(ScenarioJson(Document(j, limits_, &cache_)));
}

Response Api::Forecast(const std::string& body, const std::function<bool()>& cancel) const {
  const Json j = Parse(body);
  ForecastRequest request;
  request.models = ModelSpecs(j);
  // The forecasts as you type carry no hash (run/edit.h): the downloads do.
  request.scenario = Document(j, limits_, &cache_, false).scenario;
  request.explain = String(j, "explain", false);
  const Deadline deadline(limits_.max_seconds, cancel);
  RunControl control;
  control.threads = 1;  // one request, one core: many pages at once share the machine
  control.cancel = deadline.Check();
  ForecastResult run;
  try {
    run = RunForecast(request, control);
  } catch (const InputError& e) {
    throw Refuse(e);
  }
  if (run.forecasts_cut_short) {
    if (deadline.passed->load()) throw TooLong(limits_.max_seconds);
    throw Refuse(499, "cancelled");
  }
  Json out = OutcomesJson(request.scenario, run.forecasts);
  out["explanation"] = run.explanation;
  return Reply(out);
}

Response Api::Download(const std::string& what, const std::string& body) const {
  const Json j = Parse(body);
  const auto edits = j.find("edits");
  const bool edited = edits != j.end() && edits->is_object() && !edits->empty();
  const std::string stem = Stem(String(j, "name", true)) + (edited ? "-edited" : "");
  if (what == "yaml") {
    const ScenarioDocument doc = Document(j, limits_, &cache_);
    return {DocumentToYaml(doc), "application/yaml", stem + ".yaml"};
  }
  if (what != "json" && what != "csv") {
    throw Refuse(404, fmt::format("download '{}': expected yaml, json or csv", what));
  }
  ForecastRequest request;
  request.models = ModelSpecs(j);
  request.scenario = Document(j, limits_, &cache_).scenario;
  const std::string table = what == "csv" ? String(j, "table", false) : "";
  const Deadline deadline(limits_.max_seconds, nullptr);
  RunControl control;
  control.threads = 1;
  control.cancel = deadline.Check();
  try {
    const ForecastResult run = RunForecast(request, control);
    if (run.forecasts_cut_short) throw TooLong(limits_.max_seconds);
    if (what == "json") {
      return {ForecastsToJson(request.scenario, run.forecasts, 0), "application/json",
              stem + ".json"};
    }
    return {ForecastsToCsv(request.scenario, run.forecasts, table.empty() ? "outcomes" : table),
            "text/csv; charset=utf-8", stem + ".csv"};
  } catch (const InputError& e) {
    throw Refuse(e);
  }
}

std::unique_ptr<Job> Api::Prepare(const std::string& body) const {
  const Json j = Parse(body);
  const std::string kind = String(j, "kind", true);
  const std::uint64_t seed = Count(j, "seed", 0, ~std::uint64_t{0});
  if (kind == "montecarlo") {
    ForecastRequest request;
    request.models = ModelSpecs(j);
    request.scenario = Document(j, limits_, &cache_).scenario;
    request.seed = seed;
    request.draws = Count(j, "draws", 1000, limits_.max_draws);
    if (request.draws == 0) throw Refuse(400, "draws: expected at least 1");
    request.sensitivity = j.value("sensitivity", false);
    return std::make_unique<MonteCarloJob>(std::move(request), limits_.max_seconds);
  }
  if (kind == "simulate") {
    ScenarioDocument doc = Document(j, limits_, &cache_);
    if (!doc.institution.from_file) {
      throw Refuse(
          422, fmt::format("{}: the scenario has no institution section to simulate", doc.path));
    }
    SimulateOptions options;
    options.seed = seed;
    options.draws = Count(j, "draws", 1000, limits_.max_draws);
    if (options.draws == 0) throw Refuse(400, "draws: expected at least 1");
    const std::string hub = String(j, "hub", false);
    if (!hub.empty()) {
      bool known = false;
      for (const Actor& a : doc.scenario.actors) known = known || a.id == hub;
      if (!known) throw Refuse(422, fmt::format("hub: unknown actor '{}'", hub));
    }
    return std::make_unique<SimulateJob>(std::move(doc), options, hub, limits_.max_seconds);
  }
  if (kind == "report") {
    ReportRequest request;
    request.forecast.models = ModelSpecs(j);
    request.document = Document(j, limits_, &cache_);
    request.forecast.scenario = request.document.scenario;
    request.forecast.seed = seed;
    request.forecast.draws = Count(j, "draws", 0, limits_.max_draws);
    request.section_draws =
        std::max<std::size_t>(1, std::min<std::size_t>(1000, limits_.max_draws));
    return std::make_unique<ReportJob>(std::move(request), limits_.max_seconds);
  }
  throw Refuse(400, fmt::format("kind '{}': expected montecarlo, simulate or report", kind));
}

}  // namespace concert::serve
