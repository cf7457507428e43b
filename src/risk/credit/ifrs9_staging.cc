#include "risk/credit/ifrs9_staging.h"

namespace finguard::risk::credit {

StageDecision AssignStage(const StagingFacts& facts, const StagingPolicy& policy) {
  if (facts.days_past_due >= policy.impaired_days_past_due) {
    return {Ifrs9Stage::k3, "days_past_due>=" + std::to_string(policy.impaired_days_past_due)};
  }
  if (facts.days_past_due >= policy.sicr_days_past_due) {
    return {Ifrs9Stage::k2, "days_past_due>=" + std::to_string(policy.sicr_days_past_due)};
  }
  if (facts.origination_pd && facts.pd_12m > policy.sicr_pd_multiple * *facts.origination_pd) {
    return {Ifrs9Stage::k2, "pd_increase"};
  }
  return {Ifrs9Stage::k1, "performing"};
}

}  // namespace finguard::risk::credit
