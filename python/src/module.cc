// python/src/module.cc — the `_concert` extension: the run API for Python.
// The pure-Python package `concert` (python/concert/__init__.py) wraps it
// with pandas frames, tqdm and docstrings; nothing here re-implements the CLI.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "concert/core/error.h"

namespace py = pybind11;

namespace concert::python {

void BindErrors(py::module_& m) {
  // concert.InputError(ValueError) with file, line, field and message.
  static py::exception<InputError> type(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      const py::gil_scoped_acquire gil;
      const auto cls = py::reinterpret_borrow<py::object>(type);
      py::object error = cls(e.what());
      const ErrorLocation& where = e.where();
      error.attr("file") = where.file.empty() ? py::none() : py::object(py::str(where.file));
      error.attr("line") = where.line == 0 ? py::none() : py::object(py::int_(where.line));
      error.attr("field") = where.field.empty() ? py::none() : py::object(py::str(where.field));
      error.attr("message") = e.message();
      PyErr_SetObject(type.ptr(), error.ptr());
    }
  });
}

}  // namespace concert::python

PYBIND11_MODULE(_concert, m) {
  m.doc() = "concert's run API (use the `concert` package, which wraps this module)";
  concert::python::BindErrors(m);
  concert::python::BindScenario(m);
  concert::python::BindRuns(m);
  concert::python::BindSweeps(m);
}
