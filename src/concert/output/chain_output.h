// concert/output/chain_output.h — the chain (institutions/chain.h): each source
// of the agreement, signed or vetoed, and how long it lasts.
//
// JSON: {"scenario": {"name", "sha256"}, "institution", "seed", "draws", "fixed", "periods",
//        "events": [...], "runs": [{"source", "agreement", "designs", ...}]}
// where each run is simulate's JSON (simulate_output.h) without the scenario, institution,
// seed, fixed, periods and events it shares with the others.
// CSV (long): source,design,statistic,value with simulate's summary statistics, then
// veto:ID per party and outcome:ISSUE per issue (the agreement at the central values).
#pragma once

#include <string>

#include "concert/institutions/chain.h"
#include "concert/output/simulate_output.h"

namespace concert {

std::string ChainJson(const Scenario& scenario, const SimulationHeader& header,
                      const ChainResult& chain);
// Tables: summary (source,design,statistic,value; the default) or draws (the
// simulate draws table with a source column first).
std::string ChainCsv(const Scenario& scenario, const ChainResult& chain,
                     const std::string& table = "summary");
std::string ChainText(const Scenario& scenario, const SimulationHeader& header,
                      const ChainResult& chain);
// The chain table and survival chart as a report section (h2); with each_source, every
// source's designs too (simulate_report.h).
std::string ChainSection(const Scenario& scenario, const SimulationHeader& header,
                         const ChainResult& chain, bool each_source);
// A self-contained page: the chain table, survival once signed per source (design as
// coded) with the section's events, and each source's designs.
std::string ChainHtml(const Scenario& scenario, const SimulationHeader& header,
                      const ChainResult& chain);

}  // namespace concert
