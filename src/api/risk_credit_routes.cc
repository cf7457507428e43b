// Credit exposure figures (issue 6): Basel IRB capital, IFRS 9 staging and ECL, the copula
// portfolio loss distribution, and the operational-risk Business Indicator Component. Each
// route validates its whole body first (every bad field reported with its JSON pointer), then
// computes; nothing is stored.
#include "api/json_body.h"
#include "api/routes.h"
#include "risk/credit/copula_portfolio.h"
#include "risk/credit/credit_json.h"
#include "risk/credit/ecl.h"
#include "risk/credit/irb.h"
#include "risk/operational/bic.h"

namespace finguard::api {
namespace {

using namespace risk::credit;  // NOLINT: this file is the credit module's API

constexpr size_t kMaxEclExposures = 100'000;
constexpr size_t kMaxPortfolioExposures = 10'000;
// Exposures × paths per request: about a second of one core (docs/risk_credit.md).
constexpr int64_t kMaxPortfolioWork = 200'000'000;

Status Invalid(std::vector<FieldError> errors) {
  std::string msg = "invalid request: " + errors[0].field + " " + errors[0].reason;
  if (errors.size() > 1) msg += " (and " + std::to_string(errors.size() - 1) + " more)";
  return InvalidArgument(msg, std::move(errors));
}

// An exact amount field `key` of `body` in `currency`; errors go to `errors` under `pointer`.
std::optional<Money> ReadAmount(JsonBody& body, const std::string& key, const std::string& pointer,
                                const std::optional<std::string>& currency,
                                std::vector<FieldError>& errors) {
  std::optional<std::string> text = body.String(key, kRequired, 40);
  if (!text || !currency) return std::nullopt;
  StatusOr<Money> m = Money::Parse(*text, *currency);
  if (!m.ok()) {
    errors.push_back({pointer, m.status().message()});
    return std::nullopt;
  }
  if (m->IsNegative()) {
    errors.push_back({pointer, "must not be negative"});
    return std::nullopt;
  }
  return *m;
}

// The currency field, checked against ISO 4217 so amounts fail on their own field only.
std::optional<std::string> ReadCurrency(JsonBody& body, std::vector<FieldError>& errors) {
  std::optional<std::string> c = body.String("currency", kOptional, 3);
  if (!c) return std::string("CNY");
  if (!CurrencyExponent(*c).ok()) {
    errors.push_back({"/currency", "unknown ISO 4217 currency"});
    return std::nullopt;
  }
  return c;
}

Status Merge(Status finished, std::vector<FieldError> errors) {
  std::vector<FieldError> all = finished.fields();
  all.insert(all.end(), errors.begin(), errors.end());
  if (all.empty()) return OkStatus();
  return Invalid(std::move(all));
}

StatusOr<ApiResult> Irb(RequestContext& rc) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
  std::vector<FieldError> errors;
  std::optional<double> pd = body.Number("pd", kRequired);
  std::optional<double> lgd = body.Number("lgd", kRequired);
  std::optional<double> maturity = body.Number("maturity", kOptional);
  std::optional<std::string> currency = ReadCurrency(body, errors);
  std::optional<Money> ead = ReadAmount(body, "ead", "/ead", currency, errors);
  std::optional<std::string> cls =
      body.Enum("asset_class",
                {"corporate", "sme", "bank", "sovereign", "mortgage", "revolving", "other_retail"},
                kOptional);
  std::optional<double> sales = body.Number("sales_m", kOptional);
  Status finished = body.Finish();
  IrbInput in{.pd = pd.value_or(0.5),
              .lgd = lgd.value_or(0.5),
              .maturity = maturity.value_or(2.5),
              .asset_class = cls ? *ParseAssetClass(*cls) : AssetClass::kCorporate,
              .sales_m = sales};
  // Range checks only for fields that were read, so a missing field is reported once.
  Status valid = ValidateIrbInput(in);
  for (const FieldError& e : valid.fields()) {
    if ((e.field == "/pd" && !pd) || (e.field == "/lgd" && !lgd)) continue;
    errors.push_back(e);
  }
  RETURN_IF_ERROR(Merge(finished, errors));
  ASSIGN_OR_RETURN(IrbExposureResult r, ComputeIrbExposure(in, *ead));
  return ApiResult{.body = IrbJson(in, r)};
}

StatusOr<ApiResult> Ecl(RequestContext& rc) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
  std::vector<FieldError> errors;
  std::optional<std::string> currency = ReadCurrency(body, errors);
  StagingPolicy policy;
  std::optional<double> multiple = body.Number("sicr_pd_multiple", kOptional);
  if (multiple) {
    if (*multiple >= 1) {
      policy.sicr_pd_multiple = *multiple;
    } else {
      errors.push_back({"/sicr_pd_multiple", "must be at least 1"});
    }
  }
  auto items = body.ObjectArray("exposures", kRequired, kMaxEclExposures);
  std::vector<EclExposure> exposures;
  if (items) {
    if (items->empty()) errors.push_back({"/exposures", "at least one exposure"});
    for (size_t i = 0; i < items->size(); ++i) {
      JsonBody& item = (*items)[i];
      const std::string at = "/exposures/" + std::to_string(i);
      std::optional<std::string> id = item.String("id", kRequired, 100);
      std::optional<Money> ead = ReadAmount(item, "ead", at + "/ead", currency, errors);
      std::optional<double> pd = item.Number("pd_12m", kRequired);
      std::optional<double> lgd = item.Number("lgd", kRequired);
      std::optional<int64_t> dpd = item.Integer("days_past_due", kRequired, -100'000, 100'000);
      std::optional<double> origination = item.Number("origination_pd", kOptional);
      std::optional<double> eir = item.Number("eir", kRequired);
      std::optional<double> years = item.Number("remaining_years", kRequired);
      std::optional<std::vector<double>> curve = item.NumberArray("cumulative_pd", kOptional);
      body.Include(item);
      // Missing or mistyped fields are already reported; stand-in valid values let the range
      // checks of the fields that were read report too.
      EclExposure e{.id = id.value_or(""),
                    .ead = ead.value_or(*Money::Zero("CNY")),
                    .pd_12m = pd.value_or(0.5),
                    .lgd = lgd.value_or(0.5),
                    .days_past_due = static_cast<int>(dpd.value_or(0)),
                    .origination_pd = origination,
                    .eir = eir.value_or(0),
                    .remaining_years = years.value_or(1),
                    .cumulative_pd = curve.value_or(std::vector<double>{})};
      Status valid = ValidateEclExposure(e, at);
      if (!valid.ok() && errors.size() < 100) {
        errors.insert(errors.end(), valid.fields().begin(), valid.fields().end());
      }
      exposures.push_back(std::move(e));
    }
  }
  RETURN_IF_ERROR(Merge(body.Finish(), errors));
  std::vector<EclResult> results;
  results.reserve(exposures.size());
  for (const EclExposure& e : exposures) {
    ASSIGN_OR_RETURN(EclResult r, ComputeEcl(e, policy));
    results.push_back(std::move(r));
  }
  ASSIGN_OR_RETURN(nlohmann::json out, EclBookJson(exposures, results));
  out["sicr_pd_multiple"] = policy.sicr_pd_multiple;
  return ApiResult{.body = std::move(out)};
}

StatusOr<ApiResult> Portfolio(RequestContext& rc) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
  std::vector<FieldError> errors;
  std::optional<std::string> currency = ReadCurrency(body, errors);
  double correlation = body.Number("correlation", kOptional).value_or(0.12);
  CopulaSettings settings;
  settings.paths = body.Integer("paths", kOptional, 1000, 1'000'000).value_or(100000);
  settings.seed = static_cast<uint64_t>(
      body.Integer("seed", kOptional, 0, std::numeric_limits<int64_t>::max()).value_or(42));
  settings.confidence = body.Number("confidence", kOptional).value_or(0.999);
  auto items = body.ObjectArray("exposures", kRequired, kMaxPortfolioExposures);
  std::vector<PortfolioExposure> book;
  double total_ead = 0;
  if (items) {
    for (size_t i = 0; i < items->size(); ++i) {
      JsonBody& item = (*items)[i];
      item.String("id", kOptional, 100);
      std::optional<Money> ead =
          ReadAmount(item, "ead", "/exposures/" + std::to_string(i) + "/ead", currency, errors);
      std::optional<double> pd = item.Number("pd", kRequired);
      std::optional<double> lgd = item.Number("lgd", kRequired);
      std::optional<double> rho = item.Number("correlation", kOptional);
      body.Include(item);
      PortfolioExposure e{.ead = ead ? static_cast<double>(ead->minor_units()) : 0,
                          .pd = pd.value_or(0.5),
                          .lgd = lgd.value_or(0.5),
                          .correlation = rho.value_or(correlation)};
      total_ead += e.ead;
      book.push_back(e);
    }
  }
  Status valid = ValidatePortfolio(book, settings);
  for (const FieldError& e : valid.fields()) {
    if (e.field == "/exposures" && !items) continue;  // reported as required already
    errors.push_back(e);
  }
  if (!(correlation >= 0 && correlation < 1)) {
    errors.push_back({"/correlation", "must be in [0, 1)"});
  }
  if (static_cast<int64_t>(book.size()) * settings.paths > kMaxPortfolioWork) {
    errors.push_back({"/paths", "exposures × paths must not exceed " +
                                    std::to_string(kMaxPortfolioWork) +
                                    " per request; use `finguard risk portfolio` for larger runs"});
  }
  RETURN_IF_ERROR(Merge(body.Finish(), errors));
  LossDistribution d = SimulatePortfolioLosses(book, settings);
  ASSIGN_OR_RETURN(nlohmann::json out,
                   PortfolioJson(d, *currency, total_ead, book.size(), settings));
  return ApiResult{.body = std::move(out)};
}

StatusOr<ApiResult> Bic(RequestContext& rc) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
  std::vector<FieldError> errors;
  std::optional<std::string> currency = body.String("currency", kOptional, 3);
  if (currency && *currency != "EUR") {
    errors.push_back({"/currency", "must be EUR: the buckets are EUR 1bn and 30bn"});
    currency.reset();
  } else {
    currency = "EUR";
  }
  std::optional<Money> bi = ReadAmount(body, "bi", "/bi", currency, errors);
  RETURN_IF_ERROR(Merge(body.Finish(), errors));
  ASSIGN_OR_RETURN(risk::operational::BicResult r, risk::operational::ComputeBic(*bi));
  return ApiResult{.body = risk::operational::BicJson(r)};
}

}  // namespace

void AddRiskCreditRoutes(Router& router, ApiServices&) {
  router.Add({.method = "POST",
              .path = "/api/v1/risk/irb",
              .permission = "risk.read",
              .doc = {.summary = "Basel IRB capital (CRE31) and expected loss of one exposure",
                      .tag = "risk",
                      .request = "IrbRequest",
                      .response = "IrbResult"},
              .handler = Irb});
  router.Add({.method = "POST",
              .path = "/api/v1/risk/ecl",
              .permission = "risk.read",
              .doc = {.summary = "IFRS 9 stage and expected credit loss of each exposure, totals",
                      .tag = "risk",
                      .request = "EclRequest",
                      .response = "EclResult"},
              .handler = Ecl});
  router.Add(
      {.method = "POST",
       .path = "/api/v1/risk/credit-portfolio",
       .permission = "risk.read",
       .doc = {.summary = "Portfolio credit loss distribution (one-factor Gaussian copula Monte "
                          "Carlo): EL, unexpected loss, VaR 99.9%",
               .tag = "risk",
               .request = "CreditPortfolioRequest",
               .response = "CreditPortfolioResult"},
       .handler = Portfolio});
  router.Add(
      {.method = "POST",
       .path = "/api/v1/risk/bic",
       .permission = "risk.read",
       .doc = {.summary = "Operational risk Business Indicator Component (Basel standardised "
                          "approach)",
               .tag = "risk",
               .request = "BicRequest",
               .response = "BicResult"},
       .handler = Bic});
}

}  // namespace finguard::api
