// The native YAML/JSON scenario reader (schema: docs/scenario-format.md).
// JSON is checked for JSON syntax first, then read with the same YAML code, so
// both formats report semantic errors with line numbers.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <set>

#include "concert/io/read.h"
#include "concert/io/text.h"
#include "concert/io/yaml_fields.h"

namespace concert {
namespace {

class NativeReader {
 public:
  explicit NativeReader(std::string path) : path_(std::move(path)) {}

  ScenarioDraft Read(const YAML::Node& root) {
    ScenarioDraft draft;
    draft.file = path_;
    draft.salience_unit = 100.0;
    if (!root.IsDefined() || root.IsNull()) {
      throw InputError({path_, 0, ""},
                       "the file is empty; expected a scenario with actors, "
                       "issues and positions");
    }
    if (!root.IsMap()) throw Error(root, "", "expected a mapping with actors, issues, positions");
    // `institution` is read by concert/institutions (institution.h) and `order` by
    // io/order_reader.h, not here.
    CheckKeys(root, "",
              {"name", "description", "sources", "actors", "issues", "positions", "institution",
               "order", "agenda"});
    draft.name = OptionalString(root, "name", "", "");
    draft.description = OptionalString(root, "description", "", "");
    if (const YAML::Node sources = root["sources"]) {
      if (sources.IsScalar()) {
        draft.sources.push_back(sources.as<std::string>());
      } else {
        for (std::size_t k = 0; k < List(sources, "sources").size(); ++k) {
          draft.sources.push_back(String(sources[k], fmt::format("sources[{}]", k)));
        }
      }
    }
    const YAML::Node actors = Required(root, "actors", "");
    for (std::size_t k = 0; k < List(actors, "actors").size(); ++k) {
      draft.actors.push_back(ReadActor(actors[k], fmt::format("actors[{}]", k)));
    }
    const YAML::Node issues = Required(root, "issues", "");
    for (std::size_t k = 0; k < List(issues, "issues").size(); ++k) {
      draft.issues.push_back(ReadIssue(issues[k], fmt::format("issues[{}]", k)));
    }
    if (const YAML::Node agenda = root["agenda"]) ReadAgenda(agenda, &draft);
    const YAML::Node positions = Required(root, "positions", "");
    for (std::size_t k = 0; k < List(positions, "positions").size(); ++k) {
      draft.stances.push_back(ReadStance(positions[k], fmt::format("positions[{}]", k)));
    }
    return draft;
  }

 private:
  ActorDraft ReadActor(const YAML::Node& node, const std::string& field) {
    Map(node, field);
    CheckKeys(node, field, {"id", "name", "capability", "description"});
    ActorDraft a;
    a.where = Where(node, field);
    a.actor.id = String(Required(node, "id", field), field + ".id");
    a.actor.name = OptionalString(node, "name", field, a.actor.id);
    a.actor.description = OptionalString(node, "description", field, "");
    a.actor.capability = ReadNumber(Required(node, "capability", field), field + ".capability");
    return a;
  }

  // `agenda: [issue ids]`: the issues on the table; the others stay at their status quo.
  void ReadAgenda(const YAML::Node& node, ScenarioDraft* draft) {
    if (List(node, "agenda").size() == 0)
      throw Error(node, "agenda", "expected at least one issue");
    for (IssueDraft& d : draft->issues) d.issue.on_agenda = false;
    for (std::size_t k = 0; k < List(node, "agenda").size(); ++k) {
      const std::string field = fmt::format("agenda[{}]", k);
      const std::string id = String(node[k], field);
      IssueDraft* found = nullptr;
      for (IssueDraft& d : draft->issues) found = d.issue.id == id ? &d : found;
      if (found == nullptr) throw Error(node[k], field, fmt::format("unknown issue '{}'", id));
      if (found->issue.on_agenda)
        throw Error(node[k], field, fmt::format("'{}' is listed twice", id));
      found->issue.on_agenda = true;
    }
    for (const IssueDraft& d : draft->issues) {
      if (!d.issue.on_agenda && !d.issue.status_quo) {
        throw Error(node, "agenda",
                    fmt::format("issue '{}' is off the agenda and has no status_quo to stay at",
                                d.issue.id));
      }
    }
  }

  IssueDraft ReadIssue(const YAML::Node& node, const std::string& field) {
    Map(node, field);
    CheckKeys(node, field, {"id", "name", "description", "scale", "status_quo"});
    IssueDraft d;
    d.where = Where(node, field);
    Issue& issue = d.issue;
    issue.id = String(Required(node, "id", field), field + ".id");
    issue.name = OptionalString(node, "name", field, issue.id);
    issue.description = OptionalString(node, "description", field, "");
    if (const YAML::Node scale = node["scale"]) {
      std::string sfield = field + ".scale";
      Map(scale, sfield);
      CheckKeys(scale, sfield, {"min", "max", "anchors"});
      issue.scale_min = Double(Required(scale, "min", sfield), sfield + ".min");
      issue.scale_max = Double(Required(scale, "max", sfield), sfield + ".max");
      if (const YAML::Node anchors = scale["anchors"]) {
        for (std::size_t k = 0; k < List(anchors, sfield + ".anchors").size(); ++k) {
          std::string afield = fmt::format("{}.anchors[{}]", sfield, k);
          Map(anchors[k], afield);
          CheckKeys(anchors[k], afield, {"at", "label"});
          issue.anchors.push_back(
              {Double(Required(anchors[k], "at", afield), afield + ".at"),
               String(Required(anchors[k], "label", afield), afield + ".label")});
        }
      }
    }
    if (const YAML::Node sq = node["status_quo"]) {
      issue.status_quo = ReadNumber(sq, field + ".status_quo");
    }
    return d;
  }

  StanceDraft ReadStance(const YAML::Node& node, const std::string& field) {
    Map(node, field);
    CheckKeys(node, field, {"actor", "issue", "position", "salience", "capability"});
    StanceDraft s;
    s.where = Where(node, field);
    s.actor_id = String(Required(node, "actor", field), field + ".actor");
    s.issue_id = String(Required(node, "issue", field), field + ".issue");
    s.stance.position = ReadNumber(Required(node, "position", field), field + ".position");
    s.stance.salience = ReadNumber(Required(node, "salience", field), field + ".salience");
    if (const YAML::Node c = node["capability"]) {
      s.stance.capability = ReadNumber(c, field + ".capability");
    }
    return s;
  }

  // A number, or {value, range: [low, high]} or {value, sd}.
  Number ReadNumber(const YAML::Node& node, const std::string& field) {
    Number number;
    if (node.IsScalar()) {
      number.value = Double(node, field);
      return number;
    }
    if (!node.IsMap()) {
      throw Error(node, field,
                  "expected a number or {value: x, range: [low, high]} or "
                  "{value: x, sd: s}");
    }
    CheckKeys(node, field, {"value", "range", "sd"});
    number.value = Double(Required(node, "value", field), field + ".value");
    const YAML::Node range = node["range"];
    const YAML::Node sd = node["sd"];
    if (range && sd) throw Error(node, field, "expected either 'range' or 'sd', not both");
    if (range) {
      if (!range.IsSequence() || range.size() != 2) {
        throw Error(range, field + ".range", "expected a list of two numbers [low, high]");
      }
      number.uncertainty.kind = Uncertainty::Kind::kRange;
      number.uncertainty.low = Double(range[0], field + ".range[0]");
      number.uncertainty.high = Double(range[1], field + ".range[1]");
    } else if (sd) {
      number.uncertainty.kind = Uncertainty::Kind::kNormal;
      number.uncertainty.sd = Double(sd, field + ".sd");
    }
    return number;
  }

  double Double(const YAML::Node& node, const std::string& field) {
    if (!node.IsScalar()) throw Error(node, field, "expected a number");
    try {
      if (!text::IsDecimal(node.Scalar()) && !text::IsNonFiniteWord(node.Scalar()))
        throw YAML::Exception(node.Mark(), "not decimal");
      return node.as<double>();
    } catch (const YAML::Exception&) {
      throw Error(node, field, fmt::format("expected a number but got '{}'", node.Scalar()));
    }
  }

  std::string String(const YAML::Node& node, const std::string& field) {
    if (!node.IsScalar()) throw Error(node, field, "expected a string");
    return node.Scalar();
  }

  std::string OptionalString(const YAML::Node& map, const std::string& key,
                             const std::string& field, const std::string& fallback) {
    const YAML::Node node = map[key];
    return node ? String(node, field.empty() ? key : field + "." + key) : fallback;
  }

  YAML::Node Required(const YAML::Node& map, const std::string& key, const std::string& field) {
    const YAML::Node node = map[key];
    if (!node) {
      throw Error(map, field.empty() ? key : field + "." + key,
                  fmt::format("missing required field '{}'", key));
    }
    return node;
  }

  const YAML::Node& List(const YAML::Node& node, const std::string& field) {
    if (!node.IsSequence()) throw Error(node, field, "expected a list");
    return node;
  }

  void Map(const YAML::Node& node, const std::string& field) {
    if (!node.IsMap()) throw Error(node, field, "expected a mapping");
  }

  void CheckKeys(const YAML::Node& map, const std::string& field,
                 std::initializer_list<const char*> allowed) {
    std::set<std::string> ok(allowed.begin(), allowed.end());
    for (const auto& entry : map) {
      std::string key = entry.first.Scalar();
      if (!ok.count(key)) {
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        throw Error(entry.first, field.empty() ? key : field + "." + key,
                    fmt::format("unknown field '{}'; expected one of: {}", key, list));
      }
    }
  }

  ErrorLocation Where(const YAML::Node& node, const std::string& field) const {
    const YAML::Mark mark = node.Mark();
    return {path_, mark.is_null() ? 0 : mark.line + 1, field};
  }

  InputError Error(const YAML::Node& node, const std::string& field, const std::string& message) {
    return InputError(Where(node, field), message);
  }

  std::string path_;
};

// The 1-based line of byte `end` (a lone CR, LF and CRLF each end a line).
int LineAt(std::string_view text, std::size_t end) {
  int line = 1;
  for (std::size_t k = 0; k < end && k < text.size(); ++k) {
    line += text[k] == '\n' || (text[k] == '\r' && (k + 1 == text.size() || text[k + 1] != '\n'));
  }
  return line;
}

void CheckJsonSyntax(const std::string& path, std::string_view text) {
  try {
    nlohmann::json parsed = nlohmann::json::parse(text.begin(), text.end());
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t end = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    std::size_t cut = what.find("syntax error");
    throw InputError({path, LineAt(text, end), ""},
                     "invalid JSON: " + (cut == std::string::npos ? what : what.substr(cut)));
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double ("number overflow parsing '1e400'"): find its line.
    const std::string what = e.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    const std::string token =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    const std::size_t at = token.empty() ? std::string_view::npos : text.find(token);
    throw InputError({path, at == std::string_view::npos ? 0 : LineAt(text, at), ""},
                     token.empty() ? "invalid JSON: a number out of range"
                                   : fmt::format("invalid JSON: the number {} is out of the range "
                                                 "of a double (about ±1.8e308)",
                                                 token));
  }
}

}  // namespace

ScenarioDraft ReadNativeDraft(const std::string& path, std::string_view text, bool json) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError({path, 0, ""}, "the file is empty; expected a scenario");
  }
  if (json) CheckJsonSyntax(path, text);
  return NativeReader(path).Read(io::LoadYaml(path, text));
}

}  // namespace concert
