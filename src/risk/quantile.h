#pragma once
// Empirical quantiles of a sample, in the two definitions risk reports use:
//   kLower  — the ⌈n·p⌉-th smallest value (an order statistic, no interpolation), the convention
//             for historical-simulation VaR: with p = 0.01 and 500 scenarios, the 5th worst.
//   kLinear — linear interpolation between order statistics at (n−1)·p, numpy's default
//             `percentile(..., method="linear")`.
// Pure functions; `sorted` must be ascending and non-empty, p in [0, 1].
//   double q = Quantile(sorted_returns, 0.01, QuantileMethod::kLower);
#include <span>
#include <string_view>

#include "common/status.h"

namespace finguard::risk {

enum class QuantileMethod { kLower, kLinear };

StatusOr<QuantileMethod> ParseQuantileMethod(std::string_view name);  // "lower" | "linear"
double Quantile(std::span<const double> sorted, double p, QuantileMethod method);

}  // namespace finguard::risk
