#include "risk/operational/bic.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::risk::operational {
namespace {

using ::testing::HasSubstr;

Money Eur(const char* amount) { return *Money::Parse(amount, "EUR"); }

// Issue 6's vector (the Basel Committee's own arithmetic in OPE25.8's table).
TEST(BicTest, IssueVector35Billion) {
  auto r = ComputeBic(Eur("35000000000"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->bic.ToString(), "5370000000.00");
  EXPECT_EQ(r->bucket, 3);
  ASSERT_EQ(r->shares.size(), 3u);
  EXPECT_EQ(r->shares[0].charge.ToString(), "120000000.00");
  EXPECT_EQ(r->shares[1].portion.ToString(), "29000000000.00");
  EXPECT_EQ(r->shares[1].charge.ToString(), "4350000000.00");
  EXPECT_EQ(r->shares[2].portion.ToString(), "5000000000.00");
  EXPECT_EQ(r->shares[2].charge.ToString(), "900000000.00");
}

TEST(BicTest, BucketBoundaries) {
  EXPECT_EQ(ComputeBic(Eur("0"))->bic.ToString(), "0.00");
  EXPECT_EQ(ComputeBic(Eur("500000000"))->bic.ToString(), "60000000.00");
  auto one = ComputeBic(Eur("1000000000"));
  EXPECT_EQ(one->bic.ToString(), "120000000.00");
  EXPECT_EQ(one->bucket, 1);
  auto over = ComputeBic(Eur("1000000000.01"));
  EXPECT_EQ(over->bucket, 2);
  EXPECT_EQ(over->bic.ToString(), "120000000.00");  // 15% of one cent rounds to 0 (0.15 cent)
  EXPECT_EQ(ComputeBic(Eur("30000000000"))->bic.ToString(), "4470000000.00");  // 0.12 + 4.35
  // 18% of the 25 cents above €30bn is 4.5 cents, which rounds to the even 4.
  auto tie = ComputeBic(Eur("30000000000.25"));
  EXPECT_EQ(tie->shares[2].charge.ToString(), "0.04");
}

TEST(BicTest, RejectsNegativeAndOtherCurrencies) {
  EXPECT_THAT(ComputeBic(Eur("-1")).status().message(), HasSubstr("must not be negative"));
  auto cny = ComputeBic(*Money::Parse("100", "CNY"));
  EXPECT_THAT(cny.status().message(), HasSubstr("must be in EUR"));
  EXPECT_EQ(cny.status().fields()[0].field, "/bi/currency");
}

}  // namespace
}  // namespace finguard::risk::operational
