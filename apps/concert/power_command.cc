// `concert power`: Shapley-Shubik and Banzhaf indices of a weighted voting
// rule (voting/power_index.h, docs/power.md).
#include <fmt/format.h>

#include "cli.h"
#include "concert/core/strings.h"
#include "concert/io/read.h"
#include "concert/io/voting_rule_reader.h"
#include "concert/output/power_output.h"

namespace concert::cli {
namespace {

struct PowerCommand {
  std::string rule_file;
  std::vector<std::string> weights, quotas;
  std::string names;
  std::string method = "auto";
  std::size_t samples = 1'000'000;
  std::uint64_t seed = 0;
  unsigned threads = 0;
  bool quiet = false;
  std::string format = "text";
  std::string output;
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    out.push_back(Trim(text.substr(start, comma - start)));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// The rule from --weights/--quota pairs and --names.
VotingRule RuleFromFlags(const PowerCommand& o) {
  if (o.weights.empty()) {
    throw InputError({"", 0, "--weights"}, "give --weights and --quota (or --rule FILE)");
  }
  std::vector<std::vector<double>> weights;
  for (const std::string& list : o.weights) {
    std::vector<double> w;
    for (const std::string& item : SplitList(list)) {
      std::size_t used = 0;
      double v = 0;
      try {
        v = std::stod(item, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (item.empty() || used != item.size() ||
          item.find_first_of("xXpPiInN") != std::string::npos) {
        throw InputError({"", 0, "--weights"},
                         fmt::format("'{}' in '{}' is not a number", item, list));
      }
      w.push_back(v);
    }
    weights.push_back(w);
  }
  return RuleFromLists(o.names.empty() ? std::vector<std::string>{} : SplitList(o.names), weights,
                       o.quotas);
}

int Run(const PowerCommand& o) {
  VotingRule rule;
  if (!o.rule_file.empty()) {
    if (!o.weights.empty() || !o.quotas.empty() || !o.names.empty()) {
      throw InputError({"", 0, "--rule"}, "--rule replaces --weights, --quota and --names");
    }
    rule = ReadVotingRule(o.rule_file, ReadTextFile(o.rule_file)).rule;
  } else {
    rule = RuleFromFlags(o);
  }
  PowerOptions options;
  options.method = ParsePowerMethod(o.method);
  options.samples = o.samples;
  options.seed = o.seed;
  RunControl control;
  control.threads = o.threads;
  control.cancel = [] { return g_interrupted.load(); };
  std::unique_ptr<ProgressBar> bar;
  if (ShowProgress(o.quiet)) {
    bar = std::make_unique<ProgressBar>("power");
    control.progress = [&](std::size_t done, std::size_t total) { bar->Update(done, total); };
  }
  PowerResult result;
  {
    const InterruptScope interrupt_scope;
    result = ComputePower(rule, options, control);
  }
  bar.reset();
  if (result.cancelled) {
    std::fprintf(stderr, "concert: interrupted; nothing written\n");
    return 130;
  }
  std::string bytes;
  if (o.format == "json") {
    bytes = PowerJson(rule, options, result);
  } else if (o.format == "csv") {
    bytes = PowerCsv(rule, result);
  } else {
    bytes = PowerText(rule, options, result);
  }
  Emit(o.output, bytes);
  return 0;
}

}  // namespace

void AddPower(CLI::App& app, Subcommands& commands) {
  auto options = std::make_shared<PowerCommand>();
  PowerCommand& o = *options;
  CLI::App* cmd = app.add_subcommand(
      "power",
      "A priori voting power in a weighted voting rule: the Shapley-Shubik index (the share of "
      "orders of voting in which a player is pivotal) and the Banzhaf index (normalised, and "
      "absolute: the chance of being decisive), exact by generating functions or enumeration, "
      "else Monte Carlo with standard errors. Several --weights/--quota pairs make a multiple "
      "majority (e.g. the EU's Nice rule: votes, member states, population). See docs/power.md.");
  cmd->add_option("--rule", o.rule_file,
                  "a voting rule file (YAML/JSON: criteria with quotas, players with weights; "
                  "docs/power.md), e.g. data/voting/eec_1958.yaml");
  cmd->add_option("--weights", o.weights,
                  "the players' weights on one criterion, comma-separated (>= 0); repeat for "
                  "each criterion of a multiple majority")
      ->take_all()
      ->delimiter('\0');
  cmd->add_option("--quota", o.quotas,
                  "a coalition wins when its weight reaches this (a number, or a share of the "
                  "total such as 62%); one per --weights, in the same order")
      ->delimiter('\0');
  cmd->add_option("--names", o.names, "the players' names, comma-separated (default p1, p2, ...)");
  cmd->add_option("--method", o.method,
                  "auto (the cheaper exact method; Monte Carlo when neither is feasible), "
                  "generating-functions (integer weights), enumeration (up to 30 players) or "
                  "monte-carlo")
      ->check(CLI::IsMember({"auto", "generating-functions", "enumeration", "monte-carlo"}))
      ->capture_default_str();
  cmd->add_option("--samples", o.samples,
                  "Monte Carlo: random orders, and as many random coalitions")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000'000ULL}))
      ->check(WholeNumber());
  cmd->add_option("--seed", o.seed,
                  "Monte Carlo seed; block b of samples draws from stream (seed, b), so the "
                  "output is the same for any --threads")
      ->capture_default_str()
      ->check(WholeNumber());
  cmd->add_option("--threads", o.threads, "threads (default: all cores)")
      ->check(CLI::Range(0u, 1024u))
      ->check(WholeNumber());
  cmd->add_flag("-q,--quiet", o.quiet, "no progress bar");
  cmd->add_option("-f,--format", o.format, "output format")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "write to this file (atomically) instead of stdout");
  commands.push_back({cmd, [options] { return Run(*options); }});
}

}  // namespace concert::cli
