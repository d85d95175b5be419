#include "commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "concert/analysis/backtest.h"
#include "concert/analysis/forecast_run.h"
#include "concert/analysis/monte_carlo.h"
#include "concert/institutions/institution.h"
#include "concert/io/document.h"
#include "concert/io/institution_reader.h"
#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/io/write.h"
#include "concert/models/registry.h"
#include "concert/output/atomic_file.h"
#include "concert/output/backtest_output.h"
#include "concert/output/forecast_output.h"
#include "concert/output/report.h"
#include "institutions_commands.h"
#include "order_command.h"
#include "progress.h"

namespace concert::cli {

void Emit(const std::string& output, const std::string& bytes) {
  if (output.empty() || output == "-") {
    std::cout << bytes;
    std::cout.flush();
  } else {
    WriteFileAtomically(output, bytes);
  }
}

InputError InFlagTerms(const InputError& e) {
  static const std::map<std::string, std::string> flags = {
      {"agreement_model", "--agreement-model"},
      {"bands", "--band"},
      {"capability", "--capability"},
      {"continuation", "--continuation"},
      {"discount", "--discount"},
      {"draws", "--draws"},
      {"explain", "--explain"},
      {"group", "--group"},
      {"group_size", "--group-size"},
      {"hub", "--hub"},
      {"input_format", "--input-format"},
      {"models", "--model"},
      {"multiplier", "--multiplier"},
      {"noise", "--noise"},
      {"order_preset", "--order-preset"},
      {"order_year", "--order-year"},
      {"payoffs", "--payoffs"},
      {"periods", "--periods"},
      {"preset", "--preset"},
      {"quorum", "--quorum"},
      {"relative_gains", "--relative-gains"},
      {"repetitions", "--repetitions"},
      {"sensitivity", "--sensitivity"},
      {"strategies", "--strategies"},
      {"table", "--table"},
      {"table_complexity", "--table-complexity"},
      {"transaction_cost", "--transaction-cost"},
      {"turns", "--turns"},
      {"years", "--years"},
  };
  const auto it = flags.find(e.where().field);
  if (it == flags.end()) return e;
  return InputError({e.where().file, e.where().line, it->second}, e.message());
}

namespace {

std::string ParamText(const ParamInfo& p) {
  std::string kind;
  switch (p.type) {
    case ParamInfo::Type::kInt:
      kind = fmt::format("integer in [{}, {}]", p.min, p.max);
      break;
    case ParamInfo::Type::kReal:
      kind = fmt::format("number in [{}, {}]", p.min, p.max);
      break;
    case ParamInfo::Type::kChoice:
      kind = fmt::format("one of {}", fmt::join(p.choices, "|"));
      break;
  }
  return fmt::format("    {} = {}  ({}{}) {}\n", p.name, p.default_value, kind,
                     p.unit.empty() ? "" : ", " + p.unit, p.description);
}

}  // namespace

int Forecast(const ForecastOptions& options) {
  ForecastRequest request;
  request.models = options.models;
  CreateModels(request.models);  // a typo in a spec fails before the file is read
  // Read once (the path may be a pipe); the institution section is checked too.
  const ScenarioDocument file =
      options.text
          ? ReadScenarioAndInstitution(options.scenario, *options.text, options.input_format)
          : ReadScenarioAndInstitution(options.scenario, options.input_format);
  const Scenario& scenario = file.scenario;
  request.scenario = scenario;
  request.seed = options.seed;
  request.draws = options.draws;
  request.sensitivity = options.sensitivity;
  request.explain = options.explain;
  for (const std::string& b : options.bands) request.bands.push_back(ParseBand(b));
  if (options.draws == 0 && (options.table == "monte-carlo" || options.table == "sensitivity")) {
    throw InputError({"", 0, "--table"}, "Monte Carlo output needs --draws N");
  }
  RunControl control;
  control.threads = options.threads;
  control.cancel = [] { return g_interrupted.load(); };
  std::unique_ptr<ProgressBar> bar;
  if (options.draws > 0 && ShowProgress(options.quiet)) {
    bar = std::make_unique<ProgressBar>("monte carlo");
    control.progress = [&](std::size_t done, std::size_t total) { bar->Update(done, total); };
  }
  ForecastResult run;
  {
    const InterruptScope interrupt_scope;
    run = RunForecast(request, control);
  }
  bar.reset();
  const MonteCarloResults monte_carlo = run.MonteCarlo();
  std::string bytes;
  if (options.format == "html") {
    // A scenario with an institution section: will the agreement hold?
    const std::size_t draws = options.draws > 0 ? options.draws : 1000;
    const std::string institution =
        InstitutionReportSection(file, draws, options.seed, options.threads);
    // ... and one with an order section: does the order survive?
    const std::string order = OrderReportSection(options.scenario, file.text, draws, options.seed,
                                                 options.threads, options.quiet);
    bytes = ReportHtml(scenario, run.forecasts, monte_carlo, institution + order);
  } else if (options.format == "json") {
    bytes = ForecastsToJson(scenario, run.forecasts, options.seed, monte_carlo);
  } else if (options.format == "csv") {
    bytes = ForecastsToCsv(scenario, run.forecasts, options.table, monte_carlo);
  } else {
    bytes = ForecastsToText(scenario, run.forecasts, monte_carlo);
  }
  Emit(options.output, bytes);
  if (!options.explain.empty()) {
    const std::string explanation =
        run.explanation.empty() ? "none of the models run explains its moves (bdm and smp do)\n"
                                : run.explanation;
    // Beside a text table the explanation is part of the report; with JSON or
    // CSV it goes to stderr so the data stays machine-readable.
    (options.format == "text" && (options.output.empty() || options.output == "-") ? std::cout
                                                                                   : std::cerr)
        << "\n"
        << explanation;
  }
  if (run.cancelled) {
    std::cerr << fmt::format(
        "concert: interrupted; the Monte Carlo summary covers the {} draws "
        "that finished\n",
        run.monte_carlo.back().draws);
    return 130;
  }
  return 0;
}

int Models(const std::string& format) {
  const auto& infos = Registry::Builtin().models();
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ModelInfo& info : infos) {
      nlohmann::ordered_json params = nlohmann::ordered_json::array();
      for (const ParamInfo& p : info.params) {
        nlohmann::ordered_json item = {{"name", p.name}, {"default", p.default_value}};
        if (p.type == ParamInfo::Type::kChoice) {
          item["type"] = "choice";
          item["choices"] = p.choices;
        } else {
          item["type"] = p.type == ParamInfo::Type::kInt ? "integer" : "number";
          item["min"] = p.min;
          item["max"] = p.max;
        }
        item["unit"] = p.unit;
        item["description"] = p.description;
        params.push_back(item);
      }
      list.push_back({{"name", info.name},
                      {"summary", info.summary},
                      {"citations", info.citations},
                      {"parameters", params},
                      {"run_by_default", info.by_default}});
    }
    std::cout << list.dump(2) << "\n";
    return 0;
  }
  for (const ModelInfo& info : infos) {
    std::cout << info.name << (info.by_default ? "" : "  (run only when named with -m)") << "\n  "
              << info.summary << "\n";
    if (!info.params.empty()) {
      std::cout << "  parameters (name = default):\n";
      for (const ParamInfo& p : info.params) std::cout << ParamText(p);
    }
    std::cout << "  citations:\n";
    for (const std::string& c : info.citations) std::cout << "    - " << c << "\n";
    std::cout << "\n";
  }
  return 0;
}

int Report(ForecastOptions options) {
  // Read once: the path may be a pipe.
  options.text = ReadTextFile(options.scenario);
  if (IsOrderOnly(*options.text)) {
    // An order scenario without a negotiation: the order model's page alone.
    OrderCommand order;
    order.scenario = options.scenario;
    order.draws = options.draws > 0 ? options.draws : 1000;
    order.seed = options.seed;
    order.threads = options.threads;
    order.sensitivity = true;
    order.quiet = options.quiet;
    order.format = "html";
    order.output = options.output;
    return Order(order, *options.text);
  }
  options.format = "html";
  if (options.draws > 0) options.sensitivity = true;
  return Forecast(options);
}

int Backtest(const BacktestCommand& options) {
  const std::vector<CreatedModel> models = CreateModels(options.models);
  const DeuData data = ReadDeu(options.dir);
  BacktestOptions bo;
  bo.capability = options.capability;
  bo.seed = options.seed;
  bo.bootstrap = options.bootstrap;
  bo.group = options.group;
  const BacktestResult result = RunBacktest(data, models, bo);
  std::string bytes;
  if (options.format == "json") {
    bytes = BacktestToJson(result, bo, options.dir);
  } else if (options.format == "csv") {
    bytes = BacktestToCsv(result);
  } else {
    bytes = BacktestToText(result, bo);
  }
  Emit(options.output, bytes);
  if (!options.report.empty()) WriteFileAtomically(options.report, BacktestToHtml(result, bo));
  return 0;
}

int Validate(const std::string& scenario, const std::string& input_format) {
  std::string text = ReadTextFile(scenario);  // read once: the path may be a pipe
  if (HasOrderSection(text)) {
    const OrderSpec order = ReadOrder(scenario, text);
    std::cout << fmt::format("ok: order section, {} actors, {} presets\n", order.actors.size(),
                             order.presets.size());
    if (IsOrderOnly(text)) return 0;
  }
  const ScenarioDocument file = ReadScenarioAndInstitution(scenario, std::move(text), input_format);
  const Scenario& s = file.scenario;
  std::size_t stances = 0;
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    for (std::size_t a = 0; a < s.num_actors(); ++a) stances += s.stance(a, i) != nullptr;
  }
  std::cout << fmt::format("ok: {} actors, {} issues, {} stances\n", s.num_actors(), s.num_issues(),
                           stances);
  return 0;
}

int Convert(const std::string& scenario, const std::string& input_format,
            const std::string& output) {
  // A native scenario's institution section (docs/institutions.md) comes along,
  // checked first so that convert never passes on a broken one.
  const ScenarioDocument file = ReadScenarioAndInstitution(scenario, input_format);
  std::string yaml = ScenarioToYaml(file.scenario);
  if (file.institution.from_file) yaml += "\n" + InstitutionSectionYaml(file.text);
  Emit(output, yaml);
  return 0;
}

}  // namespace concert::cli
