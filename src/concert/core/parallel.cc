#include "concert/core/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace concert {

unsigned CoreCount() {
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return cores;
}

unsigned ResolveThreads(unsigned requested) { return requested > 0 ? requested : CoreCount(); }

std::size_t WorkerCount(std::size_t n, const RunControl& control) {
  return std::min<std::size_t>(std::max<std::size_t>(n, 1), ResolveThreads(control.threads));
}

std::vector<char> ParallelFor(std::size_t n, const RunControl& control,
                              const std::function<void(std::size_t)>& job) {
  return ParallelForWorkers(n, control, [&](std::size_t i, std::size_t) {
    job(i);
    return true;
  });
}

std::vector<char> ParallelForWorkers(
    std::size_t n, const RunControl& control,
    const std::function<bool(std::size_t job, std::size_t worker)>& job) {
  std::vector<char> finished(n, 0);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex lock;
  auto work = [&](std::size_t worker) {
    while (!failed.load()) {
      if (control.cancel && control.cancel()) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= n) return;
      bool completed = false;
      try {
        completed = job(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> guard(lock);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
      if (!completed) continue;
      finished[i] = 1;
      const std::size_t count = done.fetch_add(1) + 1;
      if (control.progress) {
        std::lock_guard<std::mutex> guard(lock);
        control.progress(count, n);
      }
    }
  };
  const std::size_t threads = WorkerCount(n, control);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  return finished;
}

}  // namespace concert
