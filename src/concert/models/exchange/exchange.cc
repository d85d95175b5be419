// The exchange model as a registered plug-in: normalisation, the loop over
// rounds, and what each round reports. The round itself is equal_gain.cc.
#include "concert/models/exchange/exchange.h"

#include <fmt/format.h>

#include <cmath>
#include <type_traits>

#include "concert/core/random.h"
#include "concert/models/exchange/equal_gain.h"
#include "concert/models/issue_view.h"
#include "concert/models/param_set.h"

namespace concert {
namespace {

// Normalisation to 0-100 as the reference's Issue.normalize: (x - lower) * step
// with step = 100 / (upper - lower), in the engine's number type.
template <typename T>
T FromDouble(double v) {
  if constexpr (std::is_same_v<T, double>) {
    return v;
  } else {
    // The shortest decimal that reads back as v: the number as the file wrote it.
    return T::FromString(fmt::format("{}", v));
  }
}

struct Scale {
  double lower, upper;
  double Denormalise(double v) const {
    return v == 0 ? lower : v / (100.0 / (upper - lower)) + lower;
  }
  double Shift(double v) const { return v * (upper - lower) / 100.0; }
};

class ExchangeModel : public Model {
 public:
  ExchangeModel(int rounds, exchange::Rates rates, bool random_ties, bool exact)
      : rounds_(rounds), rates_(rates), random_ties_(random_ties), exact_(exact) {}

  Forecast Run(const Scenario& scenario, const RunContext& context) const override {
    return exact_ ? RunWith<Decimal28>(scenario, context) : RunWith<double>(scenario, context);
  }

 private:
  template <typename T>
  Forecast RunWith(const Scenario& scenario, const RunContext& context) const {
    using exchange::ToDouble;
    const std::size_t n = scenario.num_actors(), m = scenario.num_issues();
    std::vector<Scale> scales;
    exchange::Board<T> board;
    board.actors = n;
    board.issues = m;
    board.present.assign(n * m, 0);
    board.x.assign(n * m, FromDouble<T>(0));
    board.s.assign(n * m, FromDouble<T>(0));
    board.c.assign(n * m, FromDouble<T>(0));
    for (std::size_t d = 0; d < m; ++d) {
      const Issue& issue = scenario.issues[d];
      scales.push_back({issue.scale_min, issue.scale_max});
      const T lower = FromDouble<T>(issue.scale_min);
      const T step = FromDouble<T>(100) / (FromDouble<T>(issue.scale_max) - lower);
      for (std::size_t a = 0; a < n; ++a) {
        const Stance* s = scenario.stance(a, d);
        if (s == nullptr) continue;
        const std::size_t at = board.at(d, a);
        board.present[at] = 1;
        board.x[at] = (FromDouble<T>(s->position.value) - lower) * step;
        board.s[at] = FromDouble<T>(s->salience.value);
        board.c[at] = FromDouble<T>(scenario.capability(a, d));
      }
    }

    // outcomes_only (Monte Carlo and the other batch callers): no record of
    // rounds, no externalities, trades without their values; the same outcomes.
    const bool record = !context.outcomes_only;
    Forecast forecast;
    for (std::size_t d = 0; d < m; ++d) {
      IssueForecast f;
      f.issue = d;
      const double outcome = scales[d].Denormalise(ToDouble(board.Outcome(d)));
      if (record) {
        Round r0 = InputRound(scenario, d);
        r0.outcome = outcome;
        f.rounds.push_back(std::move(r0));
      }
      f.outcome = outcome;
      forecast.issues.push_back(std::move(f));
    }
    std::vector<Values> totals(n, Values{{"gain", 0.0},
                                         {"inner_positive", 0.0},
                                         {"inner_negative", 0.0},
                                         {"outer_positive", 0.0},
                                         {"outer_negative", 0.0}});
    Stream ties(context.seed, 0);
    exchange::RoundOptions<T> options;
    options.externalities = record;
    options.rates = rates_;
    options.rates.seed = context.seed;
    exchange::TieBreak<T>& tie_break = options.tie_break;
    if (random_ties_) {
      tie_break = [&ties](const std::vector<exchange::Exchange<T>>& sorted) -> std::size_t {
        if (sorted.size() < 2) return 0;
        const double top = ToDouble(sorted[0].gain), next = ToDouble(sorted[1].gain);
        const bool tie = top - next <= exchange::kTieTolerance * std::abs(top);
        return tie && ties.Uniform() >= 0.5 ? 1 : 0;
      };
    }

    for (int round = 1; round <= rounds_; ++round) {
      if (context.control.cancel && context.control.cancel()) break;
      options.rates.round = round;
      const exchange::RoundResult<T> result = exchange::RunRound(board, options);
      for (std::size_t d = 0; d < m && !record; ++d) {
        forecast.issues[d].outcome = scales[d].Denormalise(ToDouble(result.outcome_after[d]));
      }
      for (std::size_t d = 0; d < m && record; ++d) {
        const Scale& scale = scales[d];
        Round r;
        r.round = round;
        r.outcome = scale.Denormalise(ToDouble(result.outcome_after[d]));
        r.values = {{"outcome_before", scale.Denormalise(ToDouble(result.outcome_before[d]))},
                    {"candidates", static_cast<double>(result.candidates)},
                    {"executed", static_cast<double>(result.executed.size())}};
        if (rates_.random_rate()) {
          r.values.push_back({"passes", static_cast<double>(result.passes)});
          r.values.push_back({"deadlock", result.deadlock ? 1.0 : 0.0});
        }
        r.positions.resize(n);
        r.details.resize(n);
        for (std::size_t a = 0; a < n; ++a) {
          const std::size_t at = board.at(d, a);
          if (!board.present[at]) continue;
          r.positions[a] = scale.Denormalise(ToDouble(result.voting[at]));
          ActorDetail detail;
          detail.values = {{"start", scale.Denormalise(ToDouble(Start(result, board, at)))},
                           {"next", scale.Denormalise(ToDouble(result.next[at]))}};
          r.details[a] = detail;
        }
        forecast.issues[d].rounds.push_back(std::move(r));
      }
      for (const exchange::Executed<T>& done : result.executed) {
        forecast.trades.push_back(MakeTrade(done, round, scales, rates_, record));
        for (std::size_t a = 0; a < n && record; ++a) {
          const double value = done.externality[a];
          std::size_t slot;
          if (a == done.exchange.i.actor || a == done.exchange.j.actor) {
            slot = 0;
          } else if (value > 0) {
            slot = done.inner[a] ? 1 : 3;
          } else {
            slot = done.inner[a] ? 2 : 4;
          }
          totals[a][slot].second += value;
        }
      }
      if (context.control.progress) {
        context.control.progress(static_cast<std::size_t>(round),
                                 static_cast<std::size_t>(rounds_));
      }
    }
    for (IssueForecast& f : forecast.issues) {
      if (record) f.outcome = f.rounds.back().outcome;
      // The reference's arithmetic takes 0 for an issue on which nobody has
      // weight; concert reports no outcome there, as the other models do.
      const IssueView v = ViewIssue(scenario, f.issue);
      double weight = 0;
      for (std::size_t k = 0; k < v.actors.size(); ++k) weight += v.capability[k] * v.salience[k];
      if (!(weight > 0)) {
        f.outcome.reset();
        for (Round& r : f.rounds) r.outcome.reset();
        f.note = "no outcome: the total capability x salience of the actors on this issue is zero";
      }
    }
    for (std::size_t a = 0; a < n && record; ++a) forecast.summary.push_back({a, totals[a]});
    return forecast;
  }

  // The round-start position: the voting position of an actor that did not
  // trade on the issue equals its start; otherwise take it from the trade.
  template <typename T>
  static T Start(const exchange::RoundResult<T>& result, const exchange::Board<T>& board,
                 std::size_t at) {
    const std::size_t actor = at % board.actors, issue = at / board.actors;
    for (const exchange::Executed<T>& done : result.executed) {
      for (const exchange::Side<T>* side : {&done.exchange.i, &done.exchange.j}) {
        if (side->actor == actor && side->supply == issue) return side->start;
      }
    }
    return result.voting[at];
  }

  template <typename T>
  static Trade MakeTrade(const exchange::Executed<T>& done, int round,
                         const std::vector<Scale>& scales, const exchange::Rates& rates,
                         bool values) {
    using exchange::ToDouble;
    auto party = [&](const exchange::Side<T>& side) {
      const Scale& scale = scales[side.supply];
      Trade::Party p;
      p.actor = side.actor;
      p.supply = side.supply;
      p.demand = side.demand;
      p.start = scale.Denormalise(ToDouble(side.start));
      p.before = scale.Denormalise(ToDouble(side.supply_x));
      p.after = scale.Denormalise(ToDouble(side.y));
      p.move = scale.Shift(ToDouble(side.move));
      return p;
    };
    Trade t;
    t.round = round;
    t.order = done.order;
    t.i = party(done.exchange.i);
    t.j = party(done.exchange.j);
    t.gain = ToDouble(done.exchange.gain);
    if (!values) return t;
    t.values = {{"dp", ToDouble(done.exchange.dp)}, {"dq", ToDouble(done.exchange.dq)}};
    if (rates.random_rate() || rates.p > 0) {
      t.values.push_back({"gain_i", ToDouble(done.exchange.i.eu)});
      t.values.push_back({"gain_j", ToDouble(done.exchange.j.eu)});
    }
    if (rates.random_rate()) t.values.push_back({"rate", ToDouble(done.exchange.rate)});
    return t;
  }

  int rounds_;
  exchange::Rates rates_;
  bool random_ties_;
  bool exact_;
};

}  // namespace

namespace {

// The parameters as the user gives them; MakeExchange checks their combination.
struct ExchangeParams {
  int rounds = 10;
  bool random_rate = false;
  double p = 0;
  bool random_ties = false;
  bool decimal = false;
};

const ParamSet<ExchangeParams>& Parameters() {
  using E = ExchangeParams;
  static const ParamSet<E> params =
      ParamSet<E>()
          .Int("rounds", &E::rounds, 0, 1000, "rounds", "number of rounds of exchanges")
          .Choice<bool>("variant", &E::random_rate, {{"equal-gain", false}, {"random-rate", true}},
                        "exchange rates: equal gains for both; or random-rate: a rate drawn "
                        "(from the run's seed) between the two break-even rates, executed when "
                        "best for both actors")
          .Real("p", &E::p, 0, 1, "",
                "equal-gain only: randomise each exchange's gains (REX): one side gains up to p "
                "of the way to its maximum or loses up to p of its equal gain, drawn from the "
                "run's seed")
          .Choice<bool>("ties", &E::random_ties, {{"ordered", false}, {"random", true}},
                        "equal-gain only: equal gains execute in list order, or pick at random "
                        "from the run's seed")
          .Choice<bool>("arithmetic", &E::decimal, {{"double", false}, {"decimal", true}},
                        "double: fast; decimal: 28-digit decimals as the reference computes, "
                        "which reproduces its every decision (slower)");
  return params;
}

}  // namespace

ModelInfo ExchangeInfo() {
  return {"exchange",
          "Stokman & Van Oosten's exchange model: actors on opposite sides of the outcome on two "
          "issues trade positions, each moving on the issue it cares less about; equal-gain "
          "exchange rates (randomised by p), highest gain first, or random rates executed when "
          "best for both actors (variant=random-rate); the outcome is the weighted mean of the "
          "voting positions.",
          {"Stokman, F. N. & Van Oosten, R. (1994). The exchange of voting positions: an "
           "object-oriented model of policy networks. In B. Bueno de Mesquita & F. N. Stokman "
           "(eds.), European Community Decision Making (pp. 105-127). Yale University Press.",
           "Dijkstra, J., Van Assen, M. A. L. M., Stokman, F. N. & Draaijer, S. (2018). Random "
           "variation of exchange rates in the equal utility exchange model (working paper)."},
          Parameters().Infos()};
}

std::unique_ptr<Model> MakeExchange(const Params& params) {
  const ExchangeParams e = Parameters().Bind(params);
  exchange::Rates rates;
  rates.p = e.p;
  if (e.random_rate) {
    rates.variant = exchange::Rates::Variant::kRandomRate;
    if (rates.p != 0) {
      throw InputError({},
                       "model 'exchange': p randomises equal-gain rates; with "
                       "variant=random-rate leave p at 0");
    }
    if (e.random_ties) {
      throw InputError({},
                       "model 'exchange': ties applies to variant=equal-gain; random-rate "
                       "executes the exchange best for both actors");
    }
  }
  return std::make_unique<ExchangeModel>(e.rounds, rates, e.random_ties, e.decimal);
}

}  // namespace concert
