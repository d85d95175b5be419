// libFuzzer harness for the voting rule file (docs/power.md): InputError or
// success; a small valid rule's power indices are computed too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "concert/core/error.h"
#include "concert/io/voting_rule_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const concert::VotingRuleFile file = concert::ReadVotingRule("fuzz", text);
    if (file.rule.names.size() <= 12) {
      concert::RunControl control;
      control.threads = 1;
      concert::ComputePower(file.rule, {}, control);
    }
  } catch (const concert::InputError&) {
  }
  return 0;
}
