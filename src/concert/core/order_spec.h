// concert/core/order_spec.h — the validated `order` section of a scenario: the
// actors of an international order with their data and assumptions.
//
// The order model (concert/order/order_model.h) reads this; io/order_reader.cc
// writes it from a scenario file (schema: docs/order.md). Each uncertain input
// is a Number (core/scenario.h) and is declared once, in the field tables
// below, with its key, bounds and meaning: the reader, the presets, the Monte
// Carlo draws and the sensitivity names all go through these tables.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "concert/core/error.h"
#include "concert/core/scenario.h"

namespace concert {

struct FieldInfo {
  const char* key;
  double low, high;  // bounds of the value and of its range
  const char* meaning;
};

// Numbers of the whole order.
enum OrderField {
  kEconomicWeight,     // w: weight of the economic share in capability
  kHierarchyPremium,   // H: yearly value of writing the rules, per unit of voice
  kChallengeCost,      // K: yearly cost of a challenge (rivalry, arms race)
  kProvisionCost,      // P: yearly cost of providing the order's public goods
  kReciprocity,        // q: share of the order's benefit a free rider loses
  kVoiceAdjustment,    // lambda: yearly pull of voice shares toward capability shares
  kRenegotiationRate,  // lambda from the renegotiation year on
  kOrderFieldCount
};
inline constexpr std::array<FieldInfo, kOrderFieldCount> kOrderFields = {{
    {"economic_weight", 0, 1, "weight of the economic share in capability (rest: military)"},
    {"hierarchy_premium", 0, 10, "yearly value of writing the rules per unit of voice share"},
    {"challenge_cost", 0, 10, "yearly cost of challenging the order, share of own economy"},
    {"provision_cost", 0, 10, "yearly cost of the order's public goods, share of the system"},
    {"reciprocity", 0, 1, "share of the order's benefit a free rider loses"},
    {"voice_adjustment", 0, 1, "yearly pull of voice shares toward capability shares"},
    {"renegotiation_rate", 0, 1, "voice_adjustment from the renegotiation year on"},
}};

// Numbers of one actor.
enum ActorField {
  kGrowth,           // g: real economic growth per year once the data end
  kMilitaryGrowth,   // military spending growth per year once the data end
  kCrisisShock,      // added to g in each projected crisis year
  kVoice,            // v: share of votes in the order's institutions in the first year
  kRelativeGains,    // rho in [0, 1]: 0 absolute gains only, 1 relative gains only
  kBenefit,          // A: yearly benefit of the open order, share of own economy
  kBurden,           // B: yearly cost of supporting it, share of own economy
  kInterdependence,  // I: what a challenge costs in lost trade and assets, share of own economy
  kActorFieldCount
};
inline constexpr std::array<FieldInfo, kActorFieldCount> kActorFields = {{
    {"growth", -0.4, 1, "real economic growth per year after the data"},
    {"military_growth", -0.5, 1, "military spending growth per year after the data"},
    {"crisis_shock", -0.5, 0.5, "added to growth in each projected crisis year"},
    {"voice", 0, 1, "share of votes in the order's institutions in the first year"},
    {"relative_gains", 0, 1, "weight of relative gains (0: absolute only, 1: relative only)"},
    {"benefit", 0, 10, "yearly benefit of the open order, share of own economy"},
    {"burden", 0, 10, "yearly cost of supporting the order, share of own economy"},
    {"interdependence", 0, 10, "yearly loss from a challenge in trade and assets"},
}};

// growth >= -0.4 and crisis_shock >= -0.5 keep 1 + growth + shock >= 0.1, so a
// projected economy stays positive; military_growth >= -0.5 likewise.

struct YearValue {
  int year = 0;
  double value = 0;
};

struct OrderActor {
  std::string id, name;
  std::vector<YearValue> economy;   // real GDP by year, consecutive years, one unit for all
  std::vector<YearValue> military;  // military spending by year, likewise
  std::array<Number, kActorFieldCount> numbers;
  ErrorLocation where;
};

// Documented thresholds that sort a run's last year into the paper's cells.
struct OrderThresholds {
  double support = 0.5;   // the order persists when its supporters hold this capability share
  double parity = 0.8;    // a challenger at this share of the leader's capability is a peer
  double hegemony = 1.5;  // the leader is hegemonic while it holds this multiple of the next
};

// One setting of a preset: a number of the order (actor empty) or of an actor
// ("others": every actor but the leader and those the preset names itself).
struct PresetSetting {
  std::string actor;
  int field = 0;  // OrderField when actor is empty, else ActorField
  Number value;
  ErrorLocation where;
};

struct OrderPreset {
  std::string name, description, source;
  int renegotiation_from = 0;  // 0: unchanged
  std::vector<PresetSetting> settings;
};

struct OrderSpec {
  std::string file, sha256, name, description;
  std::vector<std::string> sources;
  std::string leader;
  int base_year = 0;                   // data after this year are not used (projected instead)
  int crisis_from = 0, crisis_to = 0;  // crisis years (0: none)
  int renegotiation_from = 0;          // first year of renegotiation_rate (0: never)
  int first_year = 0, last_year = 0;   // default years of a run
  std::array<Number, kOrderFieldCount> numbers;
  OrderThresholds thresholds;
  std::vector<OrderActor> actors;
  std::vector<OrderPreset> presets;
  ErrorLocation where;  // of the section

  std::size_t leader_index() const;
  const OrderPreset* preset(const std::string& name) const;
};

// The spec with the preset's settings applied; InputError when it is unknown.
OrderSpec ApplyPreset(const OrderSpec& spec, const std::string& preset);

// Checks rules that involve several fields (the reader checks each field):
// a known leader, distinct ids, data covering the first year, voice shares
// summing to 1. Throws InputError naming the field.
void ValidateOrder(const OrderSpec& spec);

}  // namespace concert
