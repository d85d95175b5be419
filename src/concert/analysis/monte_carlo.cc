#include "concert/analysis/monte_carlo.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace concert {
namespace {

constexpr double kProbabilities[] = {0.05, 0.25, 0.50, 0.75, 0.95};

// Standard normal from two uniforms (Box-Muller), so draws are the same on
// every platform (std::normal_distribution is implementation-defined).
double StandardNormal(Stream& stream) {
  double u = stream.Uniform();
  while (u <= 0.0) u = stream.Uniform();
  const double v = stream.Uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

double Draw(const Number& number, double low, double high, Stream& stream) {
  const Uncertainty& u = number.uncertainty;
  switch (u.kind) {
    case Uncertainty::Kind::kNone:
      return number.value;
    case Uncertainty::Kind::kRange:
      return u.low + (u.high - u.low) * stream.Uniform();
    case Uncertainty::Kind::kNormal: {
      if (u.sd == 0) return number.value;
      // Truncated at the bounds by rejection; after 1000 rejections (a value far
      // outside its bounds relative to sd) the value itself.
      for (int attempt = 0; attempt < 1000; ++attempt) {
        const double x = number.value + u.sd * StandardNormal(stream);
        if (x >= low && x <= high) return x;
      }
      return number.value;
    }
  }
  return number.value;
}

void DrawInto(Number& number, double low, double high, Stream& stream) {
  number.value = Draw(number, low, high, stream);
}

}  // namespace

Scenario DrawScenario(const Scenario& base, Stream& stream) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  Scenario s = base;
  for (Actor& a : s.actors) DrawInto(a.capability, 0, kInf, stream);
  for (Issue& i : s.issues) {
    if (i.status_quo) DrawInto(*i.status_quo, i.scale_min, i.scale_max, stream);
  }
  for (std::size_t d = 0; d < s.num_issues(); ++d) {
    for (std::size_t a = 0; a < s.num_actors(); ++a) {
      Stance* stance = s.mutable_stance(a, d);
      if (stance == nullptr) continue;
      DrawInto(stance->position, s.issues[d].scale_min, s.issues[d].scale_max, stream);
      DrawInto(stance->salience, 0, 1, stream);
      if (stance->capability) DrawInto(*stance->capability, 0, kInf, stream);
    }
  }
  return s;
}

double Quantile(const std::vector<double>& sorted, double probability) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = (static_cast<double>(sorted.size()) - 1) * probability;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

MonteCarloResult RunMonteCarlo(const Scenario& scenario, const Model& model,
                               const MonteCarloOptions& options) {
  for (const Band& band : options.bands) {
    const bool known =
        band.issue.empty() || std::any_of(scenario.issues.begin(), scenario.issues.end(),
                                          [&](const Issue& i) { return i.id == band.issue; });
    if (!known) {
      throw InputError({"", 0, "--band"}, fmt::format("unknown issue '{}' in a band", band.issue));
    }
    if (!(band.low <= band.high)) {
      throw InputError(
          {"", 0, "--band"},
          fmt::format("expected low <= high in a band but got {} and {}", band.low, band.high));
    }
  }
  const std::size_t issues = scenario.num_issues();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // outcomes[draw * issues + issue]; NaN where the model gave no outcome.
  std::vector<double> outcomes(options.draws * issues, nan);
  std::vector<char> finished(options.draws, 0);
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex report;
  auto work = [&]() {
    while (true) {
      if (options.cancel && options.cancel->load()) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= options.draws) return;
      Stream stream(options.seed, i);
      const Scenario drawn = DrawScenario(scenario, stream);
      RunContext context;
      // A stochastic model's own randomness: a seed derived from (seed, i) too.
      context.seed = Stream(options.seed ^ 0x6d6f6e7465ULL, i).Next();
      context.cancel = options.cancel;
      const Forecast f = model.Run(drawn, context);
      for (std::size_t d = 0; d < issues && d < f.issues.size(); ++d) {
        if (f.issues[d].outcome) outcomes[i * issues + d] = *f.issues[d].outcome;
      }
      finished[i] = 1;
      const std::size_t count = done.fetch_add(1) + 1;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(report);
        options.progress(count, options.draws);
      }
    }
  };
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  MonteCarloResult result;
  // With cancellation, summarise the draws that finished, in draw order.
  for (std::size_t i = 0; i < options.draws; ++i) result.draws += finished[i];
  result.cancelled = result.draws < options.draws;
  for (std::size_t d = 0; d < issues; ++d) {
    IssueDistribution dist;
    dist.issue = d;
    std::vector<double> values;
    for (std::size_t i = 0; i < options.draws; ++i) {
      if (!finished[i]) continue;
      const double x = outcomes[i * issues + d];
      if (std::isnan(x)) {
        ++dist.missing;
      } else {
        values.push_back(x);
      }
    }
    dist.n = values.size();
    if (!values.empty()) {
      double sum = 0;
      for (double x : values) sum += x;
      dist.mean = sum / static_cast<double>(values.size());
      double squares = 0;
      for (double x : values) squares += (x - dist.mean) * (x - dist.mean);
      dist.sd = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0;
    }
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (double p : kProbabilities) dist.quantiles.emplace_back(p, Quantile(sorted, p));
    for (const Band& band : options.bands) {
      if (!band.issue.empty() && band.issue != scenario.issues[d].id) continue;
      std::size_t inside = 0;
      for (double x : values) inside += x >= band.low && x <= band.high;
      dist.bands.emplace_back(
          band,
          values.empty() ? nan : static_cast<double>(inside) / static_cast<double>(values.size()));
    }
    result.issues.push_back(std::move(dist));
  }
  return result;
}

}  // namespace concert
