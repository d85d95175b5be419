// The baseline models as registered plug-ins; the math is in weighted.cc.
#include "concert/models/baseline/baseline.h"

#include "concert/models/issue_view.h"
#include "concert/models/param_set.h"

namespace concert {
namespace {

constexpr const char* kAchen =
    "Achen, C. H. (2006). Evaluating political decision-making models. In R. Thomson, F. N. "
    "Stokman, C. H. Achen & T. Koenig (eds.), The European Union Decides (pp. 264-298). "
    "Cambridge University Press.";

const char* kNoWeight =
    "no outcome: the total capability x salience of the actors on this "
    "issue is zero";

// A static model: one round holding the input positions and the outcome.
template <typename Solve>
Forecast RunStatic(const Scenario& scenario, Solve solve) {
  Forecast forecast;
  for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
    IssueForecast out;
    out.issue = i;
    std::string note;
    out.outcome = solve(scenario, i, ViewIssue(scenario, i), note);
    out.note = note;
    Round round = InputRound(scenario, i);
    round.outcome = out.outcome;
    out.rounds.push_back(std::move(round));
    forecast.issues.push_back(std::move(out));
  }
  return forecast;
}

std::vector<double> Influence(const IssueView& v) {
  std::vector<double> w(v.position.size());
  for (std::size_t k = 0; k < w.size(); ++k) w[k] = v.capability[k] * v.salience[k];
  return w;
}

class Compromise : public Model {
 public:
  Forecast Run(const Scenario& scenario, const RunContext&) const override {
    return RunStatic(scenario,
                     [](const Scenario&, std::size_t, const IssueView& v, std::string& note) {
                       auto outcome = WeightedMean(v.position, Influence(v));
                       if (!outcome) note = kNoWeight;
                       return outcome;
                     });
  }
};

class Median : public Model {
 public:
  Forecast Run(const Scenario& scenario, const RunContext&) const override {
    return RunStatic(scenario,
                     [](const Scenario&, std::size_t, const IssueView& v, std::string& note) {
                       auto outcome = WeightedMedian(v.position, Influence(v));
                       if (!outcome) note = kNoWeight;
                       return outcome;
                     });
  }
};

class Nash : public Model {
 public:
  explicit Nash(bool by_influence) : by_influence_(by_influence) {}
  Forecast Run(const Scenario& scenario, const RunContext&) const override {
    return RunStatic(
        scenario,
        [this](const Scenario& s, std::size_t i, const IssueView& v,
               std::string& note) -> std::optional<double> {
          const auto& status_quo = s.issues[i].status_quo;
          if (!status_quo) {
            note =
                "no outcome: the issue has no status quo, and the Nash bargaining solution needs "
                "one as the disagreement point";
            return std::nullopt;
          }
          std::vector<double> w = by_influence_ ? Influence(v) : v.capability;
          std::vector<bool> constrains(v.position.size());
          for (std::size_t k = 0; k < w.size(); ++k) {
            constrains[k] = v.salience[k] > 0;
            if (!constrains[k]) w[k] = 0;
          }
          NashResult result = NashSolution(v.position, w, constrains, status_quo->value);
          if (!result.outcome) note = "no outcome: no actor with positive weight and salience";
          if (result.only_status_quo) {
            note =
                "the status quo: actors who care sit on both sides of it (or at it), so no "
                "agreement leaves every one of them at least as well off";
          }
          return result.outcome;
        });
  }

 private:
  bool by_influence_;
};

}  // namespace

ModelInfo CompromiseInfo() {
  ModelInfo info{"compromise",
                 "Capability x salience weighted mean of the actors' positions on each issue (the "
                 "'compromise model'), a strong baseline on EU decisions.",
                 {kAchen},
                 {}};
  info.actor_order_invariant = true;
  return info;
}

ModelInfo MedianInfo() {
  ModelInfo info{
      "median",
      "Weighted median: the position minimising the capability x salience weighted sum of "
      "distances to the actors' positions (midpoint when the minimiser is an interval).",
      {"Black, D. (1948). On the rationale of group decision-making. Journal of Political "
       "Economy 56(1), 23-34.",
       kAchen},
      {}};
  info.actor_order_invariant = true;
  return info;
}

namespace {

struct NashParams {
  bool influence = false;  // weight=influence: capability x salience
};

const ParamSet<NashParams>& NashParameters() {
  static const ParamSet<NashParams> params = ParamSet<NashParams>().Choice<bool>(
      "weight", &NashParams::influence, {{"capability", false}, {"influence", true}},
      "bargaining weight of an actor: capability, or capability x salience");
  return params;
}

}  // namespace

ModelInfo NashInfo() {
  ModelInfo info{
      "nash",
      "Asymmetric Nash bargaining solution per issue with the status quo as disagreement "
      "point and linear loss utilities scaled by salience; issues without a status quo get "
      "no outcome.",
      {"Nash, J. F. (1950). The bargaining problem. Econometrica 18(2), 155-162.",
       "Kalai, E. (1977). Nonsymmetric Nash solutions and replications of 2-person "
       "bargaining. International Journal of Game Theory 6(3), 129-133.",
       kAchen},
      {ChoiceParam("weight", "capability", {"capability", "influence"},
                   "bargaining weight of an actor: capability, or capability x salience")}};
  info.actor_order_invariant = true;
  return info;
}

std::unique_ptr<Model> MakeCompromise(const Params&) { return std::make_unique<Compromise>(); }
std::unique_ptr<Model> MakeMedian(const Params&) { return std::make_unique<Median>(); }
std::unique_ptr<Model> MakeNash(const Params& params) {
  return std::make_unique<Nash>(NashParameters().Bind(params).influence);
}

}  // namespace concert
