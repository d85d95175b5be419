#include "concert/core/limits.h"

#include <fmt/format.h>

namespace concert {
namespace {
Limits& Current() {
  static Limits limits;
  return limits;
}
}  // namespace

const Limits& GetLimits() { return Current(); }
void SetLimits(const Limits& limits) { Current() = limits; }

std::string FormatBytes(double bytes) {
  const double kib = 1024.0, mib = kib * 1024, gib = mib * 1024;
  if (bytes >= gib) return fmt::format("{:.1f} GiB", bytes / gib);
  if (bytes >= mib) return fmt::format("{:.0f} MiB", bytes / mib);
  if (bytes >= kib) return fmt::format("{:.0f} KiB", bytes / kib);
  return fmt::format("{:.0f} bytes", bytes);
}

}  // namespace concert
