// concert/institutions/institution.h — a scenario's `institution` section:
// the agreement, the institution's rules and the alternatives to compare.
//
// The section lives in the native scenario file (YAML or JSON) beside actors,
// issues and positions; docs/institutions.md gives the schema. Every number
// may carry an uncertainty ({value, range} or {value, sd}) like the
// scenario's own numbers; Monte Carlo draws them. BuildTerms() turns the
// section, a scenario and an agreement into the GameTerms of compliance.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/scenario.h"
#include "concert/institutions/compliance.h"

namespace concert {

// Per-party terms; absent fields fall back to the section's defaults, then to
// the built-in ones (docs/institutions.md).
struct PartySpec {
  std::optional<Number> discount, relative_gains, exit_value, exit_growth, benefit, cost;
};

// The rules of one institutional design; the base design sets every field,
// an alternative only those it changes.
struct DesignSpec {
  std::string name;
  std::string description;
  std::optional<Number> monitoring, false_alarm, forgiveness, cost_volatility;
  std::optional<Number> sanction, sanction_cost;
  std::optional<std::string> enforcer;  // "none", "collective" or an actor id
  std::optional<bool> aid_conditional;
  std::map<std::string, Number> aid;  // recipient actor id -> aid per period
  bool aid_set = false;               // whether `aid.to` was given
  std::optional<std::vector<std::string>> donors;
  std::map<std::string, PartySpec> parties;
};

struct InstitutionSpec {
  std::string name = "agreement";
  std::string description;
  bool from_file = false;                      // false: no section, defaults throughout
  std::string agreement_model = "compromise";  // used when outcomes is empty
  std::map<std::string, double> outcomes;      // issue id -> agreed outcome
  int periods = 40;
  PartySpec defaults;
  DesignSpec base;
  std::vector<DesignSpec> alternatives;
};

// Reads the `institution` section of the native scenario in `text` (YAML or
// JSON); a spec with from_file = false when there is none. Checks actor and
// issue ids against `scenario`; throws InputError naming file, line and field.
InstitutionSpec ReadInstitution(const std::string& path, const std::string& text,
                                const Scenario& scenario);

// The `institution` section of a native scenario as YAML text ("institution:"
// and its block), for `concert convert` to carry over; empty when there is
// none. Call after ReadInstitution has checked it.
std::string InstitutionSectionYaml(const std::string& text);

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
