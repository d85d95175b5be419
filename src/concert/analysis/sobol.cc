#include "concert/analysis/sobol.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/limits.h"
#include "concert/core/random.h"

namespace concert {
namespace {

constexpr std::uint64_t kBootstrapSalt = 0x50b01ULL;

// A quantile strictly inside (0, 1).
double Open(Stream& stream) {
  double u = stream.Uniform();
  while (u <= 0) u = stream.Uniform();
  return u;
}

struct Sums {
  double first = 0, total = 0;
};

}  // namespace

SobolResult SobolIndices(
    std::size_t k, std::size_t outputs,
    const std::function<std::vector<double>(const std::vector<double>& quantiles)>& f,
    const SobolOptions& options, const RunControl& control) {
  const std::size_t n = options.base_samples;
  SobolResult result;
  result.runs = n * (k + 2);
  // values[(r * (k + 2) + m) * outputs + o]: m = 0 for A, 1 for B, 2 + j for AB_j.
  std::vector<double> values(result.runs * outputs, NAN);
  const std::vector<char> done = ParallelFor(n, control, [&](std::size_t r) {
    Stream stream(options.seed, r);
    std::vector<double> a(k), b(k);
    for (double& u : a) u = Open(stream);
    for (double& u : b) u = Open(stream);
    auto store = [&](std::size_t m, const std::vector<double>& y) {
      for (std::size_t o = 0; o < outputs && o < y.size(); ++o) {
        values[(r * (k + 2) + m) * outputs + o] = y[o];
      }
    };
    store(0, f(a));
    store(1, f(b));
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> ab = a;
      ab[j] = b[j];
      store(2 + j, f(ab));
    }
  });
  for (char d : done) result.cancelled = result.cancelled || !d;
  if (result.cancelled) return result;
  auto at = [&](std::size_t r, std::size_t m, std::size_t o) {
    return values[(r * (k + 2) + m) * outputs + o];
  };
  for (std::size_t o = 0; o < outputs; ++o) {
    SobolOutput out;
    std::vector<double> own(n * (k + 2));  // this output's values, [r * (k + 2) + m]
    for (std::size_t r = 0; r < n; ++r) {
      for (std::size_t m = 0; m < k + 2; ++m) own[r * (k + 2) + m] = at(r, m, o);
    }
    std::vector<std::size_t> rows;  // rows with every value present
    for (std::size_t r = 0; r < n; ++r) {
      bool all = true;
      for (std::size_t m = 0; m < k + 2; ++m) all = all && std::isfinite(at(r, m, o));
      if (all) rows.push_back(r);
    }
    out.rows = rows.size();
    out.inputs.resize(k);
    // The indices over a multiset of rows (the rows themselves, or a resample).
    auto estimate = [&](const std::vector<std::size_t>& use, std::vector<Sums>* sums) {
      double mean = 0, squares = 0;
      for (std::size_t r : use) mean += at(r, 0, o) + at(r, 1, o);
      const double count = 2.0 * static_cast<double>(use.size());
      mean /= count;
      for (std::size_t r : use) {
        squares += (at(r, 0, o) - mean) * (at(r, 0, o) - mean) +
                   (at(r, 1, o) - mean) * (at(r, 1, o) - mean);
      }
      const double variance = count > 1 ? squares / (count - 1) : 0;
      sums->assign(k, {});
      const double nn = static_cast<double>(use.size());
      // Row by row (each row's k + 2 values are contiguous in `own`).
      for (std::size_t r : use) {
        const double* row = &own[r * (k + 2)];
        const double fa = row[0], fb = row[1] - mean;
        for (std::size_t j = 0; j < k; ++j) {
          const double d = row[2 + j] - fa;
          (*sums)[j].first += fb * d;
          (*sums)[j].total += d * d;
        }
      }
      for (Sums& x : *sums) {
        x = variance > 0 ? Sums{x.first / nn / variance, x.total / (2 * nn) / variance}
                         : Sums{0, 0};
      }
      return variance;
    };
    if (rows.size() < 2) {
      result.outputs.push_back(out);
      continue;
    }
    std::vector<Sums> point;
    out.variance = estimate(rows, &point);
    // Resamples in parallel, each stored by its index: the same for any thread count.
    std::vector<std::vector<double>> first(k, std::vector<double>(options.bootstrap)),
        total(k, std::vector<double>(options.bootstrap));
    RunControl resampling = control;
    resampling.progress = nullptr;
    ParallelFor(options.bootstrap, resampling, [&](std::size_t b) {
      Stream stream(options.seed ^ kBootstrapSalt, b);
      std::vector<std::size_t> resample(rows.size());
      for (std::size_t& r : resample) {
        r = rows[std::min(
            rows.size() - 1,
            static_cast<std::size_t>(stream.Uniform() * static_cast<double>(rows.size())))];
      }
      std::vector<Sums> again;
      estimate(resample, &again);
      for (std::size_t j = 0; j < k; ++j) {
        first[j][b] = again[j].first;
        total[j][b] = again[j].total;
      }
    });
    for (std::size_t j = 0; j < k; ++j) {
      SobolIndex& index = out.inputs[j];
      index.first = point[j].first;
      index.total = point[j].total;
      index.first_low = index.first_high = index.first;
      index.total_low = index.total_high = index.total;
      if (options.bootstrap > 0) {
        std::sort(first[j].begin(), first[j].end());
        std::sort(total[j].begin(), total[j].end());
        index.first_low = Quantile(first[j], 0.025);
        index.first_high = Quantile(first[j], 0.975);
        index.total_low = Quantile(total[j], 0.025);
        index.total_high = Quantile(total[j], 0.975);
      }
    }
    result.outputs.push_back(out);
  }
  return result;
}

SobolResult RunSobol(const Scenario& scenario, const Model& model, const SobolOptions& options,
                     const RunControl& control) {
  const std::vector<std::string> inputs = UncertainInputs(scenario);
  if (inputs.empty()) {
    throw InputError(
        {"", 0, "sobol"},
        "the scenario has no uncertain input (a range or sd) to attribute variance to");
  }
  const std::size_t k = inputs.size();
  if (options.base_samples < 2) {
    throw InputError({"", 0, "base_samples"}, "expected at least 2 base samples");
  }
  if (options.base_samples > kMaxDraws / (k + 2)) {
    throw InputError({"", 0, "base_samples"},
                     fmt::format("{} base samples x ({} inputs + 2) runs is above the limit of {} "
                                 "model runs",
                                 options.base_samples, k, kMaxDraws));
  }
  RunContext context;
  context.control.threads = 1;
  context.outcomes_only = true;
  auto f = [&](const std::vector<double>& u) {
    const Forecast forecast = model.Run(ScenarioAtQuantiles(scenario, u), context);
    std::vector<double> y;
    for (const IssueForecast& i : forecast.issues) y.push_back(i.outcome ? *i.outcome : NAN);
    return y;
  };
  SobolResult result = SobolIndices(k, scenario.num_issues(), f, options, control);
  result.inputs = inputs;
  return result;
}

}  // namespace concert
