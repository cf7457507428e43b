#include "risk/credit/copula_portfolio.h"

#include <gtest/gtest.h>

#include <cmath>

namespace finguard::risk::credit {
namespace {

// A homogeneous book of 2,000 exposures of 1.00 each (100 minor units), PD 1%, LGD 45%, ρ 0.12.
std::vector<PortfolioExposure> Homogeneous(int n) {
  return std::vector<PortfolioExposure>(
      n, PortfolioExposure{.ead = 100, .pd = 0.01, .lgd = 0.45, .correlation = 0.12});
}

// Vasicek's large-portfolio 99.9% quantile, LGD·N((G(PD) + √ρ·G(0.999))/√(1 − ρ)) = 0.0406466
// per unit of EAD (scipy). For 2,000 names the exact finite-portfolio quantile (the binomial
// mixture over Z, integrated numerically in scipy) is 183 defaults = 0.041175, 1.3% above; the
// simulation's own standard error at 100,000 paths is about 2% of the quantile.
TEST(CopulaPortfolioTest, ApproachesVasicekQuantileForManySmallExposures) {
  EXPECT_NEAR(VasicekLossQuantile(0.01, 0.45, 0.12, 0.999), 0.04064662409672939, 1e-14);
  auto book = Homogeneous(2000);
  CopulaSettings settings{.paths = 100000, .seed = 20261127};
  ASSERT_TRUE(ValidatePortfolio(book, settings).ok());
  LossDistribution d = SimulatePortfolioLosses(book, settings);
  const double total = 2000 * 100.0;
  EXPECT_NEAR(d.expected_loss / total, 0.0045, 1e-15);
  EXPECT_NEAR(d.var / total, 0.041175, 0.06 * 0.041175);
  EXPECT_NEAR(d.var / total, 0.04064662409672939, 0.07 * 0.0406466);
  // Mean within four standard errors of the analytic EL.
  EXPECT_NEAR(d.mean_loss, d.expected_loss, 4 * d.unexpected_loss / std::sqrt(100000.0));
  EXPECT_GT(d.expected_shortfall, d.var);
  EXPECT_DOUBLE_EQ(d.economic_capital, d.var - d.expected_loss);
}

// Without correlation the defaults are independent: the loss count is binomial, whose standard
// deviation is known exactly.
TEST(CopulaPortfolioTest, ZeroCorrelationGivesBinomialSpread) {
  std::vector<PortfolioExposure> book(
      500, PortfolioExposure{.ead = 1, .pd = 0.05, .lgd = 1, .correlation = 0});
  LossDistribution d = SimulatePortfolioLosses(book, {.paths = 50000, .seed = 3});
  const double sd = std::sqrt(500 * 0.05 * 0.95);  // 4.873
  EXPECT_NEAR(d.unexpected_loss, sd, 0.03 * sd);
  EXPECT_NEAR(d.mean_loss, 25, 4 * sd / std::sqrt(50000.0));
}

TEST(CopulaPortfolioTest, SameSeedSameLossesWhateverTheThreads) {
  std::vector<PortfolioExposure> book = {
      {.ead = 1e6, .pd = 0.02, .lgd = 0.4, .correlation = 0.2},
      {.ead = 5e5, .pd = 0.05, .lgd = 0.6, .correlation = 0.1},
      {.ead = 2e6, .pd = 0.001, .lgd = 0.3, .correlation = 0.24}};
  LossDistribution one = SimulatePortfolioLosses(book, {.paths = 20000, .seed = 9, .threads = 1});
  LossDistribution two = SimulatePortfolioLosses(book, {.paths = 20000, .seed = 9, .threads = 2});
  EXPECT_EQ(one.mean_loss, two.mean_loss);
  EXPECT_EQ(one.var, two.var);
  EXPECT_EQ(one.unexpected_loss, two.unexpected_loss);
  LossDistribution other = SimulatePortfolioLosses(book, {.paths = 20000, .seed = 10});
  EXPECT_NE(one.mean_loss, other.mean_loss);
}

TEST(CopulaPortfolioTest, ValidationNamesExposureFields) {
  std::vector<PortfolioExposure> book = {{.ead = 1, .pd = 0.01, .lgd = 0.4},
                                         {.ead = -1, .pd = 1.5, .lgd = 0.4, .correlation = 1}};
  Status s = ValidatePortfolio(book, {.paths = 10});
  ASSERT_EQ(s.fields().size(), 4u);
  EXPECT_EQ(s.fields()[0].field, "/exposures/1/ead");
  EXPECT_EQ(s.fields()[1].field, "/exposures/1/pd");
  EXPECT_EQ(s.fields()[2].field, "/exposures/1/correlation");
  EXPECT_EQ(s.fields()[3].field, "/paths");
  EXPECT_FALSE(ValidatePortfolio({}, {}).ok());
}

}  // namespace
}  // namespace finguard::risk::credit
