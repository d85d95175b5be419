// concert/core/error.h — the one exception type every layer throws for bad input.
//
// An error names where it happened (file, line when the format has lines,
// field) and what was expected, so a user can fix the input without reading
// the source. The CLI prints `what()` and exits non-zero.
#pragma once

#include <stdexcept>
#include <string>

namespace concert {

struct ErrorLocation {
  std::string file;   // path as the user gave it; empty for in-memory input
  int line = 0;       // 1-based; 0 when unknown or not applicable
  std::string field;  // e.g. "actors[2].capability"; empty when not applicable
};

class InputError : public std::runtime_error {
 public:
  InputError(ErrorLocation where, const std::string& message);

  const ErrorLocation& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  ErrorLocation where_;
  std::string message_;
};

// "file:line: field: message" with the empty parts left out.
std::string FormatError(const ErrorLocation& where, const std::string& message);

}  // namespace concert
