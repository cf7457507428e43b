#include "risk/quantile.h"

#include <gtest/gtest.h>

#include <vector>

namespace finguard::risk {
namespace {

// Reference values from numpy 1.24: np.percentile(x, q, method="linear") and the order
// statistic definition.
TEST(QuantileTest, MatchesNumpyAndOrderStatistics) {
  std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_DOUBLE_EQ(Quantile(x, 0.25, QuantileMethod::kLinear), 3.25);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.01, QuantileMethod::kLinear), 1.09);
  EXPECT_DOUBLE_EQ(Quantile(x, 0.25, QuantileMethod::kLower), 3);   // ceil(2.5) = 3rd
  EXPECT_DOUBLE_EQ(Quantile(x, 0.01, QuantileMethod::kLower), 1);
  std::vector<double> s500(500);
  for (int i = 0; i < 500; ++i) s500[i] = i;
  EXPECT_DOUBLE_EQ(Quantile(s500, 0.01, QuantileMethod::kLower), 4);  // the 5th smallest
  EXPECT_FALSE(ParseQuantileMethod("nearest").ok());
}

}  // namespace
}  // namespace finguard::risk
