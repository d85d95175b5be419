// concert/io/institution_reader.h — reads a native scenario's `institution`
// section (schema: docs/institutions.md) into core/institution_spec.h.
#pragma once

#include <string>

#include "concert/core/institution_spec.h"
#include "concert/core/scenario.h"

namespace concert {

// Reads the `institution` section of the native scenario in `text` (YAML or
// JSON); a spec with from_file = false when there is none. Checks actor and
// issue ids against `scenario`; throws InputError naming file, line and field.
// The agreement's model spec is checked by CheckInstitution
// (institutions/institution.h), which knows the models.
InstitutionSpec ReadInstitution(const std::string& path, const std::string& text,
                                const Scenario& scenario);

// The `institution` section of a native scenario as YAML text ("institution:"
// and its block), for `concert convert` to carry over; empty when there is
// none. Call after ReadInstitution has checked it.
std::string InstitutionSectionYaml(const std::string& text);

}  // namespace concert
