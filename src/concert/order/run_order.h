// concert/order/run_order.h — the order model's run API: one request in, one
// result out, for every front end (CLI, report, bindings).
//
// Without draws the model runs once at the numbers' central values. With
// draws, draw i takes its numbers from Stream(seed, i) alone (core/random.h);
// yearly figures are averaged in fixed blocks of draws that are added in block
// order, so the result is the same, byte for byte, for any thread count. When
// cancelled, the result summarises the longest run of completed draws from
// draw 0, so it equals an uninterrupted run with that many draws.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/order_spec.h"
#include "concert/core/parallel.h"
#include "concert/order/order_model.h"

namespace concert {

struct OrderRequest {
  OrderSpec spec;
  std::string preset;                 // empty: none
  int first_year = 0, last_year = 0;  // 0: the section's years
  std::size_t draws = 0;              // 0: one run at the central values
  std::uint64_t seed = 0;
  bool sensitivity = false;              // rank the uncertain inputs (needs draws)
  std::optional<double> relative_gains;  // every actor's rho, fixed (the debate's slider)
};

struct OrderActorYear {
  double economic = 0, military = 0, capability = 0, voice = 0;  // mean shares
  double capability_sd = 0;
  std::array<double, 3> stance{};  // share of draws: support, free_ride, challenge
};

struct OrderYearSummary {
  int year = 0;
  bool projected = false;  // after base_year
  std::vector<OrderActorYear> actors;
  double con = 0;      // mean Ray-Singer concentration
  double support = 0;  // mean capability share of the supporters
  double holds = 0;    // share of draws in which the order holds this year
  double leader_provides = 0;
  double challenge = 0;  // share of draws in which some actor challenges this year
};

struct OrderResult {
  std::string name, file, sha256, preset;
  std::string leader;
  std::vector<std::string> actors;  // ids
  std::vector<std::string> names;
  int base_year = 0;
  std::uint64_t seed = 0;
  std::size_t draws = 0;  // summarised (0: the central run)
  bool cancelled = false;
  std::optional<double> relative_gains;
  OrderThresholds thresholds;
  std::vector<OrderYearSummary> years;
  // Share of draws per Table 2 cell: [order persists, disappears] x [leadership persists,
  // challenged].
  std::array<std::array<double, 2>, 2> table2{};
  std::array<double, 3> paths{};    // post_hegemonic, renegotiated, blocs
  double first_challenge_mean = 0;  // mean year of the first challenge, over draws with one
  std::vector<std::string> inputs;  // uncertain inputs
  // With sensitivity: SRCs (analysis/monte_carlo.h) of the order persisting and
  // of leadership being challenged (0/1 per draw: a linear probability model).
  std::optional<Sensitivity> persists_sensitivity, challenged_sensitivity;
};

// Throws InputError naming the request field (preset, years, relative_gains).
OrderResult RunOrder(const OrderRequest& request, const RunControl& control = {});

}  // namespace concert
