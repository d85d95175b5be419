#include "concert/models/agenda.h"

#include <fmt/format.h>

#include <algorithm>

#include "concert/core/error.h"

namespace concert {
namespace {

// The scenario with only the agenda's issues (kept: their indices in the whole).
Scenario OnAgenda(const Scenario& s, const std::vector<std::size_t>& kept) {
  Scenario sub = s;
  sub.issues.clear();
  for (std::size_t k : kept) sub.issues.push_back(s.issues[k]);
  sub.resize_stances();
  for (std::size_t j = 0; j < kept.size(); ++j) {
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      if (const Stance* st = s.stance(a, kept[j])) sub.set_stance(a, j, *st);
    }
  }
  return sub;
}

// Per issue of the whole: the sub-scenario's value where on the agenda, else the
// status quo.
std::vector<double> Widen(const Scenario& s, const std::vector<std::size_t>& kept,
                          const std::vector<double>& values) {
  std::vector<double> out(s.num_issues());
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out[k] = s.issues[k].status_quo ? s.issues[k].status_quo->value : s.issues[k].scale_min;
  }
  for (std::size_t j = 0; j < kept.size() && j < values.size(); ++j) out[kept[j]] = values[j];
  return out;
}

IssueForecast OffAgenda(const Scenario& s, std::size_t k, std::size_t rounds) {
  IssueForecast f;
  f.issue = k;
  f.outcome = s.issues[k].status_quo->value;
  f.note = "off the agenda: stays at its status quo";
  for (std::size_t r = 0; r < std::max<std::size_t>(rounds, 1); ++r) {
    Round round;
    round.round = static_cast<int>(r);
    round.outcome = f.outcome;
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      const Stance* st = s.stance(a, k);
      round.positions.push_back(st ? std::optional<double>(st->position.value) : std::nullopt);
    }
    f.rounds.push_back(std::move(round));
  }
  return f;
}

}  // namespace

bool HasAgenda(const Scenario& s) {
  return std::any_of(s.issues.begin(), s.issues.end(), [](const Issue& i) { return !i.on_agenda; });
}

void SetAgenda(Scenario* s, const std::vector<std::string>& ids, const std::string& field) {
  std::vector<char> on(s->num_issues(), ids.empty());
  for (const std::string& id : ids) {
    std::size_t k = 0;
    while (k < s->num_issues() && s->issues[k].id != id) ++k;
    if (k == s->num_issues()) {
      throw InputError({"", 0, field}, fmt::format("unknown issue '{}'", id));
    }
    on[k] = 1;
  }
  for (std::size_t k = 0; k < s->num_issues(); ++k) {
    if (!on[k] && !s->issues[k].status_quo) {
      throw InputError({"", 0, field},
                       fmt::format("issue '{}' is off the agenda and has no status_quo to stay at",
                                   s->issues[k].id));
    }
  }
  for (std::size_t k = 0; k < s->num_issues(); ++k) s->issues[k].on_agenda = on[k];
}

Forecast RunOnAgenda(const Model& model, const Scenario& s, const RunContext& context) {
  if (!HasAgenda(s)) return model.Run(s, context);
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    if (s.issues[k].on_agenda) kept.push_back(k);
  }
  if (kept.empty()) throw InputError({"", 0, "agenda"}, "expected at least one issue on it");
  Forecast sub = model.Run(OnAgenda(s, kept), context);
  Forecast out;
  out.model = sub.model;
  std::size_t rounds = 0;
  for (const IssueForecast& f : sub.issues) rounds = std::max(rounds, f.rounds.size());
  std::vector<std::optional<IssueForecast>> issues(s.num_issues());
  for (IssueForecast& f : sub.issues) {
    f.issue = kept.at(f.issue);
    issues[f.issue] = std::move(f);
  }
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    out.issues.push_back(issues[k] ? std::move(*issues[k]) : OffAgenda(s, k, rounds));
  }
  out.trades = std::move(sub.trades);
  for (Trade& t : out.trades) {
    for (Trade::Party* p : {&t.i, &t.j}) {
      p->supply = kept.at(p->supply);
      p->demand = kept.at(p->demand);
    }
  }
  out.summary = std::move(sub.summary);
  out.challenges = std::move(sub.challenges);
  for (Challenge& c : out.challenges) {
    c.initiator_position = Widen(s, kept, c.initiator_position);
    c.receiver_position = Widen(s, kept, c.receiver_position);
  }
  out.distinct = std::move(sub.distinct);
  for (DistinctPosition& d : out.distinct) d.position = Widen(s, kept, d.position);
  return out;
}

}  // namespace concert
