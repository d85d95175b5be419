// concert/analysis/sweep_paths.cc — the numbers a sweep may vary, by path (sweep.h).
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "concert/analysis/sweep.h"
#include "concert/core/strings.h"

namespace concert {
namespace {

std::size_t FindId(const std::vector<std::string>& ids, const std::string& id,
                   const std::string& what, const ErrorLocation& where) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (ids[k] == id) return k;
  }
  throw InputError(where, fmt::format("unknown {} '{}'; the scenario's {}s: {}", what, id, what,
                                      fmt::join(ids, ", ")));
}

std::vector<std::string> ActorIds(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Actor& actor : scenario.actors) ids.push_back(actor.id);
  return ids;
}

std::vector<std::string> IssueIds(const Scenario& scenario) {
  std::vector<std::string> ids;
  for (const Issue& issue : scenario.issues) ids.push_back(issue.id);
  return ids;
}

void Within(double value, double low, double high, const std::string& what,
            const ErrorLocation& where) {
  if (!std::isfinite(value) || value < low || value > high) {
    throw InputError(where, fmt::format("{} must be in [{}, {}]; got {}", what, low, high, value));
  }
}

constexpr const char* kPaths =
    "actors.ID.capability, stances.ACTOR.ISSUE.position, stances.ACTOR.ISSUE.salience, "
    "issues.ID.status_quo or institution.* (docs/sweeps.md)";

constexpr const char* kInstitutionPaths =
    "institution.monitoring, .false_alarm, .forgiveness, .cost_volatility, .sanction, "
    ".sanction_cost, .aid.ACTOR or .parties.ACTOR.discount|exit_value|relative_gains";

void SetInstitutionNumber(const Scenario& scenario, InstitutionSpec* institution,
                          const std::vector<std::string>& parts, double value,
                          const ErrorLocation& where) {
  if (institution == nullptr || !institution->from_file) {
    throw InputError(where, "the scenario has no institution section to vary");
  }
  DesignSpec& base = institution->base;
  const std::string path = fmt::format("{}", fmt::join(parts, "."));
  if (parts.size() == 2) {
    const std::string& field = parts[1];
    std::optional<Number>* number = field == "monitoring"        ? &base.monitoring
                                    : field == "false_alarm"     ? &base.false_alarm
                                    : field == "forgiveness"     ? &base.forgiveness
                                    : field == "cost_volatility" ? &base.cost_volatility
                                    : field == "sanction"        ? &base.sanction
                                    : field == "sanction_cost"   ? &base.sanction_cost
                                                                 : nullptr;
    if (number != nullptr) {
      const bool probability = field != "sanction" && field != "sanction_cost";
      Within(value, 0, probability ? 1 : 1e9, path, where);
      *number = Number{value, {}};
      return;
    }
  }
  if (parts.size() == 3 && parts[1] == "aid") {
    FindId(ActorIds(scenario), parts[2], "actor", where);
    Within(value, 0, 1e9, path, where);
    base.aid[parts[2]] = Number{value, {}};
    base.aid_set = true;
    return;
  }
  if (parts.size() == 4 && parts[1] == "parties") {
    FindId(ActorIds(scenario), parts[2], "actor", where);
    PartySpec& party = base.parties[parts[2]];
    if (parts[3] == "discount") {
      Within(value, 0, 0.999999, path, where);
      party.discount = Number{value, {}};
      return;
    }
    if (parts[3] == "exit_value") {
      Within(value, -1e9, 1e9, path, where);
      party.exit_value = Number{value, {}};
      return;
    }
    if (parts[3] == "relative_gains") {
      Within(value, 0, 1e9, path, where);
      party.relative_gains = Number{value, {}};
      return;
    }
  }
  throw InputError(where, fmt::format("unknown path '{}'; expected {}", path, kInstitutionPaths));
}

}  // namespace

void SetScenarioNumber(Scenario* scenario, const std::string& path, double value,
                       const ErrorLocation& where) {
  const std::vector<std::string> parts = Split(path, '.');
  if (parts.size() == 3 && parts[0] == "actors" && parts[2] == "capability") {
    Actor& actor = scenario->actors[FindId(ActorIds(*scenario), parts[1], "actor", where)];
    if (!std::isfinite(value) || value < 0) {
      throw InputError(where,
                       fmt::format("a capability must be a finite number >= 0; got {}", value));
    }
    actor.capability = Number{value, {}};
    return;
  }
  if (parts.size() == 3 && parts[0] == "issues" && parts[2] == "status_quo") {
    Issue& issue = scenario->issues[FindId(IssueIds(*scenario), parts[1], "issue", where)];
    Within(value, issue.scale_min, issue.scale_max, "the status quo (on the issue's scale)", where);
    issue.status_quo = Number{value, {}};
    return;
  }
  if (parts.size() == 4 && parts[0] == "stances" &&
      (parts[3] == "position" || parts[3] == "salience")) {
    const std::size_t a = FindId(ActorIds(*scenario), parts[1], "actor", where);
    const std::size_t i = FindId(IssueIds(*scenario), parts[2], "issue", where);
    Stance* stance = scenario->mutable_stance(a, i);
    if (stance == nullptr) {
      throw InputError(where, fmt::format("actor '{}' takes no stance on issue '{}' in the "
                                          "scenario, so there is nothing to vary",
                                          parts[1], parts[2]));
    }
    if (parts[3] == "position") {
      const Issue& issue = scenario->issues[i];
      Within(value, issue.scale_min, issue.scale_max, "a position (on the issue's scale)", where);
      stance->position = Number{value, {}};
    } else {
      Within(value, 0, 100, "a salience (in points)", where);
      stance->salience = Number{value / 100.0, {}};
    }
    return;
  }
  throw InputError(where, fmt::format("unknown path '{}'; expected {}", path, kPaths));
}

void SetSweepNumber(Scenario* scenario, InstitutionSpec* institution, const std::string& path,
                    double value, const ErrorLocation& where) {
  const std::vector<std::string> parts = Split(path, '.');
  if (parts[0] == "institution") {
    SetInstitutionNumber(*scenario, institution, parts, value, where);
  } else {
    SetScenarioNumber(scenario, path, value, where);
  }
}

}  // namespace concert
