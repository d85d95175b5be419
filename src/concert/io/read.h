// concert/io/read.h — every scenario file format in, one validated Scenario out.
//
// Formats (docs/scenario-format.md describes each):
//   yaml   concert's native format (also the output of `concert convert`)
//   json   the same schema as JSON
//   ktab   KTAB's SMP CSV (name line, header line, one row per actor)
//   decide the DECIDE exchange-model file ('#A', '#P', '#M', '#D' lines, tab-separated)
//   bdm    the expected-utility CSV Actor,Capability,Position,Salience (one issue)
// kAuto picks the format from the extension and content and refuses to guess
// when they are ambiguous.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "concert/core/scenario.h"

namespace concert {

enum class InputFormat { kAuto, kYaml, kJson, kKtab, kDecide, kBdm };

// Throws InputError for a name not in the list above.
InputFormat ParseInputFormat(const std::string& name);
std::string InputFormatName(InputFormat format);
std::vector<std::string> InputFormatNames();  // without "auto"

// Detects the format of `text` read from `path`; throws when it cannot tell.
InputFormat DetectInputFormat(const std::string& path, std::string_view text);

// Reads and validates a scenario. `path` names the file in error messages.
Scenario ReadScenario(const std::string& path, std::string_view text,
                      InputFormat format = InputFormat::kAuto);
Scenario ReadScenarioFile(const std::string& path, InputFormat format = InputFormat::kAuto);
// The bytes of a file ("-": standard input); InputError naming it when it cannot
// be opened, is a directory or a device, or is larger than GetLimits().max_input_bytes.
std::string ReadTextFile(const std::string& path);

// The per-format readers, for tests; each returns an unvalidated draft.
ScenarioDraft ReadNativeDraft(const std::string& path, std::string_view text, bool json);
ScenarioDraft ReadKtabDraft(const std::string& path, std::string_view text);
ScenarioDraft ReadDecideDraft(const std::string& path, std::string_view text);
ScenarioDraft ReadBdmDraft(const std::string& path, std::string_view text);

}  // namespace concert
