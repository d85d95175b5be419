// concert/core/sha256.h — SHA-256 (FIPS 180-4) of a byte string, as lowercase hex.
// Results carry the hash of their input bytes so a reader can tell which file produced them.
#pragma once

#include <string>
#include <string_view>

namespace concert {

std::string Sha256Hex(std::string_view bytes);

}  // namespace concert
