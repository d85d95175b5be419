// `concert order`: the order model (docs/order.md).
#include <fmt/format.h>

#include "cli.h"
#include "concert/io/order_reader.h"
#include "concert/io/read.h"
#include "concert/order/run_order.h"
#include "concert/output/order_output.h"
#include "concert/output/order_report.h"

namespace concert::cli {
namespace {

struct OrderCommand {
  std::string scenario;
  std::string years;  // FIRST:LAST; empty: the section's
  std::string preset;
  double relative_gains = 0;
  CLI::Option* relative_gains_given = nullptr;  // set: --relative-gains was given
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

std::pair<int, int> ParseYears(const std::string& text) {
  const auto colon = text.find(':');
  try {
    std::size_t used = 0;
    if (colon == std::string::npos) throw std::invalid_argument("no colon");
    const int first = std::stoi(text.substr(0, colon), &used);
    if (used != colon) throw std::invalid_argument("junk");
    const std::string rest = text.substr(colon + 1);
    const int last = std::stoi(rest, &used);
    if (used != rest.size() || first < 1 || last > 9999) throw std::invalid_argument("range");
    return {first, last};
  } catch (const std::exception&) {
    throw InputError(
        {"", 0, "--years"},
        fmt::format("expected FIRST:LAST (two years, e.g. 2005:2035) but got '{}'", text));
  }
}

int Run(const OrderCommand& o) {
  OrderRequest request;
  request.spec = ReadOrder(o.scenario, ReadTextFile(o.scenario));
  if (o.list_presets) {
    Emit(o.output, OrderPresetsText(request.spec));
    return 0;
  }
  if (!o.years.empty()) std::tie(request.first_year, request.last_year) = ParseYears(o.years);
  request.preset = o.preset;
  if (o.relative_gains_given->count() > 0) request.relative_gains = o.relative_gains;
  request.draws = o.draws;
  request.seed = o.seed;
  request.sensitivity = o.sensitivity;
  RunControl control;
  control.threads = o.threads;
  control.cancel = [] { return g_interrupted.load(); };
  std::unique_ptr<ProgressBar> bar;
  if (o.draws > 0 && ShowProgress(o.quiet)) {
    bar = std::make_unique<ProgressBar>("order");
    control.progress = [&](std::size_t done, std::size_t total) { bar->Update(done, total); };
  }
  OrderResult result;
  {
    const InterruptScope interrupt_scope;
    result = RunOrder(request, control);
  }
  bar.reset();
  std::string bytes;
  if (o.format == "json") {
    bytes = OrderJson(result);
  } else if (o.format == "csv") {
    bytes = OrderCsv(result, o.table);
  } else if (o.format == "html") {
    bytes = OrderReportPage(result);
  } else {
    bytes = OrderText(result);
  }
  Emit(o.output, bytes);
  if (result.cancelled) {
    std::fprintf(stderr, "concert: interrupted after %zu draws\n", result.draws);
    return 130;
  }
  return 0;
}

}  // namespace

void AddOrder(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<OrderCommand>();
  OrderCommand& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "order",
      "The order level: capability shares of the order's actors year by year, each actor's "
      "stance (support, free ride, challenge), and where the run ends in the paper's Table 2 "
      "(order persists/disappears x US leadership persists/challenged) and Ikenberry's three "
      "paths. See docs/order.md.");
  cmd->add_option("scenario", o.scenario, "scenario file with an `order` section")->required();
  cmd->add_option("--years", o.years, "FIRST:LAST, e.g. 2005:2035 (default: the section's years)");
  cmd->add_option("--preset", o.preset,
                  "apply a preset of the section, e.g. friedberg (see --list-presets)");
  cmd->add_flag("--list-presets", o.list_presets, "list the section's presets and exit");
  o.relative_gains_given =
      cmd->add_option("--relative-gains", o.relative_gains,
                      "set every actor's relative-gains weight to this number in [0, 1] "
                      "(0: absolute gains only, 1: relative gains only)")
          ->check(DecimalNumber());
  cmd->add_option("--draws", o.draws,
                  "Monte Carlo draws of the uncertain numbers (0: one run at the central values)")
      ->check(CLI::Range(static_cast<std::size_t>(0), static_cast<std::size_t>(100000000)))
      ->check(WholeNumber());
  cmd->add_option("--seed", o.seed, "random seed; draw i depends on (seed, i) only")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--threads", o.threads,
                  "threads (default: all cores); the output does not "
                  "depend on it")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_flag("--sensitivity", o.sensitivity,
                "with --draws: rank the uncertain inputs by their effect on the order persisting "
                "and on leadership being challenged");
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  cmd->add_option("-f,--format", o.format, "output format (html: a report page)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("--table", o.table, "with --format csv: actors, system, cells or sensitivity")
      ->check(CLI::IsMember(OrderCsvTables()))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file instead of stdout");
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
