#include "risk/credit/logistic_regression.h"

#include <gtest/gtest.h>

#include <cmath>

namespace finguard::risk::credit {
namespace {

// Expected values: `bench/peers/scorecard_peer.py logit` (scikit-learn LogisticRegression,
// penalty=None, solver newton-cholesky, tol 1e-14) on the same twelve rows (y,x1,x2).
TEST(LogisticRegressionTest, MatchesScikitLearnUnpenalisedFit) {
  const double rows[12][3] = {{0, 0.5, 1.2}, {0, 1.0, 0.3}, {1, 1.5, 2.1}, {0, 2.0, 0.8},
                              {1, 2.5, 1.9}, {0, 3.0, 0.1}, {1, 3.5, 1.4}, {1, 4.0, 0.6},
                              {0, 4.5, 2.5}, {1, 5.0, 1.1}, {1, 5.5, 0.9}, {0, 6.0, 1.7}};
  Eigen::MatrixXd x(12, 2);
  Eigen::VectorXd y(12);
  for (int i = 0; i < 12; ++i) {
    y(i) = rows[i][0];
    x(i, 0) = rows[i][1];
    x(i, 1) = rows[i][2];
  }
  LogisticFit fit = FitLogistic(x, y, {});
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.intercept, -1.342753527814514, 1e-6);
  EXPECT_NEAR(fit.coefficients(0), 0.2672316806135831, 1e-6);
  EXPECT_NEAR(fit.coefficients(1), 0.38988051717186656, 1e-6);

  // The penalty shrinks the slopes toward zero and leaves the fit's score equation for the
  // intercept intact: Σ (y − p) = 0.
  LogisticFit ridge = FitLogistic(x, y, {.l2 = 5});
  EXPECT_LT(ridge.coefficients.norm(), fit.coefficients.norm());
  double residual = 0;
  for (int i = 0; i < 12; ++i)
    residual += y(i) - 1 / (1 + std::exp(-ridge.LinearPredictor(x.row(i).transpose())));
  EXPECT_NEAR(residual, 0, 1e-9);
}

// With no features the fit is the log-odds of the base rate: 3 bads in 4 → ln 3.
TEST(LogisticRegressionTest, InterceptOnlyIsLogOddsOfBaseRate) {
  Eigen::MatrixXd x(4, 0);
  Eigen::VectorXd y(4);
  y << 1, 1, 1, 0;
  EXPECT_NEAR(FitLogistic(x, y, {}).intercept, std::log(3.0), 1e-12);
}

}  // namespace
}  // namespace finguard::risk::credit
