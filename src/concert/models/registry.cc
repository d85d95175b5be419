#include "concert/models/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "concert/core/strings.h"
#include "concert/models/agenda.h"
#include "concert/models/cycle.h"

namespace concert {
namespace {

// A created model names its forecasts by the full spec, so no caller has to.
class NamedModel : public Model {
 public:
  NamedModel(std::unique_ptr<Model> model, std::string spec)
      : model_(std::move(model)), spec_(std::move(spec)) {}
  Forecast Run(const Scenario& scenario, const RunContext& context) const override {
    Forecast forecast = RunOnAgenda(*model_, scenario, context);
    forecast.model = spec_;
    for (IssueForecast& issue : forecast.issues) {
      issue.cycle = DetectCycle(issue.rounds);
      // An outcome is a finite number or none with a reason, in every model.
      if (issue.outcome && !std::isfinite(*issue.outcome)) {
        issue.outcome.reset();
        issue.note = "no outcome: the model's arithmetic overflowed (not a finite number)";
      }
    }
    return forecast;
  }

 private:
  std::unique_ptr<Model> model_;
  std::string spec_;
};

InputError SpecError(const std::string& spec, const std::string& message) {
  return InputError({}, "model spec '" + spec + "': " + message);
}

std::string ParamNames(const ModelInfo& info) {
  if (info.params.empty()) return "(none)";
  std::vector<std::string> names;
  for (const auto& p : info.params) names.push_back(p.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

// Checks a value against its declaration; returns the canonical text.
std::string CheckValue(const std::string& spec, const ParamInfo& p, const std::string& value) {
  if (p.type == ParamInfo::Type::kChoice) {
    for (const auto& c : p.choices) {
      if (value == c) return value;
    }
    throw SpecError(spec, fmt::format("parameter '{}' expects one of {} but got '{}'", p.name,
                                      fmt::join(p.choices, ", "), value));
  }
  const char* begin = value.c_str();
  char* end = nullptr;
  double v = std::strtod(begin, &end);
  bool is_number = !value.empty() && end == begin + value.size() && std::isfinite(v);
  bool is_int = is_number && v == std::floor(v);
  const char* kind = p.type == ParamInfo::Type::kInt ? "a whole number" : "a number";
  if (!is_number || (p.type == ParamInfo::Type::kInt && !is_int) || v < p.min || v > p.max) {
    throw SpecError(spec, fmt::format("parameter '{}' expects {} in [{}, {}] but got '{}'", p.name,
                                      kind, p.min, p.max, value));
  }
  return p.type == ParamInfo::Type::kInt ? fmt::format("{}", static_cast<long>(v))
                                         : fmt::format("{}", v);
}

}  // namespace

ParamInfo NumberParam(const char* name, ParamInfo::Type type, const char* default_value, double min,
                      double max, const char* unit, const char* description) {
  ParamInfo p;
  p.name = name;
  p.type = type;
  p.default_value = default_value;
  p.min = min;
  p.max = max;
  p.unit = unit;
  p.description = description;
  return p;
}

ParamInfo ChoiceParam(const char* name, const char* default_value, std::vector<std::string> choices,
                      const char* description) {
  ParamInfo p;
  p.name = name;
  p.type = ParamInfo::Type::kChoice;
  p.default_value = default_value;
  p.choices = std::move(choices);
  p.description = description;
  return p;
}

const std::string& Params::Choice(const std::string& name) const { return values_.at(name); }
long Params::Int(const std::string& name) const { return std::stol(values_.at(name)); }
double Params::Real(const std::string& name) const { return std::stod(values_.at(name)); }

ModelSpec ParseModelSpec(const std::string& text) {
  const std::string spec = Trim(text);
  ModelSpec out;
  std::size_t open = spec.find('(');
  out.name = Trim(spec.substr(0, open));
  if (out.name.empty()) throw SpecError(spec, "expected a model name such as 'compromise'");
  for (unsigned char c : out.name) {
    if (!std::isalnum(c) && c != '_' && c != '-') {
      throw SpecError(spec, fmt::format("expected a model name of letters, digits, '_' or '-', "
                                        "optionally followed by (key=value, ...)"));
    }
  }
  if (open == std::string::npos) return out;
  if (spec.back() != ')') throw SpecError(spec, "expected ')' at the end");
  std::string body = spec.substr(open + 1, spec.size() - open - 2);
  if (body.find_first_of("()") != std::string::npos) {
    throw SpecError(spec,
                    "unbalanced parentheses; expected name(key=value, ...) with one '(' "
                    "and one ')' at the end");
  }
  if (Trim(body).empty()) return out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t comma = body.find(',', start);
    std::string item = body.substr(start, comma == std::string::npos ? comma : comma - start);
    std::size_t eq = item.find('=');
    if (eq == std::string::npos) {
      throw SpecError(spec, fmt::format("expected key=value but got '{}'", Trim(item)));
    }
    std::string key = Trim(item.substr(0, eq));
    std::string value = Trim(item.substr(eq + 1));
    if (key.empty() || value.empty()) {
      throw SpecError(spec, fmt::format("expected key=value but got '{}'", Trim(item)));
    }
    for (const auto& [seen, unused] : out.args) {
      if (seen == key) {
        throw SpecError(spec,
                        fmt::format("parameter '{}' is given twice; expected each once", key));
      }
    }
    out.args.emplace_back(key, value);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void Registry::Add(ModelInfo info, ModelFactory factory) {
  infos_.push_back(std::move(info));
  factories_.push_back(std::move(factory));
}

const ModelInfo* Registry::Find(const std::string& name) const {
  for (const auto& info : infos_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

CreatedModel Registry::Create(const std::string& spec_text) const {
  ModelSpec spec = ParseModelSpec(spec_text);
  std::size_t index = 0;
  while (index < infos_.size() && infos_[index].name != spec.name) ++index;
  if (index == infos_.size()) {
    std::vector<std::string> names;
    for (const auto& info : infos_) names.push_back(info.name);
    throw SpecError(spec_text, fmt::format("unknown model '{}'; registered models: {}", spec.name,
                                           fmt::join(names, ", ")));
  }
  const ModelInfo& info = infos_[index];
  std::map<std::string, std::string> values;
  for (const auto& p : info.params) values[p.name] = p.default_value;
  std::set<std::string> seen;
  for (const auto& [key, value] : spec.args) {
    const ParamInfo* param = nullptr;
    for (const auto& p : info.params) {
      if (p.name == key) param = &p;
    }
    if (param == nullptr) {
      throw SpecError(spec_text, fmt::format("model '{}' has no parameter '{}'; its parameters: {}",
                                             info.name, key, ParamNames(info)));
    }
    if (!seen.insert(key).second) {
      throw SpecError(spec_text, fmt::format("parameter '{}' given twice", key));
    }
    values[key] = CheckValue(spec_text, *param, value);
  }
  CreatedModel created;
  created.info = &info;
  created.spec = info.name;
  if (!info.params.empty()) {
    std::vector<std::string> parts;
    for (const auto& p : info.params) parts.push_back(p.name + "=" + values[p.name]);
    created.spec += fmt::format("({})", fmt::join(parts, ","));
  }
  created.model = std::make_unique<NamedModel>(factories_[index](Params(values)), created.spec);
  return created;
}

CreatedModel CreateModel(const std::string& spec) { return Registry::Builtin().Create(spec); }

std::string ShortSpec(const std::string& spec) {
  try {
    const ModelSpec parsed = ParseModelSpec(spec);
    const ModelInfo* info = Registry::Builtin().Find(parsed.name);
    if (info == nullptr) return spec;
    std::string args;
    for (const auto& [key, value] : parsed.args) {
      const std::string& name = key;  // a structured binding cannot be captured (C++17)
      auto param = std::find_if(info->params.begin(), info->params.end(),
                                [&](const ParamInfo& p) { return p.name == name; });
      if (param != info->params.end() && param->default_value == value) continue;
      args += (args.empty() ? "" : ",") + key + "=" + value;
    }
    return args.empty() ? parsed.name : parsed.name + "(" + args + ")";
  } catch (const InputError&) {
    return spec;
  }
}

}  // namespace concert
