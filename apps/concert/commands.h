// The CLI's subcommands. Each returns the process exit code; errors in the
// input throw concert::InputError, which main() reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concert/core/error.h"

namespace concert::cli {

struct ForecastOptions {
  std::string scenario;
  std::optional<std::string> text;  // the file's bytes, when the caller has read them
  std::string input_format = "auto";
  std::vector<std::string> models;  // empty: every baseline model
  std::string format = "text";
  std::string output;  // empty: stdout
  std::uint64_t seed = 0;
  std::string explain;             // actor id: print why it moved (models that explain)
  std::string table = "rounds";    // CSV: rounds, exchanges, actors or monte-carlo
  std::size_t draws = 0;           // Monte Carlo draws; 0 = none
  unsigned threads = 0;            // 0 = all cores
  std::vector<std::string> bands;  // "LOW:HIGH" or "ISSUE=LOW:HIGH"
  bool quiet = false;
  bool sensitivity = false;
};

int Forecast(const ForecastOptions& options);
int Models(const std::string& format);

struct BacktestCommand {
  std::string dir;
  std::vector<std::string> models;  // empty: every registered model
  std::string capability = "equal";
  std::string format = "text";
  std::string output;
  std::uint64_t seed = 0;
  std::size_t bootstrap = 2000;
  std::string report;  // also write this HTML report
  std::string group = "issue";
};
int Backtest(const BacktestCommand& options);

// `concert report`: the forecast options, written as one HTML file.
int Report(ForecastOptions options);
int Validate(const std::string& scenario, const std::string& input_format);
int Convert(const std::string& scenario, const std::string& input_format,
            const std::string& output);

// The run API's errors name request fields (e.g. `group_size`); the CLI says
// which flag sets each (`--group-size`). Other errors are returned unchanged.
InputError InFlagTerms(const InputError& error);

// Writes `bytes` to stdout (output empty or "-") or atomically to the file.
void Emit(const std::string& output, const std::string& bytes);

}  // namespace concert::cli
