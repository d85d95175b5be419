// `concert order`: the order model (docs/order.md).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace concert::cli {

struct OrderCommand {
  std::string scenario;
  std::string years;  // FIRST:LAST; empty: the section's
  std::string preset;
  double relative_gains = -1;  // < 0: as in the file
  std::size_t draws = 0;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  bool sensitivity = false;
  bool quiet = false;
  bool list_presets = false;
  std::string format = "text";
  std::string table = "actors";
  std::string output;
};

CLI::App* AddOrder(CLI::App& app, OrderCommand& options);
int Order(const OrderCommand& options);
// The same on the file's bytes, already read (report reads a pipe once).
int Order(const OrderCommand& options, const std::string& text);

// For `concert report`: when the file has an order section, the order model
// (`draws` draws, with sensitivity) as an HTML section; "" when it has none.
std::string OrderReportSection(const std::string& path, const std::string& text, std::size_t draws,
                               std::uint64_t seed, unsigned threads, bool quiet);

}  // namespace concert::cli
