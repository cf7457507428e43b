#pragma once
// Deterministic pseudo-random numbers that mean the same on every compiler and standard library
// (std:: distributions differ between implementations): splitmix64 and xoshiro256**
// (Blackman and Vigna, https://prng.di.unimi.it/). Used where a seed must reproduce a result —
// the demo institution, Monte Carlo credit losses, the scorecard's train/test split.
// Not thread-safe per object; give each thread or stream its own generator.
//   Xoshiro256 gen(seed);  uint64_t x = gen.Next();
#include <cstdint>

namespace finguard {

// One splitmix64 step: advances `state` and returns the mixed output.
inline uint64_t SplitMix64Next(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// splitmix64 as a hash: the first output of a generator whose state is `x`.
inline uint64_t SplitMix64(uint64_t x) { return SplitMix64Next(x); }

// xoshiro256**: 2^256 − 1 period, passes BigCrush. Its four words are seeded by splitmix64 from
// `splitmix_state`, as its authors recommend.
class Xoshiro256 {
 public:
  explicit Xoshiro256(uint64_t splitmix_state) {
    for (uint64_t& word : s_) word = SplitMix64Next(splitmix_state);
  }
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace finguard
