// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "concert/core/error.h"
#include "concert/io/read.h"
#include "concert/models/model.h"

namespace concert::testing {

inline std::string SourceDir() { return CONCERT_SOURCE_DIR; }

// The shared data folder (../shared/data beside the clone), or CONCERT_SHARED_DATA.
inline std::string SharedData() {
  if (const char* env = std::getenv("CONCERT_SHARED_DATA")) return env;
  return SourceDir() + "/../shared/data";
}

bool FileExists(const std::string& path);

// Whether the run is under CI (CI=true), where a missing reference file fails
// the test instead of skipping it.
inline bool UnderCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

}  // namespace concert::testing

// Skips the test (with the message) when `path` does not exist, or fails it
// under CI: a CI run must not pass by skipping the reference comparisons.
#define CONCERT_REQUIRE_FILE(path)                                                   \
  do {                                                                               \
    const std::string concert_required = (path);                                     \
    if (!::concert::testing::FileExists(concert_required)) {                         \
      if (::concert::testing::UnderCi()) {                                           \
        FAIL() << "CI=true but the reference file is missing: " << concert_required; \
      }                                                                              \
      GTEST_SKIP() << "no shared data at " << concert_required;                      \
    }                                                                                \
  } while (0)

namespace concert::testing {

// Reads `text` as `format` and returns the error message, or "" if it read fine.
std::string ReadError(const std::string& text, InputFormat format, int* line = nullptr);

// The named value of a model's output (e.g. "median"); a test failure if absent.
inline double Value(const Values& values, const std::string& name) {
  for (const auto& [key, value] : values) {
    if (key == name) return value;
  }
  ADD_FAILURE() << "no value " << name;
  return 0;
}

// A scenario file's text: one issue x on 0-100 with status quo 10; actors A, B, C
// at positions 0, 50, 100 with capabilities 1, 2, 1 and saliences 100, 50, 100 %
// (what_if_test.cc and levers_test.cc work it by hand).
inline constexpr const char* kThree =
    "actors: [{id: A, capability: 1}, {id: B, capability: 2}, {id: C, capability: 1}]\n"
    "issues: [{id: x, status_quo: 10}]\n"
    "positions: [{actor: A, issue: x, position: 0, salience: 100},\n"
    "            {actor: B, issue: x, position: 50, salience: 50},\n"
    "            {actor: C, issue: x, position: 100, salience: 100}]\n";

}  // namespace concert::testing
