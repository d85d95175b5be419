// concert/io/document.h — a scenario file read once: the negotiation, and for
// the native formats its `institution` and `order` sections.
//
// Every front end reads files through here, so the text is parsed in one
// place and a pipe is read only once. A file may hold only an `order` section
// (an order scenario, docs/order.md); then `scenario` is empty and
// `order_only` is set.
#pragma once

#include <optional>
#include <string>

#include "concert/core/institution_spec.h"
#include "concert/core/order_spec.h"
#include "concert/core/scenario.h"
#include "concert/io/read.h"

namespace concert {

struct ScenarioDocument {
  std::string path, text;
  InputFormat format = InputFormat::kAuto;  // as detected
  Scenario scenario;
  InstitutionSpec institution;  // from_file false when the file has none
  std::optional<OrderSpec> order;
  bool order_only = false;
  // The institution and order sections as DocumentToYaml writes them (io/write.h),
  // kept by its first call: they come from `text`, so whoever changes text
  // resets this (run/edit.cc does).
  mutable std::optional<std::string> sections_yaml;
};

// Throws InputError naming file, line and field for anything malformed.
ScenarioDocument ReadDocument(const std::string& path, std::string text,
                              InputFormat format = InputFormat::kAuto);
ScenarioDocument ReadDocumentFile(const std::string& path, InputFormat format = InputFormat::kAuto);

}  // namespace concert
