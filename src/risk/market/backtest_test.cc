#include "risk/market/backtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "risk/market/market_test_data.h"

namespace finguard::risk::market {
namespace {

using ::testing::HasSubstr;

// The issue's test vector (as in MATLAB's varbacktest documentation): 1,043 observations,
// 57 failures, 95% VaR → LR 0.46147, p-value 0.49694.
TEST(KupiecTest, IssueVector) {
  LikelihoodRatio lr = KupiecPof(1043, 57, 0.05);
  EXPECT_NEAR(lr.statistic, 0.46147, 5e-6);
  EXPECT_NEAR(lr.p_value, 0.49694, 5e-6);
  EXPECT_EQ(lr.degrees_of_freedom, 1);
}

TEST(KupiecTest, ZeroAndAllFailures) {
  // x = 0: LR = −2 n ln(1 − p); 250 days at 99% → 5.0252...
  EXPECT_NEAR(KupiecPof(250, 0, 0.01).statistic, -2 * 250 * std::log(0.99), 1e-12);
  EXPECT_NEAR(KupiecPof(10, 10, 0.01).statistic, -2 * 10 * std::log(0.01), 1e-12);
}

TEST(TrafficLightTest, BaselZones) {
  EXPECT_EQ(BaselTrafficLight(0).zone, "green");
  EXPECT_EQ(BaselTrafficLight(4).zone, "green");
  EXPECT_EQ(BaselTrafficLight(5).zone, "yellow");
  EXPECT_DOUBLE_EQ(BaselTrafficLight(5).plus_factor, 0.40);
  EXPECT_EQ(BaselTrafficLight(9).zone, "yellow");
  EXPECT_DOUBLE_EQ(BaselTrafficLight(9).plus_factor, 0.85);
  EXPECT_EQ(BaselTrafficLight(10).zone, "red");
  EXPECT_DOUBLE_EQ(BaselTrafficLight(10).plus_factor, 1.0);
}

TEST(ChristoffersenTest, CountsTransitions) {
  std::vector<bool> e = {false, true, true, false, false, true, false};
  ChristoffersenResult c = Christoffersen(e, 0.05);
  EXPECT_EQ(c.n00, 1);
  EXPECT_EQ(c.n01, 2);
  EXPECT_EQ(c.n10, 2);
  EXPECT_EQ(c.n11, 1);
  EXPECT_EQ(c.conditional_coverage.degrees_of_freedom, 2);
}

StatusOr<BacktestSeries> Series(const std::string& pnl, const std::string& var) {
  auto p = CsvTable::FromText(pnl);
  auto v = CsvTable::FromText(var);
  if (!p.ok()) return p.status();
  if (!v.ok()) return v.status();
  return ReadBacktestSeries(*p, "pnl.csv", *v, "var.csv");
}

// The peer's rolling 250-day historical VaR of the fixture book and its realised P&L
// (tests/data/market/pnl.csv, var.csv) with the peer's answers in backtest_expected.json.
TEST(BacktestTest, EqualsNumpyPeer) {
  auto s = Series(testdata::Read("pnl.csv"), testdata::Read("var.csv"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  BacktestResult r = RunBacktest(*s, 0.99, 250);
  auto want = nlohmann::json::parse(testdata::Read("backtest_expected.json"));
  EXPECT_EQ(r.observations, want["observations"].get<int>());
  EXPECT_EQ(r.exceptions, want["exceptions"].get<int>());
  EXPECT_TRUE(testdata::Near(r.kupiec.statistic, want["kupiec_pof"]["statistic"]));
  EXPECT_TRUE(testdata::Near(r.kupiec.p_value, want["kupiec_pof"]["p_value"]));
  const auto& c = want["christoffersen"];
  EXPECT_EQ(r.christoffersen.n11, c["transitions"]["n11"].get<int>());
  EXPECT_EQ(r.christoffersen.n01, c["transitions"]["n01"].get<int>());
  EXPECT_TRUE(
      testdata::Near(r.christoffersen.independence.statistic, c["independence"]["statistic"]));
  EXPECT_TRUE(testdata::Near(r.christoffersen.independence.p_value, c["independence"]["p_value"]));
  EXPECT_TRUE(testdata::Near(r.christoffersen.conditional_coverage.p_value,
                             c["conditional_coverage"]["p_value"]));
  ASSERT_TRUE(r.traffic_light.has_value());
  EXPECT_EQ(r.traffic_light->zone, want["traffic_light"]["zone"].get<std::string>());
  EXPECT_EQ(r.traffic_light->exceptions, want["traffic_light"]["exceptions"].get<int>());
  EXPECT_EQ(r.rolling_exceptions, want["rolling_exceptions"].get<std::vector<int>>());
}

TEST(BacktestTest, ExceptionIsLossLargerThanVar) {
  auto s = Series("date,pnl\n2020-01-02,-10\n2020-01-03,-10.5\n2020-01-06,5\n",
                  "date,var\n2020-01-02,10\n2020-01-03,10\n2020-01-06,1\n");
  ASSERT_TRUE(s.ok()) << s.status().message();
  BacktestResult r = RunBacktest(*s, 0.99, 2);
  EXPECT_EQ(r.exception, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(r.rolling_exceptions, (std::vector<int>{0, 1, 1}));
  EXPECT_FALSE(r.traffic_light.has_value());  // fewer than 250 days
}

TEST(BacktestTest, MismatchedDatesNameTheLine) {
  auto s = Series("date,pnl\n2020-01-02,-10\n2020-01-03,-10.5\n",
                  "date,var\n2020-01-02,10\n2020-01-06,10\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(),
            "var.csv: line 3, column 1 (date): 2020-01-06 does not match 2020-01-03 on line 3 of "
            "pnl.csv; both files need the same dates");
  auto shorter =
      Series("date,pnl\n2020-01-02,-10\n2020-01-03,-10.5\n", "date,var\n2020-01-02,10\n");
  EXPECT_THAT(shorter.status().message(),
              HasSubstr("pnl.csv: line 3, column 1 (date): 2020-01-03 has no row in var.csv"));
  auto negative = Series("date,pnl\n2020-01-02,-10\n", "date,var\n2020-01-02,-3\n");
  EXPECT_THAT(negative.status().message(),
              HasSubstr("var.csv: line 2, column 2 (var): VaR -3 is negative"));
  auto unordered =
      Series("date,pnl\n2020-01-03,1\n2020-01-02,2\n", "date,var\n2020-01-03,1\n2020-01-02,1\n");
  EXPECT_THAT(unordered.status().message(), HasSubstr("pnl.csv: line 3, column 1 (date)"));
  EXPECT_FALSE(ValidateBacktestOptions(1.0, 250).ok());
  EXPECT_FALSE(ValidateBacktestOptions(0.99, 0).ok());
}

}  // namespace
}  // namespace finguard::risk::market
