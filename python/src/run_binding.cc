// python/src/run_binding.cc — the run API's jobs for Python: each takes its
// request's fields as keyword arguments, runs with the GIL released
// (interruptible.h) and returns a result that writes the CLI's own outputs
// (JSON, CSV tables, text) with the library's writers.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "concert/analysis/backtest.h"
#include "concert/analysis/forecast_run.h"
#include "concert/analysis/levers.h"
#include "concert/institutions/architecture.h"
#include "concert/institutions/chain.h"
#include "concert/institutions/sanction_grid.h"
#include "concert/institutions/simulate.h"
#include "concert/institutions/strategy.h"
#include "concert/institutions/tournament.h"
#include "concert/io/deu.h"
#include "concert/io/deu_cases.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/order/order_link.h"
#include "concert/order/run_order.h"
#include "concert/output/advice_output.h"
#include "concert/output/architecture_output.h"
#include "concert/output/atomic_file.h"
#include "concert/output/backtest_output.h"
#include "concert/output/chain_output.h"
#include "concert/output/forecast_output.h"
#include "concert/output/models_output.h"
#include "concert/output/order_output.h"
#include "concert/output/order_report.h"
#include "concert/output/power_output.h"
#include "concert/output/report.h"
#include "concert/output/sanction_grid_output.h"
#include "concert/output/simulate_output.h"
#include "concert/output/sobol_output.h"
#include "concert/output/tournament_output.h"
#include "concert/output/what_if_output.h"
#include "concert/run/report_run.h"
#include "interruptible.h"

namespace py = pybind11;

namespace concert::python {
namespace {

const Scenario& Negotiation(const PyScenario& s) {
  if (s.document.order_only) {
    throw InputError({s.document.path, 0, ""},
                     "the file has only an order section; run concert.order on it");
  }
  return s.document.scenario;
}

struct PyForecast {
  Scenario scenario;
  std::uint64_t seed = 0;
  std::size_t sobol_bootstrap = 0;
  ForecastResult run;
};

struct PySimulation {
  Scenario scenario;
  SimulationHeader header;
  SimulationResult result;
};

struct PyChain {
  Scenario scenario;
  SimulationHeader header;
  ChainResult result;
};

struct PySanctionGrid {
  Scenario scenario;
  SimulationHeader header;
  SanctionGridResult result;
};

struct PyArchitectures {
  Scenario scenario;
  ArchitectureComparison result;
};

// The simulate options every institution job shares.
SimulateOptions Options(std::size_t draws, std::uint64_t seed, bool fixed, int periods,
                        const std::string& model) {
  SimulateOptions options;
  options.draws = draws;
  options.seed = seed;
  options.fixed = fixed;
  options.periods = periods;
  options.model = model;
  return options;
}

PyChain Chain(const PyScenario& scenario, const std::vector<std::string>& sources,
              std::size_t draws, std::uint64_t seed, bool fixed, int periods, unsigned threads,
              const py::object& progress) {
  PyChain out;
  out.scenario = Negotiation(scenario);
  const InstitutionSpec& spec = scenario.document.institution;
  out.header = HeaderFor(spec, seed, fixed);
  const SimulateOptions options = Options(draws, seed, fixed, periods, "");
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result = RunChain(out.scenario, spec, sources, options, control);
  });
  return out;
}

PySanctionGrid Grid(const PyScenario& scenario, const std::vector<double>& sizes,
                    const std::vector<double>& monitoring,
                    const std::vector<std::string>& enforcers, std::size_t draws,
                    std::uint64_t seed, bool fixed, int periods, const std::string& model,
                    unsigned threads, const py::object& progress) {
  PySanctionGrid out;
  out.scenario = Negotiation(scenario);
  const InstitutionSpec& spec = scenario.document.institution;
  out.header = HeaderFor(spec, seed, fixed);
  SanctionGridOptions options;
  if (!sizes.empty()) options.sizes = sizes;
  if (!monitoring.empty()) options.monitoring = monitoring;
  options.enforcers = enforcers;
  options.simulate = Options(draws, seed, fixed, periods, model);
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result = RunSanctionGrid(out.scenario, spec, options, control);
  });
  return out;
}

PyArchitectures Architectures(const PyScenario& scenario, const std::string& hub,
                              const std::vector<std::string>& spokes, const std::string& excluded,
                              double transaction_cost, double table_complexity, std::size_t draws,
                              std::uint64_t seed, bool fixed, int periods, const std::string& model,
                              unsigned threads, const py::object& progress) {
  PyArchitectures out;
  out.scenario = Negotiation(scenario);
  ArchitectureOptions options;
  options.hub = hub;
  options.spokes = spokes;
  options.excluded = excluded;
  options.transaction_cost = transaction_cost;
  options.table_complexity = table_complexity;
  options.simulate = Options(draws, seed, fixed, periods, model);
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result =
        CompareArchitectures(out.scenario, scenario.document.institution, options, control);
  });
  return out;
}

struct PyTournament {
  TournamentOptions options;
  TournamentResult result;
};

struct PyBacktest {
  BacktestOptions options;
  std::string data;
  BacktestResult result;
};

struct PyOrder {
  OrderResult result;
};

struct PyAdvice {
  AdviceRequest request;
  AdviceResult result;
};

struct PyPower {
  VotingRule rule;
  PowerOptions options;
  PowerResult result;
};

PyForecast Forecast(const PyScenario& scenario, const std::vector<std::string>& models,
                    std::size_t draws, std::uint64_t seed, unsigned threads, bool sensitivity,
                    const std::vector<std::string>& bands, const std::string& explain,
                    bool drop_one, double salience_sweep, std::size_t sobol,
                    std::size_t sobol_bootstrap, const std::vector<std::string>& correlations,
                    const py::object& progress) {
  ForecastRequest request;
  for (const std::string& c : correlations) request.correlations.push_back(ParseRankCorrelation(c));
  request.sobol = sobol;
  request.sobol_bootstrap = sobol_bootstrap;
  request.drop_one = drop_one;
  request.salience_sweep = salience_sweep;
  request.scenario = Negotiation(scenario);
  request.models = models;
  request.draws = draws;
  request.seed = seed;
  request.sensitivity = sensitivity;
  for (const std::string& b : bands) request.bands.push_back(ParseBand(b));
  request.explain = explain;
  PyForecast out;
  out.scenario = request.scenario;
  out.seed = seed;
  out.sobol_bootstrap = sobol_bootstrap;
  RunInterruptible(threads, progress,
                   [&](const RunControl& control) { out.run = RunForecast(request, control); });
  return out;
}

void Report(const PyScenario& scenario, const std::string& path,
            const std::vector<std::string>& models, std::size_t draws, std::uint64_t seed,
            unsigned threads, const std::string& advise, const py::object& progress) {
  ReportRequest request;
  if (!advise.empty()) {
    request.advice = AdviceRequest{};
    request.advice->actor = advise;
  }
  request.document = scenario.document;
  request.forecast.models = models;
  request.forecast.seed = seed;
  request.forecast.draws = scenario.document.order_only ? 0 : draws;
  request.forecast.sensitivity = draws > 0;
  if (draws > 0) request.section_draws = draws;
  ReportResult result;
  RunInterruptible(threads, progress,
                   [&](const RunControl& control) { result = RunReport(request, control); });
  WriteFileAtomically(path, result.html);
}

PySimulation Simulate(const PyScenario& scenario, std::size_t draws, std::uint64_t seed, bool fixed,
                      int periods, const std::string& model, bool sensitivity,
                      const PyScenario* order, int order_year, const std::string& order_preset,
                      unsigned threads, const py::object& progress) {
  PySimulation out;
  out.scenario = Negotiation(scenario);
  InstitutionSpec spec = scenario.document.institution;
  std::optional<OrderLink> link;
  if (order != nullptr) {
    if (!order->document.order) {
      throw InputError({order->document.path, 0, "order"}, "the scenario has no order section");
    }
    link = ApplyOrderYear(*order->document.order, order_preset, order_year, &out.scenario, &spec);
  }
  SimulateOptions options;
  options.draws = draws;
  options.seed = seed;
  options.fixed = fixed;
  options.periods = periods;
  options.model = model;
  options.sensitivity = sensitivity;
  out.header = HeaderFor(spec, seed, fixed, link);
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result = RunSimulation(out.scenario, spec, options, control);
  });
  return out;
}

PyAdvice Advise(const PyScenario& scenario, const std::string& actor, const std::string& issue,
                const std::optional<double>& target, const std::vector<std::string>& models,
                const std::optional<double>& max_position_change, double max_salience_change,
                double max_capability_change, std::size_t grid, unsigned threads,
                const py::object& progress) {
  PyAdvice out;
  out.request.scenario = Negotiation(scenario);
  out.request.actor = actor;
  out.request.issue = issue;
  out.request.target = target;
  out.request.models = models;
  if (max_position_change) out.request.max_position_change = *max_position_change;
  out.request.max_salience_change = max_salience_change;
  out.request.max_capability_change = max_capability_change;
  out.request.grid = grid;
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result = RunAdvice(out.request, control);
  });
  return out;
}

// A rule from a file (path non-empty) or from names, weights per criterion and
// quotas as written ("255", "62%").
PyPower Power(const std::string& path, const std::vector<std::string>& names,
              const std::vector<std::vector<double>>& weights,
              const std::vector<std::string>& quotas, const std::string& method,
              std::size_t samples, std::uint64_t seed, unsigned threads,
              const py::object& progress) {
  PyPower out;
  if (!path.empty()) {
    out.rule = ReadVotingRule(path, ReadTextFile(path)).rule;
  } else {
    out.rule = RuleFromLists(names, weights, quotas);
  }
  out.options.method = ParsePowerMethod(method);
  out.options.samples = samples;
  out.options.seed = seed;
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    out.result = ComputePower(out.rule, out.options, control);
  });
  return out;
}

PyTournament Tournament(const std::vector<std::string>& strategies, int turns, int repetitions,
                        double noise, double continuation, double discount,
                        const std::vector<double>& payoffs, int group_size, double multiplier,
                        double quorum, std::uint64_t seed, unsigned threads) {
  if (payoffs.size() != 4) {
    throw InputError({"", 0, "payoffs"}, "expected four payoffs: R T S P");
  }
  PyTournament out;
  out.options.match.turns = turns;
  out.options.match.noise = noise;
  out.options.match.continuation = continuation;
  out.options.match.discount = discount;
  out.options.match.payoffs = {payoffs[0], payoffs[1], payoffs[2], payoffs[3]};
  out.options.group = {group_size, multiplier, quorum};
  out.options.repetitions = repetitions;
  out.options.seed = seed;
  const std::vector<std::string> specs = ExpandStrategyList(strategies);
  RunInterruptible(threads, py::none(), [&](const RunControl& control) {
    out.result = RunTournament(specs, out.options, control);
  });
  return out;
}

PyBacktest Backtest(const std::string& dir, const std::vector<std::string>& models,
                    const std::string& capability, std::uint64_t seed, std::size_t bootstrap,
                    const std::string& group, const std::string& compare_capability) {
  PyBacktest out;
  out.data = dir;
  out.options.capability = capability;
  out.options.compare_capability = compare_capability;
  out.options.seed = seed;
  out.options.bootstrap = bootstrap;
  out.options.group = group;
  const std::vector<CreatedModel> created = CreateModels(models);
  RunInterruptible(0, py::none(), [&](const RunControl&) {
    out.result = RunBacktest(ReadDeu(dir), created, out.options);
  });
  return out;
}

PyOrder Order(const PyScenario& scenario, const std::optional<std::pair<int, int>>& years,
              const std::string& preset, const std::optional<double>& relative_gains,
              std::size_t draws, std::uint64_t seed, bool sensitivity, unsigned threads,
              const py::object& progress) {
  if (!scenario.document.order) {
    throw InputError({scenario.document.path, 0, "order"}, "the scenario has no order section");
  }
  OrderRequest request;
  request.spec = *scenario.document.order;
  if (years) std::tie(request.first_year, request.last_year) = *years;
  request.preset = preset;
  request.relative_gains = relative_gains;
  request.draws = draws;
  request.seed = seed;
  request.sensitivity = sensitivity;
  PyOrder out;
  RunInterruptible(threads, progress,
                   [&](const RunControl& control) { out.result = RunOrder(request, control); });
  return out;
}

}  // namespace

void BindRuns(py::module_& m) {
  m.def("_models_json", [] { return ModelsJson(Registry::Builtin()); });
  py::class_<PyForecast>(m, "_Forecast")
      .def("to_json",
           [](const PyForecast& f) {
             return ForecastsToJson(f.scenario, f.run.forecasts, f.seed, f.run.MonteCarlo(),
                                    f.run.what_if, f.run.sobol, f.sobol_bootstrap);
           })
      .def("csv",
           [](const PyForecast& f, const std::string& table) {
             return ForecastsToCsv(f.scenario, f.run.forecasts, table, f.run.MonteCarlo(),
                                   f.run.what_if, f.run.sobol);
           })
      .def("text",
           [](const PyForecast& f) {
             return ForecastsToText(f.scenario, f.run.forecasts, f.run.MonteCarlo(), f.run.what_if,
                                    f.run.sobol);
           })
      .def("html",
           [](const PyForecast& f) {
             return ReportHtml(f.scenario, f.run.forecasts, f.run.MonteCarlo(),
                               WhatIfReportSection(f.scenario, f.run.forecasts, f.run.what_if) +
                                   SobolReportSection(f.scenario, f.run.forecasts, f.run.sobol));
           })
      .def_property_readonly("models",
                             [](const PyForecast& f) {
                               std::vector<std::string> specs;
                               for (const auto& x : f.run.forecasts) specs.push_back(x.model);
                               return specs;
                             })
      .def_property_readonly("explanation", [](const PyForecast& f) { return f.run.explanation; });
  py::class_<PySimulation>(m, "_Simulation")
      .def("to_json",
           [](const PySimulation& s) { return SimulationJson(s.scenario, s.header, s.result); })
      .def("csv",
           [](const PySimulation& s, const std::string& table) {
             return SimulationCsv(s.scenario, s.result, table);
           })
      .def("text",
           [](const PySimulation& s) { return SimulationText(s.scenario, s.header, s.result); });
  py::class_<PyChain>(m, "_Chain")
      .def("to_json", [](const PyChain& c) { return ChainJson(c.scenario, c.header, c.result); })
      .def("csv", [](const PyChain& c,
                     const std::string& table) { return ChainCsv(c.scenario, c.result, table); })
      .def("text", [](const PyChain& c) { return ChainText(c.scenario, c.header, c.result); })
      .def("html", [](const PyChain& c) { return ChainHtml(c.scenario, c.header, c.result); });
  py::class_<PySanctionGrid>(m, "_SanctionGrid")
      .def("to_json",
           [](const PySanctionGrid& g) { return SanctionGridJson(g.scenario, g.header, g.result); })
      .def("csv",
           [](const PySanctionGrid& g, const std::string&) { return SanctionGridCsv(g.result); })
      .def("text",
           [](const PySanctionGrid& g) { return SanctionGridText(g.scenario, g.header, g.result); })
      .def("html", [](const PySanctionGrid& g) {
        return SanctionGridHtml(g.scenario, g.header, g.result);
      });
  py::class_<PyArchitectures>(m, "_Architectures")
      .def("to_json",
           [](const PyArchitectures& a) { return ArchitectureJson(a.scenario, a.result); })
      .def("csv", [](const PyArchitectures& a,
                     const std::string&) { return ArchitectureCsv(a.scenario, a.result); })
      .def("text", [](const PyArchitectures& a) { return ArchitectureText(a.scenario, a.result); });
  py::class_<PyAdvice>(m, "_Advice")
      .def("to_json", [](const PyAdvice& a) { return AdviceJson(a.request, a.result); })
      .def("csv", [](const PyAdvice& a,
                     const std::string& table) { return AdviceCsv(a.request, a.result, table); })
      .def("text", [](const PyAdvice& a) { return AdviceText(a.request, a.result); })
      .def_property_readonly("models_agree",
                             [](const PyAdvice& a) { return a.result.models_agree; });
  py::class_<PyPower>(m, "_Power")
      .def("to_json", [](const PyPower& p) { return PowerJson(p.rule, p.options, p.result); })
      .def("csv", [](const PyPower& p, const std::string&) { return PowerCsv(p.rule, p.result); })
      .def("text", [](const PyPower& p) { return PowerText(p.rule, p.options, p.result); })
      .def_property_readonly("method",
                             [](const PyPower& p) { return PowerMethodName(p.result.method); })
      .def_property_readonly("p_winning", [](const PyPower& p) { return p.result.p_winning; });
  py::class_<PyTournament>(m, "_Tournament")
      .def("to_json", [](const PyTournament& t) { return TournamentJson(t.result, t.options); })
      .def("csv",
           [](const PyTournament& t, const std::string& table) {
             return TournamentCsv(t.result, t.options, table);
           })
      .def("text", [](const PyTournament& t) { return TournamentText(t.result, t.options); });
  py::class_<PyBacktest>(m, "_Backtest")
      .def("to_json",
           [](const PyBacktest& b) { return BacktestToJson(b.result, b.options, b.data); })
      .def("csv", [](const PyBacktest& b, const std::string&) { return BacktestToCsv(b.result); })
      .def("text", [](const PyBacktest& b) { return BacktestToText(b.result, b.options); });
  py::class_<PyOrder>(m, "_Order")
      .def("to_json", [](const PyOrder& o) { return OrderJson(o.result); })
      .def("csv",
           [](const PyOrder& o, const std::string& table) { return OrderCsv(o.result, table); })
      .def("text", [](const PyOrder& o) { return OrderText(o.result); })
      .def("html", [](const PyOrder& o) { return OrderReportPage(o.result); });
  m.def("_forecast", &Forecast, py::arg("scenario"), py::arg("models"), py::arg("draws"),
        py::arg("seed"), py::arg("threads"), py::arg("sensitivity"), py::arg("bands"),
        py::arg("explain"), py::arg("drop_one"), py::arg("salience_sweep"), py::arg("sobol"),
        py::arg("sobol_bootstrap"), py::arg("correlations"), py::arg("progress"));
  m.def("_report", &Report, py::arg("scenario"), py::arg("path"), py::arg("models"),
        py::arg("draws"), py::arg("seed"), py::arg("threads"), py::arg("advise"),
        py::arg("progress"));
  m.def("_simulate", &Simulate, py::arg("scenario"), py::arg("draws"), py::arg("seed"),
        py::arg("fixed"), py::arg("periods"), py::arg("model"), py::arg("sensitivity"),
        py::arg("order"), py::arg("order_year"), py::arg("order_preset"), py::arg("threads"),
        py::arg("progress"));
  m.def("_chain", &Chain, py::arg("scenario"), py::arg("sources"), py::arg("draws"),
        py::arg("seed"), py::arg("fixed"), py::arg("periods"), py::arg("threads"),
        py::arg("progress"));
  m.def("_sanction_grid", &Grid, py::arg("scenario"), py::arg("sizes"), py::arg("monitoring"),
        py::arg("enforcers"), py::arg("draws"), py::arg("seed"), py::arg("fixed"),
        py::arg("periods"), py::arg("model"), py::arg("threads"), py::arg("progress"));
  m.def("_architectures", &Architectures, py::arg("scenario"), py::arg("hub"), py::arg("spokes"),
        py::arg("excluded"), py::arg("transaction_cost"), py::arg("table_complexity"),
        py::arg("draws"), py::arg("seed"), py::arg("fixed"), py::arg("periods"), py::arg("model"),
        py::arg("threads"), py::arg("progress"));
  m.def("_tournament", &Tournament, py::arg("strategies"), py::arg("turns"), py::arg("repetitions"),
        py::arg("noise"), py::arg("continuation"), py::arg("discount"), py::arg("payoffs"),
        py::arg("group_size"), py::arg("multiplier"), py::arg("quorum"), py::arg("seed"),
        py::arg("threads"));
  m.def("_advise", &Advise, py::arg("scenario"), py::arg("actor"), py::arg("issue"),
        py::arg("target"), py::arg("models"), py::arg("max_position_change"),
        py::arg("max_salience_change"), py::arg("max_capability_change"), py::arg("grid"),
        py::arg("threads"), py::arg("progress"));
  m.def("_power", &Power, py::arg("path"), py::arg("names"), py::arg("weights"), py::arg("quotas"),
        py::arg("method"), py::arg("samples"), py::arg("seed"), py::arg("threads"),
        py::arg("progress"));
  m.def("_backtest", &Backtest, py::arg("dir"), py::arg("models"), py::arg("capability"),
        py::arg("seed"), py::arg("bootstrap"), py::arg("group"), py::arg("compare_capability"));
  m.def("_order", &Order, py::arg("scenario"), py::arg("years"), py::arg("preset"),
        py::arg("relative_gains"), py::arg("draws"), py::arg("seed"), py::arg("sensitivity"),
        py::arg("threads"), py::arg("progress"));
  m.def("_write_file", &WriteFileAtomically, py::arg("path"), py::arg("bytes"));
}

}  // namespace concert::python
