// libFuzzer harness for the institution section: the input is the section's
// body under a fixed two-actor scenario, so every run reaches the section.
#include <cstddef>
#include <cstdint>
#include <string>

#include "concert/core/error.h"
#include "concert/io/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string head =
      "actors: [{id: A, capability: 1}, {id: B, capability: 2}]\n"
      "issues: [{id: x, status_quo: 0}]\n"
      "positions: [{actor: A, issue: x, position: 10, salience: 50},\n"
      "            {actor: B, issue: x, position: 90, salience: 50}]\n"
      "institution:\n";
  const std::string text = head + std::string(reinterpret_cast<const char*>(data), size);
  try {
    concert::ReadDocument("fuzz", text, concert::InputFormat::kYaml);
  } catch (const concert::InputError&) {
  }
  return 0;
}
