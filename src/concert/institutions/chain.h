// concert/institutions/chain.h — the chain from the bargain to a lasting
// agreement: forecast -> signing -> compliance, with the agreement taken from
// each source in turn (the section's own agreement, and each bargaining
// model), on the same draws (simulate.h: draw i depends on (seed, i) only), so
// the sources are compared on common random numbers.
#pragma once

#include <string>
#include <vector>

#include "concert/institutions/simulate.h"

namespace concert {

// The section's given agreement (its `agreement.outcomes`) as a source.
inline constexpr const char* kGivenAgreement = "given";

// Sources: "given" and/or model specs; the single source "all" stands for
// "given" (when the section gives outcomes) and then every model run by
// default. Throws InputError (field "agreement_model") for an unknown model,
// or "given" without outcomes in the section.
std::vector<std::string> ChainSources(const InstitutionSpec& spec,
                                      const std::vector<std::string>& sources);

struct ChainResult {
  std::vector<std::string> sources;    // as run, in order
  std::vector<SimulationResult> runs;  // one per source
  std::size_t draws = 0;               // completed in every run
  bool cancelled = false;
};

// Runs RunSimulation once per source (options.model is replaced by each);
// progress counts every run's draws; cancelled, the runs completed and the
// draws of the one cut short are kept (each run says how many it has).
ChainResult RunChain(const Scenario& scenario, const InstitutionSpec& spec,
                     const std::vector<std::string>& sources, const SimulateOptions& options,
                     const RunControl& control = {});

}  // namespace concert
