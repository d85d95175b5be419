// concert/core/limits.h — the resource limits every input passes, so a hostile
// or mistaken input fails with a clear error (exit 1) instead of exhausting
// memory or running for hours. docs/limits.md explains each and its default.
//
// The limits are process-wide settings: front ends (the CLI's --max-input-mb,
// --max-cells and --max-memory-mb) set them once before reading input.
#pragma once

#include <cstddef>
#include <string>

namespace concert {

struct Limits {
  std::size_t max_input_bytes = std::size_t{64} << 20;  // one input file: 64 MiB
  std::size_t max_cells = std::size_t{1} << 20;         // actors x issues: 1,048,576
  double max_memory_bytes = 8.0 * (1ull << 30);         // a model's estimated working set: 8 GiB
};

// Fixed bounds on a scenario's numbers, beyond which products and sums in the
// models (capability x salience x squared distance, over every pair of actors)
// could overflow or underflow a double. A capability may be a GDP in any unit;
// a weight (capability, salience over its unit) is 0 or at least kMinWeight.
inline constexpr double kMaxCapability = 1e30;
inline constexpr double kMaxScale = 1e15;  // |scale end|
inline constexpr double kMinWeight = 1e-12;
// Monte Carlo draws per run (forecast, report, simulate; order: kMaxOrderDraws,
// its draws being cheap), as the CLI's --draws allows.
inline constexpr std::size_t kMaxDraws = 10'000'000;
inline constexpr std::size_t kMaxOrderDraws = 100'000'000;

const Limits& GetLimits();
void SetLimits(const Limits& limits);

// "1.5 GiB", "320 MiB", "12 KiB", "17 bytes".
std::string FormatBytes(double bytes);

}  // namespace concert
