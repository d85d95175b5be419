#include "concert/run/report_run.h"

#include "concert/institutions/chain.h"
#include "concert/institutions/simulate.h"
#include "concert/order/run_order.h"
#include "concert/output/advice_output.h"
#include "concert/output/chain_output.h"
#include "concert/output/order_report.h"
#include "concert/output/report.h"
#include "concert/output/simulate_report.h"
#include "concert/output/sobol_output.h"
#include "concert/output/svg.h"
#include "concert/output/what_if_output.h"

namespace concert {
namespace {

OrderResult RunOrderSection(const OrderSpec& spec, std::size_t draws, std::uint64_t seed,
                            const RunControl& control) {
  OrderRequest request;
  request.spec = spec;
  request.draws = draws;
  request.seed = seed;
  request.sensitivity = true;
  return RunOrder(request, control);
}

}  // namespace

ReportResult RunReport(const ReportRequest& request, const RunControl& control) {
  const ScenarioDocument& doc = request.document;
  const std::uint64_t seed = request.forecast.seed;
  ReportResult result;
  if (doc.order_only) {
    result.html =
        OrderReportPage(RunOrderSection(*doc.order, request.section_draws, seed, control));
    return result;
  }
  // The levers first, so that a bad actor or target fails before the long part.
  std::string advice_section;
  if (request.advice) {
    AdviceRequest advice = *request.advice;
    advice.scenario = doc.scenario;
    advice.models = request.forecast.models;
    RunControl quiet = control;  // the bar counts the forecasts and draws
    quiet.progress = nullptr;
    const AdviceResult levers = RunAdvice(advice, quiet);
    if (levers.cancelled) return result;  // no page
    advice_section = AdviceReportSection(advice, levers);
  }
  ForecastRequest forecast = request.forecast;
  forecast.scenario = doc.scenario;
  const ForecastResult run = RunForecast(forecast, control);
  result.cancelled = run.cancelled;
  if (run.forecasts_cut_short) return result;  // no page: html stays empty
  if (!run.monte_carlo.empty()) result.draws = run.monte_carlo.back().draws;
  std::string sections;
  // A scenario with an institution section: will the agreement hold?
  if (doc.institution.from_file) {
    SimulateOptions options;
    options.draws = request.section_draws;
    options.seed = seed;
    options.sensitivity = true;  // says so when there are too few draws
    const SimulationResult simulation =
        RunSimulation(doc.scenario, doc.institution, options, control);
    const SimulationHeader header{doc.institution.name, seed, false, std::nullopt};
    sections += SimulationSection(doc.scenario, header, simulation);
    // The chain over the section's agreement and the models of this report.
    std::vector<std::string> sources;
    if (!doc.institution.outcomes.empty()) sources.push_back(kGivenAgreement);
    for (const Forecast& f : run.forecasts) sources.push_back(f.model);
    options.sensitivity = false;
    try {
      sections +=
          ChainSection(doc.scenario, header,
                       RunChain(doc.scenario, doc.institution, sources, options, control), false);
    } catch (const InputError& e) {
      sections += "<h2>From the bargain to a lasting agreement</h2><p>Not run: " +
                  svg::Escape(e.message()) + "</p>";
    }
  }
  // ... and one with an order section: does the order survive?
  if (doc.order) {
    sections += OrderSection(RunOrderSection(*doc.order, request.section_draws, seed, control));
  }
  if (!advice_section.empty()) sections += advice_section;
  sections += WhatIfReportSection(doc.scenario, run.forecasts, run.what_if);
  sections += SobolReportSection(doc.scenario, run.forecasts, run.sobol);
  result.html = ReportHtml(doc.scenario, run.forecasts, run.MonteCarlo(), sections);
  return result;
}

}  // namespace concert
