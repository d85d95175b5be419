// concert/io/sweep_reader.cc — the sweep file (sweep_reader.h).
#include "concert/io/sweep_reader.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "concert/core/sha256.h"
#include "concert/io/document.h"
#include "concert/io/read.h"
#include "concert/io/yaml_fields.h"

namespace concert {
namespace {

constexpr std::size_t kMaxSteps = 1'000'000;
constexpr std::size_t kMaxDraws = 100'000'000;

std::uint64_t WholeNumber(const io::YamlFields& fields, const YAML::Node& node,
                          const std::string& field, std::uint64_t max) {
  const std::string text = node.IsScalar() ? node.Scalar() : "";
  bool digits = !text.empty() && text.size() <= 20;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    try {
      const unsigned long long value = std::stoull(text);
      if (value <= max) return value;
    } catch (const std::out_of_range&) {
    }
  }
  throw fields.Error(node, field, fmt::format("expected a whole number in [0, {}]", max));
}

bool Boolean(const io::YamlFields& fields, const YAML::Node& node, const std::string& field) {
  const std::string text = node.IsScalar() ? node.Scalar() : "";
  if (text == "true") return true;
  if (text == "false") return false;
  throw fields.Error(node, field, "expected true or false");
}

std::vector<double> AxisValues(const io::YamlFields& fields, const YAML::Node& node,
                               const std::string& field) {
  std::vector<double> values;
  if (node.IsSequence()) {
    for (std::size_t k = 0; k < node.size(); ++k) {
      values.push_back(fields.Double(node[k], fmt::format("{}[{}]", field, k)));
    }
    if (values.empty()) throw fields.Error(node, field, "expected at least one value");
    return values;
  }
  if (!node.IsMap()) {
    throw fields.Error(node, field, "expected a list of values or {range: [low, high], steps: N}");
  }
  fields.CheckKeys(node, field, {"range", "steps"});
  const YAML::Node range = node["range"];
  if (!range || !range.IsSequence() || range.size() != 2) {
    throw fields.Error(range ? range : node, field + ".range", "expected [low, high]");
  }
  const double low = fields.Double(range[0], field + ".range[0]");
  const double high = fields.Double(range[1], field + ".range[1]");
  if (low > high) throw fields.Error(range, field + ".range", "low must not exceed high");
  if (!node["steps"]) throw fields.Error(node, field + ".steps", "missing (how many values)");
  const std::uint64_t steps = WholeNumber(fields, node["steps"], field + ".steps", kMaxSteps);
  if (steps < 1 || (steps == 1 && low != high)) {
    throw fields.Error(node["steps"], field + ".steps",
                       "expected at least 2 steps (1 only when low equals high)");
  }
  // Interior values are rounded to 12 significant digits, so that 0.3 to 0.9
  // in 4 steps gives 0.7 and not 0.7000000000000001.
  for (std::uint64_t k = 0; k < steps; ++k) {
    const double value =
        low + (high - low) * static_cast<double>(k) / static_cast<double>(steps - 1);
    values.push_back(k == 0 ? low
                     : k + 1 == steps
                         ? high
                         : std::strtod(fmt::format("{:.12g}", value).c_str(), nullptr));
  }
  return values;
}

std::vector<std::string> Strings(const io::YamlFields& fields, const YAML::Node& node,
                                 const std::string& field) {
  std::vector<std::string> out;
  if (node.IsScalar()) return {fields.String(node, field)};
  fields.List(node, field);
  for (std::size_t k = 0; k < node.size(); ++k) {
    out.push_back(fields.String(node[k], fmt::format("{}[{}]", field, k)));
  }
  if (out.empty()) throw fields.Error(node, field, "expected at least one entry");
  return out;
}

}  // namespace

SweepSpec ReadSweep(const std::string& path, std::string_view text) {
  const YAML::Node root = io::LoadYaml(path, text);
  const io::YamlFields fields(path);
  fields.Map(root, "");
  fields.CheckKeys(root, "",
                   {"name", "scenario", "scenarios", "model", "models", "vary", "cases", "draws",
                    "simulate_draws", "seed", "seeds", "rounds"});
  SweepSpec spec;
  spec.file = path;
  spec.sha256 = Sha256Hex(text);
  spec.name = root["name"] ? fields.String(root["name"], "name") : path;

  if (root["scenario"] && root["scenarios"]) {
    throw fields.Error(root["scenario"], "scenario", "give `scenario` or `scenarios`, not both");
  }
  const char* scenario_key = root["scenario"] ? "scenario" : "scenarios";
  if (!root[scenario_key]) throw fields.Error(root, "scenarios", "missing (the scenario files)");
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  const YAML::Node scenario_node = root[scenario_key];
  const std::vector<std::string> scenario_paths = Strings(fields, scenario_node, scenario_key);
  for (std::size_t k = 0; k < scenario_paths.size(); ++k) {
    const std::filesystem::path given(scenario_paths[k]);
    const std::string resolved = given.is_absolute() ? given.string() : (folder / given).string();
    if (!std::filesystem::is_regular_file(resolved)) {
      throw fields.Error(scenario_node.IsSequence() ? scenario_node[k] : scenario_node,
                         scenario_key,
                         fmt::format("no such scenario file '{}' (paths are relative to the "
                                     "sweep file's folder)",
                                     resolved));
    }
    ScenarioDocument document = ReadDocumentFile(resolved);
    if (document.order_only) {
      throw fields.Error(scenario_node, scenario_key,
                         fmt::format("'{}' holds only an order section; a sweep needs a "
                                     "negotiation (actors and issues)",
                                     resolved));
    }
    spec.scenarios.push_back(
        {scenario_paths[k], std::move(document.scenario), std::move(document.institution)});
  }

  if (root["model"] && root["models"]) {
    throw fields.Error(root["model"], "model", "give `model` or `models`, not both");
  }
  const char* model_key = root["model"] ? "model" : "models";
  if (!root[model_key]) throw fields.Error(root, "models", "missing (the model specs to run)");
  spec.models = Strings(fields, root[model_key], model_key);
  spec.models_where = fields.Where(root[model_key], model_key);

  if (const YAML::Node vary = root["vary"]) {
    fields.Map(vary, "vary");
    for (const auto& entry : vary) {
      const std::string key = fields.String(entry.first, "vary");
      const std::string field = "vary." + key;
      for (const SweepAxis& axis : spec.axes) {
        if (axis.path == key) throw fields.Error(entry.first, field, "repeated");
      }
      spec.axes.push_back(
          {key, AxisValues(fields, entry.second, field), fields.Where(entry.second, field)});
    }
  }
  if (const YAML::Node cases = root["cases"]) {
    fields.List(cases, "cases");
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const std::string field = fmt::format("cases[{}]", k);
      fields.Map(cases[k], field);
      SweepCase c;
      c.where = fields.Where(cases[k], field);
      for (const auto& entry : cases[k]) {
        const std::string key = fields.String(entry.first, field);
        c.set.push_back({key, fields.Double(entry.second, field + "." + key)});
      }
      if (c.set.empty()) throw fields.Error(cases[k], field, "sets nothing");
      spec.cases.push_back(std::move(c));
    }
  }
  if (root["draws"]) spec.draws = WholeNumber(fields, root["draws"], "draws", kMaxDraws);
  if (root["simulate_draws"]) {
    spec.simulate_draws = WholeNumber(fields, root["simulate_draws"], "simulate_draws", kMaxDraws);
    if (spec.simulate_draws == 0) {
      throw fields.Error(root["simulate_draws"], "simulate_draws", "expected at least 1 draw");
    }
  }
  if (root["seed"] && root["seeds"]) {
    throw fields.Error(root["seeds"], "seeds", "give `seed` or `seeds`, not both");
  }
  if (const YAML::Node seed = root["seed"]) {
    spec.seeds = {WholeNumber(fields, seed, "seed", UINT64_MAX)};
    spec.seeds_where = fields.Where(seed, "seed");
  }
  if (const YAML::Node seeds = root["seeds"]) {
    fields.List(seeds, "seeds");
    if (seeds.size() == 0) throw fields.Error(seeds, "seeds", "expected at least one seed");
    for (std::size_t k = 0; k < seeds.size(); ++k) {
      spec.seeds.push_back(WholeNumber(fields, seeds[k], fmt::format("seeds[{}]", k), UINT64_MAX));
    }
    spec.seeds_where = fields.Where(seeds, "seeds");
  }
  if (root["rounds"]) spec.rounds = Boolean(fields, root["rounds"], "rounds");
  return spec;
}

SweepSpec ReadSweepFile(const std::string& path) { return ReadSweep(path, ReadTextFile(path)); }

}  // namespace concert
