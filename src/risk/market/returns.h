#pragma once
// Daily returns of a price history: simple (P_t / P_{t-1} − 1) or log (ln(P_t / P_{t-1})).
// Pure; prices must be positive (ReadPriceHistory guarantees it).
//   Eigen::MatrixXd r = Returns(history.prices, ReturnType::kLog);  // (dates − 1) x factors
#include <Eigen/Dense>
#include <string_view>

#include "common/status.h"

namespace finguard::risk::market {

enum class ReturnType { kSimple, kLog };

StatusOr<ReturnType> ParseReturnType(std::string_view name);  // "simple" | "log"
std::string_view ReturnTypeName(ReturnType type);

// Row t holds the return from prices.row(t) to prices.row(t + 1).
Eigen::MatrixXd Returns(const Eigen::MatrixXd& prices, ReturnType type);

}  // namespace finguard::risk::market
