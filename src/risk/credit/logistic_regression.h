#pragma once
// Logistic regression P(y = 1 | x) = 1 / (1 + e^{−(b0 + x·b)}) fitted by iteratively reweighted
// least squares (Newton's method on the log-likelihood) with Eigen. Optional L2 penalty
// ½·λ·‖b‖² on the slopes (never on the intercept). Stops when the largest coefficient change is
// below 1e-10 or after 100 iterations. Pure function; thread-safe.
//   LogisticFit f = FitLogistic(X, y, {.l2 = 0});
//   double p = f.Probability(row);
#include <Eigen/Dense>

namespace finguard::risk::credit {

struct LogisticOptions {
  double l2 = 0;
  int max_iterations = 100;
};

struct LogisticFit {
  double intercept = 0;
  Eigen::VectorXd coefficients;
  int iterations = 0;
  bool converged = false;

  double LinearPredictor(const Eigen::VectorXd& x) const { return intercept + x.dot(coefficients); }
};

// `x` is n×p (no intercept column), `y` holds 0/1.
LogisticFit FitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                        const LogisticOptions& options);

}  // namespace finguard::risk::credit
