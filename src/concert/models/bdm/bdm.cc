// The expected-utility model as a registered plug-in: parameters, the loop over
// issues and rounds, and what each round reports. The math is in rounds.cc.
#include "concert/models/bdm/bdm.h"

#include <fmt/format.h>

#include <cmath>

#include "concert/models/bdm/rounds.h"
#include "concert/models/issue_view.h"
#include "concert/models/param_set.h"

namespace concert {
namespace {

// Why a pair gave the receiver no offer, in words.
std::string NoOffer(double eu_ij, double eu_ji) {
  if (eu_ji <= 0) return "no offer: the other expects nothing from challenging it";
  if (eu_ij > 0) return "no offer: it expects at least as much from challenging the other";
  return "no offer: it would capitulate, which the reference variant never applies";
}

class Bdm : public Model {
 public:
  explicit Bdm(bdm::Options options) : options_(options) {}

  Forecast Run(const Scenario& scenario, const RunContext& context) const override {
    Forecast forecast;
    const std::size_t issues = scenario.num_issues();
    for (std::size_t i = 0; i < issues; ++i) {
      forecast.issues.push_back(RunIssue(scenario, i, context));
      if (context.control.progress) context.control.progress(i + 1, issues);
    }
    return forecast;
  }

 private:
  IssueForecast RunIssue(const Scenario& scenario, std::size_t issue,
                         const RunContext& context) const {
    const IssueView view = ViewIssue(scenario, issue);
    bdm::IssueState state(view.position, view.capability, view.salience, options_);
    IssueForecast out;
    out.issue = issue;
    if (!(state.range() > 0)) {
      out.note = "every actor holds the same position: nothing moves";
    }
    double total_weight = 0;
    for (std::size_t k = 0; k < view.actors.size(); ++k) {
      total_weight += view.capability[k] * view.salience[k];
    }
    if (!(total_weight > 0)) {
      out.note = "no outcome: the total capability x salience of the actors on this issue is zero";
      if (!context.outcomes_only) out.rounds.push_back(InputRound(scenario, issue));
      return out;
    }
    if (context.outcomes_only && !context.explain) {
      out.outcome = RunToOutcome(&state, context);
      return out;
    }
    // Explanations name actors by scenario id.
    std::optional<std::size_t> explained;
    for (std::size_t k = 0; k < view.actors.size(); ++k) {
      if (context.explain && context.explain_actor == view.actors[k]) explained = k;
    }
    auto say = [&](const std::string& line) {
      if (explained) context.explain(line);
    };
    if (explained) {
      say(fmt::format("bdm on issue '{}': why {} moved", scenario.issues[issue].id,
                      scenario.actors[view.actors[*explained]].id));
    }

    out.rounds.push_back(Snapshot(scenario, view, state, 0));
    for (int round = 1; round <= options_.rounds; ++round) {
      if (context.control.cancel && context.control.cancel()) break;
      state.EstimateRisk();
      bdm::IssueState::Consider consider;
      if (explained) {
        say(fmt::format("round {}: position {}, risk exponent r = {:.6f}", round,
                        state.positions()[*explained], state.risk()[*explained]));
        consider = [&](std::size_t i, std::size_t j, double eu_ij, double eu_ji,
                       const std::optional<bdm::Offer>& offer) {
          if (i != *explained) return;
          say(fmt::format("  vs {:<12} eu_ij {:+.6f}  eu_ji {:+.6f}  -> {}",
                          scenario.actors[view.actors[j]].id, eu_ij, eu_ji,
                          offer ? fmt::format("{} offer: move to {:.6g}",
                                              bdm::OfferName(offer->type), offer->position)
                                : NoOffer(eu_ij, eu_ji)));
        };
      }
      const std::vector<double> risk = state.risk();
      const std::vector<double> before = state.positions();
      auto offers = state.BestOffers(consider);
      if (explained) {
        const auto& o = offers[*explained];
        say(o ? fmt::format("  accepts the {} offer of {}: moves from {} to {}\n"
                            "  (rule: any confrontation, the nearest; else any compromise, {}; "
                            "else any capitulation, the nearest; ties: first in input order)",
                            bdm::OfferName(o->type), scenario.actors[view.actors[o->from]].id,
                            before[*explained], o->position,
                            options_.paper ? "the smallest move"
                                           : "the lowest weighted position "
                                             "(|eu_ij| x_i + |eu_ji| x_j) / (|eu_ij| + |eu_ji|)")
              : "  no offer to accept: stays");
      }
      state.Apply(offers);
      Round r = Snapshot(scenario, view, state, round);
      r.details.resize(scenario.num_actors());
      for (std::size_t k = 0; k < view.actors.size(); ++k) {
        ActorDetail detail;
        detail.values.emplace_back("risk", risk[k]);
        if (offers[k]) {
          detail.offer = bdm::OfferName(offers[k]->type);
          detail.from = view.actors[offers[k]->from];
          detail.values.emplace_back("eu_ij", offers[k]->eu_ij);
          detail.values.emplace_back("eu_ji", offers[k]->eu_ji);
        }
        r.details[view.actors[k]] = detail;
      }
      out.rounds.push_back(std::move(r));
    }
    out.outcome = out.rounds.back().outcome;
    return out;
  }

  // The rounds without their record. A round is a function of the positions
  // alone (risk is re-estimated from them), so once a round moves nobody, or
  // returns the positions of two rounds before, every later round repeats:
  // the last round's positions are known without running it, to the bit.
  double RunToOutcome(bdm::IssueState* state, const RunContext& context) const {
    std::vector<double> two_back, one_back = state->positions();
    for (int round = 1; round <= options_.rounds; ++round) {
      if (context.control.cancel && context.control.cancel()) break;
      state->EstimateRisk();
      state->Apply(state->BestOffers());
      const std::vector<double>& now = state->positions();
      if (now == one_back) break;  // a fixed point
      if (now == two_back) {       // a 2-cycle: now, one_back, now, ...
        if ((options_.rounds - round) % 2 == 1) state->SetPositions(one_back);
        break;
      }
      two_back = std::move(one_back);
      one_back = now;
    }
    return state->Median();
  }

  static Round Snapshot(const Scenario& scenario, const IssueView& view,
                        const bdm::IssueState& state, int round) {
    Round r;
    r.round = round;
    r.positions.resize(scenario.num_actors());
    for (std::size_t k = 0; k < view.actors.size(); ++k) {
      r.positions[view.actors[k]] = state.positions()[k];
    }
    const double median = state.Median();
    r.outcome = median;
    r.values = {{"median", median}, {"mean", state.Mean()}};
    return r;
  }

  bdm::Options options_;
};

}  // namespace

namespace {

const ParamSet<bdm::Options>& BdmParams() {
  using O = bdm::Options;
  static const ParamSet<O> params =
      ParamSet<O>()
          .Int("rounds", &O::rounds, 0, 1000, "rounds", "number of rounds of offers")
          .Real("q", &O::q, 0, 1, "", "weight of the status-quo utility in EU")
          .Real("t", &O::t, 0, 1, "",
                "paper variant with q < 1: probability that a change without challenge "
                "favours the actor (weight of U_b against U_w)")
          .Choice<bool>("risk", &O::risk, {{"on", true}, {"off", false}},
                        "on: estimate risk exponents each round; off: r = 1")
          .Choice<bool>("variant", &O::paper, {{"reference", false}, {"paper", true}},
                        "reference: as the open reference implementation (Scholz's code); "
                        "paper: the published equations (docs/models/bdm.md)");
  return params;
}

}  // namespace

ModelInfo BdmInfo() {
  return {"bdm",
          "Bueno de Mesquita's expected-utility model as formalised by Scholz et al. (2011): "
          "each round actors estimate their risk attitude, compare the expected utility of "
          "challenging and being challenged, and accept confrontation, compromise or "
          "capitulation offers; the forecast is the weighted median. Each issue runs on its "
          "own.",
          {"Scholz, J. T., Calbert, G. J. & Smith, G. A. (2011). Unravelling Bueno De Mesquita's "
           "group decision model. Journal of Theoretical Politics 23(4), 510-531.",
           "Bueno de Mesquita, B. (1994). Political forecasting: an expected utility method. In "
           "B. Bueno de Mesquita & F. N. Stokman (eds.), European Community Decision Making "
           "(pp. 71-104). Yale University Press."},
          BdmParams().Infos()};
}

std::unique_ptr<Model> MakeBdm(const Params& params) {
  return std::make_unique<Bdm>(BdmParams().Bind(params));
}

}  // namespace concert
