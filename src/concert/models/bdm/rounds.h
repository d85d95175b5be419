// concert/models/bdm/rounds.h — one issue of the expected-utility model, round by
// round (the math of bdm.h; equation numbers in docs/models/bdm.md).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "concert/models/bdm/success_probabilities.h"

namespace concert::bdm {

struct Options {
  int rounds = 10;
  double q = 1.0;
  double t = 1.0;  // paper variant with q < 1 only
  bool risk = true;
  bool paper = false;  // variant=paper
};

enum class OfferType { kConfrontation, kCompromise, kCapitulation };
const char* OfferName(OfferType type);

struct Offer {
  OfferType type;
  std::size_t from;  // the actor whose position challenges (index within the issue)
  double eu_ij;      // receiver's EU of challenging `from`, from its own point of view
  double eu_ji;      // receiver's EU of `from` challenging it
  double position;   // where the receiver would move
};

class IssueState {
 public:
  // Positions x, capabilities c, saliences s (fractions) of the actors with a stance.
  IssueState(std::vector<double> x, std::vector<double> c, std::vector<double> s,
             const Options& options);

  std::size_t size() const { return x_.size(); }
  double range() const { return range_; }
  const std::vector<double>& positions() const { return x_; }
  const std::vector<double>& risk() const { return r_; }
  // Positions of the same actors, e.g. those of an earlier round.
  void SetPositions(const std::vector<double>& x) { x_ = x; }

  // Step (1): r_i for every actor (all 1 when risk is off).
  void EstimateRisk();
  // Step (2): the offer each actor accepts, or none. When set, `consider` sees
  // every pair (receiver i, challenger j) weighed, with its offer if any.
  using Consider = std::function<void(std::size_t i, std::size_t j, double eu_ij, double eu_ji,
                                      const std::optional<Offer>& offer)>;
  std::vector<std::optional<Offer>> BestOffers(const Consider& consider = {}) const;
  // Step (3): move every actor that accepted an offer.
  void Apply(const std::vector<std::optional<Offer>>& offers);

  double Median() const;  // the position that no other actor position beats (r = 1)
  double Mean() const;    // sum c s x / sum c s

  // EU of a challenge by the actor at x_from to the actor at x_to (salience s_to),
  // seen by an actor with exponent r, given the challenger's probability p and
  // the current median (used by the paper variant's U_b, U_w when q < 1).
  double Eu(double r, double x_from, double x_to, double s_to, double p, double median) const;

 private:
  struct Utilities {
    double success, failure;
  };
  Utilities Utility(double r, double d) const;
  static double StatusQuoUtility(double r);
  double EuFrom(const Utilities& u, double u_status_quo, double r, double x_from, double x_to,
                double s_to, double p, double median) const;
  double Danger(std::size_t i, const VoteTable& votes, double median,
                const std::vector<std::size_t>& order) const;
  // Actors by (position, capability, salience): every sum runs in this order,
  // so rounding, and with it the model's many sharp thresholds, does not depend
  // on the order of the input. Only exact ties between offers do (documented).
  std::vector<std::size_t> CanonicalOrder() const;
  // The table of probabilities for the current positions: votes with each
  // voter's r (reference) or linear votes (paper, eq. 30).
  const VoteTable& Votes() const;
  // Positions closer than kSamePosition x R are one position: the reference
  // compares floats exactly, which lets rounding noise (a compromise landing
  // 1e-14 from its challenger) decide offers between all but coincident actors.
  static constexpr double kSamePosition = 1e-10;
  bool SamePosition(double a, double b) const;
  bool NeedsMedian() const { return options_.paper && options_.q < 1; }

  std::vector<double> x_, c_, s_, w_, r_;
  double range_;
  Options options_;
  // Reused every round (the values are rebuilt; only the allocations are kept).
  mutable VoteTable votes_;
  mutable std::vector<double> ones_;
  mutable std::vector<Utilities> utility_;  // per distinct position, for one receiver
  mutable std::vector<char> has_utility_;
};

}  // namespace concert::bdm
