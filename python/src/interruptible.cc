#include "interruptible.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace concert::python {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted = true; }

// Whether Ctrl-C would raise KeyboardInterrupt here: the main thread, with
// Python's default SIGINT handler (a program's own handler is left alone).
bool DefaultInterrupt() {
  const py::module_ threading = py::module_::import("threading");
  const py::module_ signal = py::module_::import("signal");
  return threading.attr("current_thread")().is(threading.attr("main_thread")()) &&
         signal.attr("getsignal")(SIGINT).is(signal.attr("default_int_handler"));
}

// Without a progress callback the job runs on the calling thread: handing it
// to another thread and back costs about 50 us, ten times a small forecast.
// SIGINT then goes to a handler of ours for the job's duration and cancels
// it; afterwards it is raised again for Python's handler (KeyboardInterrupt).
void RunInline(unsigned threads, const std::function<void(const RunControl&)>& job) {
  const bool interruptible = DefaultInterrupt();
  RunControl control;
  control.threads = threads;
  struct sigaction ours {
  }, previous{};
  if (interruptible) {
    g_interrupted = false;
    ours.sa_handler = OnInterrupt;
    sigemptyset(&ours.sa_mask);
    sigaction(SIGINT, &ours, &previous);
    control.cancel = [] { return g_interrupted.load(); };
  }
  std::exception_ptr error;
  {
    const py::gil_scoped_release release;
    try {
      job(control);
    } catch (...) {
      error = std::current_exception();
    }
  }
  if (interruptible) {
    sigaction(SIGINT, &previous, nullptr);
    if (g_interrupted) {
      std::raise(SIGINT);
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace

void RunInterruptible(unsigned threads, const py::object& progress,
                      const std::function<void(const RunControl&)>& job) {
  if (progress.is_none()) {
    RunInline(threads, job);
    return;
  }
  std::atomic<bool> cancel{false};
  std::atomic<std::size_t> done{0}, total{0};
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::exception_ptr error;
  RunControl control;
  control.threads = threads;
  control.cancel = [&cancel] { return cancel.load(); };
  control.progress = [&done, &total](std::size_t d, std::size_t t) {
    total = t;
    // Workers report out of order: keep the largest count.
    std::size_t seen = done.load();
    while (d > seen && !done.compare_exchange_weak(seen, d)) {
    }
  };
  std::thread worker([&] {
    try {
      job(control);
    } catch (...) {
      error = std::current_exception();
    }
    {
      const std::lock_guard<std::mutex> lock(mutex);
      finished = true;
    }
    finished_cv.notify_one();
  });
  std::optional<py::error_already_set> pending;  // KeyboardInterrupt, or the callback's
  const bool report = !progress.is_none();
  std::size_t reported = static_cast<std::size_t>(-1);
  for (;;) {
    bool over = false;
    {
      const py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mutex);
      over = finished_cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished; });
    }
    if (!pending && PyErr_CheckSignals() != 0) {
      pending.emplace();
      cancel = true;
    }
    if (!pending && report && total.load() > 0 && done.load() != reported) {
      reported = done.load();
      try {
        progress(reported, total.load());
      } catch (py::error_already_set& e) {
        pending.emplace(std::move(e));
        cancel = true;
      }
    }
    if (over) break;
  }
  worker.join();
  if (pending) throw *pending;
  if (error) std::rethrow_exception(error);
}

}  // namespace concert::python
