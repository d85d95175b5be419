#include "concert/voting/power_capability.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace concert {

PowerIndexKind ParsePowerIndexKind(const std::string& text, const std::string& field) {
  if (text == "banzhaf") return PowerIndexKind::kBanzhaf;
  if (text == "shapley") return PowerIndexKind::kShapleyShubik;
  throw InputError({"", 0, field},
                   fmt::format("unknown power index '{}'; expected banzhaf or shapley", text));
}

const char* PowerIndexKindName(PowerIndexKind kind) {
  return kind == PowerIndexKind::kBanzhaf ? "banzhaf" : "shapley";
}

PowerCapability SetPowerCapability(Scenario* scenario, const VotingRule& rule, PowerIndexKind index,
                                   const std::vector<std::string>& keep, const std::string& field,
                                   const RunControl& control) {
  std::map<std::string, std::size_t> player;
  for (std::size_t p = 0; p < rule.names.size(); ++p) player[rule.names[p]] = p;
  std::map<std::string, std::size_t> actor;
  for (std::size_t a = 0; a < scenario->num_actors(); ++a) actor[scenario->actors[a].id] = a;
  for (const std::string& k : keep) {
    if (!actor.count(k)) {
      throw InputError({"", 0, field + "_keep"},
                       fmt::format("'{}' is not an actor of the scenario", k));
    }
    if (player.count(k)) {
      throw InputError({"", 0, field + "_keep"},
                       fmt::format("'{}' is a player of the voting rule: its capability comes "
                                   "from the rule, so it cannot also keep its own",
                                   k));
    }
  }
  PowerCapability out;
  out.index = index;
  std::vector<std::size_t> matched;  // actor indices
  std::vector<std::string> unmatched;
  for (std::size_t a = 0; a < scenario->num_actors(); ++a) {
    const std::string& id = scenario->actors[a].id;
    if (player.count(id)) {
      matched.push_back(a);
    } else if (std::find(keep.begin(), keep.end(), id) != keep.end()) {
      out.kept.push_back(id);
    } else {
      unmatched.push_back(id);
    }
  }
  if (matched.empty()) {
    throw InputError({"", 0, field},
                     fmt::format("no actor of the scenario is a player of the voting rule "
                                 "(players: {}; actors: {}); players are matched to actor ids",
                                 fmt::join(rule.names, ", "),
                                 fmt::join(unmatched.empty() ? out.kept : unmatched, ", ")));
  }
  if (!unmatched.empty()) {
    throw InputError({"", 0, field},
                     fmt::format("{} not a player of the voting rule; add {} to the rule, or "
                                 "keep {} own capability by naming {} in the keep list",
                                 fmt::join(unmatched, ", "), unmatched.size() == 1 ? "it" : "them",
                                 unmatched.size() == 1 ? "its" : "their",
                                 unmatched.size() == 1 ? "it" : "them"));
  }
  for (std::size_t a : matched) {
    for (std::size_t i = 0; i < scenario->num_issues(); ++i) {
      const Stance* s = scenario->stance(a, i);
      if (s && s->capability) {
        throw InputError({"", 0, field},
                         fmt::format("actor '{}' has an issue-specific capability on issue '{}'; "
                                     "a voting rule gives one capability per actor",
                                     scenario->actors[a].id, scenario->issues[i].id));
      }
    }
  }
  const PowerResult power = ComputePower(rule, {}, control);
  out.method = power.method;
  double index_total = 0, capability_total = 0;
  for (std::size_t a : matched) {
    const PlayerPower& p = power.players[player[scenario->actors[a].id]];
    const double value = index == PowerIndexKind::kBanzhaf ? p.banzhaf : p.shapley_shubik;
    out.actors.push_back(scenario->actors[a].id);
    out.before.push_back(scenario->actors[a].capability.value);
    out.power.push_back(value);
    out.max_standard_error =
        std::max(out.max_standard_error,
                 index == PowerIndexKind::kBanzhaf ? p.banzhaf_absolute_se : p.shapley_shubik_se);
    index_total += value;
    capability_total += scenario->actors[a].capability.value;
  }
  if (!(index_total > 0)) {
    throw InputError({"", 0, field},
                     fmt::format("every actor that is a player has {} index 0 in the rule",
                                 PowerIndexKindName(index)));
  }
  if (!(capability_total > 0)) {
    throw InputError({"", 0, field},
                     "the actors that are players have total capability 0: there is nothing "
                     "for their power indices to share");
  }
  for (std::size_t k = 0; k < matched.size(); ++k) {
    Number& c = scenario->actors[matched[k]].capability;
    c.value = out.power[k] / index_total * capability_total;
    c.uncertainty = {};
    out.after.push_back(c.value);
  }
  for (const std::string& name : rule.names) {
    if (!actor.count(name)) out.absent.push_back(name);
  }
  return out;
}

std::string DescribePowerCapability(const PowerCapability& p) {
  std::vector<std::string> parts;
  parts.reserve(p.actors.size());
  for (std::size_t k = 0; k < p.actors.size(); ++k) {
    parts.push_back(fmt::format("{} {:.4g} -> {:.4g}", p.actors[k], p.before[k], p.after[k]));
  }
  std::string text =
      fmt::format("capability from the {} index of {} ({}): {}", PowerIndexKindName(p.index),
                  p.rule_name.empty() ? "the voting rule" : p.rule_name, PowerMethodName(p.method),
                  fmt::join(parts, ", "));
  if (!p.absent.empty()) {
    text += fmt::format("; players not in the scenario (they vote, their share is left out): {}",
                        fmt::join(p.absent, ", "));
  }
  if (!p.kept.empty()) text += fmt::format("; kept their own: {}", fmt::join(p.kept, ", "));
  if (p.max_standard_error > 0) {
    text += fmt::format("; Monte Carlo standard error of the {} index up to {:.2g}",
                        p.index == PowerIndexKind::kBanzhaf ? "absolute Banzhaf" : "Shapley-Shubik",
                        p.max_standard_error);
  }
  return text;
}

}  // namespace concert
