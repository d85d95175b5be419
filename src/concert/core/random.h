// concert/core/random.h — seeded random streams.
//
// Every random draw in concert comes from a Stream built from an explicit seed
// and a stream index: the numbers of run i depend on (seed, i) alone, so
// results do not change with thread or process count. SplitMix64 (Steele, Lea
// & Flood 2014) is small, fast and passes BigCrush; it is plenty for
// tie-breaking and Monte Carlo draws.
#pragma once

#include <cstdint>

namespace concert {

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t index)
      : state_(Mix(seed ^ Mix(index + 0x9e3779b97f4a7c15ULL))) {}

  std::uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix(state_);
  }
  // Uniform on [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t Mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

// The seed of run i's own randomness (a stochastic model inside draw i of a
// Monte Carlo or simulation batch): a function of (seed, i) alone, distinct
// from the stream Stream(seed, i) that draws the run's uncertain inputs.
inline std::uint64_t DerivedSeed(std::uint64_t seed, std::uint64_t i) {
  return Stream(seed ^ 0x6d6f6e7465ULL, i).Next();
}

}  // namespace concert
