#include "risk/quantile.h"

#include <algorithm>
#include <cmath>

namespace finguard::risk {

StatusOr<QuantileMethod> ParseQuantileMethod(std::string_view name) {
  if (name == "lower") return QuantileMethod::kLower;
  if (name == "linear") return QuantileMethod::kLinear;
  return InvalidArgument("quantile method must be lower or linear, not '" + std::string(name) + "'");
}

double Quantile(std::span<const double> sorted, double p, QuantileMethod method) {
  const size_t n = sorted.size();
  if (method == QuantileMethod::kLower) {
    // ⌈n·p⌉ computed with a small tolerance so 500 × 0.01 is 5, not 6 after rounding error.
    double k = std::ceil(static_cast<double>(n) * p - 1e-9);
    size_t index = k < 1 ? 0 : std::min(n - 1, static_cast<size_t>(k) - 1);
    return sorted[index];
  }
  double h = static_cast<double>(n - 1) * p;
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(n - 1, lo + 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace finguard::risk
