#pragma once
// IFRS 9 expected credit loss of one exposure: its stage (ifrs9_staging.h), the 12-month and
// the lifetime ECL, and the allowance the stage calls for (12-month for stage 1, lifetime for
// stages 2 and 3).
//
// Model (documented in docs/risk_credit.md): EAD and LGD constant over the life; defaults
// follow annual conditional PDs h_1, h_2, … — flat h_k = pd_12m unless a cumulative PD term
// structure C_1 ≤ C_2 ≤ … is supplied (h_k = (C_k − C_{k−1})/(1 − C_{k−1}), the last year's
// h repeated beyond the curve). Survival S(t) = Π(1 − h_k) over whole years times
// (1 − h)^{fraction} within a year. ECL over horizon T = Σ_i (S(t_{i−1}) − S(t_i))·LGD·EAD·
// (1 + EIR)^{−t_i} with t_i the year ends up to T (the last period may be a fraction): a
// default in a year is discounted from that year's end at the effective interest rate.
// 12-month ECL uses T = min(1, remaining), lifetime T = remaining. Stage 3 (credit-impaired)
// has defaulted: both are LGD·EAD, undiscounted. Amounts round half-to-even to minor units.
// Pure functions, thread-safe.
//   RETURN_IF_ERROR(ValidateEclExposure(e, "/exposures/0"));
//   ASSIGN_OR_RETURN(EclResult r, ComputeEcl(e, StagingPolicy{}));
#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "risk/credit/ifrs9_staging.h"

namespace finguard::risk::credit {

struct EclExposure {
  std::string id;
  Money ead;                             // ≥ 0
  double pd_12m = 0;                     // current 12-month PD, (0, 1]
  double lgd = 0;                        // [0, 1]
  int days_past_due = 0;                 // ≥ 0
  std::optional<double> origination_pd;  // (0, 1], for the PD-increase test
  double eir = 0;                        // effective annual interest rate, [0, 1]
  double remaining_years = 1;            // contractual life left, (0, 100]
  std::vector<double> cumulative_pd;  // optional: C_1..C_n at year ends, non-decreasing in [0, 1]
};

struct EclResult {
  std::string id;
  StageDecision stage;
  Money ecl_12m;
  Money ecl_lifetime;
  Money ecl;  // the allowance for the stage
};

// Every bad field of `e` as one kInvalidArgument, fields named `prefix` + "/pd_12m" etc.
Status ValidateEclExposure(const EclExposure& e, const std::string& prefix);

// Present value, per unit of EAD and LGD, of defaults within `horizon_years` under the annual
// conditional PDs `hazards` (non-empty), discounted at `eir`.
double DiscountedDefaultProbability(const std::vector<double>& hazards, double horizon_years,
                                    double eir);

// Assumes a valid exposure; fails only when an amount overflows.
StatusOr<EclResult> ComputeEcl(const EclExposure& e, const StagingPolicy& policy);

}  // namespace finguard::risk::credit
