#include "concert/models/bdm/rounds.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace concert::bdm {

const char* OfferName(OfferType type) {
  switch (type) {
    case OfferType::kConfrontation:
      return "confrontation";
    case OfferType::kCompromise:
      return "compromise";
    case OfferType::kCapitulation:
      return "capitulation";
  }
  return "";
}

IssueState::IssueState(std::vector<double> x, std::vector<double> c, std::vector<double> s,
                       const Options& options)
    : x_(std::move(x)), c_(std::move(c)), s_(std::move(s)), options_(options) {
  w_.resize(x_.size());
  for (std::size_t k = 0; k < x_.size(); ++k) w_[k] = c_[k] * s_[k];
  r_.assign(x_.size(), 1.0);
  auto [low, high] = std::minmax_element(x_.begin(), x_.end());
  range_ = x_.empty() ? 0.0 : *high - *low;  // fixed at the initial spread
}

namespace {

// x^r, with r = 1 (every exponent when risk is off, and every vote and danger
// estimate) short-cut: IEEE pow(x, 1) is x, so the result is the same bits.
double Power(double x, double r) { return r == 1.0 ? x : std::pow(x, r); }

}  // namespace

// U_s, U_f (eqs. 15, 16) of a challenge across distance d, with exponent r.
// They depend on the pair only through d, so eu_ij and eu_ji share them.
IssueState::Utilities IssueState::Utility(double r, double d) const {
  return {2 - 4 * Power(0.5 - 0.5 * d / range_, r), 2 - 4 * Power(0.5 + 0.5 * d / range_, r)};
}

double IssueState::StatusQuoUtility(double r) { return 2 - 4 * Power(0.5, r); }  // eq. 24

// EU of a challenge (reference `Actor.eu_challenge`) given U_s, U_f, U_sq.
// Equation numbers of Scholz et al. (2011) as cited in docs/models/bdm.md.
double IssueState::EuFrom(const Utilities& u, double u_status_quo, double r, double x_from,
                          double x_to, double s_to, double p, double median) const {
  const double resist = s_to * (p * u.success + (1 - p) * u.failure);
  const double not_resist = (1 - s_to) * u.success;
  double eu = resist + not_resist - options_.q * u_status_quo;  // eq. 25
  if (options_.paper && options_.q < 1) {
    // -(1 - Q)(T U_b + (1 - T) U_w): the status quo may change without a challenge.
    const double d = std::abs(x_from - x_to);
    const double shift = 0.25 * (std::abs(x_from - median) + d) / range_;
    const double u_better = 2 - 4 * Power(0.5 - shift, r);  // eq. 18
    const double u_worse = 2 - 4 * Power(0.5 + shift, r);   // eq. 19
    eu -= (1 - options_.q) * (options_.t * u_better + (1 - options_.t) * u_worse);
  }
  return eu;
}

double IssueState::Eu(double r, double x_from, double x_to, double s_to, double p,
                      double median) const {
  return EuFrom(Utility(r, std::abs(x_from - x_to)), StatusQuoUtility(r), r, x_from, x_to, s_to, p,
                median);
}

const VoteTable& IssueState::Votes() const {
  if (options_.paper) {
    ones_.assign(size(), 1.0);
    votes_.Prepare(x_, w_, ones_, range_, true);
  } else {
    votes_.Prepare(x_, w_, r_, range_, false);
  }
  return votes_;
}

// Sum over the others of the EU, seen by i (r = 1), of their challenging i.
double IssueState::Danger(std::size_t i, const VoteTable& votes, double median,
                          const std::vector<std::size_t>& order) const {
  double danger = 0;
  const double u_status_quo = StatusQuoUtility(1.0);
  for (std::size_t k : order) {
    if (k == i) continue;
    const Utilities u = Utility(1.0, std::abs(x_[k] - x_[i]));
    danger += EuFrom(u, u_status_quo, 1.0, x_[k], x_[i], s_[i], votes.P(k, i), median);
  }
  return danger;
}

void IssueState::EstimateRisk() {
  const std::size_t n = size();
  r_.assign(n, 1.0);
  if (!options_.risk || n < 2 || !(range_ > 0)) return;
  const VoteTable& votes = Votes();  // with r = 1 for every voter
  const double median = NeedsMedian() ? Median() : 0.0;
  std::vector<double> danger(n);
  const std::vector<std::size_t> order = CanonicalOrder();
  for (std::size_t i = 0; i < n; ++i) danger[i] = Danger(i, votes, median, order);
  // eq. 32: rank each danger between the smallest and largest of all actors'.
  std::vector<double> acceptance(n, 0.0);
  auto [low, high] = std::minmax_element(danger.begin(), danger.end());
  if (*high > *low) {
    for (std::size_t i = 0; i < n; ++i) {
      acceptance[i] = (2 * danger[i] - *high - *low) / (*high - *low);
    }
  }
  // eq. 33
  for (std::size_t i = 0; i < n; ++i) {
    r_[i] = (1 - acceptance[i] / 3.0) / (1 + acceptance[i] / 3.0);
  }
}

std::vector<std::optional<Offer>> IssueState::BestOffers(const Consider& consider) const {
  const std::size_t n = size();
  std::vector<std::optional<Offer>> best(n);
  if (n < 2 || !(range_ > 0)) return best;
  const VoteTable& votes = Votes();
  const double median = NeedsMedian() ? Median() : 0.0;
  utility_.resize(votes.distinct_positions().size());
  for (std::size_t i = 0; i < n; ++i) {
    has_utility_.assign(utility_.size(), 0);
    std::optional<Offer> chosen;
    double chosen_key = 0;
    const double r = r_[i];
    const double u_status_quo = StatusQuoUtility(r);
    for (std::size_t j = 0; j < n; ++j) {
      if (SamePosition(x_[i], x_[j])) continue;
      // |x_i - x_j| and |x_j - x_i| are the same bits, so one U_s, U_f serves
      // both, and every j at the same position.
      const std::size_t y = votes.position_index(j);
      if (!has_utility_[y]) {
        utility_[y] = Utility(r, std::abs(x_[i] - x_[j]));
        has_utility_[y] = 1;
      }
      const Utilities& u = utility_[y];
      const double eu_ij = EuFrom(u, u_status_quo, r, x_[i], x_[j], s_[j], votes.P(i, j), median);
      const double eu_ji = EuFrom(u, u_status_quo, r, x_[j], x_[i], s_[i], votes.P(j, i), median);
      std::optional<Offer> offer;
      if (eu_ji > eu_ij && eu_ij > 0) {
        offer = Offer{OfferType::kConfrontation, j, eu_ij, eu_ji, x_[j]};
      } else if (eu_ji > 0 && 0 > eu_ij && eu_ji > std::abs(eu_ij)) {
        double position = x_[i] + (x_[j] - x_[i]) * std::abs(eu_ij / eu_ji);
        offer = Offer{OfferType::kCompromise, j, eu_ij, eu_ji, position};
      } else if (options_.paper && eu_ji > 0 && 0 > eu_ij && std::abs(eu_ij) > eu_ji) {
        offer = Offer{OfferType::kCapitulation, j, eu_ij, eu_ji, x_[j]};
      }
      if (consider) consider(i, j, eu_ij, eu_ji, offer);
      if (!offer) continue;
      // Confrontation beats compromise beats capitulation; within a type the
      // smallest key wins, the first in actor order on ties.
      double key = std::abs(x_[i] - offer->position);
      if (offer->type == OfferType::kCompromise && !options_.paper) {
        key = (std::abs(eu_ij) * x_[i] + std::abs(eu_ji) * x_[j]) /
              (std::abs(eu_ij) + std::abs(eu_ji));
      }
      if (!chosen || offer->type < chosen->type ||
          (offer->type == chosen->type && key < chosen_key)) {
        chosen = offer;
        chosen_key = key;
      }
    }
    best[i] = chosen;
  }
  return best;
}

void IssueState::Apply(const std::vector<std::optional<Offer>>& offers) {
  const std::vector<double> before = x_;
  for (std::size_t i = 0; i < size(); ++i) {
    if (!offers[i]) continue;
    // A compromise that lands within rounding of the challenger joins it.
    const double challenger = before[offers[i]->from];
    x_[i] = SamePosition(offers[i]->position, challenger) ? challenger : offers[i]->position;
  }
}

std::vector<std::size_t> IssueState::CanonicalOrder() const {
  std::vector<std::size_t> order(size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (x_[a] != x_[b]) return x_[a] < x_[b];
    if (c_[a] != c_[b]) return c_[a] < c_[b];
    if (s_[a] != s_[b]) return s_[a] < s_[b];
    return a < b;
  });
  return order;
}

bool IssueState::SamePosition(double a, double b) const {
  return std::abs(a - b) <= kSamePosition * range_;
}

double IssueState::Median() const {
  // Reference `median_position`: walk the distinct positions, replacing the
  // incumbent whenever the c s weighted vote (r = 1) strictly prefers another.
  // concert walks them in ascending order; the reference in Python set order,
  // which matters only for exact ties.
  if (!(range_ > 0)) return x_.front();  // everyone at one position
  std::vector<double> ys = x_;
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  const std::vector<std::size_t> order = CanonicalOrder();
  double incumbent = ys.front();
  for (std::size_t k = 1; k < ys.size(); ++k) {
    double votes = 0;
    for (std::size_t v : order) {
      votes += w_[v] * (std::abs(x_[v] - incumbent) / range_ - std::abs(x_[v] - ys[k]) / range_);
    }
    if (votes > 0) incumbent = ys[k];
  }
  return incumbent;
}

double IssueState::Mean() const {
  double sum = 0, total = 0;
  for (std::size_t k : CanonicalOrder()) {
    sum += w_[k] * x_[k];
    total += w_[k];
  }
  return sum / total;
}

}  // namespace concert::bdm
