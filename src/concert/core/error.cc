#include "concert/core/error.h"

namespace concert {

std::string FormatError(const ErrorLocation& where, const std::string& message) {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) out += ":" + std::to_string(where.line);
    out += ": ";
  } else if (where.line > 0) {
    out += "line " + std::to_string(where.line) + ": ";
  }
  if (!where.field.empty()) out += "field '" + where.field + "': ";
  out += message;
  return out;
}

InputError::InputError(ErrorLocation where, const std::string& message)
    : std::runtime_error(FormatError(where, message)),
      where_(std::move(where)),
      message_(message) {}

}  // namespace concert
