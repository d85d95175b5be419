#include "concert/institutions/chain.h"

#include <algorithm>

#include "concert/core/error.h"
#include "concert/models/registry.h"

namespace concert {

std::vector<std::string> ChainSources(const InstitutionSpec& spec,
                                      const std::vector<std::string>& sources) {
  std::vector<std::string> out;
  if (sources.size() == 1 && sources[0] == "all") {
    if (!spec.outcomes.empty()) out.push_back(kGivenAgreement);
    for (const ModelInfo& info : Registry::Builtin().models()) {
      if (info.by_default) out.push_back(info.name);
    }
    return out;
  }
  for (const std::string& source : sources) {
    if (source == kGivenAgreement) {
      if (spec.outcomes.empty()) {
        throw InputError({"", 0, "agreement_model"},
                         "'given' needs the institution section's agreement.outcomes");
      }
      out.push_back(source);
    } else if (source == "all") {
      throw InputError({"", 0, "agreement_model"}, "'all' stands alone: it names every source");
    } else {
      try {
        out.push_back(CreateModel(source).spec);
      } catch (const InputError& e) {
        throw InputError({"", 0, "agreement_model"}, e.message());
      }
    }
  }
  return out;
}

ChainResult RunChain(const Scenario& scenario, const InstitutionSpec& spec,
                     const std::vector<std::string>& sources, const SimulateOptions& options,
                     const RunControl& control) {
  ChainResult chain;
  chain.sources = ChainSources(spec, sources);
  if (chain.sources.empty()) {
    throw InputError({"", 0, "agreement_model"}, "expected at least one source of the agreement");
  }
  const std::size_t runs = chain.sources.size();
  chain.draws = options.draws;
  for (std::size_t k = 0; k < runs && !chain.cancelled; ++k) {
    SimulateOptions run = options;
    run.model = chain.sources[k] == kGivenAgreement ? "" : chain.sources[k];
    RunControl step = control;
    if (control.progress) {
      step.progress = [&control, k, runs](std::size_t done, std::size_t total) {
        control.progress(k * total + done, runs * total);
      };
    }
    chain.runs.push_back(RunSimulation(scenario, spec, run, step));
    chain.cancelled = chain.runs.back().cancelled;
    chain.draws = std::min(chain.draws, chain.runs.back().draws);
  }
  return chain;
}

}  // namespace concert
