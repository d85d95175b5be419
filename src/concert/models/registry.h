// concert/models/registry.h — the models concert knows, by name.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "concert/models/model.h"

namespace concert {

using ModelFactory = std::function<std::unique_ptr<Model>(const Params&)>;

struct CreatedModel {
  std::unique_ptr<Model> model;  // its forecasts carry `spec` as their model name
  std::string spec;              // canonical: name(p1=v1,p2=v2) with every parameter
  const ModelInfo* info = nullptr;
};

class Registry {
 public:
  // The registry with every built-in model (see builtin.cc).
  static const Registry& Builtin();

  void Add(ModelInfo info, ModelFactory factory);
  const std::vector<ModelInfo>& models() const { return infos_; }
  const ModelInfo* Find(const std::string& name) const;

  // Parses and validates the spec; throws InputError naming the valid models
  // or parameters when something is unknown or out of range.
  CreatedModel Create(const std::string& spec_text) const;

 private:
  std::vector<ModelInfo> infos_;
  std::vector<ModelFactory> factories_;
};

// Convenience for Registry::Builtin().Create(spec).
CreatedModel CreateModel(const std::string& spec);

// A canonical spec with only the parameters that differ from their defaults,
// e.g. "bdm" or "bdm(variant=paper)", for tables meant to be read; the spec
// itself when it does not parse or names no built-in model.
std::string ShortSpec(const std::string& spec);

}  // namespace concert
