#include "concert/analysis/levers.h"

#include <fmt/format.h>

#include <cmath>

#include "concert/analysis/forecast_run.h"

namespace concert {

const char* LeverName(LeverKind kind) {
  switch (kind) {
    case LeverKind::kPosition:
      return "position";
    case LeverKind::kSalience:
      return "salience";
    case LeverKind::kCapability:
      return "capability";
  }
  return "";
}

namespace {

// A lever's value in its unit (salience in points of 0-100) and its range.
double Get(const Scenario& s, std::size_t actor, const Lever& l) {
  if (l.kind == LeverKind::kCapability) return s.actors[actor].capability.value;
  const Stance* stance = s.stance(actor, l.issue);
  return l.kind == LeverKind::kPosition ? stance->position.value : 100 * stance->salience.value;
}

std::pair<double, double> RangeOf(const Scenario& s, const Lever& l) {
  if (l.kind == LeverKind::kPosition)
    return {s.issues[l.issue].scale_min, s.issues[l.issue].scale_max};
  if (l.kind == LeverKind::kSalience) return {0, 100};
  return {0, std::numeric_limits<double>::infinity()};
}

void Set(Scenario* s, std::size_t actor, const Lever& l, double value) {
  if (l.kind == LeverKind::kCapability) {
    s->actors[actor].capability = Number{value, {}};
    return;
  }
  Stance* stance = s->mutable_stance(actor, l.issue);
  if (l.kind == LeverKind::kPosition) {
    stance->position = Number{value, {}};
  } else {
    stance->salience = Number{value / 100, {}};
  }
}

std::vector<std::optional<double>> Outcomes(const Forecast& f) {
  std::vector<std::optional<double>> out;
  for (const IssueForecast& i : f.issues) out.push_back(i.outcome);
  return out;
}

struct Job {
  std::size_t model;
  Lever lever;
  double value;
  std::vector<std::optional<double>> outcomes;
};

// The compromise's derivatives, exactly (levers.h).
std::optional<double> CompromiseDerivative(const Scenario& s, std::size_t a, const Lever& l,
                                           std::size_t i, const std::optional<double>& outcome) {
  if (!outcome) return std::nullopt;
  const Stance* own = s.stance(a, i);
  if (!own || !s.issues[i].on_agenda) return 0.0;
  if (l.kind != LeverKind::kCapability && l.issue != i) return 0.0;
  double total = 0;
  for (std::size_t k = 0; k < s.num_actors(); ++k) {
    if (const Stance* st = s.stance(k, i)) total += s.capability(k, i) * st->salience.value;
  }
  if (total <= 0) return std::nullopt;
  const double c = s.capability(a, i), salience = own->salience.value;
  const double x = own->position.value;
  switch (l.kind) {
    case LeverKind::kPosition:
      return c * salience / total;
    case LeverKind::kSalience:
      return c * (x - *outcome) / total / 100;
    case LeverKind::kCapability:
      return own->capability ? 0.0 : salience * (x - *outcome) / total;
  }
  return std::nullopt;
}

double Step(const Scenario& s, std::size_t a, const Lever& l) {
  if (l.kind == LeverKind::kPosition) {
    return 0.01 * (s.issues[l.issue].scale_max - s.issues[l.issue].scale_min);
  }
  if (l.kind == LeverKind::kSalience) return 1;
  const double c = s.actors[a].capability.value;
  return c > 0 ? 0.01 * c : 0.01;
}

// One-sided slopes that differ by more than this share of the larger (or of 1)
// mark a kink or a jump; curvature over a 1 % step differs by far less.
constexpr double kSmooth = 0.05;

std::optional<double> Slope(double x0, double x1, const std::optional<double>& y0,
                            const std::optional<double>& y1) {
  if (!y0 || !y1 || x1 <= x0) return std::nullopt;
  return (*y1 - *y0) / (x1 - x0);
}

void Check(const AdviceRequest& r) {
  if (r.grid < 2) throw InputError({"", 0, "grid"}, "expected at least 2 values per lever");
  if (r.grid > 1001) throw InputError({"", 0, "grid"}, "expected at most 1001 values per lever");
  for (const auto& [name, v] : {std::pair{"max_position_change", r.max_position_change},
                                {"max_salience_change", r.max_salience_change},
                                {"max_capability_change", r.max_capability_change}}) {
    if (!(v >= 0)) throw InputError({"", 0, name}, fmt::format("{}: expected a bound >= 0", v));
  }
}

}  // namespace

AdviceResult RunAdvice(const AdviceRequest& request, const RunControl& control) {
  Check(request);
  const Scenario& s = request.scenario;
  AdviceResult result;
  bool found = false;
  for (std::size_t a = 0; a < s.num_actors(); ++a) {
    if (s.actors[a].id == request.actor) result.actor = a, found = true;
  }
  if (!found) {
    throw InputError({"", 0, "actor"}, fmt::format("unknown actor '{}'", request.actor));
  }
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    if (s.issues[i].id == request.issue) result.issue = i;
  }
  if (!request.issue.empty() && !result.issue) {
    throw InputError({"", 0, "issue"}, fmt::format("unknown issue '{}'", request.issue));
  }
  if (request.target && !result.issue) {
    throw InputError({"", 0, "target"}, "a target outcome needs the issue it is for");
  }
  if (request.target) {
    const Issue& issue = s.issues[*result.issue];
    if (!(*request.target >= issue.scale_min && *request.target <= issue.scale_max)) {
      throw InputError({"", 0, "target"},
                       fmt::format("{} is off the scale of '{}', [{}, {}]", *request.target,
                                   issue.id, issue.scale_min, issue.scale_max));
    }
  }
  const std::size_t a = result.actor;
  std::vector<Lever> levers;
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    if (s.stance(a, i)) levers.push_back({LeverKind::kPosition, i});
  }
  for (std::size_t i = 0; i < s.num_issues(); ++i) {
    if (s.stance(a, i)) levers.push_back({LeverKind::kSalience, i});
  }
  levers.push_back({LeverKind::kCapability, 0});
  const std::vector<CreatedModel> models = CreateModels(request.models);
  RunContext one;
  one.control.threads = 1;
  one.control.cancel = control.cancel;
  for (const CreatedModel& m : models) result.forecasts.push_back(m.model->Run(s, one));
  RunContext outcomes = one;  // the runs below are read for their outcomes only
  outcomes.outcomes_only = true;

  // Every run: finite differences (two per lever, models other than the
  // compromise), then the best-move grids.
  std::vector<Job> jobs;
  for (std::size_t m = 0; m < models.size(); ++m) {
    if (models[m].info && models[m].info->name == "compromise") continue;
    for (const Lever& l : levers) {
      const double at = Get(s, a, l), h = Step(s, a, l);
      const auto [lo, hi] = RangeOf(s, l);
      jobs.push_back({m, l, std::max(lo, at - h), {}});
      jobs.push_back({m, l, std::min(hi, at + h), {}});
    }
  }
  const std::size_t differences = jobs.size();
  if (request.target) {
    for (std::size_t m = 0; m < models.size(); ++m) {
      for (const Lever& l : levers) {
        const double at = Get(s, a, l);
        const double bound = l.kind == LeverKind::kPosition   ? request.max_position_change
                             : l.kind == LeverKind::kSalience ? request.max_salience_change
                                                              : request.max_capability_change * at;
        const auto [lo, hi] = RangeOf(s, l);
        const double from = std::max(lo, at - bound), to = std::min(hi, at + bound);
        for (std::size_t g = 0; g < request.grid; ++g) {
          const double t = static_cast<double>(g) / static_cast<double>(request.grid - 1);
          jobs.push_back({m, l, from + t * (to - from), {}});
        }
      }
    }
  }
  const std::vector<char> done = ParallelFor(jobs.size(), control, [&](std::size_t k) {
    Job& job = jobs[k];
    Scenario moved = s;
    Set(&moved, a, job.lever, job.value);
    job.outcomes = Outcomes(models[job.model].model->Run(moved, outcomes));
  });
  for (char d : done) result.cancelled = result.cancelled || !d;
  if (result.cancelled) return result;

  for (std::size_t m = 0, next = 0; m < models.size(); ++m) {
    const bool exact = models[m].info && models[m].info->name == "compromise";
    const std::vector<std::optional<double>> base = Outcomes(result.forecasts[m]);
    for (const Lever& l : levers) {
      const Job* down = exact ? nullptr : &jobs[next];
      const Job* up = exact ? nullptr : &jobs[next + 1];
      if (!exact) next += 2;
      const double at = Get(s, a, l);
      for (std::size_t i = 0; i < s.num_issues(); ++i) {
        if (result.issue && i != *result.issue) continue;
        LeverEffect e{m, l, i, std::nullopt, exact, 0, std::nullopt, std::nullopt, true};
        if (exact) {
          e.derivative = CompromiseDerivative(s, a, l, i, base[i]);
        } else {
          e.step = Step(s, a, l);
          e.left = Slope(down->value, at, down->outcomes[i], base[i]);
          e.right = Slope(at, up->value, base[i], up->outcomes[i]);
          e.derivative = Slope(down->value, up->value, down->outcomes[i], up->outcomes[i]);
          if (e.left && e.right) {
            const double scale = std::max({1.0, std::abs(*e.left), std::abs(*e.right)});
            e.smooth = std::abs(*e.left - *e.right) <= kSmooth * scale;
          }
        }
        result.effects.push_back(e);
      }
    }
  }
  if (!request.target) return result;

  // Best moves: the grids follow the differences, model by model, lever by lever.
  const std::size_t t = *result.issue;
  std::size_t k = differences;
  for (std::size_t m = 0; m < models.size(); ++m) {
    BestMove best;
    best.model = m;
    best.base_outcome = result.forecasts[m].issues[t].outcome;
    best.base_distance = best.base_outcome ? std::abs(*best.base_outcome - *request.target)
                                           : std::numeric_limits<double>::infinity();
    best.distance = std::numeric_limits<double>::infinity();
    for (const Lever& l : levers) {
      const double at = Get(s, a, l);
      for (std::size_t g = 0; g < request.grid; ++g, ++k) {
        const std::optional<double>& y = jobs[k].outcomes[t];
        if (!y) continue;
        const double distance = std::abs(*y - *request.target);
        const double change = std::abs(jobs[k].value - at);
        if (distance < best.distance - 1e-12 || (std::abs(distance - best.distance) <= 1e-12 &&
                                                 change < std::abs(best.to - best.from))) {
          best.lever = l;
          best.from = at;
          best.to = jobs[k].value;
          best.outcome = y;
          best.distance = distance;
        }
      }
    }
    best.improves = best.distance < best.base_distance - 1e-9;
    if (!best.improves) {  // staying put is as good: no move
      best.to = best.from = Get(s, a, best.lever);
      best.outcome = best.base_outcome;
      best.distance = best.base_distance;
    }
    result.best.push_back(best);
  }
  bool agree = true;
  for (const BestMove& b : result.best) {
    const BestMove& first = result.best.front();
    agree = agree && b.improves && first.improves && b.lever.kind == first.lever.kind &&
            b.lever.issue == first.lever.issue && (b.to > b.from) == (first.to > first.from);
  }
  result.models_agree = agree;
  return result;
}

}  // namespace concert
