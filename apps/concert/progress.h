// The CLI's progress bar and Ctrl-C flag, shared by every subcommand.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

namespace concert::cli {

// Set by SIGINT while an InterruptScope is alive; long runs poll it to cancel.
extern std::atomic<bool> g_interrupted;

// Installs the SIGINT handler for its lifetime (and restores the previous one).
class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

 private:
  void (*previous_)(int);
};

// Whether a progress bar should be drawn: not quiet and stderr is a terminal.
bool ShowProgress(bool quiet);

// A progress bar with an ETA on stderr, redrawn at most 10 times a second and
// first drawn once the run has taken a second (quick runs show nothing). It
// shows done/total, or with `percent` (totals in steps, not draws) a percentage.
class ProgressBar {
 public:
  // With `rate_unit` (e.g. "jobs/s"), the bar also shows the rate since the start.
  explicit ProgressBar(std::string label, bool percent = false, std::string rate_unit = "")
      : label_(std::move(label)), percent_(percent), rate_unit_(std::move(rate_unit)) {}
  ~ProgressBar();
  void Update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool percent_ = false;
  std::string rate_unit_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
  bool drawn_ = false;
};

}  // namespace concert::cli
