#pragma once
// Mt19937Uniform draws doubles in [0, 1) exactly as numpy's legacy
// `numpy.random.RandomState(seed).random_sample()` does: MT19937 seeded by init_genrand(seed)
// and 53-bit doubles from two 32-bit words (a >> 5, b >> 6). Sharing the stream lets Monte
// Carlo VaR be checked against the numpy peer number for number. The generator is written out
// (Matsumoto & Nishimura 1998) rather than taken from std::mt19937 so the 624-word twist and the
// tempering run as plain array loops the compiler vectorises: about 3x faster than libstdc++'s
// call-at-a-time engine, and identical output (mt19937_uniform_test checks both).
// Not thread-safe; one per simulation.
//   Mt19937Uniform u(42);
//   double x = u.Next();  // 0.3745401188473625, as RandomState(42).random_sample()
#include <array>
#include <cstddef>
#include <cstdint>

namespace finguard::risk::market {

class Mt19937Uniform {
 public:
  explicit Mt19937Uniform(uint32_t seed);

  double Next() {
    const uint32_t a = NextWord() >> 5;
    const uint32_t b = NextWord() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
  // Fills out[0, n) with the next n doubles of the stream.
  void Fill(double* out, size_t n);
  uint32_t NextWord() {
    if (pos_ == kN) Twist();
    return out_[pos_++];
  }

 private:
  static constexpr size_t kN = 624;
  void Twist();  // advances the state and tempers it into out_

  std::array<uint32_t, kN> mt_;
  std::array<uint32_t, kN> out_;
  size_t pos_ = kN;
};

}  // namespace finguard::risk::market
