#include "concert/output/models_output.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace concert {
namespace {

std::string ParamText(const ParamInfo& p) {
  std::string kind;
  switch (p.type) {
    case ParamInfo::Type::kInt:
      kind = fmt::format("integer in [{}, {}]", p.min, p.max);
      break;
    case ParamInfo::Type::kReal:
      kind = fmt::format("number in [{}, {}]", p.min, p.max);
      break;
    case ParamInfo::Type::kChoice:
      kind = fmt::format("one of {}", fmt::join(p.choices, "|"));
      break;
  }
  return fmt::format("    {} = {}  ({}{}) {}\n", p.name, p.default_value, kind,
                     p.unit.empty() ? "" : ", " + p.unit, p.description);
}

}  // namespace

std::string ModelsJson(const Registry& registry) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const ModelInfo& info : registry.models()) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const ParamInfo& p : info.params) {
      nlohmann::ordered_json item = {{"name", p.name}, {"default", p.default_value}};
      if (p.type == ParamInfo::Type::kChoice) {
        item["type"] = "choice";
        item["choices"] = p.choices;
      } else {
        item["type"] = p.type == ParamInfo::Type::kInt ? "integer" : "number";
        item["min"] = p.min;
        item["max"] = p.max;
      }
      item["unit"] = p.unit;
      item["description"] = p.description;
      params.push_back(item);
    }
    list.push_back({{"name", info.name},
                    {"summary", info.summary},
                    {"citations", info.citations},
                    {"parameters", params},
                    {"run_by_default", info.by_default}});
  }
  return list.dump(2) + "\n";
}

std::string ModelsText(const Registry& registry) {
  std::string out;
  for (const ModelInfo& info : registry.models()) {
    out += info.name + (info.by_default ? "" : "  (run only when named)") + "\n  " + info.summary +
           "\n";
    if (!info.params.empty()) {
      out += "  parameters (name = default):\n";
      for (const ParamInfo& p : info.params) out += ParamText(p);
    }
    out += "  citations:\n";
    for (const std::string& c : info.citations) out += "    - " + c + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace concert
