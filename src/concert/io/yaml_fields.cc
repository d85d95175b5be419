#include "concert/io/yaml_fields.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cmath>
#include <map>
#include <sstream>

#include "concert/io/text.h"

namespace concert::io {
namespace {

int LineOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

unsigned HexValue(std::string_view s) {  // four hex digits, or 0x10000 when not
  unsigned v = 0;
  if (s.size() < 4) return 0x10000;
  for (std::size_t k = 0; k < 4; ++k) {
    const char c = s[k];
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return 0x10000;
    v = v * 16 + static_cast<unsigned>(d);
  }
  return v;
}

void AppendUtf8(std::string& out, unsigned cp) {
  out += static_cast<char>(0xF0 | (cp >> 18));
  out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// A lone CR becomes LF (the line count is kept) and a JSON surrogate pair
// escape becomes the UTF-8 of its code point, which yaml-cpp would refuse.
std::string Normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      out += '\n';
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\\') {
      out += "\\\\";
      ++i;
    } else if (c == '\\' && i + 12 <= text.size() && text[i + 1] == 'u' && text[i + 6] == '\\' &&
               text[i + 7] == 'u') {
      const unsigned high = HexValue(text.substr(i + 2)), low = HexValue(text.substr(i + 8));
      if (high >= 0xD800 && high <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
        i += 11;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

void CheckUniqueKeys(const std::string& path, const YAML::Node& node) {
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) CheckUniqueKeys(path, item);
  } else if (node.IsMap()) {
    std::map<std::string, int> seen;
    for (const auto& entry : node) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      const int line = LineOf(entry.first);
      const auto [it, fresh] = seen.emplace(key, line);
      if (!fresh) {
        throw InputError({path, line, key},
                         fmt::format("duplicate key '{}' (first at line {}); expected each key "
                                     "once in a mapping",
                                     key, it->second));
      }
      CheckUniqueKeys(path, entry.second);
    }
  }
}

// yaml-cpp 0.7 can loop for ever on some malformed flow collections
// (e.g. "[],\n[\n"), emitting node events without consuming input. A
// well-formed stream has at most a few events per byte, so a first pass that
// counts events and stops past that bound turns the hang into an error.
class EventBudget : public YAML::EventHandler {
 public:
  explicit EventBudget(std::size_t budget) : left_(budget) {}
  int line() const { return line_; }

  void OnDocumentStart(const YAML::Mark& mark) override { Spend(mark); }
  void OnDocumentEnd() override { Spend(); }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Spend(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { Spend(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    Spend(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Spend(mark);
  }
  void OnSequenceEnd() override { Spend(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Spend(mark);
  }
  void OnMapEnd() override { Spend(); }

  struct Exhausted {};

 private:
  void Spend(const YAML::Mark& mark) {
    if (!mark.is_null()) line_ = mark.line + 1;
    Spend();
  }
  void Spend() {
    if (left_ == 0) {
      throw Exhausted{};
    }
    --left_;
  }
  std::size_t left_;
  int line_ = 0;
};

void CheckParserTerminates(const std::string& path, const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  EventBudget budget(4 * text.size() + 64);
  try {
    while (parser.HandleNextDocument(budget)) {
    }
  } catch (const EventBudget::Exhausted&) {
    throw InputError({path, budget.line(), ""},
                     "invalid YAML: the parser does not terminate on this text (an unclosed or "
                     "misplaced '[' or '{' near this line?); expected well-formed YAML or JSON");
  } catch (const YAML::Exception&) {
    // reported with its line by the real parse below
  }
}

YAML::Node Parse(const std::string& path, std::string_view text);

}  // namespace

YAML::Node LoadYaml(const std::string& path, std::string_view text) {
  text::CheckUtf8(path, text);
  // Reading one file asks for its YAML several times (the scenario, the
  // institution and order sections, the checks for them): the last text parsed
  // on this thread is kept, and its tree shared (see the header).
  struct Last {
    bool set = false;
    std::string text;
    YAML::Node root;
  };
  thread_local Last last;
  if (last.set && last.text == text) return last.root;
  YAML::Node root = Parse(path, text);
  last.text.assign(text);
  last.root.reset(root);  // not `=`: that would rewrite the tree other callers hold
  last.set = true;
  return root;
}

namespace {

YAML::Node Parse(const std::string& path, std::string_view text) {
  std::vector<YAML::Node> documents;
  const std::string normal = Normalise(text);
  CheckParserTerminates(path, normal);
  try {
    documents = YAML::LoadAll(normal);
  } catch (const YAML::DeepRecursion& e) {
    throw InputError({path, e.mark.line + 1, ""},
                     "invalid YAML: lists and mappings nested too deeply (more than the "
                     "parser's limit); expected a scenario a few levels deep");
  } catch (const YAML::ParserException& e) {
    throw InputError({path, e.mark.line + 1, ""}, "invalid YAML: " + e.msg);
  }
  if (documents.empty()) return YAML::Node();
  if (documents.size() > 1) {
    throw InputError({path, LineOf(documents[1]), ""},
                     "a second YAML document (after '---'); expected one scenario per file");
  }
  CheckUniqueKeys(path, documents[0]);
  return documents[0];
}

}  // namespace

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
    if (!text::IsDecimal(node.Scalar()) && !text::IsNonFiniteWord(node.Scalar()))
      throw YAML::Exception(node.Mark(), "not decimal");
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
