#include "concert/order/order_link.h"

#include <fmt/format.h>

#include <algorithm>

#include "concert/order/order_model.h"

namespace concert {

OrderLink ApplyOrderYear(const OrderSpec& base, const std::string& preset, int year,
                         Scenario* scenario, InstitutionSpec* institution) {
  OrderSpec spec = base;
  if (!preset.empty()) {
    try {
      spec = ApplyPreset(base, preset);
    } catch (const InputError& e) {
      throw InputError({e.where().file, e.where().line, "order_preset"}, e.message());
    }
  }
  int first = spec.first_year;
  for (const OrderActor& a : spec.actors) {
    first = std::max({first, a.economy.front().year, a.military.front().year});
  }
  if (year < first) {
    throw InputError({spec.file, 0, "order_year"},
                     fmt::format("expected a year from {} (the first the order's data cover) but "
                                 "got {}",
                                 first, year));
  }
  OrderRun run(spec, first, year);
  const OrderNumbers numbers = CentralNumbers(spec);
  std::vector<double> capability;
  run.Run(numbers, [&](const OrderYearState& s) { capability = s.capability; });
  OrderLink link;
  link.file = spec.file;
  link.preset = preset;
  link.year = year;
  for (Actor& actor : scenario->actors) {
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
      if (spec.actors[i].id != actor.id) continue;
      const double rho = numbers.actors[i][kRelativeGains];
      if (institution && institution->from_file && rho >= 1) {
        throw InputError({spec.file, spec.actors[i].where.line, "order"},
                         fmt::format("actor '{}' weighs relative gains only (relative_gains 1): "
                                     "the compliance game has no finite weight for it",
                                     actor.id));
      }
      OrderLinkActor a{actor.id, capability[i], rho, rho < 1 ? rho / (1 - rho) : 0};
      actor.capability = Number{a.capability, {}};
      if (institution && institution->from_file) {
        institution->base.parties[actor.id].relative_gains = Number{a.r, {}};
        for (DesignSpec& d : institution->alternatives) {
          if (auto it = d.parties.find(actor.id); it != d.parties.end()) {
            it->second.relative_gains.reset();
          }
        }
      }
      link.actors.push_back(a);
    }
  }
  if (link.actors.empty()) {
    std::vector<std::string> ids;
    for (const OrderActor& a : spec.actors) ids.push_back(a.id);
    throw InputError({spec.file, 0, "order"},
                     fmt::format("no actor of the scenario is an actor of the order section "
                                 "({}); the ids must match",
                                 fmt::join(ids, ", ")));
  }
  return link;
}

}  // namespace concert
