// concert/io/order_reader.h — reads the `order` section of a scenario file
// (schema: docs/order.md) into a validated OrderSpec (core/order_spec.h).
#pragma once

#include <string>
#include <string_view>

#include "concert/core/order_spec.h"

namespace concert {

// InputError naming file, line and field for a malformed section, and when the
// file has no `order` section at all.
OrderSpec ReadOrder(const std::string& path, std::string_view text);
// Whether the YAML text has a top-level `order` key (false for other formats).
bool HasOrderSection(std::string_view text);
// Whether it has an `order` section and no bargaining scenario (no `actors`).
bool IsOrderOnly(std::string_view text);
// The `order` section as YAML text ("order:" and its block), for `concert
// convert` to carry over; empty when there is none. Call after ReadOrder.
std::string OrderSectionYaml(std::string_view text);

}  // namespace concert
