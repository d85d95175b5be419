// concert/store/store_writer.cc — the store's writing thread (store_writer.h).
#include "concert/store/store_writer.h"

namespace concert {

StoreWriter::StoreWriter(SweepStore* store, std::int64_t run_id, std::size_t max_queued)
    : store_(store), run_id_(run_id), max_queued_(max_queued), thread_([this] { Loop(); }) {}

StoreWriter::~StoreWriter() {
  try {
    Finish();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the caller did not ask for the error
  }
}

void StoreWriter::Push(std::vector<SweepJobResult>&& results) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued_ || error_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(std::move(results));
  changed_.notify_all();
}

std::size_t StoreWriter::Finish() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(error_);
  return written_;
}

void StoreWriter::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
    if (queue_.empty()) return;
    std::vector<SweepJobResult> chunk = std::move(queue_.front());
    lock.unlock();
    std::exception_ptr failed;
    try {
      store_->Write(run_id_, chunk);
    } catch (...) {
      failed = std::current_exception();
    }
    lock.lock();
    queue_.pop_front();
    if (failed) {
      if (!error_) error_ = failed;
      queue_.clear();
    } else {
      written_ += chunk.size();
    }
    changed_.notify_all();
  }
}

}  // namespace concert
