#include "risk/credit/ecl.h"

#include <cmath>

#include "risk/credit/money_rounding.h"

namespace finguard::risk::credit {
namespace {

bool InUnit(double x) { return x >= 0 && x <= 1; }  // false for NaN

std::vector<double> Hazards(const EclExposure& e) {
  if (e.cumulative_pd.empty()) return {e.pd_12m};
  std::vector<double> h;
  double previous = 0;
  for (double c : e.cumulative_pd) {
    // Once everything has defaulted the conditional PD no longer matters; call it 1.
    h.push_back(previous >= 1 ? 1.0 : (c - previous) / (1 - previous));
    previous = c;
  }
  return h;
}

}  // namespace

Status ValidateEclExposure(const EclExposure& e, const std::string& prefix) {
  std::vector<FieldError> errors;
  auto bad = [&](const char* field, const char* reason) {
    errors.push_back({prefix + "/" + field, reason});
  };
  if (e.ead.IsNegative()) bad("ead", "must not be negative");
  if (!(e.pd_12m > 0 && e.pd_12m <= 1)) bad("pd_12m", "must be in (0, 1]");
  if (!InUnit(e.lgd)) bad("lgd", "must be in [0, 1]");
  if (e.days_past_due < 0) bad("days_past_due", "must not be negative");
  if (e.origination_pd && !(*e.origination_pd > 0 && *e.origination_pd <= 1)) {
    bad("origination_pd", "must be in (0, 1]");
  }
  if (!InUnit(e.eir)) bad("eir", "must be in [0, 1] (an annual rate, 0.05 for 5%)");
  if (!(e.remaining_years > 0 && e.remaining_years <= 100)) {
    bad("remaining_years", "must be in (0, 100]");
  }
  double previous = 0;
  for (double c : e.cumulative_pd) {
    if (!InUnit(c) || c < previous) {
      bad("cumulative_pd", "must be non-decreasing values in [0, 1]");
      break;
    }
    previous = c;
  }
  if (errors.empty()) return OkStatus();
  return InvalidArgument("invalid exposure: " + errors[0].field + " " + errors[0].reason, errors);
}

double DiscountedDefaultProbability(const std::vector<double>& hazards, double horizon_years,
                                    double eir) {
  double survival = 1, pv = 0;
  for (int year = 1; year - 1 < horizon_years; ++year) {
    double h = hazards[std::min<size_t>(year - 1, hazards.size() - 1)];
    double end = std::min<double>(year, horizon_years);
    double fraction = end - (year - 1);
    double next = survival * (fraction == 1 ? 1 - h : std::pow(1 - h, fraction));
    pv += (survival - next) * std::pow(1 + eir, -end);
    survival = next;
  }
  return pv;
}

StatusOr<EclResult> ComputeEcl(const EclExposure& e, const StagingPolicy& policy) {
  EclResult r{.id = e.id,
              .stage = AssignStage({e.days_past_due, e.pd_12m, e.origination_pd}, policy),
              .ecl_12m = e.ead,
              .ecl_lifetime = e.ead,
              .ecl = e.ead};
  double rate_12m, rate_lifetime;
  if (r.stage.stage == Ifrs9Stage::k3) {
    rate_12m = rate_lifetime = e.lgd;
  } else {
    std::vector<double> h = Hazards(e);
    rate_12m = e.lgd * DiscountedDefaultProbability(h, std::min(1.0, e.remaining_years), e.eir);
    rate_lifetime = e.lgd * DiscountedDefaultProbability(h, e.remaining_years, e.eir);
  }
  ASSIGN_OR_RETURN(r.ecl_12m, ScaleMoney(e.ead, rate_12m));
  ASSIGN_OR_RETURN(r.ecl_lifetime, ScaleMoney(e.ead, rate_lifetime));
  r.ecl = r.stage.stage == Ifrs9Stage::k1 ? r.ecl_12m : r.ecl_lifetime;
  return r;
}

}  // namespace finguard::risk::credit
