#pragma once
// The JSON shapes of the credit figures, shared by the API (src/api/risk_credit_routes.cc) and
// the CLI (`finguard risk irb|ecl|portfolio --json`) so both answer alike. Money is
// {"amount":"923168.01","currency":"CNY"}; ratios are JSON numbers. Pure functions.
//   std::cout << IrbJson(result).dump();
#include <nlohmann/json.hpp>
#include <span>

#include "risk/credit/copula_portfolio.h"
#include "risk/credit/ecl.h"
#include "risk/credit/irb.h"

namespace finguard::risk::credit {

nlohmann::json MoneyAmountJson(const Money& m);

// {"asset_class","correlation","maturity_adjustment","capital_requirement","risk_weight","rwa",
//  "expected_loss"}
nlohmann::json IrbJson(const IrbInput& in, const IrbExposureResult& r);

// {"items":[{"id","stage","reason","ead","ecl_12m","ecl_lifetime","ecl"}],
//  "totals":{"exposures","ead","ecl","coverage","by_stage":[{"stage","exposures","ead","ecl"}]}}
// Fails only when totals overflow or mix currencies.
StatusOr<nlohmann::json> EclBookJson(std::span<const EclExposure> exposures,
                                     std::span<const EclResult> results);

// {"currency","exposures","paths","seed","confidence","ead","expected_loss","mean_loss",
//  "unexpected_loss","var","expected_shortfall","economic_capital","loss_rate"}
StatusOr<nlohmann::json> PortfolioJson(const LossDistribution& d, const std::string& currency,
                                       double total_ead_minor, size_t exposures,
                                       const CopulaSettings& settings);

}  // namespace finguard::risk::credit
