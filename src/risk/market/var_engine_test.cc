#include "risk/market/var_engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include <cmath>
#include <nlohmann/json.hpp>

#include "risk/market/market_test_data.h"

namespace finguard::risk::market {
namespace {

using ::testing::HasSubstr;

struct Book {
  PriceHistory history;
  std::vector<Position> positions;
};

Book LoadFixture() {
  Book b;
  // Built from ../shared/data by scripts/test.sh (`make test`); see market_test_data.h.
  if (std::getenv("FINGUARD_MARKET_HISTORY") == nullptr) {
    std::fprintf(stderr,
                 "FINGUARD_MARKET_HISTORY is not set: run `make test`, or build it with "
                 "/usr/bin/python3 bench/peers/market_var_peer.py history --since 2015-01-01 ...\n");
    std::abort();
  }
  auto h = CsvTable::FromText(testdata::Read("history.csv"));
  EXPECT_TRUE(h.ok());
  auto history = ReadPriceHistory(*h, "history.csv");
  EXPECT_TRUE(history.ok()) << history.status().message();
  b.history = *history;
  auto p = CsvTable::FromText(testdata::Read("positions.csv"));
  auto positions = ReadPositions(*p, "positions.csv", b.history);
  EXPECT_TRUE(positions.ok()) << positions.status().message();
  b.positions = *positions;
  return b;
}

// Every case of tests/data/market/var_expected.json (numpy peer, market_fixtures.sh): three
// methods × lower/linear × simple/log returns, Monte Carlo also with Student-t, 10-day horizon.
TEST(VarEngineTest, EqualsNumpyPeerOnSp500AndUsdCny) {
  Book b = LoadFixture();
  auto cases = nlohmann::json::parse(testdata::Read("var_expected.json"));
  ASSERT_EQ(cases.size(), 16u);
  for (const auto& c : cases) {
    VarOptions o;
    o.method = *ParseVarMethod(c["method"].get<std::string>());
    o.quantile = *ParseQuantileMethod(c["quantile"].get<std::string>());
    o.returns = *ParseReturnType(c["returns"].get<std::string>());
    o.distribution = *ParseMcDistribution(c["distribution"].get<std::string>());
    o.window = 500;
    o.horizon_days = 10;
    o.paths = 20000;
    o.seed = 7;
    o.df = 4;
    auto r = ComputeVar(b.history, b.positions, o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    const auto& want = c["expected"];
    std::string label = c.dump();
    EXPECT_EQ(r->observations, want["observations"].get<int>()) << label;
    EXPECT_TRUE(testdata::Near(r->one_day.var, want["one_day"]["var"])) << label;
    EXPECT_TRUE(testdata::Near(r->one_day.es, want["one_day"]["es"])) << label;
    EXPECT_TRUE(testdata::Near(r->horizon.var, want["var"])) << label;
    EXPECT_TRUE(testdata::Near(r->horizon.es, want["es"])) << label;
    EXPECT_TRUE(testdata::Near(r->pnl_stdev, want["pnl_stdev"])) << label;
    EXPECT_EQ(r->window_start.ToString(), want["window_start"].get<std::string>()) << label;
  }
}

// Hand-checkable: 10 scenarios, α = 0.8 → ⌈10 × 0.2⌉ = 2nd worst loss; ES at 0.7 → mean of
// the 3 worst. Linear: numpy.quantile(pnl, 0.2) = −6.4, numpy.quantile(pnl, 0.3) = −2.5.
TEST(EmpiricalTailTest, LowerAndLinearDefinitions) {
  std::vector<double> pnl = {5, -10, 3, -8, 1, -6, 2, 4, -1, 0};
  TailMeasures lower = EmpiricalTail(pnl, 0.8, 0.7, QuantileMethod::kLower);
  EXPECT_DOUBLE_EQ(lower.var, 8);
  EXPECT_DOUBLE_EQ(lower.es, 8);  // (10 + 8 + 6) / 3
  TailMeasures linear = EmpiricalTail(pnl, 0.8, 0.7, QuantileMethod::kLinear);
  EXPECT_DOUBLE_EQ(linear.var, 6.4);  // −(−8 + 0.8 × (−6 − (−8)))
  EXPECT_DOUBLE_EQ(linear.es, 8);     // P&Ls ≤ −2.5: mean(−10, −8, −6)
}

TEST(VarEngineTest, ParametricMatchesClosedForm) {
  // Two dates-worth of returns cannot be tested by hand; a one-factor series can:
  // prices 100, 101, 99, 102 → simple returns 0.01, −0.0198..., 0.0303...
  auto csv = CsvTable::FromText(
      "date,X\n2020-01-01,100\n2020-01-02,101\n2020-01-03,99\n"
      "2020-01-06,102\n");
  auto h = ReadPriceHistory(*csv, "h.csv");
  ASSERT_TRUE(h.ok());
  std::vector<Position> p = {{"a", "X", 1000}};
  VarOptions o{.method = VarMethod::kParametric, .confidence = 0.99, .es_confidence = 0.975};
  auto r = ComputeVar(*h, p, o);
  ASSERT_TRUE(r.ok());
  std::vector<double> x = {1000 * (101.0 / 100 - 1), 1000 * (99.0 / 101 - 1),
                           1000 * (102.0 / 99 - 1)};
  double m = (x[0] + x[1] + x[2]) / 3;
  double s =
      std::sqrt(((x[0] - m) * (x[0] - m) + (x[1] - m) * (x[1] - m) + (x[2] - m) * (x[2] - m)) / 2);
  EXPECT_NEAR(r->one_day.var, -m + s * 2.3263478740408408, 1e-9);
  // φ(1.959963984540054) / 0.025 = 2.3378027922014...
  EXPECT_NEAR(r->one_day.es, -m + s * 2.3378027922013575, 1e-9);
}

TEST(VarEngineTest, RejectsBadOptions) {
  Book b = LoadFixture();
  VarOptions o;
  o.confidence = 1.2;
  auto r = ComputeVar(b.history, b.positions, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("confidence: 1.2 is outside (0.5, 1)"));
  o.confidence = 0.5;
  EXPECT_FALSE(ComputeVar(b.history, b.positions, o).ok());
  o = VarOptions{
      .method = VarMethod::kMonteCarlo, .distribution = McDistribution::kStudentT, .df = 2};
  EXPECT_THAT(ComputeVar(b.history, b.positions, o).status().message(), HasSubstr("df"));
  EXPECT_FALSE(ParseVarMethod("delta").ok());
}

TEST(VarEngineTest, MonteCarloNeedsPositiveDefiniteCovariance) {
  auto csv = CsvTable::FromText(
      "date,X,Y\n2020-01-01,100,5\n2020-01-02,101,5\n2020-01-03,99,5\n"
      "2020-01-06,102,5\n");
  auto h = ReadPriceHistory(*csv, "h.csv");
  ASSERT_TRUE(h.ok());
  std::vector<Position> p = {{"a", "X", 1000}, {"b", "Y", 10}};
  VarOptions o{.method = VarMethod::kMonteCarlo};
  auto r = ComputeVar(*h, p, o);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("not positive definite"));
}

}  // namespace
}  // namespace finguard::risk::market
