#include "concert/order/run_order.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>

#include "concert/core/limits.h"

namespace concert {
namespace {

constexpr std::size_t kBlock = 256;  // draws per block of the sums

// Sums over the draws of one block.
struct Sums {
  std::vector<double> actor;  // [(year * actors + i) * kActorStats + stat]
  std::vector<double> year;   // [year * kYearStats + stat]
  std::array<std::array<double, 2>, 2> table2{};
  std::array<double, 3> paths{};
  double challenge_years = 0, challenged_draws = 0;
};
enum {
  kStatEconomic,
  kStatMilitary,
  kStatCapability,
  kStatCapabilitySquare,
  kStatVoice,
  kStatSupport,
  kStatFreeRide,
  kStatChallenge,
  kActorStats
};
enum { kStatCon, kStatSupportShare, kStatHolds, kStatProvides, kStatAnyChallenge, kYearStats };

void Add(Sums* sums, const OrderYearState& s, std::size_t y) {
  const std::size_t n = s.capability.size();
  double* a = &sums->actor[y * n * kActorStats];
  bool any = false;
  for (std::size_t i = 0; i < n; ++i, a += kActorStats) {
    a[kStatEconomic] += s.economic[i];
    a[kStatMilitary] += s.military[i];
    a[kStatCapability] += s.capability[i];
    a[kStatCapabilitySquare] += s.capability[i] * s.capability[i];
    a[kStatVoice] += s.voice[i];
    a[kStatSupport + static_cast<int>(s.stance[i])] += 1;
    any = any || s.stance[i] == OrderStance::kChallenge;
  }
  double* t = &sums->year[y * kYearStats];
  t[kStatCon] += s.con;
  t[kStatSupportShare] += s.support;
  t[kStatHolds] += s.holds;
  t[kStatProvides] += s.leader_provides;
  t[kStatAnyChallenge] += any;
}

void Merge(Sums* into, const Sums& from) {
  for (std::size_t k = 0; k < into->actor.size(); ++k) into->actor[k] += from.actor[k];
  for (std::size_t k = 0; k < into->year.size(); ++k) into->year[k] += from.year[k];
  for (int r = 0; r < 2; ++r) {
    for (int c = 0; c < 2; ++c) into->table2[r][c] += from.table2[r][c];
  }
  for (int p = 0; p < 3; ++p) into->paths[p] += from.paths[p];
  into->challenge_years += from.challenge_years;
  into->challenged_draws += from.challenged_draws;
}

// The outcome and inputs of every draw, kept for the sensitivity regression.
struct Sampled {
  std::vector<std::vector<double>> x;
  std::vector<double> persists, challenged;
};

// Draws [begin, end) (one central run when request.draws is 0) into `s`.
void RunBlock(const OrderSpec& spec, const OrderRequest& request, int first, int last,
              std::size_t begin, std::size_t end, Sums* s, Sampled* sampled) {
  const std::size_t n = spec.actors.size();
  const std::size_t years = static_cast<std::size_t>(last - first) + 1;
  s->actor.assign(years * n * kActorStats, 0.0);
  s->year.assign(years * kYearStats, 0.0);
  OrderRun run(spec, first, last);
  for (std::size_t i = begin; i < end; ++i) {
    OrderNumbers numbers;
    if (request.draws == 0) {
      numbers = CentralNumbers(spec);
    } else {
      Stream stream(request.seed, i);
      numbers = DrawNumbers(spec, stream, request.sensitivity ? &sampled->x[i] : nullptr);
    }
    std::size_t y = 0;
    const OrderOutcome o = run.Run(numbers, [&](const OrderYearState& st) { Add(s, st, y++); });
    s->table2[o.order_persists ? 0 : 1][o.leadership_challenged ? 1 : 0] += 1;
    s->paths[static_cast<int>(o.path)] += 1;
    if (o.first_challenge) {
      s->challenge_years += o.first_challenge;
      s->challenged_draws += 1;
    }
    if (request.sensitivity) {
      sampled->persists[i] = o.order_persists;
      sampled->challenged[i] = o.leadership_challenged;
    }
  }
}

// Per year: the sums of the summarised draws as means and shares.
std::vector<OrderYearSummary> YearSummaries(const Sums& total, const OrderSpec& spec, int first,
                                            std::size_t years, double m) {
  const std::size_t n = spec.actors.size();
  std::vector<OrderYearSummary> out;
  for (std::size_t y = 0; y < years; ++y) {
    OrderYearSummary ys;
    ys.year = first + static_cast<int>(y);
    ys.projected = ys.year > spec.base_year;
    for (std::size_t i = 0; i < n; ++i) {
      const double* a = &total.actor[(y * n + i) * kActorStats];
      OrderActorYear ay;
      ay.economic = a[kStatEconomic] / m;
      ay.military = a[kStatMilitary] / m;
      ay.capability = a[kStatCapability] / m;
      ay.capability_sd =
          std::sqrt(std::max(0.0, a[kStatCapabilitySquare] / m - ay.capability * ay.capability));
      ay.voice = a[kStatVoice] / m;
      for (int k = 0; k < 3; ++k) ay.stance[k] = a[kStatSupport + k] / m;
      ys.actors.push_back(ay);
    }
    const double* t = &total.year[y * kYearStats];
    ys.con = t[kStatCon] / m;
    ys.support = t[kStatSupportShare] / m;
    ys.holds = t[kStatHolds] / m;
    ys.leader_provides = t[kStatProvides] / m;
    ys.challenge = t[kStatAnyChallenge] / m;
    out.push_back(std::move(ys));
  }
  return out;
}

OrderSpec Prepared(const OrderRequest& request) {
  OrderSpec spec =
      request.preset.empty() ? request.spec : ApplyPreset(request.spec, request.preset);
  if (request.relative_gains) {
    const double rho = *request.relative_gains;
    if (!(rho >= 0 && rho <= 1)) {
      throw InputError({"", 0, "relative_gains"},
                       fmt::format("expected a relative-gains weight in [0, 1] but got {}", rho));
    }
    for (OrderActor& a : spec.actors) a.numbers[kRelativeGains] = Number{rho, {}};
  }
  return spec;
}

}  // namespace

OrderResult RunOrder(const OrderRequest& request, const RunControl& control) {
  const OrderSpec spec = Prepared(request);
  const int first = request.first_year ? request.first_year : spec.first_year;
  const int last = request.last_year ? request.last_year : spec.last_year;
  OrderRun probe(spec, first, last);  // checks the years
  (void)probe;
  if (request.draws > kMaxOrderDraws) {
    throw InputError({"", 0, "draws"}, fmt::format("expected at most {} draws but got {}",
                                                   kMaxOrderDraws, request.draws));
  }
  if (request.sensitivity && request.draws == 0) {
    throw InputError({"", 0, "sensitivity"}, "the sensitivity needs draws (draws > 0)");
  }
  const std::size_t n = spec.actors.size();
  const std::size_t years = static_cast<std::size_t>(last - first) + 1;
  const std::size_t runs = std::max<std::size_t>(request.draws, 1);
  const std::size_t blocks = (runs + kBlock - 1) / kBlock;
  std::vector<Sums> sums(blocks);
  const std::vector<std::string> inputs = OrderInputs(spec);
  Sampled sampled;
  if (request.sensitivity) {
    sampled.x.resize(runs);
    sampled.persists.resize(runs);
    sampled.challenged.resize(runs);
  }

  RunControl blocks_control = control;
  blocks_control.progress = nullptr;
  std::atomic<std::size_t> done{0};
  std::mutex progress_lock;
  const std::vector<char> finished = ParallelFor(blocks, blocks_control, [&](std::size_t b) {
    const std::size_t end = std::min(runs, (b + 1) * kBlock);
    RunBlock(spec, request, first, last, b * kBlock, end, &sums[b], &sampled);
    if (control.progress) {
      const std::size_t count = done.fetch_add(end - b * kBlock) + (end - b * kBlock);
      std::lock_guard<std::mutex> guard(progress_lock);
      control.progress(count, runs);
    }
  });

  // The longest run of finished blocks from the first (all of them unless cancelled).
  std::size_t complete = 0;
  while (complete < blocks && finished[complete]) ++complete;
  Sums total;
  total.actor.assign(years * n * kActorStats, 0.0);
  total.year.assign(years * kYearStats, 0.0);
  for (std::size_t b = 0; b < complete; ++b) Merge(&total, sums[b]);
  const std::size_t summarised = std::min(runs, complete * kBlock);

  OrderResult result;
  result.name = spec.name;
  result.file = spec.file;
  result.sha256 = spec.sha256;
  result.preset = request.preset;
  result.leader = spec.leader;
  for (const OrderActor& a : spec.actors) {
    result.actors.push_back(a.id);
    result.names.push_back(a.name);
  }
  result.base_year = spec.base_year;
  result.seed = request.seed;
  result.draws = request.draws == 0 ? 0 : summarised;
  result.cancelled = summarised < runs;
  result.relative_gains = request.relative_gains;
  result.thresholds = spec.thresholds;
  result.inputs = inputs;
  const double m = summarised > 0 ? static_cast<double>(summarised) : 1.0;
  result.years = YearSummaries(total, spec, first, years, m);
  for (int r = 0; r < 2; ++r) {
    for (int c = 0; c < 2; ++c) result.table2[r][c] = total.table2[r][c] / m;
  }
  for (int p = 0; p < 3; ++p) result.paths[p] = total.paths[p] / m;
  if (total.challenged_draws > 0) {
    result.first_challenge_mean = total.challenge_years / total.challenged_draws;
  }
  if (request.sensitivity) {
    sampled.x.resize(summarised);
    sampled.persists.resize(summarised);
    sampled.challenged.resize(summarised);
    result.persists_sensitivity = Regress(sampled.x, sampled.persists);
    result.challenged_sensitivity = Regress(sampled.x, sampled.challenged);
  }
  return result;
}

}  // namespace concert
