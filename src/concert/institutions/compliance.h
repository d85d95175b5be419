// concert/institutions/compliance.h — will the agreement hold? The repeated
// compliance game of an agreement among N parties (docs/institutions.md).
//
// Each period every party still in the agreement complies or defects.
// Party i's per-period payoff (absolute gains) is
//   u_i = b_i k_i - c_it [i complies] + aid - donation - sanction
// where k_i is the share of the other parties that comply, b_i the gain when
// all of them do, and c_it = c_i (1 + v (2U - 1)) its own compliance cost this
// period (v: cost volatility). A defection is seen with probability m
// (monitoring), a compliance is misread as a defection with probability e.
// A party seen to defect loses conditional aid, pays the sanction (scaled by
// the enforcer's capability relative to its own), and unless the others
// forgive (probability f) the agreement ends (grim trigger, Friedman 1971;
// Axelrod 1984) or, with a punishment of k periods, is suspended for k periods
// and then resumes (a renegotiation: every party must again prefer it to its
// outside option, or the agreement ends by exit). A party leaves when the
// agreement's net value per period falls below its exit option x_i + g_i t.
//
// Signing comes first: the agreement is signed only if every party whose
// consent is required prefers it to no agreement, NetValue(i, 0) >= 0 (a
// consensus rule such as the Six-Party Talks'); otherwise it never starts.
//
// Parties weigh relative gains as Snidal (1991) and Grieco (1988):
//   U_i = (1 + r_i) u_i - r_i mean_{j != i} u_j,   r_i = 0: absolute gains.
// Party i complies iff its gain from defecting now is at most what it expects
// to lose (see DefectionGain, DefectionLoss); with no shocks this is the grim
// trigger condition, and Threshold() gives the discount factor at which it
// binds: for two symmetric parties with PD payoffs T > R > P > S,
//   delta* = (T - R + r (T - S)) / (T - P + r (T - S)),
// which is (T - R) / (T - P) at r = 0 (derivation in docs/institutions.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/random.h"

namespace concert {

struct PartyTerms {
  std::string id;
  double capability = 1;
  double benefit = 0;         // b_i: per-period gain when every other party complies
  double cost = 0;            // c_i: mean per-period cost of its own compliance
  double discount = 0.9;      // delta_i in [0, 1)
  double relative_gains = 0;  // r_i >= 0
  double exit_value = 0;      // x_i: per-period value of its outside option (no agreement = 0)
  double exit_growth = 0;     // g_i: change of x_i per period
  double aid = 0;             // a_i: side payment received per period
  double aid_share = 0;       // share of all aid this party pays (donors' shares sum to 1)
  bool consent = true;        // its signature is required: it can veto the agreement
};

constexpr int kNoEnforcer = -1;
constexpr int kCollective = -2;

struct GameTerms {
  std::vector<PartyTerms> parties;
  int periods = 100;
  double monitoring = 1;         // m: probability a defection is seen
  double false_alarm = 0;        // e: probability a compliance is seen as a defection
  double forgiveness = 0;        // f: probability a seen defection does not end the agreement
  double cost_volatility = 0;    // v in [0, 1]
  bool aid_conditional = false;  // aid withheld in a period the recipient is seen to defect
  double sanction = 0;           // s, before scaling by capability
  int enforcer = kNoEnforcer;    // kNoEnforcer, kCollective or a guarantor's party index
  double sanction_cost = 0;      // enforcer's cost per unit of sanction imposed
  int punishment = 0;            // 0: grim trigger; k > 0: suspended k periods, then resumed
};

// The sanction party i pays when seen to defect: s min(1, C_enf / C_i), where
// C_enf is the guarantor's capability or the other parties' total.
double EffectiveSanction(const GameTerms& terms, std::size_t i);
// Net value per period of the agreement to party i at period t over its outside
// option: b_i - c_i + a_i - donation_i - max(0, x_i + g_i t).
double NetValue(const GameTerms& terms, std::size_t i, int t);
// Whether party i signs: the agreement is worth at least its outside option in
// the first period, NetValue(i, 0) >= 0.
bool Signs(const GameTerms& terms, std::size_t i);
// The discounted periods a seen, unforgiven defection costs: delta / (1 - delta)
// under grim trigger, delta (1 - delta^k) / (1 - delta) for a punishment of k.
double PunishmentWeight(double discount, int punishment);
// One-period gain in U_i from defecting when every other party complies.
double DefectionGain(const GameTerms& terms, std::size_t i, double cost);
// Expected loss in U_i from that defection: (m - e) times conditional aid,
// sanction and, unless forgiven, the relative value of the agreement over the
// punishment (PunishmentWeight).
double DefectionLoss(const GameTerms& terms, std::size_t i, int t);
// The least discount factor at which party i complies at its mean cost in
// period 0 (everything else as given); nullopt when none below 1 suffices.
std::optional<double> Threshold(const GameTerms& terms, std::size_t i);

// Throws InputError (field named) when a term is out of range.
void ValidateTerms(const GameTerms& terms);

struct PathResult {
  // kHeld: signed and never ended (in force, or in a punishment phase, at the
  // horizon); kNeverSigned: a party whose consent is required refused;
  // kFalseAlarm: ended after compliance was misread as a defection;
  // kViolation: ended after a real defection was seen; kExit: a party left.
  enum class End { kHeld, kNeverSigned, kFalseAlarm, kViolation, kExit };
  End end = End::kHeld;
  int periods_in_force = 0;     // periods the agreement was in force (not suspended)
  int ended_by = -1;            // the party that vetoed, was seen defecting, or left
  int suspensions = 0;          // punishment phases begun
  std::vector<double> payoff;   // per party: mean per-period payoff over the horizon
  double enforcement_cost = 0;  // total sanction cost borne by the enforcer(s)
  double aid_paid = 0;          // total aid paid
};

// Simulates one path; adds the number of parties that comply in period t to
// complying[t] and, when in_force is given, 1 to in_force[t] if the agreement
// was in force in period t (size terms.periods; integers, so sums do not depend
// on order). Every random number comes from `stream`.
void SimulatePath(const GameTerms& terms, Stream& stream, PathResult* result,
                  std::int64_t* complying, std::int64_t* in_force = nullptr);

}  // namespace concert
