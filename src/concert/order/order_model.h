// concert/order/order_model.h — the order level: does an international order,
// and its leader's lead, survive a shift of power?
//
// A deliberately simple model of the argument in the source paper's section 2
// (realists vs neoliberal institutionalists after the 2008 crisis). Each rule
// formalises one theory; docs/order.md states the assumptions and what they
// leave out. Year t, actors i (leader L), from the numbers of core/order_spec.h:
//
//  1. Capability (Organski & Kugler 1980, power as a share of the system; the
//     paper separates economic from military power, so the two are kept apart):
//     E_i(t), M_i(t) are the data up to base_year, then
//     E_i(t) = E_i(t-1) (1 + g_i + shock_i [t in crisis]),  M_i(t) = M_i(t-1) (1 + gm_i);
//     e_i = E_i / sum E,  m_i = M_i / sum M,  c_i = w e_i + (1 - w) m_i.
//  2. Concentration (Ray & Singer 1973): CON = sqrt((sum c_i^2 - 1/N) / (1 - 1/N)).
//  3. Voice (Ikenberry 2001, 2011: institutions bind and give voice; votes lag
//     power): v(first year) as given (renormalised to sum 1), then
//     v_i(t+1) = v_i(t) + lambda(t) (c_i(t) - v_i(t)), lambda = voice_adjustment,
//     or renegotiation_rate from renegotiation_from on (the lever: the leader
//     gives rising states voice, at the price of its own voice premium).
//  4. A non-leader's stance (relative vs absolute gains: Grieco 1988, Powell
//     1991, Snidal 1991; one weight rho_i, utility (1 - rho) x absolute +
//     rho x relative; free riding: Olson 1965, Keohane 1984; mutual dependence
//     as a cost of challenge: Keohane & Nye 1977), with p_i = c_i / (c_i + c_L)
//     its chance in a contest with the leader (Organski & Kugler):
//       U_support   = (1 - rho) (A - B)        + rho H (v_i - v_L)
//       U_free_ride = (1 - rho) A (1 - q)      + rho H (v_i - v_L)
//       U_challenge = -(1 - rho) (K + I)       + rho H (2 p_i - 1)
//     the largest wins; ties go to support, then free riding (status quo first).
//  5. The leader (hegemonic stability: Kindleberger 1973, Gilpin 1981; burden
//     sharing after hegemony: Keohane 1984) provides the order while
//       (1 - rho_L) (A_L - P (1 - S) / c_L) + rho_L H v_L >= (1 - rho_L) A_L (1 - q),
//     S the capability share of the non-leaders that support; else it retrenches.
//  6. The order holds in year t when its supporters (the leader while it
//     provides) hold at least thresholds.support of capability.
//
// At the last year a run is sorted into the paper's Table 2 and Ikenberry's
// three paths (docs/order.md):
//   order persists      <=> the order holds in the last year;
//   leadership challenged <=> some actor challenged in some year, or one is at
//     parity (c_j >= parity c_L) in the last year, or the leader retrenched;
//   path: blocs if the order does not persist; post-hegemonic if it persists
//     but the leader is no longer hegemonic (c_L < hegemony max_j c_j) or
//     retrenched; renegotiated (a US-led order, renegotiated when the lever is
//     on) otherwise.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "concert/core/order_spec.h"
#include "concert/core/random.h"

namespace concert {

enum class OrderStance : std::uint8_t { kSupport, kFreeRide, kChallenge };
enum class OrderPath : std::uint8_t { kPostHegemonic, kRenegotiated, kBlocs };
const char* OrderStanceName(OrderStance stance);  // support, free_ride, challenge
const char* OrderPathName(OrderPath path);        // post_hegemonic, renegotiated, blocs

// The numbers of one run: central values or one Monte Carlo draw.
struct OrderNumbers {
  std::array<double, kOrderFieldCount> order{};
  std::vector<std::array<double, kActorFieldCount>> actors;
};
OrderNumbers CentralNumbers(const OrderSpec& spec);
// One draw from `stream`: the order's numbers, then actor by actor in field
// order; `drawn` (when given) receives the uncertain ones in OrderInputs order.
OrderNumbers DrawNumbers(const OrderSpec& spec, Stream& stream, std::vector<double>* drawn);
// Names of the uncertain inputs, e.g. "economic_weight", "growth CHN".
std::vector<std::string> OrderInputs(const OrderSpec& spec);

// The state of one year, as the model computed it.
struct OrderYearState {
  int year = 0;
  std::vector<double> economic, military, capability, voice;  // shares, per actor
  std::vector<OrderStance> stance;                            // the leader's: support = provides
  bool leader_provides = true;
  double support = 0;  // capability share of the supporters
  double con = 0;      // Ray-Singer concentration of capability
  bool holds = false;
};

struct OrderOutcome {
  bool order_persists = false;
  bool leadership_challenged = false;
  OrderPath path = OrderPath::kBlocs;
  int first_challenge = 0;  // year of the first challenge (0: none)
};

// Runs years [first, last] (first must be covered by every actor's data) and
// calls visit(state) after each year. Throws InputError naming `years` when
// the data do not reach back to `first`.
class OrderRun {
 public:
  OrderRun(const OrderSpec& spec, int first, int last);
  template <typename Visit>
  OrderOutcome Run(const OrderNumbers& numbers, Visit visit);

 private:
  void Start(const OrderNumbers& numbers);
  void Step(const OrderNumbers& numbers, int year);
  OrderOutcome Classify() const;

  const OrderSpec& spec_;
  int first_, last_;
  std::size_t leader_;
  std::vector<double> economy_, military_;  // levels
  OrderYearState state_;
  int first_challenge_ = 0;
};

template <typename Visit>
OrderOutcome OrderRun::Run(const OrderNumbers& numbers, Visit visit) {
  Start(numbers);
  for (int year = first_; year <= last_; ++year) {
    Step(numbers, year);
    visit(static_cast<const OrderYearState&>(state_));
  }
  return Classify();
}

}  // namespace concert
