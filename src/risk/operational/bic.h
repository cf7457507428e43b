#pragma once
// The Business Indicator Component of the Basel standardised approach for operational risk
// (Basel Framework OPE25.6–25.8): the Business Indicator (BI) times marginal coefficients of
// 12% up to €1bn, 15% from €1bn to €30bn and 18% above €30bn. Example: BI €35bn →
// 0.12·1 + 0.15·29 + 0.18·5 = €5.37bn. Computed exactly in minor units (128-bit intermediate),
// the one rounding half-to-even to the cent. The bucket thresholds are in euros, so BI must be
// in EUR (convert first). Pure function, thread-safe; kInvalidArgument for a negative BI or
// another currency.
//   ASSIGN_OR_RETURN(Money bi, Money::Parse("35000000000", "EUR"));
//   ASSIGN_OR_RETURN(BicResult r, ComputeBic(bi));  // r.bic.ToString() == "5370000000.00"
#include <nlohmann/json.hpp>
#include <vector>

#include "common/money.h"
#include "common/status.h"

namespace finguard::risk::operational {

struct BicBucketShare {
  int bucket = 0;          // 1, 2, 3
  double coefficient = 0;  // 0.12, 0.15, 0.18
  Money portion;           // part of BI that falls in this bucket
  Money charge;            // coefficient × portion (rounded half-to-even)
};

struct BicResult {
  Money bi;
  Money bic;
  int bucket = 1;                      // the bucket BI falls in
  std::vector<BicBucketShare> shares;  // one per bucket BI reaches
};

StatusOr<BicResult> ComputeBic(const Money& bi);

// {"bi":Money,"bic":Money,"bucket":3,"buckets":[{"bucket","coefficient","portion","charge"}]},
// the shape of `POST /api/v1/risk/bic` and `finguard risk bic --json`.
nlohmann::json BicJson(const BicResult& r);

}  // namespace finguard::risk::operational
