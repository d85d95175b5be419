// python/src/scenario_binding.cc — concert.Scenario: read from a file, built
// from records (the rows of pandas frames), and back out as records or YAML.
//
// Records are dicts, one per row. A number column `f` may come with `f_low`
// and `f_high` (a uniform range) or `f_sd` (a normal sd); NaN or None in an
// optional column means absent. Errors are InputErrors whose file names the
// frame ("<actors frame>") and whose field names the row as in the native
// schema ("actors[2].capability"), checked by the library's BuildScenario.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "bindings.h"
#include "concert/institutions/institution.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/io/write.h"
#include "concert/models/agenda.h"

namespace py = pybind11;

namespace concert::python {
namespace {

struct Row {
  py::dict dict;
  ErrorLocation where;  // file: the frame; field: e.g. "actors[2]"

  InputError Error(const std::string& column, const std::string& message) const {
    return InputError({where.file, 0, where.field + "." + column}, message);
  }
  bool Has(const std::string& column) const {
    if (!dict.contains(column)) return false;
    py::handle v = dict[py::str(column)];
    if (v.is_none()) return false;
    return !(py::isinstance<py::float_>(v) && std::isnan(v.cast<double>()));
  }
  double Real(const std::string& column) const {
    py::handle v = dict[py::str(column)];
    // bool is an int in Python; a True capability is a mistake, not 1.
    if (py::isinstance<py::bool_>(v) ||
        !(py::isinstance<py::int_>(v) || py::isinstance<py::float_>(v) ||
          py::hasattr(v, "__float__"))) {
      throw Error(column, "expected a number but got " + py::repr(v).cast<std::string>());
    }
    try {
      return v.cast<double>();
    } catch (const py::cast_error&) {
      throw Error(column, "expected a number but got " + py::repr(v).cast<std::string>());
    }
  }
  std::string Text(const std::string& column) const {
    py::handle v = dict[py::str(column)];
    if (!py::isinstance<py::str>(v)) {
      throw Error(column, "expected text but got " + py::repr(v).cast<std::string>());
    }
    return v.cast<std::string>();
  }
  InputError Missing(const std::string& column) const {
    return Error(column, dict.contains(column) ? "missing value (NaN or None) in a required column"
                                               : "missing: the column is required");
  }
  std::string Required(const std::string& column) const {
    if (!Has(column)) throw Missing(column);
    return Text(column);
  }
  std::string Optional(const std::string& column) const { return Has(column) ? Text(column) : ""; }
  // A number with its uncertainty columns.
  Number Num(const std::string& column) const {
    if (!Has(column)) throw Missing(column);
    Number n;
    n.value = Real(column);
    const bool low = Has(column + "_low"), high = Has(column + "_high"), sd = Has(column + "_sd");
    if (low != high) {
      throw Error(column + (low ? "_high" : "_low"),
                  "missing: a range needs both " + column + "_low and " + column + "_high");
    }
    if (low && sd) throw Error(column + "_sd", "a range and an sd cannot both be given");
    if (low) {
      n.uncertainty = {Uncertainty::Kind::kRange, Real(column + "_low"), Real(column + "_high"), 0};
    } else if (sd) {
      n.uncertainty = {Uncertainty::Kind::kNormal, 0, 0, Real(column + "_sd")};
    }
    return n;
  }
  void CheckColumns(const std::set<std::string>& allowed) const {
    for (auto item : dict) {
      const std::string key = py::str(item.first).cast<std::string>();
      if (allowed.count(key) == 0) {
        std::string names;
        for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
        throw Error(key, "unknown column; expected one of " + names);
      }
    }
  }
};

std::set<std::string> WithUncertainty(std::set<std::string> columns,
                                      const std::vector<std::string>& numbers) {
  for (const std::string& n : numbers) {
    columns.insert(n);
    for (const char* suffix : {"_low", "_high", "_sd"}) columns.insert(n + suffix);
  }
  return columns;
}

Row At(const py::handle& record, const char* frame, const char* table, std::size_t i) {
  if (!py::isinstance<py::dict>(record)) {
    throw InputError({frame, 0, fmt::format("{}[{}]", table, i)}, "expected a row (a dict)");
  }
  return Row{py::reinterpret_borrow<py::dict>(record), {frame, 0, fmt::format("{}[{}]", table, i)}};
}

// id (required), name (default: the id) and description of an actor or issue.
template <typename Item>
void ReadNamed(const Row& row, Item& item) {
  item.id = row.Required("id");
  item.name = row.Optional("name");
  if (item.name.empty()) item.name = item.id;
  item.description = row.Optional("description");
}

PyScenario FromRecords(const py::list& actors, const py::list& stances, const py::object& issues,
                       const std::string& name) {
  ScenarioDraft draft;
  draft.file = "<frames>";
  draft.name = name;
  draft.salience_unit = 100;
  const auto actor_columns = WithUncertainty({"id", "name", "description"}, {"capability"});
  for (std::size_t i = 0; i < actors.size(); ++i) {
    const Row row = At(actors[i], "<actors frame>", "actors", i);
    row.CheckColumns(actor_columns);
    ActorDraft a;
    a.where = row.where;
    ReadNamed(row, a.actor);
    a.actor.capability = row.Num("capability");
    draft.actors.push_back(std::move(a));
  }
  const auto stance_columns =
      WithUncertainty({"actor", "issue"}, {"position", "salience", "capability"});
  std::vector<std::string> issue_order;  // without an issues frame: as first named
  for (std::size_t i = 0; i < stances.size(); ++i) {
    const Row row = At(stances[i], "<stances frame>", "stances", i);
    row.CheckColumns(stance_columns);
    StanceDraft s;
    s.where = row.where;
    s.actor_id = row.Required("actor");
    s.issue_id = row.Required("issue");
    s.stance.position = row.Num("position");
    s.stance.salience = row.Num("salience");
    if (row.Has("capability")) s.stance.capability = row.Num("capability");
    if (std::find(issue_order.begin(), issue_order.end(), s.issue_id) == issue_order.end()) {
      issue_order.push_back(s.issue_id);
    }
    draft.stances.push_back(std::move(s));
  }
  if (issues.is_none()) {
    for (std::size_t i = 0; i < issue_order.size(); ++i) {
      IssueDraft d;
      d.where = {"<stances frame>", 0, fmt::format("issues[{}]", i)};
      d.issue.id = d.issue.name = issue_order[i];
      draft.issues.push_back(std::move(d));
    }
  } else {
    const py::list list = issues;
    const auto issue_columns =
        WithUncertainty({"id", "name", "description", "scale_min", "scale_max"}, {"status_quo"});
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Row row = At(list[i], "<issues frame>", "issues", i);
      row.CheckColumns(issue_columns);
      IssueDraft d;
      d.where = row.where;
      ReadNamed(row, d.issue);
      if (row.Has("scale_min") != row.Has("scale_max")) {
        throw row.Error(row.Has("scale_min") ? "scale_max" : "scale_min",
                        "missing: a scale needs both scale_min and scale_max");
      }
      if (row.Has("scale_min")) {
        d.issue.scale_min = row.Real("scale_min");
        d.issue.scale_max = row.Real("scale_max");
      }
      if (row.Has("status_quo")) d.issue.status_quo = row.Num("status_quo");
      draft.issues.push_back(std::move(d));
    }
  }
  PyScenario out;
  out.document.scenario = BuildScenario(draft);
  out.document.path = "<frames>";
  return out;
}

// A number into a record: the value, and its uncertainty columns when it has one.
void Put(py::dict& record, const std::string& column, const Number& n, double scale = 1) {
  record[py::str(column)] = n.value * scale;
  if (n.uncertainty.kind == Uncertainty::Kind::kRange) {
    record[py::str(column + "_low")] = n.uncertainty.low * scale;
    record[py::str(column + "_high")] = n.uncertainty.high * scale;
  } else if (n.uncertainty.kind == Uncertainty::Kind::kNormal) {
    record[py::str(column + "_sd")] = n.uncertainty.sd * scale;
  }
}

py::dict Records(const PyScenario& self) {
  const Scenario& s = self.document.scenario;
  py::list actors, issues, stances;
  for (const Actor& a : s.actors) {
    py::dict r;
    r["id"] = a.id;
    r["name"] = a.name;
    r["description"] = a.description;
    Put(r, "capability", a.capability);
    actors.append(r);
  }
  for (std::size_t k = 0; k < s.num_issues(); ++k) {
    const Issue& issue = s.issues[k];
    py::dict r;
    r["id"] = issue.id;
    r["name"] = issue.name;
    r["description"] = issue.description;
    r["scale_min"] = issue.scale_min;
    r["scale_max"] = issue.scale_max;
    if (issue.status_quo) Put(r, "status_quo", *issue.status_quo);
    issues.append(r);
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      const Stance* stance = s.stance(a, k);
      if (stance == nullptr) continue;
      py::dict t;
      t["actor"] = s.actors[a].id;
      t["issue"] = issue.id;
      Put(t, "position", stance->position);
      Put(t, "salience", stance->salience, 100);  // back on the frames' 0-100
      if (stance->capability) Put(t, "capability", *stance->capability);
      stances.append(t);
    }
  }
  py::dict out;
  out["actors"] = actors;
  out["issues"] = issues;
  out["stances"] = stances;
  return out;
}

}  // namespace

void BindScenario(py::module_& m) {
  py::class_<PyScenario>(m, "Scenario")
      .def_static("_from_records", &FromRecords, py::arg("actors"), py::arg("stances"),
                  py::arg("issues"), py::arg("name"))
      .def("_records", &Records)
      .def("to_yaml", [](const PyScenario& s) { return DocumentToYaml(s.document); })
      .def("_with_agenda",
           [](const PyScenario& s, const std::vector<std::string>& ids) {
             PyScenario copy = s;
             SetAgenda(&copy.document.scenario, ids, "agenda");
             return copy;
           })
      .def("_with_capability",
           [](const PyScenario& s, const std::string& rule, const std::vector<std::string>& keep) {
             PyScenario copy = s;
             const PowerCapability p = SetCapabilityFromRule(&copy.document.scenario, rule, keep);
             return py::make_tuple(copy, DescribePowerCapability(p));
           })
      .def_property_readonly("agenda",
                             [](const PyScenario& s) {
                               std::vector<std::string> ids;
                               for (const Issue& i : s.document.scenario.issues) {
                                 if (i.on_agenda) ids.push_back(i.id);
                               }
                               return ids;
                             })
      .def_property_readonly("name", [](const PyScenario& s) { return s.document.scenario.name; })
      .def_property_readonly("path", [](const PyScenario& s) { return s.document.path; })
      .def_property_readonly("sha256",
                             [](const PyScenario& s) { return s.document.scenario.sha256; })
      .def_property_readonly("actors",
                             [](const PyScenario& s) {
                               std::vector<std::string> ids;
                               for (const Actor& a : s.document.scenario.actors)
                                 ids.push_back(a.id);
                               return ids;
                             })
      .def_property_readonly("issues",
                             [](const PyScenario& s) {
                               std::vector<std::string> ids;
                               for (const Issue& i : s.document.scenario.issues)
                                 ids.push_back(i.id);
                               return ids;
                             })
      .def_property_readonly("has_institution",
                             [](const PyScenario& s) { return s.document.institution.from_file; })
      .def_property_readonly("has_order",
                             [](const PyScenario& s) { return s.document.order.has_value(); });
  m.def(
      "read_scenario",
      [](const std::string& path, const std::string& format) {
        PyScenario out;
        out.document = ReadDocumentFile(path, ParseInputFormat(format));
        if (out.document.institution.from_file) CheckInstitution(out.document.institution);
        return out;
      },
      py::arg("path"), py::arg("format") = "auto");
}

}  // namespace concert::python
