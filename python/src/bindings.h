// python/src/bindings.h — the parts of the `_concert` extension module.
#pragma once

#include <pybind11/pybind11.h>

#include "concert/io/document.h"

namespace concert::python {

// A scenario as Python holds it: the document read from a file (with its
// institution and order sections) or built from frames.
struct PyScenario {
  ScenarioDocument document;
};

void BindErrors(pybind11::module_& m);    // concert.InputError
void BindScenario(pybind11::module_& m);  // Scenario, read_scenario
void BindRuns(pybind11::module_& m);      // models, forecast, simulate, ...
void BindSweeps(pybind11::module_& m);    // sweep, results

}  // namespace concert::python
