#include "concert/analysis/backtest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "concert/analysis/monte_carlo.h"
#include "concert/core/random.h"
#include "concert/io/deu_cases.h"

namespace concert {

namespace {

// The mean of d and its percentile bootstrap 95 % interval, resample r drawn
// from Stream(seed, r).
void MeanWithInterval(const std::vector<double>& d, const BacktestOptions& options, double* mean,
                      double* low, double* high) {
  *mean = *low = *high = 0;
  if (d.empty()) return;
  double sum = 0;
  for (double x : d) sum += x;
  *mean = sum / static_cast<double>(d.size());
  std::vector<double> means;
  for (std::size_t r = 0; r < options.bootstrap; ++r) {
    Stream stream(options.seed, r);
    double resample = 0;
    for (std::size_t k = 0; k < d.size(); ++k) {
      resample += d[static_cast<std::size_t>(stream.Uniform() * static_cast<double>(d.size()))];
    }
    means.push_back(resample / static_cast<double>(d.size()));
  }
  std::sort(means.begin(), means.end());
  *low = Quantile(means, 0.025);
  *high = Quantile(means, 0.975);
}

}  // namespace

BacktestResult RunBacktest(const DeuData& data, const std::vector<CreatedModel>& models,
                           const BacktestOptions& options) {
  BacktestResult result =
      RunBacktest(DeuBacktestCases(data, options.capability, options.group), models, options);
  if (options.compare_capability.empty()) return result;
  const BacktestResult other = RunBacktest(
      DeuBacktestCases(data, options.compare_capability, options.group), models, options);
  result.compare_capability = other.capability;
  if (other.issues.size() != result.issues.size()) {
    throw InputError({"", 0, "compare_capability"}, "the two capabilities scored different issues");
  }
  // The same issues in the same order: the cases differ only in capability.
  for (std::size_t k = 0; k < models.size(); ++k) {
    CapabilityDifference c;
    c.model = models[k].spec;
    std::vector<double> d;
    double sum = 0, sum_other = 0;
    for (std::size_t i = 0; i < result.issues.size(); ++i) {
      const IssueScore& a = result.issues[i];
      const IssueScore& b = other.issues[i];
      if (!a.forecast[k] || !b.forecast[k]) continue;
      const double e = std::abs(*a.forecast[k] - a.outcome);
      const double e_other = std::abs(*b.forecast[k] - b.outcome);
      sum += e;
      sum_other += e_other;
      d.push_back(e_other - e);
    }
    c.n = d.size();
    if (c.n > 0) {
      c.mae = sum / static_cast<double>(c.n);
      c.mae_compared = sum_other / static_cast<double>(c.n);
    }
    MeanWithInterval(d, options, &c.mean, &c.low, &c.high);
    result.capability_differences.push_back(c);
  }
  return result;
}

BacktestResult RunBacktest(const BacktestCases& cases, const std::vector<CreatedModel>& models,
                           const BacktestOptions& options) {
  BacktestResult result;
  result.capability = cases.capability;
  result.skipped = cases.skipped;
  for (const BacktestCase& c : cases.cases) {
    std::vector<Forecast> forecasts;
    forecasts.reserve(models.size());
    for (const CreatedModel& m : models)
      forecasts.push_back(m.model->Run(c.scenario, RunContext{}));
    for (std::size_t d = 0; d < c.outcomes.size(); ++d) {
      IssueScore score{c.scenario.issues[d].id, c.outcomes[d], {}};
      for (const Forecast& f : forecasts) score.forecast.push_back(f.issues[d].outcome);
      result.issues.push_back(std::move(score));
    }
  }
  for (std::size_t k = 0; k < models.size(); ++k) {
    ModelScore s;
    s.model = models[k].spec;
    std::vector<double> errors;
    for (const IssueScore& i : result.issues) {
      if (i.forecast[k]) errors.push_back(std::abs(*i.forecast[k] - i.outcome));
    }
    s.n = errors.size();
    if (!errors.empty()) {
      double sum = 0, squares = 0, in10 = 0, in25 = 0;
      for (double e : errors) {
        sum += e;
        squares += e * e;
        in10 += e <= 10;
        in25 += e <= 25;
      }
      const double n = static_cast<double>(errors.size());
      s.mae = sum / n;
      s.rmse = std::sqrt(squares / n);
      s.within_10 = in10 / n;
      s.within_25 = in25 / n;
      std::sort(errors.begin(), errors.end());
      s.median_ae = Quantile(errors, 0.5);
    }
    result.models.push_back(s);
  }
  for (std::size_t a = 0; a < models.size(); ++a) {
    for (std::size_t b = a + 1; b < models.size(); ++b) {
      std::vector<double> d;
      for (const IssueScore& i : result.issues) {
        if (i.forecast[a] && i.forecast[b]) {
          d.push_back(std::abs(*i.forecast[a] - i.outcome) - std::abs(*i.forecast[b] - i.outcome));
        }
      }
      PairedDifference p{a, b, d.size(), 0, 0, 0};
      MeanWithInterval(d, options, &p.mean, &p.low, &p.high);
      result.pairs.push_back(p);
    }
  }
  return result;
}

}  // namespace concert
