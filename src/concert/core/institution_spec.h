// concert/core/institution_spec.h — the validated `institution` section of a
// scenario: the agreement, the institution's rules and the alternatives to
// compare (schema: docs/institutions.md). io/institution_reader.h reads it;
// concert/institutions turns it into the compliance game.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/error.h"
#include "concert/core/scenario.h"

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
  std::optional<int> punishment;  // periods of suspension after a seen defection; 0: grim trigger
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
  ErrorLocation agreement_model_where;         // where the file set it (for CheckInstitution)
  std::map<std::string, double> outcomes;      // issue id -> agreed outcome
  int periods = 40;
  // The actors whose signature the agreement needs; unset: every party (consensus).
  std::optional<std::vector<std::string>> consent;
  // Dated events of the record, drawn as markers on the charts (period counted from 1).
  struct Event {
    int period = 1;
    std::string label;
  };
  std::vector<Event> events;
  // Per issue id: the actors without whom no deal can change it (e.g. only the
  // DPRK can give up its programme); a table without them leaves it at its status quo.
  std::map<std::string, std::vector<std::string>> deciding;
  PartySpec defaults;
  DesignSpec base;
  std::vector<DesignSpec> alternatives;
};

}  // namespace concert
