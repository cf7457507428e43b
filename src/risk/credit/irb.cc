#include "risk/credit/irb.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "risk/credit/money_rounding.h"
#include "risk/standard_normal.h"

namespace finguard::risk::credit {
namespace {

// The regulatory confidence level of the IRB formula, and G(0.999) once.
const double kG999 = NormalQuantile(0.999);

// Weight between the low and high correlation: 1 at PD = 0, 0 as PD grows.
double Interpolation(double pd, double k) {
  return (1.0 - std::exp(-k * pd)) / (1.0 - std::exp(-k));
}

double Correlation(const IrbInput& in) {
  switch (in.asset_class) {
    case AssetClass::kMortgage:
      return 0.15;
    case AssetClass::kRevolving:
      return 0.04;
    case AssetClass::kOtherRetail: {
      double g = Interpolation(in.pd, 35);
      return 0.03 * g + 0.16 * (1 - g);
    }
    default:
      break;
  }
  double f = Interpolation(in.pd, 50);
  double r = 0.12 * f + 0.24 * (1 - f);
  if (in.asset_class == AssetClass::kSme) {
    double s = std::clamp(*in.sales_m, 5.0, 50.0);
    r -= 0.04 * (1 - (s - 5) / 45);
  }
  return r;
}

}  // namespace

StatusOr<AssetClass> ParseAssetClass(std::string_view name) {
  for (size_t i = 0; i < std::size(kAssetClassNames); ++i) {
    if (kAssetClassNames[i] == name) return static_cast<AssetClass>(i);
  }
  return InvalidArgument("unknown asset class '" + std::string(name) +
                             "' (corporate, sme, bank, sovereign, mortgage, revolving, "
                             "other_retail)",
                         {{"/asset_class", "unknown asset class"}});
}

std::string_view AssetClassName(AssetClass c) { return kAssetClassNames[static_cast<int>(c)]; }

bool IsRetail(AssetClass c) {
  return c == AssetClass::kMortgage || c == AssetClass::kRevolving || c == AssetClass::kOtherRetail;
}

Status ValidateIrbInput(const IrbInput& in) {
  std::vector<FieldError> errors;
  // Written as !(inside) so that NaN is rejected too.
  if (!(in.pd > 0 && in.pd <= 1)) errors.push_back({"/pd", "must be in (0, 1]"});
  if (!(in.lgd >= 0 && in.lgd <= 1)) errors.push_back({"/lgd", "must be in [0, 1]"});
  if (!IsRetail(in.asset_class) && !(in.maturity >= 1 && in.maturity <= 5)) {
    errors.push_back({"/maturity", "must be in [1, 5] years"});
  }
  if (in.asset_class == AssetClass::kSme &&
      !(in.sales_m && *in.sales_m > 0 && std::isfinite(*in.sales_m))) {
    errors.push_back({"/sales_m", "sme needs annual sales in EUR million, > 0"});
  }
  if (errors.empty()) return OkStatus();
  return InvalidArgument("invalid IRB input: " + errors[0].field + " " + errors[0].reason, errors);
}

IrbCapital ComputeIrb(const IrbInput& in) {
  IrbCapital out;
  out.correlation = Correlation(in);
  const double r = out.correlation;
  // At PD = 1 the conditional PD is 1 and K is LGD − LGD = 0; computing it through G(1) = ∞
  // gives the same, but say it directly.
  double unexpected = 0;
  if (in.pd < 1) {
    double conditional_pd =
        NormalCdf((NormalQuantile(in.pd) + std::sqrt(r) * kG999) / std::sqrt(1 - r));
    unexpected = in.lgd * conditional_pd - in.pd * in.lgd;
  }
  if (IsRetail(in.asset_class)) {
    out.capital_requirement = unexpected;
  } else {
    double b = 0.11852 - 0.05478 * std::log(in.pd);
    b *= b;
    out.maturity_adjustment = b;
    out.capital_requirement = unexpected * (1 + (in.maturity - 2.5) * b) / (1 - 1.5 * b);
  }
  out.risk_weight = 12.5 * out.capital_requirement;
  return out;
}

StatusOr<Money> ExpectedLoss(double pd, double lgd, const Money& ead) {
  return ScaleMoney(ead, pd * lgd);
}

StatusOr<IrbExposureResult> ComputeIrbExposure(const IrbInput& in, const Money& ead) {
  std::vector<FieldError> errors;
  Status valid = ValidateIrbInput(in);
  if (!valid.ok()) errors = valid.fields();
  if (ead.IsNegative()) errors.push_back({"/ead", "must not be negative"});
  if (!errors.empty()) {
    return InvalidArgument("invalid IRB input: " + errors[0].field + " " + errors[0].reason,
                           errors);
  }
  IrbCapital k = ComputeIrb(in);
  ASSIGN_OR_RETURN(Money rwa, ScaleMoney(ead, k.risk_weight));
  ASSIGN_OR_RETURN(Money el, ExpectedLoss(in.pd, in.lgd, ead));
  return IrbExposureResult{k, rwa, el};
}

}  // namespace finguard::risk::credit
