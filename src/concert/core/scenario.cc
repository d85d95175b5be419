#include "concert/core/scenario.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "concert/core/limits.h"

namespace concert {
namespace {

ErrorLocation At(const ErrorLocation& where, const std::string& field) {
  ErrorLocation out = where;
  out.field = out.field.empty() ? field : out.field + "." + field;
  return out;
}

std::string Interval(double low, double high) {
  auto bound = [](double v) {
    if (v == std::numeric_limits<double>::infinity()) return std::string("inf");
    return fmt::format("{}", v);
  };
  return "[" + bound(low) + ", " + bound(high) + "]";
}

// A number with its uncertainty must lie in [low, high].
void CheckNumber(const Number& number, double low, double high, const ErrorLocation& where,
                 const std::string& what) {
  if (!std::isfinite(number.value)) {
    throw InputError(where, fmt::format("expected a finite {} but got {}", what, number.value));
  }
  if (number.value < low || number.value > high) {
    throw InputError(where, fmt::format("expected {} in {} but got {}", what, Interval(low, high),
                                        number.value));
  }
  const Uncertainty& u = number.uncertainty;
  if (u.kind == Uncertainty::Kind::kRange) {
    if (!std::isfinite(u.low) || !std::isfinite(u.high) || u.low > u.high) {
      throw InputError(At(where, "range"), fmt::format("expected [low, high] with low <= high, "
                                                       "got [{}, {}]",
                                                       u.low, u.high));
    }
    if (u.low < low || u.high > high) {
      throw InputError(At(where, "range"),
                       fmt::format("expected the range to lie within {} but got [{}, {}]",
                                   Interval(low, high), u.low, u.high));
    }
    if (number.value < u.low || number.value > u.high) {
      throw InputError(At(where, "range"),
                       fmt::format("expected the range [{}, {}] to contain the value {}", u.low,
                                   u.high, number.value));
    }
  } else if (u.kind == Uncertainty::Kind::kNormal) {
    if (!std::isfinite(u.sd) || u.sd < 0) {
      throw InputError(At(where, "sd"),
                       fmt::format("expected a finite standard deviation >= 0 but got {}", u.sd));
    }
  }
}

void CheckId(const std::string& id, const ErrorLocation& where) {
  if (id.empty()) throw InputError(where, "expected a non-empty id");
  for (unsigned char c : id) {
    if (c < 0x20 || c == 0x7f) {
      throw InputError(where, "expected an id without control characters");
    }
  }
  if (id.front() == ' ' || id.back() == ' ') {
    throw InputError(where, fmt::format("expected an id without leading or trailing spaces, got "
                                        "'{}'",
                                        id));
  }
}

// 0 or >= kMinWeight for the value and the ends of its range.
void CheckWeight(const Number& number, const ErrorLocation& where, const std::string& what) {
  const auto tiny = [](double v) { return v > 0 && v < kMinWeight; };
  const Uncertainty& u = number.uncertainty;
  const bool range = u.kind == Uncertainty::Kind::kRange;
  if (tiny(number.value) || (range && (tiny(u.low) || tiny(u.high)))) {
    throw InputError(where, fmt::format("expected a {} of 0 or at least {} (smaller weights "
                                        "underflow in the models; rescale them all)",
                                        what, kMinWeight));
  }
}

}  // namespace

const Stance* Scenario::stance(std::size_t actor, std::size_t issue) const {
  const auto& s = stances_[issue * actors.size() + actor];
  return s ? &*s : nullptr;
}

double Scenario::capability(std::size_t actor, std::size_t issue) const {
  const Stance* s = stance(actor, issue);
  return s != nullptr && s->capability ? s->capability->value : actors[actor].capability.value;
}

Stance* Scenario::mutable_stance(std::size_t actor, std::size_t issue) {
  auto& s = stances_[issue * actors.size() + actor];
  return s ? &*s : nullptr;
}

void Scenario::set_stance(std::size_t actor, std::size_t issue, std::optional<Stance> stance) {
  stances_[issue * actors.size() + actor] = stance;
}

void Scenario::resize_stances() { stances_.assign(actors.size() * issues.size(), std::nullopt); }

Scenario BuildScenario(const ScenarioDraft& draft) {
  const ErrorLocation file_where{draft.file, 0, ""};
  if (draft.actors.empty()) throw InputError(file_where, "expected at least one actor, found none");
  if (draft.issues.empty()) throw InputError(file_where, "expected at least one issue, found none");

  Scenario scenario;
  scenario.name = draft.name;
  scenario.description = draft.description;
  scenario.sources = draft.sources;
  scenario.sha256 = draft.sha256;

  std::map<std::string, std::size_t> actor_index;
  for (const ActorDraft& a : draft.actors) {
    CheckId(a.actor.id, At(a.where, "id"));
    if (!actor_index.emplace(a.actor.id, scenario.actors.size()).second) {
      throw InputError(At(a.where, "id"), fmt::format("duplicate actor id '{}'", a.actor.id));
    }
    CheckNumber(a.actor.capability, 0, kMaxCapability, At(a.where, "capability"),
                "capability (a number >= 0)");
    CheckWeight(a.actor.capability, At(a.where, "capability"), "capability");
    scenario.actors.push_back(a.actor);
  }

  std::map<std::string, std::size_t> issue_index;
  for (const IssueDraft& d : draft.issues) {
    const Issue& issue = d.issue;
    CheckId(issue.id, At(d.where, "id"));
    if (!issue_index.emplace(issue.id, scenario.issues.size()).second) {
      throw InputError(At(d.where, "id"), fmt::format("duplicate issue id '{}'", issue.id));
    }
    if (!std::isfinite(issue.scale_min) || !std::isfinite(issue.scale_max) ||
        !(issue.scale_min < issue.scale_max)) {
      throw InputError(At(d.where, "scale"),
                       fmt::format("expected finite min < max but got min {} and max {}",
                                   issue.scale_min, issue.scale_max));
    }
    if (std::fabs(issue.scale_min) > kMaxScale || std::fabs(issue.scale_max) > kMaxScale ||
        issue.scale_max - issue.scale_min < kMinWeight) {
      throw InputError(
          At(d.where, "scale"),
          fmt::format("expected min and max within [-{0:g}, {0:g}], at least {1:g} apart, "
                      "but got min {2} and max {3} (rescale the issue)",
                      kMaxScale, kMinWeight, issue.scale_min, issue.scale_max));
    }
    for (std::size_t k = 0; k < issue.anchors.size(); ++k) {
      double at = issue.anchors[k].at;
      if (!std::isfinite(at) || at < issue.scale_min || at > issue.scale_max) {
        throw InputError(At(d.where, fmt::format("scale.anchors[{}].at", k)),
                         fmt::format("expected a point in {} but got {}",
                                     Interval(issue.scale_min, issue.scale_max), at));
      }
    }
    if (issue.status_quo) {
      CheckNumber(*issue.status_quo, issue.scale_min, issue.scale_max, At(d.where, "status_quo"),
                  "status quo on the issue's scale");
    }
    scenario.issues.push_back(issue);
  }

  const std::size_t cells = scenario.actors.size() * scenario.issues.size();
  if (cells > GetLimits().max_cells) {
    throw InputError(
        file_where,
        fmt::format("{} actors x {} issues = {} cells, more than the limit of {} "
                    "(raise it with --max-cells; docs/limits.md)",
                    scenario.actors.size(), scenario.issues.size(), cells, GetLimits().max_cells));
  }
  scenario.resize_stances();
  for (const StanceDraft& d : draft.stances) {
    auto a = actor_index.find(d.actor_id);
    if (a == actor_index.end()) {
      throw InputError(At(d.where, "actor"),
                       fmt::format("unknown actor id '{}' (not among the actors)", d.actor_id));
    }
    auto i = issue_index.find(d.issue_id);
    if (i == issue_index.end()) {
      throw InputError(At(d.where, "issue"),
                       fmt::format("unknown issue id '{}' (not among the issues)", d.issue_id));
    }
    if (scenario.stance(a->second, i->second) != nullptr) {
      throw InputError(d.where, fmt::format("duplicate stance of actor '{}' on issue '{}'",
                                            d.actor_id, d.issue_id));
    }
    const Issue& issue = scenario.issues[i->second];
    CheckNumber(d.stance.position, issue.scale_min, issue.scale_max, At(d.where, "position"),
                fmt::format("position on the scale of issue '{}'", issue.id));
    CheckNumber(d.stance.salience, 0, draft.salience_unit, At(d.where, "salience"), "salience");
    Number relative = d.stance.salience;  // the weight is the salience over its unit
    relative.value /= draft.salience_unit;
    relative.uncertainty.low /= draft.salience_unit;
    relative.uncertainty.high /= draft.salience_unit;
    CheckWeight(relative, At(d.where, "salience"), "salience (over its unit)");
    if (d.stance.capability) {
      CheckNumber(*d.stance.capability, 0, kMaxCapability, At(d.where, "capability"),
                  "capability (a number >= 0)");
      CheckWeight(*d.stance.capability, At(d.where, "capability"), "capability");
    }
    Stance stance = d.stance;
    Number& salience = stance.salience;
    salience.value /= draft.salience_unit;
    salience.uncertainty.low /= draft.salience_unit;
    salience.uncertainty.high /= draft.salience_unit;
    salience.uncertainty.sd /= draft.salience_unit;
    scenario.set_stance(a->second, i->second, stance);
  }

  for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
    bool any = false;
    for (std::size_t a = 0; a < scenario.num_actors() && !any; ++a) {
      any = scenario.stance(a, i) != nullptr;
    }
    if (!any) {
      throw InputError(At(draft.issues[i].where, "id"),
                       fmt::format("issue '{}' has no actor with a stance on it; expected at "
                                   "least one",
                                   scenario.issues[i].id));
    }
  }
  return scenario;
}

void ValidateScenario(const Scenario& scenario) {
  ScenarioDraft draft;
  draft.name = scenario.name;
  draft.salience_unit = 1.0;
  for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
    draft.actors.push_back({scenario.actors[a], {"", 0, fmt::format("actors[{}]", a)}});
  }
  for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
    draft.issues.push_back({scenario.issues[i], {"", 0, fmt::format("issues[{}]", i)}});
    for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
      if (const Stance* s = scenario.stance(a, i)) {
        draft.stances.push_back(
            {scenario.actors[a].id,
             scenario.issues[i].id,
             *s,
             {"", 0, fmt::format("stance[{}][{}]", scenario.actors[a].id, scenario.issues[i].id)}});
      }
    }
  }
  BuildScenario(draft);
}

}  // namespace concert
