#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace concert::cli {

std::atomic<bool> g_interrupted{false};

namespace {
extern "C" void OnInterrupt(int) { g_interrupted = true; }
}  // namespace

InterruptScope::InterruptScope() : previous_(std::signal(SIGINT, OnInterrupt)) {}
InterruptScope::~InterruptScope() { std::signal(SIGINT, previous_); }

bool ShowProgress(bool quiet) { return !quiet && ::isatty(STDERR_FILENO); }

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r%*s\r", 100, "");
}

void ProgressBar::Update(std::size_t done, std::size_t total) {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (total == 0 || elapsed < 1.0) return;
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double fraction = static_cast<double>(std::min(done, total)) / static_cast<double>(total);
  const int width = 30, filled = static_cast<int>(fraction * width);
  const double eta = done > 0 ? elapsed * (1 - fraction) / fraction : 0;
  const std::string count =
      percent_ ? fmt::format("{:3.0f}%", 100 * fraction) : fmt::format("{}/{}", done, total);
  const std::string rate =
      rate_unit_.empty()
          ? ""
          : fmt::format("  {:.1f} {}", static_cast<double>(done) / elapsed, rate_unit_);
  std::fprintf(stderr, "\r%-20.20s [%s%s] %s%s  ETA %.0fs ", label_.c_str(),
               std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
               count.c_str(), rate.c_str(), eta);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace concert::cli
