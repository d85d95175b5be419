// concert/output/report.h — a self-contained HTML report of a scenario and its
// forecasts: inline CSS and SVG only (no scripts, fonts or links to load), so
// it renders from a USB stick. Sections: the scenario (actors, positions and
// saliences with a salience heat-map, issue scales and anchors, sources); per
// issue a generated summary sentence, a strip plot of the actors and each
// model's forecast, the positions over rounds for models with rounds, the
// exchange model's trades, and with Monte Carlo the outcome distribution and
// the sensitivity ranking.
#pragma once

#include <string>
#include <vector>

#include "concert/output/forecast_output.h"

namespace concert {

// `extra`: further HTML sections (e.g. the compliance simulation), placed
// before the scenario tables.
std::string ReportHtml(const Scenario& scenario, const std::vector<Forecast>& forecasts,
                       const MonteCarloResults& monte_carlo = {}, const std::string& extra = "");

}  // namespace concert
