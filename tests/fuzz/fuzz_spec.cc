// libFuzzer harness for the model-spec and strategy-spec parsers
// (`bdm(rounds=5)`, `gtft(p=0.1)`): InputError or success, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "concert/analysis/forecast_run.h"
#include "concert/core/error.h"
#include "concert/institutions/strategy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    concert::CreateModels({text});
  } catch (const concert::InputError&) {
  }
  try {
    concert::CreateStrategy(text);
  } catch (const concert::InputError&) {
  }
  return 0;
}
