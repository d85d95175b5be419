// libFuzzer harness for one scenario reader (CONCERT_FUZZ_FORMAT: yaml, json,
// ktab, decide or bdm), whole documents included (institution and order
// sections). Bad input must end in InputError; any other exception, a crash,
// a sanitizer report, a hang or a memory blow-up is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "concert/core/error.h"
#include "concert/io/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    concert::ReadDocument("fuzz", text, concert::ParseInputFormat(CONCERT_FUZZ_FORMAT));
  } catch (const concert::InputError&) {
  }
  return 0;
}
