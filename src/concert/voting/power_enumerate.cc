// Power indices by enumeration of every coalition and by Monte Carlo
// (power_index.h).
#include <algorithm>
#include <cmath>

#include "concert/core/error.h"
#include "concert/core/random.h"
#include "concert/voting/fixed_rule.h"

namespace concert::voting {
namespace {

// Per worker: winning coalitions by size, and by size and the byte of the
// coalition's bit mask in each chunk of 8 players (so that the winning
// coalitions containing player i are counted without a loop over players).
struct Tally {
  Tally(std::size_t n, std::size_t chunks) : wins(n + 1), bytes((n + 1) * chunks * 256) {}
  std::vector<std::uint64_t> wins, bytes;
};

// Coalitions whose high bits are `block`; the low `low` bits in Gray-code order,
// so that each step adds or removes one player. K criteria (0: rule.criteria).
template <std::size_t K>
void EnumerateBlock(const FixedRule& rule, std::uint64_t block, unsigned low, Tally& tally) {
  const std::size_t nk = K > 0 ? K : rule.criteria;
  const std::size_t chunks = (rule.players + 7) / 8;
  std::int64_t sum[8] = {0};
  std::uint64_t mask = block << low;
  for (std::size_t i = 0; i < rule.players; ++i) {
    if (!(mask >> i & 1)) continue;
    for (std::size_t k = 0; k < nk; ++k) sum[k] += rule.weights[i * nk + k];
  }
  std::size_t size = static_cast<std::size_t>(__builtin_popcountll(mask));
  const std::int64_t* w = rule.weights.data();
  const std::int64_t* q = rule.quotas.data();
  const std::uint64_t steps = std::uint64_t{1} << low;
  for (std::uint64_t m = 0;;) {
    bool win = true;
    for (std::size_t k = 0; k < nk; ++k) win = win && sum[k] >= q[k];
    if (win) {
      ++tally.wins[size];
      std::uint64_t* row = &tally.bytes[size * chunks * 256];
      for (std::size_t c = 0; c < chunks; ++c) ++row[c * 256 + ((mask >> (8 * c)) & 255)];
    }
    if (++m == steps) break;
    const unsigned bit = static_cast<unsigned>(__builtin_ctzll(m));
    mask ^= std::uint64_t{1} << bit;
    if (mask >> bit & 1) {
      for (std::size_t k = 0; k < nk; ++k) sum[k] += w[bit * nk + k];
      ++size;
    } else {
      for (std::size_t k = 0; k < nk; ++k) sum[k] -= w[bit * nk + k];
      --size;
    }
  }
}

void Block(const FixedRule& rule, std::uint64_t block, unsigned low, Tally& tally) {
  switch (rule.criteria) {
    case 1:
      return EnumerateBlock<1>(rule, block, low, tally);
    case 2:
      return EnumerateBlock<2>(rule, block, low, tally);
    case 3:
      return EnumerateBlock<3>(rule, block, low, tally);
    default:
      return EnumerateBlock<0>(rule, block, low, tally);
  }
}

}  // namespace

PowerResult Enumeration(const FixedRule& rule, const RunControl& control) {
  if (rule.criteria > 8) {
    throw InputError({"", 0, "method"}, "enumeration takes at most 8 criteria");
  }
  const std::size_t n = rule.players, chunks = (n + 7) / 8;
  const unsigned high = static_cast<unsigned>(std::min<std::size_t>(n / 2, 10));
  const unsigned low = static_cast<unsigned>(n) - high;
  const std::size_t blocks = std::size_t{1} << high;
  std::vector<Tally> tallies(WorkerCount(blocks, control), Tally(n, chunks));
  const std::vector<char> done =
      ParallelForWorkers(blocks, control, [&](std::size_t block, std::size_t worker) {
        Block(rule, block, low, tallies[worker]);
        return true;
      });
  Tally total(n, chunks);
  for (const Tally& t : tallies) {
    for (std::size_t s = 0; s <= n; ++s) total.wins[s] += t.wins[s];
    for (std::size_t b = 0; b < t.bytes.size(); ++b) total.bytes[b] += t.bytes[b];
  }
  PowerResult result;
  result.method = PowerMethod::kEnumeration;
  for (char d : done) result.cancelled = result.cancelled || !d;
  result.players.resize(n);
  const std::vector<double> f = ShapleyWeights(n);
  std::uint64_t winning = 0;
  for (std::size_t s = 0; s <= n; ++s) winning += total.wins[s];
  double swings_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t with_i = 0;
    double shapley = 0;
    for (std::size_t size = 1; size <= n; ++size) {
      const std::uint64_t* row = &total.bytes[(size * chunks + i / 8) * 256];
      std::uint64_t at_size = 0;  // winning coalitions of this size containing i
      for (unsigned byte = 0; byte < 256; ++byte) {
        if (byte >> (i % 8) & 1) at_size += row[byte];
      }
      with_i += at_size;
      // phi_i = sum over winning T containing i of f(|T| - 1), less the sum over
      // winning S without i of f(|S|): the swings' terms remain.
      shapley += static_cast<double>(at_size) * f[size - 1];
      if (size < n) shapley -= static_cast<double>(total.wins[size] - at_size) * f[size];
    }
    PlayerPower& p = result.players[i];
    p.swings = 2.0 * static_cast<double>(with_i) - static_cast<double>(winning);
    p.shapley_shubik = shapley;
    p.banzhaf_absolute = std::ldexp(p.swings, -static_cast<int>(n - 1));
    swings_total += p.swings;
  }
  for (PlayerPower& p : result.players) p.banzhaf = swings_total > 0 ? p.swings / swings_total : 0;
  result.p_winning = std::ldexp(static_cast<double>(winning), -static_cast<int>(n));
  return result;
}

namespace {

constexpr std::size_t kSamplesPerBlock = 4096;

struct Counts {
  explicit Counts(std::size_t n) : pivots(n), swings(n) {}
  std::vector<std::uint64_t> pivots, swings;
  std::uint64_t wins = 0;
};

// One random order (who is pivotal) and one random coalition (who is a swing).
void Sample(const FixedRule& rule, Stream& stream, std::vector<std::size_t>& order,
            std::vector<std::int64_t>& sum, std::vector<char>& in, Counts& counts) {
  const std::size_t n = rule.players, nk = rule.criteria;
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  for (std::size_t i = n; i-- > 1;) {
    const std::size_t j = static_cast<std::size_t>(stream.Uniform() * static_cast<double>(i + 1));
    std::swap(order[i], order[std::min(j, i)]);
  }
  std::fill(sum.begin(), sum.end(), 0);
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t i = order[t];
    bool win = true;
    for (std::size_t k = 0; k < nk; ++k) {
      sum[k] += rule.weights[i * nk + k];
      win = win && sum[k] >= rule.quotas[k];
    }
    if (win) {
      ++counts.pivots[i];
      break;
    }
  }
  std::fill(sum.begin(), sum.end(), 0);
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 64 == 0) bits = stream.Next();
    in[i] = static_cast<char>(bits >> (i % 64) & 1);
    if (!in[i]) continue;
    for (std::size_t k = 0; k < nk; ++k) sum[k] += rule.weights[i * nk + k];
  }
  bool win = true;
  for (std::size_t k = 0; k < nk; ++k) win = win && sum[k] >= rule.quotas[k];
  counts.wins += win;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t* w = &rule.weights[i * nk];
    bool swing = true;
    if (in[i] && win) {  // a swing when leaving makes it lose
      swing = false;
      for (std::size_t k = 0; k < nk; ++k) swing = swing || sum[k] - w[k] < rule.quotas[k];
    } else if (!in[i] && !win) {  // a swing when joining makes it win
      for (std::size_t k = 0; k < nk; ++k) swing = swing && sum[k] + w[k] >= rule.quotas[k];
    } else {
      swing = false;
    }
    counts.swings[i] += swing;
  }
}

}  // namespace

PowerResult MonteCarlo(const FixedRule& rule, std::size_t samples, std::uint64_t seed,
                       const RunControl& control) {
  if (samples > 10'000'000'000ULL) {
    throw InputError({"", 0, "samples"}, "at most 10,000,000,000 Monte Carlo samples");
  }
  const std::size_t n = rule.players;
  const std::size_t blocks = (samples + kSamplesPerBlock - 1) / kSamplesPerBlock;
  std::vector<Counts> counts(WorkerCount(blocks, control), Counts(n));
  const std::vector<char> done =
      ParallelForWorkers(blocks, control, [&](std::size_t block, std::size_t worker) {
        Stream stream(seed, block);
        std::vector<std::size_t> order(n);
        std::vector<std::int64_t> sum(rule.criteria);
        std::vector<char> in(n);
        const std::size_t count = std::min(kSamplesPerBlock, samples - block * kSamplesPerBlock);
        for (std::size_t s = 0; s < count; ++s) {
          Sample(rule, stream, order, sum, in, counts[worker]);
        }
        return true;
      });
  PowerResult result;
  result.method = PowerMethod::kMonteCarlo;
  for (char d : done) result.cancelled = result.cancelled || !d;
  Counts total(n);
  for (const Counts& c : counts) {
    for (std::size_t i = 0; i < n; ++i) {
      total.pivots[i] += c.pivots[i];
      total.swings[i] += c.swings[i];
    }
    total.wins += c.wins;
  }
  const double draws = static_cast<double>(samples);
  double swings_total = 0;
  result.players.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    PlayerPower& p = result.players[i];
    p.shapley_shubik = static_cast<double>(total.pivots[i]) / draws;
    p.banzhaf_absolute = static_cast<double>(total.swings[i]) / draws;
    p.shapley_shubik_se = std::sqrt(p.shapley_shubik * (1 - p.shapley_shubik) / draws);
    p.banzhaf_absolute_se = std::sqrt(p.banzhaf_absolute * (1 - p.banzhaf_absolute) / draws);
    p.swings = std::ldexp(p.banzhaf_absolute, static_cast<int>(n - 1));
    swings_total += static_cast<double>(total.swings[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    result.players[i].banzhaf =
        swings_total > 0 ? static_cast<double>(total.swings[i]) / swings_total : 0;
  }
  result.p_winning = static_cast<double>(total.wins) / draws;
  result.samples = samples;
  return result;
}

}  // namespace concert::voting
