// concert/models/baseline/baseline.h — the three static baseline models.
//
// compromise  The capability x salience weighted mean of the actors' positions,
//             O = sum_i c_i s_i x_i / sum_i c_i s_i. Achen (2006), "Evaluating
//             political decision-making models", in Thomson et al. (eds.), The
//             European Union Decides, Cambridge UP, ch. 10 (the "compromise model").
// median      The weighted median: the position x minimising sum_i c_i s_i |x - x_i|.
//             When the minimum is attained on a whole interval (exactly half the
//             weight on each side, to a relative 1e-12) the midpoint of that interval.
//             Black (1948); as a forecasting baseline, Achen (2006).
// nash        The asymmetric Nash bargaining solution per issue: maximise
//             prod_i (u_i(x) - u_i(q))^{w_i} over x with u_i(x) >= u_i(q) for all i,
//             where q is the status quo (the disagreement point) and
//             u_i(x) = -s_i |x - x_i| (linear loss scaled by salience).
//             Nash (1950); Kalai (1977) for the asymmetric form; as applied to
//             EU decisions, Achen (2006).
//             In one dimension, when actors who care sit on both sides of q, no
//             agreement makes all of them better off and the solution is q itself
//             (reported in the note).
//             Parameter weight = capability (default; w_i = c_i) or influence
//             (w_i = c_i s_i). With weight=capability the saliences cancel from the
//             maximiser (the solution is invariant to rescaling each utility); they
//             still decide who takes part: an actor with salience 0 neither
//             weighs in nor constrains. No status quo -> no outcome, with a note.
// Actors without a stance on an issue take no part in it; actors with zero
// weight count for nothing. Each model returns no outcome (with a note) when
// the total weight on an issue is zero.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "concert/models/model.h"

namespace concert {

// The math, on flat arrays (weights >= 0).
std::optional<double> WeightedMean(const std::vector<double>& x, const std::vector<double>& w);
std::optional<double> WeightedMedian(const std::vector<double>& x, const std::vector<double>& w);
// Nash solution with disagreement point q; `constrains[i]` marks actors whose
// individual rationality restricts the agreement (salience > 0); weights w_i
// of 0 leave an actor out of the product.
struct NashResult {
  std::optional<double> outcome;  // none when no actor has positive weight
  bool only_status_quo = false;   // no agreement other than q leaves everyone as well off
};
NashResult NashSolution(const std::vector<double>& x, const std::vector<double>& w,
                        const std::vector<bool>& constrains, double q);

ModelInfo CompromiseInfo();
ModelInfo MedianInfo();
ModelInfo NashInfo();
std::unique_ptr<Model> MakeCompromise(const Params& params);
std::unique_ptr<Model> MakeMedian(const Params& params);
std::unique_ptr<Model> MakeNash(const Params& params);

}  // namespace concert
