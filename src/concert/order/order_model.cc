#include "concert/order/order_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "concert/core/uncertain.h"

namespace concert {

const char* OrderStanceName(OrderStance stance) {
  switch (stance) {
    case OrderStance::kSupport:
      return "support";
    case OrderStance::kFreeRide:
      return "free_ride";
    case OrderStance::kChallenge:
      return "challenge";
  }
  return "?";
}

const char* OrderPathName(OrderPath path) {
  switch (path) {
    case OrderPath::kPostHegemonic:
      return "post_hegemonic";
    case OrderPath::kRenegotiated:
      return "renegotiated";
    case OrderPath::kBlocs:
      return "blocs";
  }
  return "?";
}

OrderNumbers CentralNumbers(const OrderSpec& spec) {
  OrderNumbers n;
  for (std::size_t k = 0; k < kOrderFieldCount; ++k) n.order[k] = spec.numbers[k].value;
  n.actors.resize(spec.actors.size());
  for (std::size_t i = 0; i < spec.actors.size(); ++i) {
    for (std::size_t k = 0; k < kActorFieldCount; ++k) {
      n.actors[i][k] = spec.actors[i].numbers[k].value;
    }
  }
  return n;
}

OrderNumbers DrawNumbers(const OrderSpec& spec, Stream& stream, std::vector<double>* drawn) {
  OrderNumbers n;
  auto draw = [&](const Number& number, const FieldInfo& info) {
    const double x = DrawNumber(number, info.low, info.high, stream);
    if (drawn && IsUncertain(number)) drawn->push_back(x);
    return x;
  };
  for (std::size_t k = 0; k < kOrderFieldCount; ++k) {
    n.order[k] = draw(spec.numbers[k], kOrderFields[k]);
  }
  n.actors.resize(spec.actors.size());
  for (std::size_t i = 0; i < spec.actors.size(); ++i) {
    for (std::size_t k = 0; k < kActorFieldCount; ++k) {
      n.actors[i][k] = draw(spec.actors[i].numbers[k], kActorFields[k]);
    }
  }
  return n;
}

std::vector<std::string> OrderInputs(const OrderSpec& spec) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < kOrderFieldCount; ++k) {
    if (IsUncertain(spec.numbers[k])) names.push_back(kOrderFields[k].key);
  }
  for (const OrderActor& a : spec.actors) {
    for (std::size_t k = 0; k < kActorFieldCount; ++k) {
      if (IsUncertain(a.numbers[k])) names.push_back(std::string(kActorFields[k].key) + " " + a.id);
    }
  }
  return names;
}

namespace {

// The series' value in `year` if the model uses the data there, else nullptr.
const double* DataValue(const std::vector<YearValue>& series, int year, int base_year) {
  if (year > base_year || year < series.front().year || year > series.back().year) return nullptr;
  return &series[static_cast<std::size_t>(year - series.front().year)].value;
}

void Shares(const std::vector<double>& levels, std::vector<double>* shares) {
  double total = 0;
  for (double x : levels) total += x;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    (*shares)[i] = total > 0 ? levels[i] / total : 1.0 / static_cast<double>(levels.size());
  }
}

}  // namespace

OrderRun::OrderRun(const OrderSpec& spec, int first, int last)
    : spec_(spec), first_(first), last_(last), leader_(spec.leader_index()) {
  for (std::size_t i = 0; i < spec.actors.size(); ++i) {
    const OrderActor& a = spec.actors[i];
    const int start = std::max(a.economy.front().year, a.military.front().year);
    if (first < start) {
      throw InputError({spec.file, 0, "years"},
                       fmt::format("the run starts in {}, but the data of '{}' start in {}: "
                                   "expected a first year covered by every actor's economy and "
                                   "military data",
                                   first, a.id, start));
    }
  }
  if (first > last) {
    throw InputError({spec.file, 0, "years"},
                     fmt::format("expected first year <= last year but got {}:{}", first, last));
  }
  const std::size_t n = spec.actors.size();
  economy_.resize(n);
  military_.resize(n);
  state_.economic.resize(n);
  state_.military.resize(n);
  state_.capability.resize(n);
  state_.voice.resize(n);
  state_.stance.resize(n);
}

void OrderRun::Start(const OrderNumbers& numbers) {
  const std::size_t n = spec_.actors.size();
  double voice = 0;
  for (std::size_t i = 0; i < n; ++i) voice += numbers.actors[i][kVoice];
  for (std::size_t i = 0; i < n; ++i) {
    state_.voice[i] = voice > 0 ? numbers.actors[i][kVoice] / voice : 1.0 / static_cast<double>(n);
  }
  // Levels in the year before the first: each series from its own first year.
  for (std::size_t i = 0; i < n; ++i) {
    const OrderActor& a = spec_.actors[i];
    const auto& g = numbers.actors[i];
    auto level = [&](const std::vector<YearValue>& series, double growth, bool shocked) {
      double x = series.front().value;
      for (int year = series.front().year + 1; year < first_; ++year) {
        if (const double* data = DataValue(series, year, spec_.base_year)) {
          x = *data;
        } else {
          const bool crisis = shocked && year >= spec_.crisis_from && year <= spec_.crisis_to;
          x *= 1 + growth + (crisis ? g[kCrisisShock] : 0.0);
        }
      }
      return x;
    };
    economy_[i] = level(a.economy, g[kGrowth], true);
    military_[i] = level(a.military, g[kMilitaryGrowth], false);
  }
  first_challenge_ = 0;
}

void OrderRun::Step(const OrderNumbers& numbers, int year) {
  const std::size_t n = spec_.actors.size();
  if (year > first_) {
    // Voice moves toward last year's capability (rule 3).
    const int previous = year - 1;
    const bool renegotiating =
        spec_.renegotiation_from != 0 && previous >= spec_.renegotiation_from;
    const double lambda =
        renegotiating ? numbers.order[kRenegotiationRate] : numbers.order[kVoiceAdjustment];
    for (std::size_t i = 0; i < n; ++i) {
      state_.voice[i] += lambda * (state_.capability[i] - state_.voice[i]);
    }
  }
  const bool crisis =
      spec_.crisis_from != 0 && year >= spec_.crisis_from && year <= spec_.crisis_to;
  for (std::size_t i = 0; i < n; ++i) {
    const OrderActor& a = spec_.actors[i];
    const auto& g = numbers.actors[i];
    if (year == a.economy.front().year) {
      economy_[i] = a.economy.front().value;
    } else if (const double* data = DataValue(a.economy, year, spec_.base_year)) {
      economy_[i] = *data;
    } else {
      economy_[i] *= 1 + g[kGrowth] + (crisis ? g[kCrisisShock] : 0.0);
    }
    if (year == a.military.front().year) {
      military_[i] = a.military.front().value;
    } else if (const double* data = DataValue(a.military, year, spec_.base_year)) {
      military_[i] = *data;
    } else {
      military_[i] *= 1 + g[kMilitaryGrowth];
    }
  }
  state_.year = year;
  Shares(economy_, &state_.economic);
  Shares(military_, &state_.military);
  const double w = numbers.order[kEconomicWeight];
  double squares = 0;
  for (std::size_t i = 0; i < n; ++i) {
    state_.capability[i] = w * state_.economic[i] + (1 - w) * state_.military[i];
    squares += state_.capability[i] * state_.capability[i];
  }
  const double inv = 1.0 / static_cast<double>(n);
  state_.con = std::sqrt(std::max(0.0, (squares - inv) / (1 - inv)));  // Ray & Singer (1973)

  const double H = numbers.order[kHierarchyPremium], K = numbers.order[kChallengeCost];
  const double P = numbers.order[kProvisionCost], q = numbers.order[kReciprocity];
  const double cL = state_.capability[leader_], vL = state_.voice[leader_];
  double others = 0;  // capability share of the non-leaders that support
  for (std::size_t i = 0; i < n; ++i) {
    if (i == leader_) continue;
    const auto& x = numbers.actors[i];
    const double rho = x[kRelativeGains], A = x[kBenefit], B = x[kBurden];
    const double ci = state_.capability[i];
    const double p = ci + cL > 0 ? ci / (ci + cL) : 0.5;
    const double relative = rho * H * (state_.voice[i] - vL);
    const double support = (1 - rho) * (A - B) + relative;
    const double free_ride = (1 - rho) * A * (1 - q) + relative;
    const double challenge = -(1 - rho) * (K + x[kInterdependence]) + rho * H * (2 * p - 1);
    OrderStance s = OrderStance::kSupport;
    if (free_ride > support && free_ride >= challenge) s = OrderStance::kFreeRide;
    if (challenge > support && challenge > free_ride) s = OrderStance::kChallenge;
    state_.stance[i] = s;
    if (s == OrderStance::kSupport) others += ci;
    if (s == OrderStance::kChallenge && first_challenge_ == 0) first_challenge_ = year;
  }
  const auto& xl = numbers.actors[leader_];
  const double rhoL = xl[kRelativeGains], AL = xl[kBenefit];
  const double cost = cL > 0 ? P * (1 - others) / cL : std::numeric_limits<double>::infinity();
  state_.leader_provides = (1 - rhoL) * (AL - cost) + rhoL * H * vL >= (1 - rhoL) * AL * (1 - q);
  state_.stance[leader_] = state_.leader_provides ? OrderStance::kSupport : OrderStance::kFreeRide;
  state_.support = others + (state_.leader_provides ? cL : 0.0);
  state_.holds = state_.support >= spec_.thresholds.support;
}

OrderOutcome OrderRun::Classify() const {
  OrderOutcome out;
  out.first_challenge = first_challenge_;
  out.order_persists = state_.holds;
  const double cL = state_.capability[leader_];
  double next = 0;
  for (std::size_t i = 0; i < state_.capability.size(); ++i) {
    if (i != leader_) next = std::max(next, state_.capability[i]);
  }
  const bool peer = next >= spec_.thresholds.parity * cL;
  out.leadership_challenged = first_challenge_ != 0 || peer || !state_.leader_provides;
  if (!out.order_persists) {
    out.path = OrderPath::kBlocs;
  } else if (cL < spec_.thresholds.hegemony * next || !state_.leader_provides) {
    out.path = OrderPath::kPostHegemonic;
  } else {
    out.path = OrderPath::kRenegotiated;
  }
  return out;
}

}  // namespace concert
