// The learned compromise model (learned.h).
#include "concert/models/learned/learned.h"

#include <cmath>

#include "concert/models/issue_view.h"
#include "concert/models/param_set.h"

namespace concert {
namespace {

class Learned : public Model {
 public:
  explicit Learned(const LearnedWeights& weights) : weights_(weights) {}

  Forecast Run(const Scenario& scenario, const RunContext&) const override {
    Forecast forecast;
    for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
      const IssueView v = ViewIssue(scenario, i);
      std::vector<std::string> role;
      for (std::size_t a : v.actors) role.push_back(scenario.actors[a].id);
      std::optional<double> status_quo;
      if (scenario.issues[i].status_quo) status_quo = scenario.issues[i].status_quo->value;
      IssueForecast out;
      out.issue = i;
      out.outcome =
          LearnedOutcome(v.position, v.capability, v.salience, role, status_quo, weights_);
      if (!out.outcome)
        out.note = "no outcome: the total weight of the actors on this issue is zero";
      Round round = InputRound(scenario, i);
      round.outcome = out.outcome;
      out.rounds.push_back(std::move(round));
      forecast.issues.push_back(std::move(out));
    }
    return forecast;
  }

 private:
  LearnedWeights weights_;
};

}  // namespace

std::optional<double> LearnedOutcome(const std::vector<double>& position,
                                     const std::vector<double>& capability,
                                     const std::vector<double>& salience,
                                     const std::vector<std::string>& role,
                                     std::optional<double> status_quo, const LearnedWeights& w) {
  double total = 0, weighted = 0;
  for (std::size_t k = 0; k < position.size(); ++k) {
    if (capability[k] * salience[k] == 0) continue;
    const double m = role[k] == "com" ? w.com : role[k] == "ep" ? w.ep : 1.0;
    const double weight = capability[k] * std::pow(salience[k], w.b) * m;
    total += weight;
    weighted += weight * position[k];
  }
  if (!(total > 0)) return std::nullopt;
  const double mean = weighted / total;
  if (!status_quo) return mean;
  return (mean + w.sq * *status_quo) / (1 + w.sq);
}

namespace {

const ParamSet<LearnedWeights>& LearnedParams() {
  using W = LearnedWeights;
  static const ParamSet<W> params =
      ParamSet<W>()
          .Real("b", &W::b, 0, 4, "", "exponent of salience in an actor's weight")
          .Real("com", &W::com, 0, 100, "",
                "multiplier of the weight of the Commission (actor id 'com')")
          .Real("ep", &W::ep, 0, 100, "",
                "multiplier of the weight of the Parliament (actor id 'ep')")
          .Real("sq", &W::sq, 0, 100, "",
                "weight of the status quo as a share of the actors' total weight");
  return params;
}

}  // namespace

ModelInfo LearnedInfo() {
  return {"learned",
          "Compromise model with learned weights: the weighted mean of positions with weights "
          "capability x salience^b, the Commission (actor 'com') and the Parliament ('ep') "
          "multiplied by com and ep, and the status quo as one more position weighing sq x the "
          "actors' total. Defaults fitted on the DEU proposals of 1996-2004 (tools/deu_learned.py) "
          "and never refitted; out of sample it does not beat the compromise (a negative result).",
          {"Achen, C. H. (2006). Evaluating political decision-making models. In R. Thomson, F. N. "
           "Stokman, C. H. Achen & T. Koenig (eds.), The European Union Decides (pp. 264-298). "
           "Cambridge University Press.",
           "Thomson, R., Stokman, F. N., Achen, C. H. & Koenig, T. (eds.) (2006). The European "
           "Union Decides. Cambridge University Press (the DEU data)."},
          LearnedParams().Infos(),
          /*by_default=*/false};
}

std::unique_ptr<Model> MakeLearned(const Params& params) {
  return std::make_unique<Learned>(LearnedParams().Bind(params));
}

}  // namespace concert
