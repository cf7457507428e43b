#include "risk/credit/woe_binning.h"

#include <gtest/gtest.h>

#include <cmath>

namespace finguard::risk::credit {
namespace {

// Two bins, 40 good/10 bad and 60 good/40 bad, smoothed by 0.5 per cell:
// WoE_A = ln((40.5/101)/(10.5/51)) = 0.66663183…, WoE_B = ln((60.5/101)/(40.5/51)) = −0.28195349…
TEST(WoeBinningTest, WoeAndIvOfATinyTable) {
  std::vector<WoeBin> bins(2);
  bins[0].good = 40;
  bins[0].bad = 10;
  bins[1].good = 60;
  bins[1].bad = 40;
  const double iv = ComputeWoe(bins);
  EXPECT_NEAR(bins[0].woe, std::log((40.5 / 101) / (10.5 / 51)), 1e-15);
  EXPECT_NEAR(bins[0].woe, 0.6666318328320823, 1e-12);
  EXPECT_NEAR(bins[1].woe, -0.2819534931926313, 1e-12);
  EXPECT_NEAR(iv, (40.5 / 101 - 10.5 / 51) * bins[0].woe + (60.5 / 101 - 40.5 / 51) * bins[1].woe,
              1e-15);
  EXPECT_NEAR(iv, 0.18507634491454808, 1e-12);
}

TEST(WoeBinningTest, NumericBinsAreMonotonicLargeEnoughAndKeepMissingApart) {
  // Bad rate falls with x from 60% to 5%, with a bump at x in [40, 45) that must be merged away.
  std::vector<std::optional<double>> x;
  std::vector<int> bad;
  for (int i = 0; i < 1000; ++i) {
    const int v = i % 100;
    x.push_back(v);
    const int rate = (v >= 40 && v < 45) ? 80 : 60 - v * 55 / 100;  // percent
    bad.push_back((i * 37) % 100 < rate);
  }
  for (int i = 0; i < 50; ++i) {
    x.push_back(std::nullopt);
    bad.push_back(i % 2);
  }
  FeatureBinning b = BinNumeric("x", x, bad, {.pre_bins = 20, .min_share = 0.05});
  ASSERT_GE(b.bins.size(), 3u);
  ASSERT_TRUE(b.bins.back().missing);
  EXPECT_EQ(b.bins.back().good + b.bins.back().bad, 50);
  EXPECT_TRUE(std::isinf(b.bins[b.bins.size() - 2].upper));
  for (size_t i = 0; i + 2 < b.bins.size(); ++i) {
    EXPECT_LT(b.bins[i].upper, b.bins[i + 1].upper);
    EXPECT_LT(b.bins[i].woe, b.bins[i + 1].woe) << "bin " << i;  // fewer bads as x grows
  }
  for (size_t i = 0; i + 1 < b.bins.size(); ++i)
    EXPECT_GE(b.bins[i].good + b.bins[i].bad, 0.05 * 1000);
  EXPECT_GT(b.iv, 0.1);
  EXPECT_DOUBLE_EQ(b.WoeOfNumber(std::nullopt), b.bins.back().woe);
  EXPECT_DOUBLE_EQ(b.WoeOfNumber(-5.0), b.bins.front().woe);
  EXPECT_DOUBLE_EQ(b.WoeOfNumber(1e9), b.bins[b.bins.size() - 2].woe);
}

TEST(WoeBinningTest, CategoriesGroupedByWoeAndSmallOnesMerged) {
  // a: 100 rows, 10% bad; b: 100 rows, 50% bad; c: 2 rows (1% of 202), both bad.
  std::vector<std::optional<std::string>> x;
  std::vector<int> bad;
  for (int i = 0; i < 100; ++i) {
    x.push_back("a");
    bad.push_back(i < 10);
    x.push_back("b");
    bad.push_back(i < 50);
  }
  x.push_back("c");
  bad.push_back(1);
  x.push_back("c");
  bad.push_back(1);
  FeatureBinning f = BinCategorical("cat", x, bad, {.pre_bins = 20, .min_share = 0.05});
  ASSERT_EQ(f.bins.size(), 2u);  // no missing values → no missing bin
  EXPECT_EQ(f.bins[0].categories, (std::vector<std::string>{"c", "b"}));  // in WoE order
  EXPECT_EQ(f.bins[1].categories, (std::vector<std::string>{"a"}));
  EXPECT_DOUBLE_EQ(f.WoeOfCategory("c"), f.bins[0].woe);
  EXPECT_DOUBLE_EQ(f.WoeOfCategory("unseen"), 0.0);
  EXPECT_DOUBLE_EQ(f.WoeOfCategory(std::nullopt), 0.0);
}

}  // namespace
}  // namespace finguard::risk::credit
