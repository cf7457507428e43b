#include "risk/market/mt19937_uniform.h"

namespace finguard::risk::market {
namespace {

constexpr uint32_t kUpper = 0x80000000u, kLower = 0x7fffffffu, kMatrixA = 0x9908b0dfu;
constexpr size_t kM = 397;

inline uint32_t Mix(uint32_t cur, uint32_t next, uint32_t far) {
  const uint32_t y = (cur & kUpper) | (next & kLower);
  return far ^ (y >> 1) ^ (-(y & 1u) & kMatrixA);  // branch-free, so the loops vectorise
}

}  // namespace

Mt19937Uniform::Mt19937Uniform(uint32_t seed) {
  mt_[0] = seed;
  for (size_t i = 1; i < kN; ++i)
    mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<uint32_t>(i);
}

void Mt19937Uniform::Twist() {
  // Split at the wrap-arounds so each loop reads only words it does not write.
  for (size_t i = 0; i < kN - kM; ++i) mt_[i] = Mix(mt_[i], mt_[i + 1], mt_[i + kM]);
  for (size_t i = kN - kM; i < kN - 1; ++i) mt_[i] = Mix(mt_[i], mt_[i + 1], mt_[i + kM - kN]);
  mt_[kN - 1] = Mix(mt_[kN - 1], mt_[0], mt_[kM - 1]);
  for (size_t i = 0; i < kN; ++i) {
    uint32_t y = mt_[i];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    out_[i] = y;
  }
  pos_ = 0;
}

void Mt19937Uniform::Fill(double* out, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (pos_ == kN) Twist();
    // Whole pairs available in this block, converted in one vectorisable loop.
    size_t pairs = (kN - pos_) / 2;
    if (pairs == 0) {  // one word left: take the slow path across the block boundary
      out[i++] = Next();
      continue;
    }
    if (pairs > n - i) pairs = n - i;
    const uint32_t* w = out_.data() + pos_;
    for (size_t k = 0; k < pairs; ++k)
      out[i + k] = ((w[2 * k] >> 5) * 67108864.0 + (w[2 * k + 1] >> 6)) / 9007199254740992.0;
    pos_ += 2 * pairs;
    i += pairs;
  }
}

}  // namespace finguard::risk::market
