#include "risk/market/returns.h"

#include <cmath>
#include <string>

namespace finguard::risk::market {

StatusOr<ReturnType> ParseReturnType(std::string_view name) {
  if (name == "simple") return ReturnType::kSimple;
  if (name == "log") return ReturnType::kLog;
  return InvalidArgument("returns must be simple or log, not '" + std::string(name) + "'",
                         {{"returns", "simple or log"}});
}

std::string_view ReturnTypeName(ReturnType type) {
  return type == ReturnType::kSimple ? "simple" : "log";
}

Eigen::MatrixXd Returns(const Eigen::MatrixXd& prices, ReturnType type) {
  const Eigen::Index n = prices.rows() - 1;
  Eigen::MatrixXd r(n < 0 ? 0 : n, prices.cols());
  for (Eigen::Index c = 0; c < prices.cols(); ++c) {
    for (Eigen::Index t = 0; t < n; ++t) {
      // The ratio first, as numpy's p[1:] / p[:-1] does, so both round alike.
      const double ratio = prices(t + 1, c) / prices(t, c);
      r(t, c) = type == ReturnType::kSimple ? ratio - 1.0 : std::log(ratio);
    }
  }
  return r;
}

}  // namespace finguard::risk::market
