// concert/run/edit.h — a scenario document with numbers changed by path: the
// web page's edits and the CLI's `--set PATH=VALUE`.
//
// Paths are the sweep's (analysis/sweep.h, docs/sweeps.md): actors.ID.capability,
// stances.ACTOR.ISSUE.position|salience (salience in points, 0-100),
// issues.ID.status_quo and institution.*. An edited number loses its
// uncertainty range, as in a sweep. The edited document's input hash is the
// SHA-256 of its YAML (DocumentToYaml), so a forecast of the edit and a
// forecast of the downloaded YAML carry the same hash.
#pragma once

#include <string>
#include <vector>

#include "concert/io/document.h"

namespace concert {

struct NumberEdit {
  std::string path;
  double value = 0;
};

// "PATH=VALUE"; InputError at `where` when there is no '=' or the value is not a number.
NumberEdit ParseEdit(const std::string& text, const ErrorLocation& where);

// Applies the edits in order. Errors name `where.field` and the edit's path.
// No edits: the document is left as it is (its hash that of the file's bytes).
// Without `rehash` the edited scenario's sha256 is left empty: writing its
// YAML to hash it costs more than a small forecast (the web page's forecasts
// as you type show no hash; its downloads are hashed).
void ApplyEdits(ScenarioDocument* document, const std::vector<NumberEdit>& edits,
                const ErrorLocation& where, bool rehash = true);

}  // namespace concert
