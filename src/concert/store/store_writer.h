// concert/store/store_writer.h — writes chunks of results to a store on a
// thread of its own, so the store's work overlaps the next chunk's jobs
// instead of adding to them. At most `max_queued` chunks wait; Push blocks
// beyond that. The store must not be used by anyone else until Finish.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "concert/store/sweep_store.h"

namespace concert {

class StoreWriter {
 public:
  StoreWriter(SweepStore* store, std::int64_t run_id, std::size_t max_queued = 2);
  ~StoreWriter();  // finishes, dropping any error (call Finish to see it)
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // Queues a chunk; rethrows an earlier chunk's write error.
  void Push(std::vector<SweepJobResult>&& results);
  // Waits until every queued chunk is written; rethrows the first write
  // error. Returns the number of jobs written.
  std::size_t Finish();

 private:
  void Loop();
  SweepStore* store_;
  std::int64_t run_id_;
  std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<SweepJobResult>> queue_;
  bool closing_ = false;
  std::size_t written_ = 0;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace concert
