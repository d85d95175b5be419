// concert/core/strings.h — the string helpers every layer shares.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace concert {

// `s` without leading and trailing white space (std::isspace).
std::string Trim(std::string_view s);

// The parts of `s` between `separator`s ("a..b" gives a, "", b; "" gives one empty part).
std::vector<std::string> Split(std::string_view s, char separator);

}  // namespace concert
