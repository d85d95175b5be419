// libFuzzer harness for the order file (docs/order.md): InputError or success.
#include <cstddef>
#include <cstdint>
#include <string>

#include "concert/core/error.h"
#include "concert/io/order_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    concert::ReadOrder("fuzz", text);
  } catch (const concert::InputError&) {
  }
  return 0;
}
