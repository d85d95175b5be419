// concert/institutions/simulate.h — Monte Carlo of the compliance game for
// the base design and each alternative of a scenario's institution.
//
// Draw i (of `draws`) uses, for every design alike: the scenario's uncertain
// numbers drawn from Stream(seed, i) (as the forecast Monte Carlo does), the
// agreement forecast on that draw (when it comes from a model), the
// institution's uncertain numbers from streams (seed, i, field), and one path
// of the game from Stream(seed ^ kPathSalt, i). Designs are therefore compared
// on common random numbers, and results do not depend on the thread count.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/parallel.h"
#include "concert/institutions/institution.h"

namespace concert {

struct SimulateOptions {
  std::size_t draws = 1000;
  bool fixed = false;  // hold every uncertain number at its value; only the paths vary
  std::uint64_t seed = 0;
  int periods = 0;           // > 0: overrides the section's periods
  std::string model;         // non-empty: the agreement from this model spec
  bool sensitivity = false;  // rank the uncertain inputs by their effect on the design as coded
};

struct DesignSummary {
  std::string name, description;
  GameTerms terms;                                // at the numbers' central values
  std::vector<std::optional<double>> thresholds;  // per party, least discount factor
  std::size_t draws = 0;
  // Shares of draws; held + never_signed + false_alarm + violation + exited = 1.
  double p_signed = 0;      // every party whose consent is required signed
  double held = 0;          // signed and never ended (compliance.h: End::kHeld)
  double never_signed = 0;  // a party vetoed
  double false_alarm = 0;   // ended after a compliance misread as a defection
  double violation = 0;     // ended after a real defection was seen
  double exited = 0;        // ended by a party leaving after signing
  double suspensions = 0;   // mean punishment phases per draw
  double mean_periods = 0;  // mean periods in force (restricted to the horizon)
  double median_periods = 0;
  std::vector<double> vetoes;      // per party: share of draws in which it would not sign
  std::vector<double> ended_by;    // per party: share of draws ended by it (veto included)
  std::vector<double> compliance;  // per period: mean share of parties complying
  std::vector<double> survival;    // per period: P(in force in that period | signed)
  std::vector<double> payoff;      // per party: mean per-period payoff
  double enforcement_cost = 0;     // mean total over the horizon
  double aid_paid = 0;             // mean total over the horizon
};

// One draw's path under one design.
struct DrawOutcome {
  int periods_in_force = 0;
  PathResult::End end = PathResult::End::kHeld;
  int ended_by = -1;  // the party that vetoed, was seen defecting, or left
  int suspensions = 0;
  double enforcement_cost = 0, aid_paid = 0;
};

struct SimulationResult {
  std::string agreement_source;                // "model compromise" or "given"
  std::vector<double> agreement;               // per issue, at the central values
  Stakes stakes;                               // at the central values
  std::vector<DesignSummary> designs;          // base first, then the alternatives
  std::vector<InstitutionSpec::Event> events;  // the section's dated events (chart markers)
  // With options.sensitivity (and not fixed): standardised regression coefficients
  // of the periods the design as coded stays in force on every uncertain input
  // (the scenario's, then the institution's), as the forecast sensitivity does.
  std::vector<std::string> inputs;
  std::optional<Sensitivity> sensitivity;
  std::size_t draws = 0;
  bool cancelled = false;
  // Per draw (completed or not: see completed) and design, [i * designs + d];
  // vetoes per party too, [(i * designs + d) * parties + p]: 1 when the party's
  // consent is required and it would not sign.
  std::vector<DrawOutcome> draw_outcomes;
  std::vector<char> draw_vetoes;
  std::vector<char> completed;  // per draw
};

// Draws run in parallel (control.threads; the result does not depend on it);
// cancelled, the result summarises the draws completed.
SimulationResult RunSimulation(const Scenario& scenario, const InstitutionSpec& spec,
                               const SimulateOptions& options, const RunControl& control = {});

}  // namespace concert
