// Reads a native scenario's `institution` section (schema: docs/institutions.md).
#include "concert/io/institution_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <set>

#include "concert/core/error.h"
#include "concert/io/yaml_fields.h"

namespace concert {
namespace {

const char* const kDesignKeys[] = {"monitoring", "false_alarm", "forgiveness", "cost_volatility",
                                   "sanction",   "aid",         "parties",     "punishment"};
const char* const kPartyKeys[] = {"discount",    "relative_gains", "exit_value",
                                  "exit_growth", "benefit",        "cost"};

class Reader {
 public:
  Reader(std::string path, const Scenario& scenario) : path_(std::move(path)), s_(scenario) {}

  InstitutionSpec Read(const YAML::Node& node) {
    const std::string f = "institution";
    InstitutionSpec spec;
    spec.from_file = true;
    Keys(node, f,
         {"name", "description", "agreement", "periods", "defaults", "alternatives", "consent",
          "events", "deciding"},
         true);
    if (node["name"]) spec.name = String(node["name"], f + ".name");
    if (node["description"]) spec.description = String(node["description"], f + ".description");
    if (const YAML::Node a = node["agreement"]) ReadAgreement(a, f + ".agreement", &spec);
    if (const YAML::Node p = node["periods"]) {
      const double periods = Double(p, f + ".periods");
      if (periods < 1 || periods > 1e6 || periods != static_cast<int>(periods)) {
        throw Error(p, f + ".periods",
                    fmt::format("expected a whole number of periods in "
                                "[1, 1000000] but got {}",
                                p.Scalar()));
      }
      spec.periods = static_cast<int>(periods);
    }
    if (const YAML::Node c = node["consent"]) spec.consent = ActorList(c, f + ".consent");
    if (const YAML::Node d = node["deciding"]) {
      Map(d, f + ".deciding");
      for (const auto& entry : d) {
        const std::string id = entry.first.Scalar(), df = f + ".deciding." + id;
        bool known = false;
        for (const Issue& issue : s_.issues) known = known || issue.id == id;
        if (!known) throw Error(entry.first, df, fmt::format("unknown issue '{}'", id));
        spec.deciding[id] = entry.second.IsScalar()
                                ? std::vector<std::string>{ActorKey(entry.second, df)}
                                : ActorList(entry.second, df);
      }
    }
    if (const YAML::Node e = node["events"])
      spec.events = ReadEvents(e, f + ".events", spec.periods);
    if (const YAML::Node d = node["defaults"]) spec.defaults = ReadParty(d, f + ".defaults");
    spec.base = ReadDesign(node, f);
    spec.base.name = "as coded";
    if (const YAML::Node alts = node["alternatives"]) {
      if (!alts.IsSequence()) throw Error(alts, f + ".alternatives", "expected a list");
      for (std::size_t k = 0; k < alts.size(); ++k) {
        const std::string af = fmt::format("{}.alternatives[{}]", f, k);
        Map(alts[k], af);
        Keys(alts[k], af, {"name", "description"}, true);
        DesignSpec d = ReadDesign(alts[k], af);
        if (!alts[k]["name"]) throw Error(alts[k], af + ".name", "missing required field 'name'");
        d.name = String(alts[k]["name"], af + ".name");
        bool taken = d.name == spec.base.name;
        for (const DesignSpec& other : spec.alternatives) taken = taken || other.name == d.name;
        if (taken) {
          throw Error(alts[k]["name"], af + ".name",
                      fmt::format("the name '{}' is taken; designs need distinct names", d.name));
        }
        if (alts[k]["description"])
          d.description = String(alts[k]["description"], af + ".description");
        spec.alternatives.push_back(d);
      }
    }
    return spec;
  }

 private:
  void ReadAgreement(const YAML::Node& node, const std::string& f, InstitutionSpec* spec) {
    Map(node, f);
    Keys(node, f, {"model", "outcomes"}, false);
    if (node["model"] && node["outcomes"]) {
      throw Error(node, f, "expected either 'model' or 'outcomes', not both");
    }
    if (node["model"]) {
      spec->agreement_model = String(node["model"], f + ".model");
      const YAML::Mark mark = node["model"].Mark();
      spec->agreement_model_where = {path_, mark.is_null() ? 0 : mark.line + 1, f + ".model"};
    }
    if (const YAML::Node o = node["outcomes"]) {
      Map(o, f + ".outcomes");
      for (const auto& entry : o) {
        const std::string id = entry.first.Scalar();
        const std::string of = f + ".outcomes." + id;
        const Issue* issue = nullptr;
        for (const Issue& i : s_.issues) issue = i.id == id ? &i : issue;
        if (issue == nullptr) throw Error(entry.first, of, fmt::format("unknown issue '{}'", id));
        const double y = Double(entry.second, of);
        if (!(y >= issue->scale_min && y <= issue->scale_max)) {
          throw Error(entry.second, of,
                      fmt::format("expected a number on the issue's scale "
                                  "[{}, {}] but got {}",
                                  issue->scale_min, issue->scale_max, y));
        }
        spec->outcomes[id] = y;
      }
    }
  }

  std::vector<std::string> ActorList(const YAML::Node& node, const std::string& f) {
    if (!node.IsSequence()) throw Error(node, f, "expected a list of actor ids");
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < node.size(); ++k) {
      ids.push_back(ActorKey(node[k], fmt::format("{}[{}]", f, k)));
    }
    return ids;
  }

  // Whole number in [low, high].
  int Whole(const YAML::Node& node, const std::string& f, int low, int high) {
    const double v = Double(node, f);
    if (!(v >= low && v <= high) || v != std::floor(v)) {
      throw Error(
          node, f,
          fmt::format("expected a whole number in [{}, {}] but got {}", low, high, node.Scalar()));
    }
    return static_cast<int>(v);
  }

  std::vector<InstitutionSpec::Event> ReadEvents(const YAML::Node& node, const std::string& f,
                                                 int periods) {
    if (!node.IsSequence()) throw Error(node, f, "expected a list of {period, label}");
    std::vector<InstitutionSpec::Event> events;
    for (std::size_t k = 0; k < node.size(); ++k) {
      const std::string ef = fmt::format("{}[{}]", f, k);
      Map(node[k], ef);
      CheckKeys(node[k], ef, {"period", "label"});
      if (!node[k]["period"]) throw Error(node[k], ef + ".period", "missing required field");
      if (!node[k]["label"]) throw Error(node[k], ef + ".label", "missing required field");
      events.push_back({Whole(node[k]["period"], ef + ".period", 1, periods),
                        String(node[k]["label"], ef + ".label")});
    }
    return events;
  }

  DesignSpec ReadDesign(const YAML::Node& node, const std::string& f) {
    DesignSpec d;
    if (const YAML::Node n = node["punishment"]) {
      d.punishment =
          n.IsScalar() && n.Scalar() == "grim" ? 0 : Whole(n, f + ".punishment", 1, 1000000);
    }
    auto probability = [&](const char* key, std::optional<Number>* out) {
      if (const YAML::Node n = node[key]) *out = ReadNumber(n, f + "." + key, 0, 1);
    };
    probability("monitoring", &d.monitoring);
    probability("false_alarm", &d.false_alarm);
    probability("forgiveness", &d.forgiveness);
    probability("cost_volatility", &d.cost_volatility);
    if (const YAML::Node n = node["sanction"]) {
      const std::string sf = f + ".sanction";
      Map(n, sf);
      Keys(n, sf, {"size", "enforcer", "cost"}, false);
      if (n["size"]) d.sanction = ReadNumber(n["size"], sf + ".size", 0, 1e9);
      if (n["cost"]) d.sanction_cost = ReadNumber(n["cost"], sf + ".cost", 0, 1e9);
      if (n["enforcer"]) {
        const std::string e = String(n["enforcer"], sf + ".enforcer");
        if (e != "none" && e != "collective" && !IsActor(e)) {
          throw Error(n["enforcer"], sf + ".enforcer",
                      fmt::format("expected none, collective or an actor id but got '{}'", e));
        }
        d.enforcer = e;
      }
    }
    if (const YAML::Node n = node["aid"]) {
      const std::string af = f + ".aid";
      Map(n, af);
      Keys(n, af, {"to", "from", "conditional"}, false);
      if (n["conditional"]) d.aid_conditional = Bool(n["conditional"], af + ".conditional");
      if (const YAML::Node to = n["to"]) {
        Map(to, af + ".to");
        d.aid_set = true;
        for (const auto& entry : to) {
          const std::string id = ActorKey(entry.first, af + ".to");
          d.aid[id] = ReadNumber(entry.second, af + ".to." + id, 0, 1e9);
        }
      }
      if (const YAML::Node from = n["from"]) d.donors = ActorList(from, af + ".from");
    }
    if (const YAML::Node n = node["parties"]) {
      Map(n, f + ".parties");
      for (const auto& entry : n) {
        const std::string id = ActorKey(entry.first, f + ".parties");
        d.parties[id] = ReadParty(entry.second, f + ".parties." + id);
      }
    }
    return d;
  }

  PartySpec ReadParty(const YAML::Node& node, const std::string& f) {
    Map(node, f);
    std::set<std::string> ok(std::begin(kPartyKeys), std::end(kPartyKeys));
    CheckKeys(node, f, ok);
    PartySpec p;
    if (node["discount"]) p.discount = ReadNumber(node["discount"], f + ".discount", 0, 0.999999);
    if (node["relative_gains"]) {
      p.relative_gains = ReadNumber(node["relative_gains"], f + ".relative_gains", 0, 1e9);
    }
    if (node["exit_value"])
      p.exit_value = ReadNumber(node["exit_value"], f + ".exit_value", -1e9, 1e9);
    if (node["exit_growth"]) {
      p.exit_growth = ReadNumber(node["exit_growth"], f + ".exit_growth", -1e9, 1e9);
    }
    if (node["benefit"]) p.benefit = ReadNumber(node["benefit"], f + ".benefit", 0, 1e9);
    if (node["cost"]) p.cost = ReadNumber(node["cost"], f + ".cost", 0, 1e9);
    return p;
  }

  Number ReadNumber(const YAML::Node& node, const std::string& f, double low, double high) {
    return y_.ReadNumber(node, f, low, high);
  }

  bool IsActor(const std::string& id) const {
    for (const Actor& a : s_.actors) {
      if (a.id == id) return true;
    }
    return false;
  }

  std::string ActorKey(const YAML::Node& node, const std::string& f) {
    std::string id = String(node, f);
    if (!IsActor(id)) {
      std::vector<std::string> ids;
      for (const Actor& a : s_.actors) ids.push_back(a.id);
      throw Error(
          node, f,
          fmt::format("unknown actor '{}'; the scenario's actors: {}", id, fmt::join(ids, ", ")));
    }
    return id;
  }

  double Double(const YAML::Node& node, const std::string& f) { return y_.Double(node, f); }

  bool Bool(const YAML::Node& node, const std::string& f) {
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) {
      return node.Scalar() == "true";
    }
    throw Error(node, f, "expected true or false");
  }

  std::string String(const YAML::Node& node, const std::string& f) { return y_.String(node, f); }
  void Map(const YAML::Node& node, const std::string& f) { y_.Map(node, f); }

  // Allowed keys: `extra`, plus the design keys when `design` is true.
  void Keys(const YAML::Node& node, const std::string& f, std::initializer_list<const char*> extra,
            bool design) {
    std::set<std::string> ok(extra.begin(), extra.end());
    if (design) ok.insert(std::begin(kDesignKeys), std::end(kDesignKeys));
    CheckKeys(node, f, ok);
  }

  void CheckKeys(const YAML::Node& node, const std::string& f, const std::set<std::string>& ok) {
    y_.CheckKeys(node, f, ok);
  }

  InputError Error(const YAML::Node& node, const std::string& f, const std::string& message) {
    return y_.Error(node, f, message);
  }

  std::string path_;
  const Scenario& s_;
  io::YamlFields y_{path_};
};

}  // namespace

std::string InstitutionSectionYaml(const std::string& text) {
  const YAML::Node root = io::LoadYaml("", text);
  if (!root.IsMap() || !root["institution"]) return "";
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "institution" << YAML::Value << root["institution"]
      << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

InstitutionSpec ReadInstitution(const std::string& path, const std::string& text,
                                const Scenario& scenario) {
  const YAML::Node root = io::LoadYaml(path, text);
  if (!root.IsMap() || !root["institution"]) return InstitutionSpec();
  const YAML::Node node = root["institution"];
  if (!node.IsMap()) {
    throw InputError({path, node.Mark().line + 1, "institution"}, "expected a mapping");
  }
  // The game needs the no-agreement point of every issue.
  for (std::size_t k = 0; k < scenario.num_issues(); ++k) {
    if (!scenario.issues[k].status_quo) {
      throw InputError({path, node.Mark().line + 1, "institution"},
                       fmt::format("issue '{}' has no status_quo: the compliance game needs "
                                   "every issue's status quo (the outcome without agreement)",
                                   scenario.issues[k].id));
    }
  }
  return Reader(path, scenario).Read(node);
}

}  // namespace concert
