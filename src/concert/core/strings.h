// concert/core/strings.h — the one string helper every layer shares.
#pragma once

#include <string>
#include <string_view>

namespace concert {

// `s` without leading and trailing white space (std::isspace).
std::string Trim(std::string_view s);

}  // namespace concert
