// Running the built concert binary from a test, as a user runs it.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "test_util.h"

namespace concert::testing {

struct CliRun {
  int code = -1;
  std::string out;  // stdout and stderr together
};

// A shell command line, its stdout and stderr together.
inline CliRun Shell(const std::string& command_line) {
  const std::string command = command_line + " 2>&1";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline CliRun Concert(const std::string& args) {
  return Shell(std::string(CONCERT_BINARY) + " " + args);
}

inline std::string Scenario(const std::string& name) { return SourceDir() + "/scenarios/" + name; }

inline std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "concert_cli_" + name;
}

}  // namespace concert::testing
