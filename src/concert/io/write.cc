#include "concert/io/write.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "concert/io/institution_reader.h"
#include "concert/io/order_reader.h"
#include "concert/io/yaml_fields.h"

namespace concert {
namespace {

std::string Num(double v) { return fmt::format("{}", v); }
std::string Salience(double fraction) { return fmt::format("{:.15g}", fraction * 100.0); }

// A number as a plain scalar, or as {value, range|sd} when it is uncertain.
void Emit(YAML::Emitter& out, const Number& n, std::string (*format)(double) = Num) {
  const Uncertainty& u = n.uncertainty;
  if (u.kind == Uncertainty::Kind::kNone) {
    out << format(n.value);
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "value" << YAML::Value << format(n.value);
  if (u.kind == Uncertainty::Kind::kRange) {
    out << YAML::Key << "range" << YAML::Value << YAML::Flow << YAML::BeginSeq << format(u.low)
        << format(u.high) << YAML::EndSeq;
  } else {
    out << YAML::Key << "sd" << YAML::Value << format(u.sd);
  }
  out << YAML::EndMap;
}

}  // namespace

std::string ScenarioToYaml(const Scenario& scenario) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << scenario.name;
  if (!scenario.description.empty()) {
    out << YAML::Key << "description" << YAML::Value << scenario.description;
  }
  if (!scenario.sources.empty()) {
    out << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : scenario.sources) out << s;
    out << YAML::EndSeq;
  }
  out << YAML::Key << "actors" << YAML::Value << YAML::BeginSeq;
  for (const Actor& a : scenario.actors) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << a.id;
    if (a.name != a.id) out << YAML::Key << "name" << YAML::Value << a.name;
    if (!a.description.empty()) out << YAML::Key << "description" << YAML::Value << a.description;
    out << YAML::Key << "capability" << YAML::Value;
    Emit(out, a.capability);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "issues" << YAML::Value << YAML::BeginSeq;
  for (const Issue& issue : scenario.issues) {
    out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << issue.id;
    if (issue.name != issue.id) out << YAML::Key << "name" << YAML::Value << issue.name;
    if (!issue.description.empty()) {
      out << YAML::Key << "description" << YAML::Value << issue.description;
    }
    out << YAML::Key << "scale" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "min" << YAML::Value << Num(issue.scale_min);
    out << YAML::Key << "max" << YAML::Value << Num(issue.scale_max);
    if (!issue.anchors.empty()) {
      out << YAML::Key << "anchors" << YAML::Value << YAML::BeginSeq;
      for (const Anchor& anchor : issue.anchors) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "at" << YAML::Value << Num(anchor.at)
            << YAML::Key << "label" << YAML::Value << anchor.label << YAML::EndMap;
      }
      out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    if (issue.status_quo) {
      out << YAML::Key << "status_quo" << YAML::Value;
      Emit(out, *issue.status_quo);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  bool agenda = false;
  for (const Issue& issue : scenario.issues) agenda = agenda || !issue.on_agenda;
  if (agenda) {
    out << YAML::Key << "agenda" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const Issue& issue : scenario.issues) {
      if (issue.on_agenda) out << issue.id;
    }
    out << YAML::EndSeq;
  }
  out << YAML::Key << "positions" << YAML::Value << YAML::BeginSeq;
  for (std::size_t i = 0; i < scenario.num_issues(); ++i) {
    for (std::size_t a = 0; a < scenario.num_actors(); ++a) {
      const Stance* s = scenario.stance(a, i);
      if (s == nullptr) continue;
      out << YAML::Flow << YAML::BeginMap;
      out << YAML::Key << "actor" << YAML::Value << scenario.actors[a].id;
      out << YAML::Key << "issue" << YAML::Value << scenario.issues[i].id;
      out << YAML::Key << "position" << YAML::Value;
      Emit(out, s->position);
      out << YAML::Key << "salience" << YAML::Value;
      Emit(out, s->salience, Salience);
      if (s->capability) {
        out << YAML::Key << "capability" << YAML::Value;
        Emit(out, *s->capability);
      }
      out << YAML::EndMap;
    }
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string DocumentToYaml(const ScenarioDocument& document) {
  if (!document.sections_yaml) {
    std::string sections;
    if (document.institution.from_file) sections += "\n" + InstitutionSectionYaml(document.text);
    if (document.order) sections += "\n" + OrderSectionYaml(document.text);
    document.sections_yaml = std::move(sections);
  }
  return ScenarioToYaml(document.scenario) + *document.sections_yaml;
}

std::string EditYamlNumber(const std::string& text, const std::vector<std::string>& keys,
                           double value) {
  YAML::Node root = YAML::Clone(io::LoadYaml("", text));  // LoadYaml's tree is shared
  // Each step reassigns a handle: yaml-cpp's operator[] on a handle would
  // rebind it, so the walk keeps its own copy of the path.
  std::vector<YAML::Node> path{root};
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    YAML::Node next = path.back()[keys[k]];
    if (!next.IsMap()) next = YAML::Node(YAML::NodeType::Map);
    path.back()[keys[k]] = next;
    path.push_back(path.back()[keys[k]]);
  }
  path.back()[keys.back()] = Num(value);
  YAML::Emitter out;
  out << root;
  return std::string(out.c_str()) + "\n";
}

}  // namespace concert
