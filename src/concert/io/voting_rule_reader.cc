#include "concert/io/voting_rule_reader.h"

#include <fmt/format.h>

#include "concert/io/read.h"
#include "concert/io/yaml_fields.h"

namespace concert {

VotingRuleFile ReadVotingRule(const std::string& path, std::string_view text) {
  const io::YamlFields y(path);
  const YAML::Node root = io::LoadYaml(path, text);
  y.Map(root, "");
  y.CheckKeys(root, "", {"name", "source", "criteria", "players"});
  VotingRuleFile file;
  if (root["name"]) file.name = y.String(root["name"], "name");
  if (root["source"]) file.source = y.String(root["source"], "source");
  const YAML::Node criteria = root["criteria"];
  if (!criteria) throw y.Error(root, "criteria", "missing; expected a list of {name, quota}");
  y.List(criteria, "criteria");
  if (criteria.size() == 0) throw y.Error(criteria, "criteria", "expected at least one");
  const YAML::Node players = root["players"];
  if (!players) throw y.Error(root, "players", "missing; expected a list of {name, weights}");
  y.List(players, "players");
  if (players.size() == 0) throw y.Error(players, "players", "expected at least one");
  const std::size_t nk = criteria.size();
  VotingRule& rule = file.rule;
  rule.weights.assign(nk, {});
  for (std::size_t i = 0; i < players.size(); ++i) {
    const std::string f = fmt::format("players[{}]", i);
    const YAML::Node p = players[i];
    y.Map(p, f);
    y.CheckKeys(p, f, {"name", "weights"});
    if (!p["name"]) throw y.Error(p, f + ".name", "missing");
    const std::string name = y.String(p["name"], f + ".name");
    if (name.empty()) throw y.Error(p["name"], f + ".name", "empty");
    for (std::size_t j = 0; j < rule.names.size(); ++j) {
      if (rule.names[j] == name) {
        throw y.Error(p["name"], f + ".name", fmt::format("'{}' is players[{}] too", name, j));
      }
    }
    rule.names.push_back(name);
    const YAML::Node w = p["weights"];
    if (!w) throw y.Error(p, f + ".weights", fmt::format("missing; expected {} numbers", nk));
    y.List(w, f + ".weights");
    if (w.size() != nk) {
      throw y.Error(w, f + ".weights",
                    fmt::format("{} numbers; expected one per criterion, {}", w.size(), nk));
    }
    for (std::size_t k = 0; k < nk; ++k) {
      const std::string wf = fmt::format("{}.weights[{}]", f, k);
      const double v = y.Double(w[k], wf);
      if (v < 0) throw y.Error(w[k], wf, fmt::format("{}; expected a weight >= 0", v));
      rule.weights[k].push_back(v);
    }
  }
  for (std::size_t k = 0; k < nk; ++k) {
    const std::string f = fmt::format("criteria[{}]", k);
    const YAML::Node c = criteria[k];
    y.Map(c, f);
    y.CheckKeys(c, f, {"name", "quota"});
    rule.criteria.push_back(c["name"] ? y.String(c["name"], f + ".name")
                                      : fmt::format("criterion {}", k + 1));
    if (!c["quota"]) throw y.Error(c, f + ".quota", "missing; expected a number or a share (62%)");
    double total = 0;
    for (double v : rule.weights[k]) total += v;
    double quota = 0;
    try {
      quota = ParseQuota(y.String(c["quota"], f + ".quota"), total);
    } catch (const InputError& e) {
      throw y.Error(c["quota"], f + ".quota", e.message());
    }
    if (!(quota > 0 && quota <= total)) {
      throw y.Error(
          c["quota"], f + ".quota",
          fmt::format("{} is not in (0, {}], the criterion's total weight", quota, total));
    }
    rule.quotas.push_back(quota);
  }
  ValidateRule(rule);
  return file;
}

PowerCapability SetCapabilityFromRule(Scenario* scenario, const std::string& spec,
                                      const std::vector<std::string>& keep,
                                      const std::string& field, const RunControl& control) {
  std::string path = spec;
  PowerIndexKind index = PowerIndexKind::kBanzhaf;
  const std::size_t colon = spec.rfind(':');
  if (colon != std::string::npos) {
    const std::string tail = spec.substr(colon + 1);
    // A tail that cannot be part of a file name's last part names the index.
    if (tail.find_first_of("/.") == std::string::npos) {
      index = ParsePowerIndexKind(tail, field);
      path = spec.substr(0, colon);
    }
  }
  if (path.empty()) {
    throw InputError({"", 0, field}, "expected a voting rule file, e.g. data/voting/eu15_qmv.yaml");
  }
  const VotingRuleFile file = ReadVotingRule(path, ReadTextFile(path));
  PowerCapability out = SetPowerCapability(scenario, file.rule, index, keep, field, control);
  out.rule_name = file.name.empty() ? path : file.name;
  return out;
}

}  // namespace concert
