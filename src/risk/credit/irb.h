#pragma once
// Basel IRB capital for one exposure (Basel Framework CRE31): the asset correlation R of the
// exposure's class, the maturity adjustment b, the capital requirement K per unit of EAD, the
// risk weight 12.5·K, and the exposure's RWA and expected loss PD·LGD·EAD.
//   corporate, sovereign, bank: R = 0.12·f + 0.24·(1 − f), f = (1 − e^{−50·PD})/(1 − e^{−50})
//     (CRE31.5); sme additionally − 0.04·(1 − (S − 5)/45) with S, annual sales in € million,
//     held within [5, 50] (CRE31.9); K = [LGD·N((G(PD) + √R·G(0.999))/√(1 − R)) − PD·LGD]
//     · (1 + (M − 2.5)·b)/(1 − 1.5·b), b = (0.11852 − 0.05478·ln PD)² (CRE31.4).
//   mortgage R = 0.15, revolving (qualifying revolving retail) R = 0.04, other_retail
//     R = 0.03·g + 0.16·(1 − g), g = (1 − e^{−35·PD})/(1 − e^{−35}); retail K has no maturity
//     adjustment (CRE31.14–31.16).
//   A defaulted exposure (PD = 1) has K = 0 by the formula; its loss is all expected loss.
// Not applied here: PD/LGD input floors, the 1.25 correlation multiplier for large financial
// institutions (CRE31.6), double default. Validation is separate from computation:
// ValidateIrbInput reports every bad field (JSON-pointer-style names "/pd"), ComputeIrb assumes
// valid input. Pure functions, thread-safe.
//   IrbInput in{.pd = 0.01, .lgd = 0.45, .maturity = 2.5};
//   RETURN_IF_ERROR(ValidateIrbInput(in));
//   IrbCapital k = ComputeIrb(in);  // k.correlation ≈ 0.1928, k.risk_weight ≈ 0.9232
#include <optional>
#include <string_view>

#include "common/money.h"
#include "common/status.h"

namespace finguard::risk::credit {

enum class AssetClass { kCorporate, kSme, kBank, kSovereign, kMortgage, kRevolving, kOtherRetail };

// "corporate" | "sme" | "bank" | "sovereign" | "mortgage" | "revolving" | "other_retail".
StatusOr<AssetClass> ParseAssetClass(std::string_view name);
std::string_view AssetClassName(AssetClass c);
bool IsRetail(AssetClass c);
// The names, in the order above, for help texts and schemas.
inline constexpr std::string_view kAssetClassNames[] = {
    "corporate", "sme", "bank", "sovereign", "mortgage", "revolving", "other_retail"};

struct IrbInput {
  double pd = 0;          // one-year probability of default, (0, 1]
  double lgd = 0;         // loss given default, [0, 1]
  double maturity = 2.5;  // effective maturity M in years, [1, 5] (ignored for retail)
  AssetClass asset_class = AssetClass::kCorporate;
  std::optional<double> sales_m;  // sme only: annual sales in € million (> 0), required for sme
};

struct IrbCapital {
  double correlation = 0;          // R
  double maturity_adjustment = 0;  // b (0 for retail)
  double capital_requirement = 0;  // K per unit of EAD
  double risk_weight = 0;          // 12.5·K
};

// Every problem with `in`, as one kInvalidArgument with fields "/pd", "/lgd", "/maturity",
// "/sales_m"; OK when valid.
Status ValidateIrbInput(const IrbInput& in);
IrbCapital ComputeIrb(const IrbInput& in);

// IRB figures applied to an exposure amount: RWA = RW·EAD and EL = PD·LGD·EAD, each rounded to
// the minor unit half-to-even. EAD must be non-negative.
struct IrbExposureResult {
  IrbCapital capital;
  Money rwa;
  Money expected_loss;
};
StatusOr<IrbExposureResult> ComputeIrbExposure(const IrbInput& in, const Money& ead);

// EL = PD × LGD × EAD, rounded to the minor unit half-to-even.
StatusOr<Money> ExpectedLoss(double pd, double lgd, const Money& ead);

}  // namespace finguard::risk::credit
