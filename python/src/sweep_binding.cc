// python/src/sweep_binding.cc — sweeps from Python: run a sweep file into a
// results store (run/sweep_run.h) and read a store's tables as CSV, which the
// package turns into DataFrames. MPI is the CLI's (mpirun concert sweep).
#include <pybind11/stl.h>

#include "bindings.h"
#include "concert/io/sweep_reader.h"
#include "concert/output/atomic_file.h"
#include "concert/output/sweep_output.h"
#include "concert/run/sweep_run.h"
#include "concert/store/sweep_tables.h"
#include "interruptible.h"

namespace py = pybind11;

namespace concert::python {
namespace {

py::dict Sweep(const std::string& sweep_file, const std::string& store, bool resume, bool check,
               unsigned threads, const py::object& progress) {
  SweepRunSummary summary;
  const SweepPlan plan = PlanSweep(ReadSweepFile(sweep_file));
  py::dict out;
  out["name"] = plan.spec.name;
  out["jobs"] = plan.jobs();
  if (check) return out;
  SweepRunOptions options;
  options.resume = resume;
  RunInterruptible(threads, progress, [&](const RunControl& control) {
    summary = RunSweep(plan, store, options, control);
  });
  out["store"] = store;
  out["skipped"] = summary.skipped;
  out["ran"] = summary.ran;
  out["cancelled"] = summary.cancelled;
  out["seconds"] = summary.seconds;
  out["run_id"] = summary.run_id;
  return out;
}

std::string ResultsCsv(const std::string& store, const std::string& table) {
  return StoreTableCsv(ReadStoreTable(SweepStore::OpenReadOnly(store), table));
}

void SweepReport(const std::string& store, const std::string& path) {
  const SweepStore opened = SweepStore::OpenReadOnly(store);
  WriteFileAtomically(
      path, SweepReportHtml(store, ReadStoreTable(opened, "outcomes"),
                            ReadStoreTable(opened, "designs"), ReadStoreTable(opened, "runs")));
}

}  // namespace

void BindSweeps(py::module_& m) {
  m.def("_sweep", &Sweep, py::arg("sweep_file"), py::arg("store"), py::arg("resume"),
        py::arg("check"), py::arg("threads"), py::arg("progress"));
  m.def("_results_csv", &ResultsCsv, py::arg("store"), py::arg("table"));
  m.def("_sweep_report", &SweepReport, py::arg("store"), py::arg("path"));
  m.def("_store_tables", [] { return StoreTableNames(); });
}

}  // namespace concert::python
