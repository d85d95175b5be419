// python/src/interruptible.h — running a library job from Python: the GIL
// released while it runs, Ctrl-C as its cancel, a Python progress callback.
#pragma once

#include <pybind11/pybind11.h>

#include <functional>

#include "concert/core/parallel.h"

namespace concert::python {

// Runs `job` with the GIL released. With a `progress` callback the job runs
// on a worker thread while the calling thread wakes every 50 ms, takes the
// GIL, checks for Ctrl-C (PyErr_CheckSignals) and calls progress(done, total)
// when the count moved, so Python code never runs on the library's threads.
// Without one (None) the job runs on the calling thread, Ctrl-C caught by a
// SIGINT handler of ours for its duration. Either way, on KeyboardInterrupt
// (or an exception in the callback) the job is cancelled and finishes, then
// the Python exception propagates; an exception in the job is rethrown here.
void RunInterruptible(unsigned threads, const pybind11::object& progress,
                      const std::function<void(const RunControl&)>& job);

}  // namespace concert::python
