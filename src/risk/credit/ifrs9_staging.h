#pragma once
// IFRS 9 impairment staging (IFRS 9 §5.5): which loss allowance an exposure carries.
//   stage 3 — credit-impaired: days past due ≥ 90 (the §B5.5.37 rebuttable presumption of
//             default);
//   stage 2 — a significant increase in credit risk since initial recognition: days past due
//             ≥ 30 (the §5.5.11 rebuttable presumption) or the current 12-month PD above
//             `sicr_pd_multiple` × the PD at origination (when the origination PD is known);
//   stage 1 — otherwise.
// Stage 1 carries 12-month expected credit losses, stages 2 and 3 lifetime ones (see ecl.h).
// The thresholds are a policy the institution sets; the defaults are the standard's
// presumptions and a 3× PD multiple. Pure function, thread-safe; inputs are assumed valid
// (ValidateEclExposure checks them).
//   StageDecision d = AssignStage({.days_past_due = 31, .pd_12m = 0.02}, StagingPolicy{});
//   // d.stage == Ifrs9Stage::k2, d.reason == "days_past_due>=30"
#include <optional>
#include <string>

namespace finguard::risk::credit {

enum class Ifrs9Stage { k1 = 1, k2 = 2, k3 = 3 };

struct StagingPolicy {
  int sicr_days_past_due = 30;
  int impaired_days_past_due = 90;
  double sicr_pd_multiple = 3.0;  // stage 2 when pd_12m > multiple × origination_pd
};

struct StagingFacts {
  int days_past_due = 0;
  double pd_12m = 0;
  std::optional<double> origination_pd;
};

struct StageDecision {
  Ifrs9Stage stage = Ifrs9Stage::k1;
  // "days_past_due>=90", "days_past_due>=30", "pd_increase" or "performing".
  std::string reason;
};

StageDecision AssignStage(const StagingFacts& facts, const StagingPolicy& policy);

}  // namespace finguard::risk::credit
