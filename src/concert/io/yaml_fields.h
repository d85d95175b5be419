// concert/io/yaml_fields.h — internal to io: typed access to a YAML node with
// errors that name file, line and field. Used by the order reader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <string_view>

#include "concert/core/error.h"
#include "concert/core/scenario.h"

namespace concert::io {

// Parses `text` (YAML, or JSON, which is YAML) as one document, with errors
// that name `path` and the line: not UTF-8, invalid syntax, nesting past
// yaml-cpp's depth limit, a second document, or a key repeated in a mapping
// (yaml-cpp would keep the first silently, Python's json the last). JSON's
// surrogate-pair escapes ("\ud83d\ude00") and old Mac line ends (a lone CR)
// are accepted, as JSON parsers accept them. The tree of the last text parsed
// on a thread is kept and returned again for the same text: read it, do not
// modify it (YAML::Clone it to edit).
YAML::Node LoadYaml(const std::string& path, std::string_view text);

class YamlFields {
 public:
  explicit YamlFields(std::string path) : path_(std::move(path)) {}

  InputError Error(const YAML::Node& node, const std::string& field,
                   const std::string& message) const;
  ErrorLocation Where(const YAML::Node& node, const std::string& field) const;

  double Double(const YAML::Node& node, const std::string& field) const;
  int Year(const YAML::Node& node, const std::string& field) const;  // a whole number in [1, 9999]
  std::string String(const YAML::Node& node, const std::string& field) const;
  void Map(const YAML::Node& node, const std::string& field) const;
  void List(const YAML::Node& node, const std::string& field) const;
  void CheckKeys(const YAML::Node& node, const std::string& field,
                 const std::set<std::string>& allowed) const;
  // A number, {value, range: [low, high]} or {value, sd}, within [low, high].
  Number ReadNumber(const YAML::Node& node, const std::string& field, double low,
                    double high) const;

 private:
  void Within(const YAML::Node& node, const std::string& field, double v, double low,
              double high) const;
  std::string path_;
};

}  // namespace concert::io
