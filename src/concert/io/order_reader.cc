// Reads the `order` section (schema: docs/order.md).
#include "concert/io/order_reader.h"

#include <fmt/format.h>

#include <map>

#include "concert/core/sha256.h"
#include "concert/io/yaml_fields.h"

namespace concert {
namespace {

template <std::size_t N>
int FieldIndex(const std::array<FieldInfo, N>& table, const std::string& key) {
  for (std::size_t k = 0; k < N; ++k) {
    if (key == table[k].key) return static_cast<int>(k);
  }
  return -1;
}

template <std::size_t N>
std::set<std::string> Keys(const std::array<FieldInfo, N>& table,
                           std::initializer_list<const char*> extra) {
  std::set<std::string> keys(extra.begin(), extra.end());
  for (const FieldInfo& f : table) keys.insert(f.key);
  return keys;
}

class OrderReader {
 public:
  explicit OrderReader(const std::string& path) : y_(path) {}

  OrderSpec Read(const YAML::Node& node) {
    const std::string f = "order";
    y_.Map(node, f);
    y_.CheckKeys(
        node, f,
        Keys(kOrderFields, {"name", "description", "leader", "years", "base_year", "crisis",
                            "renegotiation_from", "thresholds", "defaults", "actors", "presets"}));
    OrderSpec spec;
    spec.where = y_.Where(node, f);
    if (node["name"]) spec.name = y_.String(node["name"], f + ".name");
    if (node["description"]) spec.description = y_.String(node["description"], f + ".description");
    spec.leader = y_.String(Required(node, "leader", f), f + ".leader");
    const auto years = YearPair(Required(node, "years", f), f + ".years");
    spec.first_year = years.first;
    spec.last_year = years.second;
    spec.base_year = y_.Year(Required(node, "base_year", f), f + ".base_year");
    if (const YAML::Node c = node["crisis"]) {
      std::tie(spec.crisis_from, spec.crisis_to) = YearPair(c, f + ".crisis");
    }
    if (const YAML::Node r = node["renegotiation_from"]) {
      spec.renegotiation_from = y_.Year(r, f + ".renegotiation_from");
    }
    for (std::size_t k = 0; k < kOrderFieldCount; ++k) {
      const FieldInfo& info = kOrderFields[k];
      spec.numbers[k] =
          y_.ReadNumber(Required(node, info.key, f), f + "." + info.key, info.low, info.high);
    }
    if (const YAML::Node t = node["thresholds"]) ReadThresholds(t, f + ".thresholds", &spec);
    std::map<int, Number> defaults;
    if (const YAML::Node d = node["defaults"]) {
      y_.Map(d, f + ".defaults");
      y_.CheckKeys(d, f + ".defaults", Keys(kActorFields, {}));
      for (const auto& entry : d) {
        const std::string key = entry.first.Scalar();
        const int k = FieldIndex(kActorFields, key);
        defaults[k] = y_.ReadNumber(entry.second, f + ".defaults." + key, kActorFields[k].low,
                                    kActorFields[k].high);
      }
    }
    const YAML::Node actors = Required(node, "actors", f);
    y_.List(actors, f + ".actors");
    for (std::size_t k = 0; k < actors.size(); ++k) {
      spec.actors.push_back(ReadActor(actors[k], fmt::format("{}.actors[{}]", f, k), defaults));
    }
    if (const YAML::Node presets = node["presets"]) {
      y_.List(presets, f + ".presets");
      for (std::size_t k = 0; k < presets.size(); ++k) {
        spec.presets.push_back(ReadPreset(presets[k], fmt::format("{}.presets[{}]", f, k)));
      }
    }
    return spec;
  }

 private:
  YAML::Node Required(const YAML::Node& node, const char* key, const std::string& f) {
    const YAML::Node v = node[key];
    if (!v) throw y_.Error(node, f + "." + key, fmt::format("missing required field '{}'", key));
    return v;
  }

  std::pair<int, int> YearPair(const YAML::Node& node, const std::string& f) {
    if (!node.IsSequence() || node.size() != 2) {
      throw y_.Error(node, f, "expected a list of two years [first, last]");
    }
    const int a = y_.Year(node[0], f + "[0]"), b = y_.Year(node[1], f + "[1]");
    if (a > b)
      throw y_.Error(node, f, fmt::format("expected first <= last but got [{}, {}]", a, b));
    return {a, b};
  }

  void ReadThresholds(const YAML::Node& node, const std::string& f, OrderSpec* spec) {
    y_.Map(node, f);
    y_.CheckKeys(node, f, {"support", "parity", "hegemony"});
    OrderThresholds& t = spec->thresholds;
    if (node["support"]) t.support = y_.ReadNumber(node["support"], f + ".support", 0, 1).value;
    if (node["parity"]) t.parity = y_.ReadNumber(node["parity"], f + ".parity", 0, 1).value;
    if (node["hegemony"]) {
      t.hegemony = y_.ReadNumber(node["hegemony"], f + ".hegemony", 1, 1e6).value;
    }
  }

  std::vector<YearValue> Series(const YAML::Node& node, const std::string& f) {
    y_.Map(node, f);
    std::vector<YearValue> series;
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      YearValue v;
      v.year = y_.Year(entry.first, f + "." + key);
      v.value = y_.ReadNumber(entry.second, f + "." + key, 0, 1e300).value;
      if (!series.empty() && v.year != series.back().year + 1) {
        throw y_.Error(entry.first, f + "." + key,
                       fmt::format("expected consecutive years in increasing order: {} after {}",
                                   v.year, series.back().year));
      }
      series.push_back(v);
    }
    if (series.empty()) throw y_.Error(node, f, "expected at least one year of data");
    return series;
  }

  OrderActor ReadActor(const YAML::Node& node, const std::string& f,
                       const std::map<int, Number>& defaults) {
    y_.Map(node, f);
    y_.CheckKeys(node, f, Keys(kActorFields, {"id", "name", "economy", "military"}));
    OrderActor a;
    a.where = y_.Where(node, f);
    a.id = y_.String(Required(node, "id", f), f + ".id");
    a.name = node["name"] ? y_.String(node["name"], f + ".name") : a.id;
    a.economy = Series(Required(node, "economy", f), f + ".economy");
    a.military = Series(Required(node, "military", f), f + ".military");
    for (std::size_t k = 0; k < kActorFieldCount; ++k) {
      const FieldInfo& info = kActorFields[k];
      if (const YAML::Node v = node[info.key]) {
        a.numbers[k] = y_.ReadNumber(v, f + "." + info.key, info.low, info.high);
      } else if (auto d = defaults.find(static_cast<int>(k)); d != defaults.end()) {
        a.numbers[k] = d->second;
      } else {
        throw y_.Error(node, f + "." + info.key,
                       fmt::format("missing required field '{}' (set it here or in "
                                   "order.defaults): {}",
                                   info.key, info.meaning));
      }
    }
    return a;
  }

  OrderPreset ReadPreset(const YAML::Node& node, const std::string& f) {
    y_.Map(node, f);
    y_.CheckKeys(node, f,
                 {"name", "description", "source", "renegotiation_from", "order", "actors"});
    OrderPreset p;
    p.name = y_.String(Required(node, "name", f), f + ".name");
    if (node["description"]) p.description = y_.String(node["description"], f + ".description");
    if (node["source"]) p.source = y_.String(node["source"], f + ".source");
    if (const YAML::Node r = node["renegotiation_from"]) {
      p.renegotiation_from = y_.Year(r, f + ".renegotiation_from");
    }
    if (const YAML::Node o = node["order"]) {
      y_.Map(o, f + ".order");
      y_.CheckKeys(o, f + ".order", Keys(kOrderFields, {}));
      for (const auto& entry : o) {
        const std::string key = entry.first.Scalar(), ff = f + ".order." + key;
        const int k = FieldIndex(kOrderFields, key);
        p.settings.push_back(
            {"", k, y_.ReadNumber(entry.second, ff, kOrderFields[k].low, kOrderFields[k].high),
             y_.Where(entry.second, ff)});
      }
    }
    if (const YAML::Node actors = node["actors"]) {
      y_.Map(actors, f + ".actors");
      for (const auto& entry : actors) {
        const std::string id = entry.first.Scalar(), af = f + ".actors." + id;
        y_.Map(entry.second, af);
        y_.CheckKeys(entry.second, af, Keys(kActorFields, {}));
        for (const auto& setting : entry.second) {
          const std::string key = setting.first.Scalar(), ff = af + "." + key;
          const int k = FieldIndex(kActorFields, key);
          p.settings.push_back(
              {id, k, y_.ReadNumber(setting.second, ff, kActorFields[k].low, kActorFields[k].high),
               y_.Where(entry.first, af)});
        }
      }
    }
    return p;
  }

  io::YamlFields y_;
};

}  // namespace

bool HasOrderSection(std::string_view text) {
  try {
    const YAML::Node root = io::LoadYaml("", text);
    return root.IsMap() && root["order"];
  } catch (const InputError&) {
    return false;
  }
}

bool IsOrderOnly(std::string_view text) {
  try {
    const YAML::Node root = io::LoadYaml("", text);
    return root.IsMap() && root["order"] && !root["actors"];
  } catch (const InputError&) {
    return false;
  }
}

std::string OrderSectionYaml(std::string_view text) {
  const YAML::Node root = io::LoadYaml("", text);
  if (!root.IsMap() || !root["order"]) return "";
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "order" << YAML::Value << root["order"] << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

OrderSpec ReadOrder(const std::string& path, std::string_view text) {
  const YAML::Node root = io::LoadYaml(path, text);
  if (!root.IsMap() || !root["order"]) {
    throw InputError({path, 0, "order"},
                     "the file has no 'order' section; expected a scenario with an order "
                     "section (see docs/order.md and scenarios/liberal_order_2008.yaml)");
  }
  OrderSpec spec = OrderReader(path).Read(root["order"]);
  spec.file = path;
  spec.sha256 = Sha256Hex(text);
  if (root["name"] && root["name"].IsScalar() && spec.name.empty()) {
    spec.name = root["name"].Scalar();
  }
  if (const YAML::Node sources = root["sources"]) {
    if (sources.IsScalar()) spec.sources.push_back(sources.Scalar());
    if (sources.IsSequence()) {
      for (const auto& s : sources) {
        if (s.IsScalar()) spec.sources.push_back(s.Scalar());
      }
    }
  }
  ValidateOrder(spec);
  for (const OrderPreset& preset : spec.presets) ApplyPreset(spec, preset.name);  // checks ids
  return spec;
}

}  // namespace concert
