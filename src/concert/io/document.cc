#include "concert/io/document.h"

#include "concert/io/institution_reader.h"
#include "concert/io/order_reader.h"

namespace concert {

ScenarioDocument ReadDocument(const std::string& path, std::string text, InputFormat format) {
  ScenarioDocument doc;
  doc.path = path;
  doc.text = std::move(text);
  doc.format = format == InputFormat::kAuto ? DetectInputFormat(path, doc.text) : format;
  const bool native = doc.format == InputFormat::kYaml || doc.format == InputFormat::kJson;
  if (native && IsOrderOnly(doc.text)) {
    doc.order = ReadOrder(path, doc.text);
    doc.order_only = true;
    return doc;
  }
  doc.scenario = ReadScenario(path, doc.text, doc.format);
  if (native) {
    doc.institution = ReadInstitution(path, doc.text, doc.scenario);
    if (HasOrderSection(doc.text)) doc.order = ReadOrder(path, doc.text);
  }
  return doc;
}

ScenarioDocument ReadDocumentFile(const std::string& path, InputFormat format) {
  return ReadDocument(path, ReadTextFile(path), format);
}

}  // namespace concert
