#include "risk/credit/credit_json.h"

#include <map>

#include "risk/credit/money_rounding.h"

namespace finguard::risk::credit {

nlohmann::json MoneyAmountJson(const Money& m) {
  return {{"amount", m.ToString()}, {"currency", std::string(m.currency())}};
}

nlohmann::json IrbJson(const IrbInput& in, const IrbExposureResult& r) {
  return {{"asset_class", std::string(AssetClassName(in.asset_class))},
          {"correlation", r.capital.correlation},
          {"maturity_adjustment", r.capital.maturity_adjustment},
          {"capital_requirement", r.capital.capital_requirement},
          {"risk_weight", r.capital.risk_weight},
          {"rwa", MoneyAmountJson(r.rwa)},
          {"expected_loss", MoneyAmountJson(r.expected_loss)}};
}

StatusOr<nlohmann::json> EclBookJson(std::span<const EclExposure> exposures,
                                     std::span<const EclResult> results) {
  nlohmann::json items = nlohmann::json::array();
  const std::string currency(exposures.empty() ? "CNY" : exposures[0].ead.currency());
  ASSIGN_OR_RETURN(Money total_ead, Money::Zero(currency));
  ASSIGN_OR_RETURN(Money total_ecl, Money::Zero(currency));
  struct StageTotal {
    int count = 0;
    Money ead, ecl;
  };
  std::map<int, StageTotal> by_stage;
  for (int s = 1; s <= 3; ++s) by_stage.emplace(s, StageTotal{0, total_ead, total_ecl});
  for (size_t i = 0; i < results.size(); ++i) {
    const EclResult& r = results[i];
    int stage = static_cast<int>(r.stage.stage);
    items.push_back({{"id", r.id},
                     {"stage", stage},
                     {"reason", r.stage.reason},
                     {"ead", MoneyAmountJson(exposures[i].ead)},
                     {"ecl_12m", MoneyAmountJson(r.ecl_12m)},
                     {"ecl_lifetime", MoneyAmountJson(r.ecl_lifetime)},
                     {"ecl", MoneyAmountJson(r.ecl)}});
    ASSIGN_OR_RETURN(total_ead, total_ead.Add(exposures[i].ead));
    ASSIGN_OR_RETURN(total_ecl, total_ecl.Add(r.ecl));
    StageTotal& t = by_stage.at(stage);
    ++t.count;
    ASSIGN_OR_RETURN(t.ead, t.ead.Add(exposures[i].ead));
    ASSIGN_OR_RETURN(t.ecl, t.ecl.Add(r.ecl));
  }
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& [stage, t] : by_stage) {
    stages.push_back({{"stage", stage},
                      {"exposures", t.count},
                      {"ead", MoneyAmountJson(t.ead)},
                      {"ecl", MoneyAmountJson(t.ecl)}});
  }
  double coverage = total_ead.IsZero() ? 0.0
                                       : static_cast<double>(total_ecl.minor_units()) /
                                             static_cast<double>(total_ead.minor_units());
  return nlohmann::json{{"items", items},
                        {"totals",
                         {{"exposures", results.size()},
                          {"ead", MoneyAmountJson(total_ead)},
                          {"ecl", MoneyAmountJson(total_ecl)},
                          {"coverage", coverage},
                          {"by_stage", stages}}}};
}

StatusOr<nlohmann::json> PortfolioJson(const LossDistribution& d, const std::string& currency,
                                       double total_ead_minor, size_t exposures,
                                       const CopulaSettings& settings) {
  nlohmann::json j = {{"currency", currency},
                      {"exposures", exposures},
                      {"paths", d.paths},
                      {"seed", settings.seed},
                      {"confidence", settings.confidence},
                      {"loss_rate", total_ead_minor > 0 ? d.expected_loss / total_ead_minor : 0}};
  const std::pair<const char*, double> amounts[] = {{"ead", total_ead_minor},
                                                    {"expected_loss", d.expected_loss},
                                                    {"mean_loss", d.mean_loss},
                                                    {"unexpected_loss", d.unexpected_loss},
                                                    {"var", d.var},
                                                    {"expected_shortfall", d.expected_shortfall},
                                                    {"economic_capital", d.economic_capital}};
  for (const auto& [name, minor] : amounts) {
    ASSIGN_OR_RETURN(Money m, RoundToMoney(minor, currency));
    j[name] = MoneyAmountJson(m);
  }
  return j;
}

}  // namespace finguard::risk::credit
