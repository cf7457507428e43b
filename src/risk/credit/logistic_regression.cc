#include "risk/credit/logistic_regression.h"

#include <cmath>

namespace finguard::risk::credit {

LogisticFit FitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                        const LogisticOptions& options) {
  const Eigen::Index n = x.rows(), p = x.cols();
  Eigen::MatrixXd design(n, p + 1);
  design.col(0).setOnes();
  design.rightCols(p) = x;
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(p + 1);
  Eigen::VectorXd penalty = Eigen::VectorXd::Constant(p + 1, options.l2);
  penalty(0) = 0;
  LogisticFit fit;
  for (int it = 1; it <= options.max_iterations; ++it) {
    const Eigen::VectorXd eta = design * beta;
    const Eigen::VectorXd prob = (1.0 + (-eta.array()).exp()).inverse().matrix();
    const Eigen::VectorXd w = (prob.array() * (1.0 - prob.array())).matrix();
    Eigen::MatrixXd hessian = design.transpose() * w.asDiagonal() * design;
    hessian.diagonal() += penalty;
    const Eigen::VectorXd gradient = design.transpose() * (y - prob) - penalty.cwiseProduct(beta);
    const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
    beta += step;
    fit.iterations = it;
    if (step.cwiseAbs().maxCoeff() < 1e-10) {
      fit.converged = true;
      break;
    }
  }
  fit.intercept = beta(0);
  fit.coefficients = beta.tail(p);
  return fit;
}

}  // namespace finguard::risk::credit
