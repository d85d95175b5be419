// The spatial model of politics as a registered plug-in: parameters, the
// conversion between a Scenario and the engine's [0, 1] space, and what each
// turn reports. The math is in turns.cc and scalar_math.cc.
#include "concert/models/smp/smp.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>

#include "concert/models/issue_view.h"
#include "concert/models/param_set.h"
#include "concert/models/smp/turns.h"

namespace concert {
namespace {

struct Prepared {
  smp::Input input;
  std::string note;  // how the input was adapted, if it was
};

Prepared Prepare(const Scenario& s) {
  const std::size_t n = s.num_actors(), dims = s.num_issues();
  Prepared out;
  smp::Input& in = out.input;
  in.position = smp::Matrix(n, dims);
  in.salience = smp::Matrix(n, dims);
  in.capability.resize(n);
  for (std::size_t a = 0; a < n; ++a) in.capability[a] = s.actors[a].capability.value;
  bool missing = false;
  for (std::size_t d = 0; d < dims; ++d) {
    const Issue& issue = s.issues[d];
    const double lo = issue.scale_min, width = issue.scale_max - issue.scale_min;
    double sum_w = 0, sum_wx = 0;
    for (std::size_t a = 0; a < n; ++a) {
      if (const Stance* st = s.stance(a, d)) {
        const double w = in.capability[a] * st->salience.value;
        sum_w += w;
        sum_wx += w * st->position.value;
      }
    }
    const double filler = sum_w > 0 ? sum_wx / sum_w : lo + width / 2;
    for (std::size_t a = 0; a < n; ++a) {
      const Stance* st = s.stance(a, d);
      missing = missing || st == nullptr;
      const double x = st ? st->position.value : filler;
      in.position(a, d) = width > 0 ? (x - lo) / width : 0.0;
      in.salience(a, d) = st ? st->salience.value : 0.0;
    }
  }
  double max_total = 0;
  for (std::size_t a = 0; a < n; ++a) {
    double total = 0;
    for (std::size_t d = 0; d < dims; ++d) total += in.salience(a, d);
    max_total = std::max(max_total, total);
  }
  if (max_total > 1 + 1e-12) {
    for (double& x : in.salience.data) x /= static_cast<double>(dims);
    out.note = fmt::format(
        "saliences divided by the number of issues ({}): some actor's summed to {:.3g} > 1", dims,
        max_total);
  }
  if (missing) {
    if (!out.note.empty()) out.note += "; ";
    out.note += "actors without a stance sit at the weighted mean with salience 0";
  }
  return out;
}

// Turn by turn, what one actor did: its risk attitude, the challenge it made,
// those it received, and the bargain it adopted (or that it kept its position).
void Explain(const Scenario& s, const smp::Result& result, std::size_t actor,
             const std::function<void(const std::string&)>& say) {
  const std::string& me = s.actors[actor].id;
  auto where = [&](const std::vector<double>& x01) {
    std::string out;
    for (std::size_t d = 0; d < x01.size(); ++d) {
      const Issue& issue = s.issues[d];
      out += fmt::format("{}{} {:.2f}", d == 0 ? "" : ", ", issue.id,
                         issue.scale_min + x01[d] * (issue.scale_max - issue.scale_min));
    }
    return out;
  };
  say(fmt::format("smp: why {} moved ({})", me, result.stop_reason));
  for (std::size_t t = 0; t + 1 < result.turns.size(); ++t) {
    const smp::Turn& turn = result.turns[t];
    std::vector<double> at(turn.position.cols);
    for (std::size_t d = 0; d < at.size(); ++d) at[d] = turn.position(actor, d);
    say(fmt::format("turn {}: at ({}), risk attitude R = {:+.4f}", t + 1, where(at),
                    turn.risk[actor]));
    bool adopted = false, challenged = false;
    for (const smp::ChallengeMade& c : turn.challenges) {
      if (c.initiator == actor) {
        challenged = true;
        say(
            fmt::format("  challenges {}: it expects to prevail with p = {:.4f} and to gain "
                        "{:.4f} in utility over the status quo (its best target)",
                        s.actors[c.receiver].id, c.probability, c.gain));
        say(fmt::format("  proposes: {} moves to ({}), {} to ({})", me, where(c.initiator_position),
                        s.actors[c.receiver].id, where(c.receiver_position)));
      } else if (c.receiver == actor) {
        say(fmt::format("  challenged by {} (who expects p = {:.4f}), offered ({})",
                        s.actors[c.initiator].id, c.probability, where(c.receiver_position)));
      }
      if ((c.initiator == actor && c.initiator_adopted) ||
          (c.receiver == actor && c.receiver_adopted)) {
        adopted = true;
        say(
            fmt::format("  adopts the bargain of {} challenging {}: the most probable of its "
                        "options in an election among all actors",
                        s.actors[c.initiator].id, s.actors[c.receiver].id));
      }
    }
    if (!challenged) say("  makes no challenge: none is worth more than 1e-5 to it");
    if (!adopted) say("  keeps its position: the status quo is its most probable option");
  }
}

class Smp : public Model {
 public:
  explicit Smp(smp::Config config) : config_(config) {}

  Forecast Run(const Scenario& scenario, const RunContext& context) const override {
    const std::size_t n = scenario.num_actors(), dims = scenario.num_issues();
    Forecast forecast;
    for (std::size_t d = 0; d < dims; ++d) {
      IssueForecast f;
      f.issue = d;
      forecast.issues.push_back(f);
    }
    if (n < 2 || dims == 0) {
      for (std::size_t d = 0; d < dims; ++d) {
        forecast.issues[d].note = "smp needs at least two actors";
        forecast.issues[d].rounds.push_back(InputRound(scenario, d));
      }
      return forecast;
    }
    const Prepared prepared = Prepare(scenario);
    smp::Config config = config_;
    config.seed = context.seed;
    config.threads = context.control.threads;
    auto progress = [&](int turn) {
      if (context.control.progress) {
        context.control.progress(static_cast<std::size_t>(turn),
                                 static_cast<std::size_t>(config.max_turns));
      }
    };
    auto cancel = [&] { return context.control.cancel && context.control.cancel(); };
    const smp::Result result = smp::Run(prepared.input, config, progress, cancel);
    if (context.explain && context.explain_actor) {
      Explain(scenario, result, *context.explain_actor, context.explain);
    }

    auto to_scale = [&](std::size_t d, double x01) {
      const Issue& issue = scenario.issues[d];
      return issue.scale_min + x01 * (issue.scale_max - issue.scale_min);
    };
    // outcomes_only: the last turn's outcomes alone (the same sums as below).
    const std::size_t first =
        context.outcomes_only && !result.turns.empty() ? result.turns.size() - 1 : 0;
    for (std::size_t index = first; index < result.turns.size(); ++index) {
      const smp::Turn& t = result.turns[index];
      if (context.outcomes_only) {
        for (std::size_t d = 0; d < dims; ++d) {
          double outcome = 0;
          for (std::size_t u = 0; u < t.distinct.size(); ++u) {
            outcome += t.distinct_probability[u] * to_scale(d, t.position(t.distinct[u][0], d));
          }
          Round r;
          r.round = t.turn;
          r.outcome = outcome;
          forecast.issues[d].rounds.push_back(std::move(r));
        }
        continue;
      }
      // Who adopted a bargain to reach this turn, and with whom.
      std::vector<std::optional<std::pair<std::string, std::size_t>>> adopted(n);
      if (index > 0) {
        for (const smp::ChallengeMade& c : result.turns[index - 1].challenges) {
          if (c.initiator_adopted) adopted[c.initiator] = {{"own bargain", c.receiver}};
          if (c.receiver_adopted) adopted[c.receiver] = {{"bargain offered", c.initiator}};
        }
      }
      // Each issue's outcome: the probability-weighted distinct positions.
      std::vector<double> outcome(dims, 0.0), best(dims, 0.0);
      double best_p = -1;
      for (std::size_t u = 0; u < t.distinct.size(); ++u) {
        DistinctPosition dp;
        dp.round = t.turn;
        dp.actors = t.distinct[u];
        dp.probability = t.distinct_probability[u];
        for (std::size_t d = 0; d < dims; ++d) {
          dp.position.push_back(to_scale(d, t.position(t.distinct[u][0], d)));
          outcome[d] += dp.probability * dp.position[d];
        }
        if (dp.probability > best_p) {
          best_p = dp.probability;
          best = dp.position;
        }
        forecast.distinct.push_back(std::move(dp));
      }
      for (std::size_t d = 0; d < dims; ++d) {
        Round r;
        r.round = t.turn;
        r.outcome = outcome[d];
        // mode: the most probable distinct position; change: total movement this turn.
        r.values = {{"mode", best[d]}, {"p_mode", best_p}, {"change", t.change}};
        for (std::size_t a = 0; a < n; ++a) {
          r.positions.push_back(to_scale(d, t.position(a, d)));
          ActorDetail detail;
          detail.values.emplace_back("risk", t.risk[a]);
          if (adopted[a]) {
            detail.offer = adopted[a]->first;
            detail.from = adopted[a]->second;
          }
          r.details.push_back(detail);
        }
        forecast.issues[d].rounds.push_back(std::move(r));
      }
      for (const smp::ChallengeMade& c : t.challenges) {
        Challenge ch;
        ch.round = t.turn + 1;
        ch.initiator = c.initiator;
        ch.receiver = c.receiver;
        ch.probability = c.probability;
        ch.gain = c.gain;
        for (std::size_t d = 0; d < dims; ++d) {
          ch.initiator_position.push_back(to_scale(d, c.initiator_position[d]));
          ch.receiver_position.push_back(to_scale(d, c.receiver_position[d]));
        }
        ch.initiator_adopted = c.initiator_adopted;
        ch.receiver_adopted = c.receiver_adopted;
        forecast.challenges.push_back(std::move(ch));
      }
    }
    std::string note = result.stop_reason;
    if (!prepared.note.empty()) note += "; " + prepared.note;
    for (IssueForecast& f : forecast.issues) {
      f.outcome = f.rounds.back().outcome;
      f.note = note;
    }
    return forecast;
  }

 private:
  smp::Config config_;
};

}  // namespace

namespace {

const ParamSet<smp::Config>& SmpParams() {
  using namespace smp;
  using C = Config;
  static const ParamSet<C> params =
      ParamSet<C>()
          .Int("turns", &C::max_turns, 1, 10000, "turns", "maximum number of turns")
          .Real("stop", &C::stop_ratio, 0, 1, "",
                "stop when a turn's total movement / (the first turn's + 1e-4) is below this")
          .Choice<bool>("transitions", &C::stochastic,
                        {{"deterministic", false}, {"stochastic", true}},
                        "deterministic: adopt the most probable bargain; stochastic: draw one by "
                        "its probability (from the run's seed)")
          .Choice<VotingRule>("voting", &C::voting,
                              {{"proportional", VotingRule::kProportional},
                               {"binary", VotingRule::kBinary},
                               {"propbin", VotingRule::kPropBin},
                               {"propcubic", VotingRule::kPropCubic},
                               {"cubic", VotingRule::kCubic},
                               {"asymprosp", VotingRule::kAsymProspect}},
                              "how a difference in utility becomes a vote")
          .Choice<VictoryModel>("victory", &C::victory,
                                {{"linear", VictoryModel::kLinear},
                                 {"square", VictoryModel::kSquare},
                                 {"quartic", VictoryModel::kQuartic},
                                 {"octic", VictoryModel::kOctic},
                                 {"binary", VictoryModel::kBinary}},
                                "how coalition strengths become a probability of victory")
          .Choice<PceModel>("pce", &C::pce,
                            {{"conditional", PceModel::kConditional},
                             {"markov-incentive", PceModel::kMarkovIncentive},
                             {"markov-uniform", PceModel::kMarkovUniform}},
                            "the probabilistic Condorcet election")
          .Choice<RiskAdjust>("risk_adjust", &C::risk_adjust,
                              {{"none", RiskAdjust::kNone},
                               {"one-third", RiskAdjust::kOneThird},
                               {"half", RiskAdjust::kHalf},
                               {"two-thirds", RiskAdjust::kTwoThirds},
                               {"full", RiskAdjust::kFull}},
                              "how far an actor's estimate of another's risk attitude moves "
                              "from its own toward the other's")
          .Choice<RiskRange>(
              "risk_range", &C::risk_range,
              {{"min", RiskRange::kMin}, {"mid", RiskRange::kMid}, {"max", RiskRange::kMax}},
              "range of risk attitudes: min [0,1], mid [-1/2,1], max [-1,1]")
          .Choice<Commitment>("commit", &C::commitment,
                              {{"none", Commitment::kNone},
                               {"semi", Commitment::kSemi},
                               {"full", Commitment::kFull}},
                              "how far third parties commit to the coalition they join")
          .Choice<Interpolation>("interp", &C::interpolation,
                                 {{"s2p2", Interpolation::kS2P2},
                                  {"s1p1", Interpolation::kS1P1},
                                  {"s2pmax", Interpolation::kS2PMax}},
                                 "bargain weights: salience^2 x probability^2, salience x "
                                 "probability, or by the difference in probabilities")
          .Choice<BargainModel>("bargain", &C::bargain,
                                {{"initiator", BargainModel::kInitiator},
                                 {"both", BargainModel::kBoth},
                                 {"power-weighted", BargainModel::kPowerWeighted}},
                                "whose interpolation the bargain uses: the initiator's, both "
                                "(two bargains), or their power-weighted compromise");
  return params;
}

}  // namespace

ModelInfo SmpInfo() {
  return {"smp",
          "KTAB's spatial model of politics: all issues at once. Each turn every actor challenges "
          "the actor it expects to gain most from, third parties join coalitions, the challenger "
          "proposes a bargain in every dimension, and each actor adopts the best bargain it is "
          "part of by a probabilistic Condorcet election. Outcome: the probability-weighted "
          "distinct final positions.",
          {"Wise, B., Lester, S. & Efird, B. (2015). An introduction to the KAPSARC Toolkit for "
           "Behavioral Analysis (KTAB) using one-dimensional spatial models. KAPSARC discussion "
           "paper KS-1517-DP020A.",
           "Efird, B., Lester, S. & Wise, B. (2016). The Chinese state-owned enterprise reform: a "
           "political analysis. Journal of East Asian Studies 16, 117-145.",
           "KTAB source code, github.com/KAPSARC/KTAB (MIT licence), examples/smp."},
          SmpParams().Infos()};
}

std::unique_ptr<Model> MakeSmp(const Params& params) {
  return std::make_unique<Smp>(SmpParams().Bind(params));
}

}  // namespace concert
