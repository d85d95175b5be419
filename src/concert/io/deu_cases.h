// concert/io/deu_cases.h — DEU decisions (io/deu.h) as backtest cases: one
// scenario per issue (or per proposal), with the known outcomes.
//
// Each scenario has scale 0-100, status quo = the reference point, and the
// actors with both a position and a salience, in order of first appearance.
// Issues without an outcome, or with fewer than 3 such actors, are skipped and
// counted. Capability: "equal" (1 each); "council" (Council votes of the
// period: EU15 weights for proposals introduced before 1 May 2004, Nice
// weights from then on; the Commission, and under co-decision (COD) the
// Parliament, at the largest state's weight; the Parliament 0 under other
// procedures); "council-banzhaf" or "council-shapley" (the same with each
// state's normalised Banzhaf or Shapley-Shubik index in the period's Council
// under qualified majority, voting/power_index.h: the EU-15's 62 of 87 votes,
// or the EU-25's 232 of 321 votes cast by 13 members, population left out);
// or the path of a CSV file actor_code,capability.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/io/deu.h"

namespace concert {

struct BacktestCase {
  Scenario scenario;
  std::vector<double> outcomes;  // per issue of the scenario
};

struct BacktestCases {
  std::vector<BacktestCase> cases;
  std::map<std::string, std::size_t> skipped;  // reason -> count
  std::string capability;                      // as requested
};

// group: "issue" (each issue its own scenario) or "proposal" (the scored issues
// of a proposal together). Throws InputError naming `group` or `capability`
// (the CSV file's errors name its file, line and field).
BacktestCases DeuBacktestCases(const DeuData& data, const std::string& capability,
                               const std::string& group);

// A CSV file actor_code,capability (header line first).
std::map<std::string, double> ReadCapabilityCsv(const std::string& path);

}  // namespace concert
