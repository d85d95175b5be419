#include "concert/io/yaml_fields.h"

#include <fmt/format.h>

#include <cmath>

namespace concert::io {

ErrorLocation YamlFields::Where(const YAML::Node& node, const std::string& field) const {
  const YAML::Mark mark = node.Mark();
  return {path_, mark.is_null() ? 0 : mark.line + 1, field};
}

InputError YamlFields::Error(const YAML::Node& node, const std::string& field,
                             const std::string& message) const {
  return InputError(Where(node, field), message);
}

double YamlFields::Double(const YAML::Node& node, const std::string& field) const {
  if (!node.IsScalar()) throw Error(node, field, "expected a number");
  double v = 0;
  try {
    v = node.as<double>();
  } catch (const YAML::Exception&) {
    throw Error(node, field, fmt::format("expected a number but got '{}'", node.Scalar()));
  }
  if (!std::isfinite(v)) {
    throw Error(node, field, fmt::format("expected a finite number but got '{}'", node.Scalar()));
  }
  return v;
}

int YamlFields::Year(const YAML::Node& node, const std::string& field) const {
  const double v = Double(node, field);
  if (v != std::floor(v) || v < 1 || v > 9999) {
    throw Error(node, field, fmt::format("expected a year (a whole number) but got {}", v));
  }
  return static_cast<int>(v);
}

std::string YamlFields::String(const YAML::Node& node, const std::string& field) const {
  if (!node.IsScalar()) throw Error(node, field, "expected a string");
  return node.Scalar();
}

void YamlFields::Map(const YAML::Node& node, const std::string& field) const {
  if (!node.IsMap()) throw Error(node, field, "expected a mapping");
}

void YamlFields::List(const YAML::Node& node, const std::string& field) const {
  if (!node.IsSequence()) throw Error(node, field, "expected a list");
}

void YamlFields::CheckKeys(const YAML::Node& node, const std::string& field,
                           const std::set<std::string>& allowed) const {
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (!allowed.count(key)) {
      throw Error(
          entry.first, field + "." + key,
          fmt::format("unknown field '{}'; expected one of: {}", key, fmt::join(allowed, ", ")));
    }
  }
}

void YamlFields::Within(const YAML::Node& node, const std::string& field, double v, double low,
                        double high) const {
  if (!(v >= low && v <= high)) {
    throw Error(node, field, fmt::format("expected a number in [{}, {}] but got {}", low, high, v));
  }
}

Number YamlFields::ReadNumber(const YAML::Node& node, const std::string& field, double low,
                              double high) const {
  Number n;
  if (!node.IsMap()) {
    n.value = Double(node, field);
    Within(node, field, n.value, low, high);
    return n;
  }
  CheckKeys(node, field, {"value", "range", "sd"});
  if (!node["value"]) throw Error(node, field + ".value", "missing required field 'value'");
  n.value = Double(node["value"], field + ".value");
  Within(node["value"], field + ".value", n.value, low, high);
  const YAML::Node range = node["range"], sd = node["sd"];
  if (range && sd) throw Error(node, field, "expected either 'range' or 'sd', not both");
  if (range) {
    if (!range.IsSequence() || range.size() != 2) {
      throw Error(range, field + ".range", "expected a list of two numbers [low, high]");
    }
    n.uncertainty.kind = Uncertainty::Kind::kRange;
    n.uncertainty.low = Double(range[0], field + ".range[0]");
    n.uncertainty.high = Double(range[1], field + ".range[1]");
    if (!(n.uncertainty.low <= n.value && n.value <= n.uncertainty.high)) {
      throw Error(range, field + ".range",
                  fmt::format("expected low <= value <= high but got [{}, {}] around {}",
                              n.uncertainty.low, n.uncertainty.high, n.value));
    }
    Within(range, field + ".range", n.uncertainty.low, low, high);
    Within(range, field + ".range", n.uncertainty.high, low, high);
  } else if (sd) {
    n.uncertainty.kind = Uncertainty::Kind::kNormal;
    n.uncertainty.sd = Double(sd, field + ".sd");
    if (n.uncertainty.sd < 0) throw Error(sd, field + ".sd", "expected a standard deviation >= 0");
  }
  return n;
}

}  // namespace concert::io
