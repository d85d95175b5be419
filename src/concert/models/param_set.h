// concert/models/param_set.h — a model's parameters declared once, each bound
// to a field of the model's options struct.
//
// The declaration gives the name, bounds, unit and description; the default is
// the field's value in a default-constructed Options. Listing (ModelInfo
// params), defaults and parsing (Bind) all come from the one declaration, so
// they cannot drift apart:
//
//   const ParamSet<bdm::Options> kParams = ParamSet<bdm::Options>()
//       .Int("rounds", &bdm::Options::rounds, 0, 1000, "rounds", "number of rounds")
//       .Choice("risk", &bdm::Options::risk, {{"on", true}, {"off", false}}, "...");
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "concert/models/model.h"

namespace concert {

template <typename Options>
class ParamSet {
 public:
  ParamSet& Int(const char* name, int Options::*field, int min, int max, const char* unit,
                const char* description) {
    infos_.push_back(NumberParam(name, ParamInfo::Type::kInt,
                                 fmt::format("{}", Options{}.*field).c_str(), min, max, unit,
                                 description));
    binders_.push_back(
        [name, field](const Params& p, Options& o) { o.*field = static_cast<int>(p.Int(name)); });
    return *this;
  }

  ParamSet& Real(const char* name, double Options::*field, double min, double max, const char* unit,
                 const char* description) {
    infos_.push_back(NumberParam(name, ParamInfo::Type::kReal,
                                 fmt::format("{}", Options{}.*field).c_str(), min, max, unit,
                                 description));
    binders_.push_back([name, field](const Params& p, Options& o) { o.*field = p.Real(name); });
    return *this;
  }

  // A choice among named values of the field (a bool, an enum, a string).
  template <typename T>
  ParamSet& Choice(const char* name, T Options::*field,
                   std::vector<std::pair<std::string, T>> values, const char* description) {
    std::vector<std::string> names;
    std::string default_name;
    for (const auto& [label, value] : values) {
      names.push_back(label);
      if (value == Options{}.*field && default_name.empty()) default_name = label;
    }
    infos_.push_back(ChoiceParam(name, default_name.c_str(), names, description));
    binders_.push_back([name, field, values](const Params& p, Options& o) {
      for (const auto& [label, value] : values) {
        if (p.Choice(name) == label) o.*field = value;
      }
    });
    return *this;
  }

  const std::vector<ParamInfo>& Infos() const { return infos_; }

  // The options with every parameter from `params` (validated by the registry).
  Options Bind(const Params& params) const {
    Options options;
    for (const auto& bind : binders_) bind(params, options);
    return options;
  }

 private:
  std::vector<ParamInfo> infos_;
  std::vector<std::function<void(const Params&, Options&)>> binders_;
};

}  // namespace concert
