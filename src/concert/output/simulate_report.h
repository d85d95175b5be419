// concert/output/simulate_report.h — the compliance simulation as HTML: one
// self-contained HTML page (inline CSS and SVG, nothing to load) with the
// compliance game's results: the stakes and thresholds as coded, the designs
// side by side, compliance over time as a chart, who ends the agreement, each
// party's payoff, and with an architecture comparison the architectures.
#pragma once

#include <string>

#include "concert/institutions/architecture.h"
#include "concert/output/simulate_output.h"

namespace concert {

// The CSS of the simulation and order pages (one look for both).
extern const char* const kPageStyle;

std::string SimulationHtml(const Scenario& scenario, const SimulationHeader& header,
                           const SimulationResult& result,
                           const ArchitectureComparison* architectures = nullptr);

// The same content as a section of another page (concert report): headings one
// level down, no page wrapper.
std::string SimulationSection(const Scenario& scenario, const SimulationHeader& header,
                              const SimulationResult& result,
                              const ArchitectureComparison* architectures = nullptr);

}  // namespace concert
