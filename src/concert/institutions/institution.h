// concert/institutions/institution.h — a scenario's `institution` section:
// the agreement, the institution's rules and the alternatives to compare.
//
// The section (core/institution_spec.h) lives in the native scenario file
// beside actors, issues and positions; io/institution_reader.h reads it and
// docs/institutions.md gives the schema. Every number may carry an
// uncertainty ({value, range} or {value, sd}) like the scenario's own
// numbers; Monte Carlo draws them. BuildTerms() turns the section, a scenario
// and an agreement into the GameTerms of compliance.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/institution_spec.h"
#include "concert/core/scenario.h"
#include "concert/institutions/compliance.h"
#include "concert/io/document.h"

namespace concert {

// Checks what the reader cannot (io does not know the models): that the
// agreement's model spec names a registered model with valid parameters.
// Throws InputError at the spec's place in the file.
void CheckInstitution(const InstitutionSpec& spec);

// A negotiation file read once (io/document.h) with its institution section
// checked; an order-only file (no actors, issues, positions) is an InputError.
ScenarioDocument ReadNegotiation(const std::string& path, std::string text,
                                 InputFormat format = InputFormat::kAuto);

// Per actor: b_i and c_i from the agreement (docs/institutions.md, eq. 1):
//   gain_ik = (|p_ik - q_k| - |p_ik - y_k|) / (max_k - min_k)
//   b_i = sum_k w_ik max(0, gain_ik),  c_i = sum_k w_ik max(0, -gain_ik)
// with position p, salience w, status quo q and agreed outcome y. Issues
// without a status quo are an InputError (the game needs the no-agreement point).
struct Stakes {
  std::vector<double> benefit, cost;
};
Stakes DeriveStakes(const Scenario& scenario, const std::vector<double>& agreement);

// The agreement's outcome per issue: `outcomes` where given, else the status
// quo; or, when `outcomes` is empty, the forecast of `model`, run with `seed`
// (its own randomness, if any) on one thread.
std::vector<double> AgreementOutcomes(const Scenario& scenario, const InstitutionSpec& spec,
                                      const std::string& model, std::uint64_t seed = 0);

// The GameTerms of `design` (nullptr: the base) over `base`. With draw_seed,
// every uncertain number is drawn from its own stream (seed, draw, field), so
// a design that changes one number leaves the others' draws unchanged.
// `uncertain`, when given, receives (field, value) of every uncertain number used,
// in a fixed order.
struct DrawIndex {
  std::uint64_t seed = 0;
  std::uint64_t draw = 0;
};
using UncertainValues = std::vector<std::pair<std::string, double>>;
GameTerms BuildTerms(const Scenario& scenario, const Stakes& stakes, const InstitutionSpec& spec,
                     const DesignSpec* design, const std::optional<DrawIndex>& draw,
                     UncertainValues* uncertain = nullptr);

}  // namespace concert
