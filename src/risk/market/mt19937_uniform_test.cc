#include "risk/market/mt19937_uniform.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace finguard::risk::market {
namespace {

TEST(Mt19937UniformTest, ReproducesNumpyLegacyStream) {
  Mt19937Uniform u(42);
  EXPECT_EQ(u.Next(), 0.3745401188473625);
  EXPECT_EQ(u.Next(), 0.9507143064099162);
  EXPECT_EQ(u.Next(), 0.7319939418114051);
  Mt19937Uniform v(7);
  EXPECT_EQ(v.Next(), 0.07630828937395717);
  EXPECT_EQ(v.Next(), 0.7799187922401146);
}

TEST(Mt19937UniformTest, MatchesStdMt19937AndFillMatchesNext) {
  std::mt19937 ref(5489u);
  Mt19937Uniform mine(5489u);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(mine.NextWord(), static_cast<uint32_t>(ref())) << i;
  Mt19937Uniform a(9), b(9);
  a.NextWord();  // leave an odd word so Fill crosses a block boundary mid-pair
  b.NextWord();
  std::vector<double> filled(2000);
  a.Fill(filled.data(), filled.size());
  for (double x : filled) ASSERT_EQ(x, b.Next());
}

}  // namespace
}  // namespace finguard::risk::market
