// concert/models/model.h — what a bargaining model is, and how it is named.
//
// Read this header first. A model is a plug-in with a name, typed parameters
// with defaults and units, a description and citations (ModelInfo), and one
// entry point, Model::Run, that turns a validated Scenario into a Forecast.
// Everywhere — CLI, scenario files, Monte Carlo, backtests — a model is named
// by a spec string such as `bdm(rounds=10,risk=on)`; CreateModel() parses and
// validates it against the registry (registry.h) and returns the model with
// its canonical spec (every parameter spelled out, in declared order).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/parallel.h"
#include "concert/core/scenario.h"

namespace concert {

struct ParamInfo {
  enum class Type { kInt, kReal, kChoice };
  std::string name;
  Type type = Type::kReal;
  std::string default_value;
  std::vector<std::string> choices;  // kChoice
  double min = 0.0;                  // kInt, kReal: inclusive bounds
  double max = 0.0;
  std::string unit;
  std::string description;
};

// A numeric parameter (kInt or kReal) with bounds, and a choice parameter.
ParamInfo NumberParam(const char* name, ParamInfo::Type type, const char* default_value, double min,
                      double max, const char* unit, const char* description);
ParamInfo ChoiceParam(const char* name, const char* default_value, std::vector<std::string> choices,
                      const char* description);

struct ModelInfo {
  std::string name;
  std::string summary;  // one paragraph
  std::vector<std::string> citations;
  std::vector<ParamInfo> params;
  // Run when no model is named (forecast, report, backtest). False for models
  // fitted to one kind of data (learned: EU legislation).
  bool by_default = true;
  // Whether the forecast is the same for any order of the actors in the
  // scenario (tests/conformance_test.cc checks it); false for models whose
  // ties or sequences follow the list order.
  bool actor_order_invariant = false;
};

// Parameter values after validation; every declared parameter is present.
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, std::string> values) : values_(std::move(values)) {}
  const std::string& Choice(const std::string& name) const;
  long Int(const std::string& name) const;
  double Real(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

// Named numbers a model reports beside the common fields, e.g. {"median", 7.0}.
using Values = std::vector<std::pair<std::string, double>>;

// What one actor did in a round, for models that explain moves.
struct ActorDetail {
  Values values;                    // e.g. {"risk", 1.4}, {"eu_ij", -0.1}
  std::string offer;                // e.g. "compromise"; empty when the actor did not move
  std::optional<std::size_t> from;  // actor whose offer it took
};

// One round of a model's path on one issue. Round 0 holds the input positions;
// round k the positions after the k-th round of moves.
struct Round {
  int round = 0;
  std::optional<double> outcome;                    // on the issue's scale
  std::vector<std::optional<double>> positions;     // per actor; empty optional = no stance
  Values values;                                    // model-specific, e.g. median and mean
  std::vector<std::optional<ActorDetail>> details;  // per actor, or empty
};

// A path that ends in a cycle (models/cycle.h): its least period (>= 2) and the
// round from which it repeats.
struct Cycle {
  int period = 0;
  int from_round = 0;
};

struct IssueForecast {
  std::size_t issue = 0;          // index into Scenario::issues
  std::optional<double> outcome;  // the model's forecast; none when it cannot say (see note)
  std::string note;               // why there is no outcome, or a caveat
  std::vector<Round> rounds;
  std::optional<Cycle> cycle;  // set for every model by the registry's models
};

// A trade of positions between two actors (the exchange model): each moves on
// the issue it supplies toward the other and gains on the issue it demands.
struct Trade {
  struct Party {
    std::size_t actor = 0;
    std::size_t supply = 0, demand = 0;  // issue indices
    double start = 0;                    // position on the supply issue at the start of the round
    double before = 0;                   // ... when the trade was executed
    double after = 0;                    // ... after it (the voting position it agreed to)
    double move = 0;                     // after - before, on the issue's scale
  };
  int round = 0;  // 1-based
  int order = 0;  // execution order within the round, 1-based
  Party i, j;
  double gain = 0;  // utility gained by each of the two
  Values values;    // model-specific, e.g. outcome shifts
};

// A challenge in a model that bargains over all issues at once (smp): the
// initiator challenges the receiver and proposes a bargain to both.
struct Challenge {
  int round = 0;  // 1-based: made from the positions of round - 1
  std::size_t initiator = 0, receiver = 0;
  double probability = 0;  // the initiator's estimate that it prevails
  double gain = 0;         // the initiator's expected gain in utility
  // The bargain, per issue, on each issue's scale.
  std::vector<double> initiator_position, receiver_position;
  bool initiator_adopted = false, receiver_adopted = false;
};

// A position held by one or more actors at the end of a round, and the
// probability that it prevails (smp).
struct DistinctPosition {
  int round = 0;
  std::vector<std::size_t> actors;  // who holds it (within the model's tolerance)
  std::vector<double> position;     // per issue, on each issue's scale
  double probability = 0;
};

// Per-actor totals over a run, e.g. utility gained by trading.
struct ActorSummary {
  std::size_t actor = 0;
  Values values;
};

struct Forecast {
  std::string model;  // canonical spec
  std::vector<IssueForecast> issues;
  std::vector<Trade> trades;          // models that trade (exchange)
  std::vector<ActorSummary> summary;  // per actor, when the model reports one
  std::vector<Challenge> challenges;  // models that challenge across issues (smp)
  std::vector<DistinctPosition> distinct;
};

// Progress (fraction done in [0, 1]) and cancellation for long runs.
struct RunContext {
  std::uint64_t seed = 0;
  // Threads a model may use inside one run (0: one per core; Monte Carlo, which
  // runs draws in parallel, sets 1; results must not depend on it), progress
  // (done, total: issues, rounds or turns) and cancel (polled between rounds).
  RunControl control;
  // When set, models that can explain themselves write why this actor (index)
  // moved, one line at a time, to `explain`.
  std::optional<std::size_t> explain_actor;
  std::function<void(const std::string&)> explain;
  // Set by callers that read only each issue's outcome and note and the trades
  // (Monte Carlo, Sobol, what-if): a model may then leave out the rounds and
  // their details, which cost more than the model itself on small cases. The
  // outcomes must be the same bits either way (tests/outcomes_only_test.cc).
  bool outcomes_only = false;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual Forecast Run(const Scenario& scenario, const RunContext& context) const = 0;
};

// ---- specs ----

struct ModelSpec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;  // as written, in order
};

// Parses `name` or `name(key=value, ...)`; throws InputError on bad syntax.
ModelSpec ParseModelSpec(const std::string& text);

}  // namespace concert
