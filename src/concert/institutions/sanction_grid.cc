#include "concert/institutions/sanction_grid.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/core/error.h"

namespace concert {
namespace {

constexpr std::size_t kMaxCells = 400;

std::vector<std::string> DefaultEnforcers(const Scenario& s) {
  std::vector<std::size_t> order(s.num_actors());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return s.actors[a].capability.value > s.actors[b].capability.value;
  });
  std::vector<std::string> out{"none"};
  for (std::size_t k = 0; k < order.size() && k < 2; ++k) out.push_back(s.actors[order[k]].id);
  out.push_back("collective");
  return out;
}

void CheckAxis(const std::vector<double>& values, const char* field, double high) {
  if (values.empty()) throw InputError({"", 0, field}, "expected at least one value");
  for (double v : values) {
    if (!(v >= 0 && v <= high) || !std::isfinite(v)) {
      throw InputError({"", 0, field},
                       fmt::format("expected numbers in [0, {}] but got {}", high, v));
    }
  }
}

}  // namespace

SanctionGridResult RunSanctionGrid(const Scenario& scenario, const InstitutionSpec& input,
                                   const SanctionGridOptions& options, const RunControl& control) {
  SanctionGridResult r;
  r.sizes = options.sizes;
  r.monitoring = options.monitoring;
  r.enforcers = options.enforcers.empty() ? DefaultEnforcers(scenario) : options.enforcers;
  CheckAxis(r.sizes, "sanction_sizes", 1e9);
  CheckAxis(r.monitoring, "monitoring_levels", 1);
  for (const std::string& e : r.enforcers) {
    bool known = e == "none" || e == "collective";
    for (const Actor& a : scenario.actors) known = known || a.id == e;
    if (!known) {
      throw InputError({"", 0, "enforcers"},
                       fmt::format("expected none, collective or an actor id but got '{}'", e));
    }
  }
  const std::size_t cells = r.enforcers.size() * r.sizes.size() * r.monitoring.size();
  if (cells > kMaxCells) {
    throw InputError({"", 0, "sanction_sizes"},
                     fmt::format("expected at most {} cells (enforcers x sizes "
                                 "x monitoring) but got {}",
                                 kMaxCells, cells));
  }
  InstitutionSpec spec = input;
  spec.alternatives.clear();
  for (const std::string& e : r.enforcers) {
    for (double size : r.sizes) {
      for (double m : r.monitoring) {
        DesignSpec d;
        d.name = fmt::format("{} s={} m={}", e, size, m);
        d.enforcer = e;
        d.sanction = Number{size, {}};
        d.monitoring = Number{m, {}};
        spec.alternatives.push_back(std::move(d));
      }
    }
  }
  r.simulation = RunSimulation(scenario, spec, options.simulate, control);
  return r;
}

}  // namespace concert
