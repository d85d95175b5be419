#include "concert/core/order_spec.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

namespace concert {

std::size_t OrderSpec::leader_index() const {
  for (std::size_t i = 0; i < actors.size(); ++i) {
    if (actors[i].id == leader) return i;
  }
  return actors.size();
}

const OrderPreset* OrderSpec::preset(const std::string& name) const {
  for (const OrderPreset& p : presets) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

namespace {

std::vector<std::string> Ids(const OrderSpec& spec) {
  std::vector<std::string> ids;
  for (const OrderActor& a : spec.actors) ids.push_back(a.id);
  return ids;
}

ErrorLocation At(const ErrorLocation& where, const std::string& field) {
  return {where.file, where.line, field};
}

}  // namespace

OrderSpec ApplyPreset(const OrderSpec& spec, const std::string& name) {
  const OrderPreset* preset = spec.preset(name);
  if (!preset) {
    std::vector<std::string> names;
    for (const OrderPreset& p : spec.presets) names.push_back(p.name);
    throw InputError(At(spec.where, "preset"),
                     names.empty() ? fmt::format("unknown preset '{}'; the order section "
                                                 "defines no presets",
                                                 name)
                                   : fmt::format("unknown preset '{}'; expected one of: {}", name,
                                                 fmt::join(names, ", ")));
  }
  OrderSpec out = spec;
  if (preset->renegotiation_from != 0) out.renegotiation_from = preset->renegotiation_from;
  std::set<std::string> named;
  for (const PresetSetting& s : preset->settings) {
    if (!s.actor.empty() && s.actor != "others") named.insert(s.actor);
  }
  const std::size_t leader = spec.leader_index();
  for (const PresetSetting& s : preset->settings) {
    if (s.actor.empty()) {
      out.numbers[s.field] = s.value;
    } else if (s.actor == "others") {
      for (std::size_t i = 0; i < out.actors.size(); ++i) {
        if (i != leader && !named.count(out.actors[i].id)) out.actors[i].numbers[s.field] = s.value;
      }
    } else {
      bool found = false;
      for (OrderActor& a : out.actors) {
        if (a.id == s.actor) {
          a.numbers[s.field] = s.value;
          found = true;
        }
      }
      if (!found) {
        throw InputError(s.where, fmt::format("unknown actor '{}' in preset '{}'; the order's "
                                              "actors: {} (or 'others')",
                                              s.actor, name, fmt::join(Ids(spec), ", ")));
      }
    }
  }
  ValidateOrder(out);
  return out;
}

void ValidateOrder(const OrderSpec& spec) {
  if (spec.actors.size() < 2) {
    throw InputError(At(spec.where, "order.actors"), "expected at least two actors");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < spec.actors.size(); ++i) {
    const OrderActor& a = spec.actors[i];
    if (!ids.insert(a.id).second) {
      throw InputError(At(a.where, fmt::format("order.actors[{}].id", i)),
                       fmt::format("duplicate actor id '{}'", a.id));
    }
    for (const auto* series : {&a.economy, &a.military}) {
      const char* what = series == &a.economy ? "economy" : "military";
      if (series->front().year > spec.base_year) {
        throw InputError(At(a.where, fmt::format("order.actors[{}].{}", i, what)),
                         fmt::format("the data start in {}, after base_year {}: expected data "
                                     "up to the base year",
                                     series->front().year, spec.base_year));
      }
    }
    if (!(a.economy.front().value > 0)) {
      throw InputError(At(a.where, fmt::format("order.actors[{}].economy", i)),
                       "expected a positive economy in the first data year");
    }
  }
  if (spec.leader_index() == spec.actors.size()) {
    throw InputError(At(spec.where, "order.leader"),
                     fmt::format("unknown actor '{}'; the order's actors: {}", spec.leader,
                                 fmt::join(Ids(spec), ", ")));
  }
  double voice = 0;
  for (const OrderActor& a : spec.actors) voice += a.numbers[kVoice].value;
  if (std::fabs(voice - 1) > 0.005) {
    throw InputError(At(spec.where, "order.actors[].voice"),
                     fmt::format("expected voice shares summing to 1 (within 0.005) but they sum "
                                 "to {:.4f}; renormalise them over the order's actors",
                                 voice));
  }
}

}  // namespace concert
