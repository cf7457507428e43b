#include "risk/credit/money_rounding.h"

#include <cmath>
#include <string>

namespace finguard::risk::credit {

StatusOr<Money> RoundToMoney(double minor_units, std::string_view currency) {
  // 2^63 is exactly representable; anything at or beyond it does not fit int64.
  if (!std::isfinite(minor_units) || std::fabs(minor_units) >= 9.2233720368547758e18) {
    return InvalidArgument("computed amount is out of range for " + std::string(currency));
  }
  // std::nearbyint rounds in the current floating-point mode: round-to-nearest, ties to even,
  // unless changed, and FinGuard never changes it.
  const double r = std::nearbyint(minor_units);
  return Money::FromMinorUnits(static_cast<int64_t>(r), currency);
}

StatusOr<Money> ScaleMoney(const Money& amount, double factor) {
  return RoundToMoney(static_cast<double>(amount.minor_units()) * factor, amount.currency());
}

}  // namespace finguard::risk::credit
