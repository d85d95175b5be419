// concert/core/scenario.h — the validated negotiation every model reads.
//
// Read this header first. A Scenario is actors x issues: each actor has a
// capability (power, resources; any non-negative scale); each issue has a
// scale [min, max], optional labelled anchors and an optional status quo; each
// actor may take a stance on an issue: a position on the issue's scale and a
// salience (how much the issue matters to it, stored as a fraction in [0, 1]).
// Any number may carry an uncertainty (a uniform range or a normal standard
// deviation) for Monte Carlo.
//
// Readers in concert/io produce a ScenarioDraft (ids as strings, saliences in
// the file's own unit, a source location per entry); BuildScenario() resolves
// ids, checks every rule and returns a Scenario, or throws InputError naming
// file, line, field and what was expected. Models only ever see a Scenario.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/error.h"

namespace concert {

struct Uncertainty {
  enum class Kind { kNone, kRange, kNormal };
  Kind kind = Kind::kNone;
  double low = 0.0;  // kRange: uniform on [low, high]
  double high = 0.0;
  double sd = 0.0;  // kNormal: standard deviation, truncated at the bounds
};

// A number as judged by the analyst, with its uncertainty.
struct Number {
  double value = 0.0;
  Uncertainty uncertainty;
};

struct Actor {
  std::string id;
  std::string name;
  Number capability;
  std::string description;
};

struct Anchor {
  double at = 0.0;
  std::string label;
};

struct Issue {
  std::string id;
  std::string name;
  std::string description;
  double scale_min = 0.0;
  double scale_max = 100.0;
  std::vector<Anchor> anchors;
  std::optional<Number> status_quo;
  // On the negotiation's agenda (the scenario's `agenda`; every issue when it has none).
  // Models forecast and trade only over the agenda; an issue off it stays at its status
  // quo (models/agenda.h).
  bool on_agenda = true;
};

struct Stance {
  Number position;  // on the issue's scale
  Number salience;  // in a Scenario: fraction in [0, 1]; in a draft: the file's unit
  // Issue-specific capability (DECIDE's per-issue power); the actor's when absent.
  std::optional<Number> capability;
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> sources;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  std::string sha256;  // of the input bytes; empty for scenarios built in memory

  std::size_t num_actors() const { return actors.size(); }
  std::size_t num_issues() const { return issues.size(); }
  // nullptr when the actor has no stance on the issue.
  const Stance* stance(std::size_t actor, std::size_t issue) const;
  Stance* mutable_stance(std::size_t actor, std::size_t issue);
  // The stance's own capability if it has one, else the actor's.
  double capability(std::size_t actor, std::size_t issue) const;
  void set_stance(std::size_t actor, std::size_t issue, std::optional<Stance> stance);
  void resize_stances();  // after actors/issues change; clears all stances

 private:
  std::vector<std::optional<Stance>> stances_;  // [issue * num_actors + actor]
};

// ---- drafts, as readers produce them ----

struct ActorDraft {
  Actor actor;
  ErrorLocation where;  // field is a prefix such as "actors[2]"
};
struct IssueDraft {
  Issue issue;
  ErrorLocation where;
};
struct StanceDraft {
  std::string actor_id;
  std::string issue_id;
  Stance stance;
  ErrorLocation where;
};

struct ScenarioDraft {
  std::string file;  // for messages about the whole file
  std::string name;
  std::string description;
  std::vector<std::string> sources;
  std::vector<ActorDraft> actors;
  std::vector<IssueDraft> issues;
  std::vector<StanceDraft> stances;
  double salience_unit = 100.0;  // a salience of `salience_unit` in the file means 1
  std::string sha256;
};

// Resolves ids and validates; throws InputError at the first problem.
Scenario BuildScenario(const ScenarioDraft& draft);

// Rules that hold for any Scenario (also one changed in memory, e.g. a Monte
// Carlo draw); throws InputError with field paths but no file or line.
void ValidateScenario(const Scenario& scenario);

}  // namespace concert
