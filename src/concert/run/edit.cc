// concert/run/edit.cc — numbers of a scenario document changed by path (edit.h).
#include "concert/run/edit.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "concert/analysis/sweep.h"
#include "concert/core/sha256.h"
#include "concert/core/strings.h"
#include "concert/io/write.h"

namespace concert {
namespace {

// Where an institution path's number sits in the file (docs/institutions.md):
// the base design's keys at the top of the section, the sanction's size and
// cost under `sanction`, aid under `aid.to`.
std::vector<std::string> InstitutionKeys(const std::vector<std::string>& parts) {
  std::vector<std::string> keys{"institution"};
  if (parts.size() == 2 && parts[1] == "sanction") return {"institution", "sanction", "size"};
  if (parts.size() == 2 && parts[1] == "sanction_cost") return {"institution", "sanction", "cost"};
  if (parts.size() == 3 && parts[1] == "aid") return {"institution", "aid", "to", parts[2]};
  keys.insert(keys.end(), parts.begin() + 1, parts.end());
  return keys;
}

}  // namespace

NumberEdit ParseEdit(const std::string& text, const ErrorLocation& where) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw InputError(where, fmt::format("expected PATH=VALUE (e.g. "
                                        "stances.CHN.nuclear.salience=80); got '{}'",
                                        text));
  }
  NumberEdit edit{text.substr(0, eq), 0};
  const std::string value = text.substr(eq + 1);
  char* end = nullptr;
  errno = 0;
  edit.value = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE ||
      !std::isfinite(edit.value)) {
    throw InputError(where,
                     fmt::format("{}: expected a finite number; got '{}'", edit.path, value));
  }
  return edit;
}

void ApplyEdits(ScenarioDocument* document, const std::vector<NumberEdit>& edits,
                const ErrorLocation& where, bool rehash) {
  if (edits.empty()) return;
  if (document->order_only) {
    throw InputError(where, "the file has only an order section: no negotiation to edit");
  }
  for (const NumberEdit& edit : edits) {
    const ErrorLocation at{where.file, where.line,
                           where.field.empty() ? edit.path : where.field + ": " + edit.path};
    SetSweepNumber(&document->scenario, &document->institution, edit.path, edit.value, at);
    const std::vector<std::string> parts = Split(edit.path, '.');
    // The section is written from the text (io/write.h), so the text carries the edit.
    if (parts[0] == "institution") {
      document->text = EditYamlNumber(document->text, InstitutionKeys(parts), edit.value);
      document->sections_yaml.reset();
    }
  }
  document->scenario.sha256 = rehash ? Sha256Hex(DocumentToYaml(*document)) : "";
}

}  // namespace concert
