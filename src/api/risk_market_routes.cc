// Market risk (issue 6): VaR/ES of linear positions over a price history, and VaR backtests.
// Inputs travel as CSV texts inside the JSON body — the same files the CLI reads — so one
// validator serves both; a problem in a CSV is reported under that field's JSON pointer with
// its line and column ("/history_csv": "line 12, column 3: USDCNY: missing price"). Nothing is
// stored; both routes only compute.
// Eigen first: httplib.h pulls in <resolv.h>, whose `_res` macro breaks Eigen's headers.
// clang-format off
#include "risk/market/backtest.h"
#include "risk/market/market_data.h"
#include "risk/market/market_json.h"
#include "risk/market/var_engine.h"
#include "api/json_body.h"
#include "api/routes.h"
#include "common/csv.h"
// clang-format on

namespace finguard::api {
namespace {

using risk::market::VarOptions;

// CSV text fields may hold decades of daily prices; the server's body limit still applies.
constexpr size_t kMaxCsvBytes = 16u << 20;

// Re-addresses a located CSV error (field "line 3, column 2") under the body field `pointer`.
Status UnderField(const Status& s, const std::string& pointer) {
  if (s.ok()) return s;
  std::vector<FieldError> fields;
  for (const FieldError& f : s.fields()) fields.push_back({pointer, f.field + ": " + f.reason});
  if (fields.empty()) fields.push_back({pointer, s.message()});
  return InvalidArgument(s.message(), std::move(fields));
}

// Option errors name the option ("confidence"); the API answers with JSON pointers.
Status AsPointers(const Status& s) {
  if (s.ok()) return s;
  std::vector<FieldError> fields;
  for (const FieldError& f : s.fields()) fields.push_back({"/" + f.field, f.reason});
  return InvalidArgument(s.message(), std::move(fields));
}

StatusOr<CsvTable> CsvField(const std::string& text, const std::string& pointer) {
  StatusOr<CsvTable> t = CsvTable::FromText(text);
  if (!t.ok()) return UnderField(t.status(), pointer);
  return t;
}

StatusOr<nlohmann::json> ComputeVar(const std::string& body_text) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(body_text));
  auto positions = body.String("positions_csv", kRequired, kMaxCsvBytes);
  auto history = body.String("history_csv", kRequired, kMaxCsvBytes);
  auto method = body.Enum("method", {"historical", "parametric", "montecarlo"}, kOptional);
  auto quantile = body.Enum("quantile_method", {"lower", "linear"}, kOptional);
  auto returns = body.Enum("returns", {"simple", "log"}, kOptional);
  auto distribution = body.Enum("distribution", {"normal", "t"}, kOptional);
  auto confidence = body.Number("confidence", kOptional);
  auto es_confidence = body.Number("es_confidence", kOptional);
  auto window = body.Integer("window", kOptional, 2, 100000);
  auto horizon = body.Integer("horizon_days", kOptional, 1, 250);
  auto paths = body.Integer("paths", kOptional, 100, 1000000);
  auto seed = body.Integer("seed", kOptional, 0, 4294967295LL);
  auto df = body.Number("df", kOptional);
  RETURN_IF_ERROR(body.Finish());
  VarOptions o;
  if (method) o.method = *risk::market::ParseVarMethod(*method);
  if (quantile) o.quantile = *risk::ParseQuantileMethod(*quantile);
  if (returns) o.returns = *risk::market::ParseReturnType(*returns);
  if (distribution) o.distribution = *risk::market::ParseMcDistribution(*distribution);
  if (confidence) o.confidence = *confidence;
  if (es_confidence) o.es_confidence = *es_confidence;
  if (window) o.window = static_cast<int>(*window);
  if (horizon) o.horizon_days = static_cast<int>(*horizon);
  if (paths) o.paths = static_cast<int>(*paths);
  if (seed) o.seed = static_cast<uint32_t>(*seed);
  if (df) o.df = *df;
  RETURN_IF_ERROR(AsPointers(risk::market::ValidateVarOptions(o)));
  ASSIGN_OR_RETURN(CsvTable history_csv, CsvField(*history, "/history_csv"));
  StatusOr<risk::market::PriceHistory> h =
      risk::market::ReadPriceHistory(history_csv, "history_csv");
  if (!h.ok()) return UnderField(h.status(), "/history_csv");
  ASSIGN_OR_RETURN(CsvTable positions_csv, CsvField(*positions, "/positions_csv"));
  StatusOr<std::vector<risk::market::Position>> p =
      risk::market::ReadPositions(positions_csv, "positions_csv", *h);
  if (!p.ok()) return UnderField(p.status(), "/positions_csv");
  StatusOr<risk::market::VarResult> r = risk::market::ComputeVar(*h, *p, o);
  if (!r.ok()) return UnderField(r.status(), "/history_csv");
  return risk::market::VarResultJson(*r);
}

StatusOr<nlohmann::json> RunBacktest(const std::string& body_text) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(body_text));
  auto pnl = body.String("pnl_csv", kRequired, kMaxCsvBytes);
  auto var = body.String("var_csv", kRequired, kMaxCsvBytes);
  auto confidence = body.Number("confidence", kOptional);
  auto window = body.Integer("window", kOptional, 1, 10000);
  RETURN_IF_ERROR(body.Finish());
  const double level = confidence.value_or(0.99);
  const int days = static_cast<int>(window.value_or(250));
  RETURN_IF_ERROR(AsPointers(risk::market::ValidateBacktestOptions(level, days)));
  ASSIGN_OR_RETURN(CsvTable pnl_csv, CsvField(*pnl, "/pnl_csv"));
  ASSIGN_OR_RETURN(CsvTable var_csv, CsvField(*var, "/var_csv"));
  StatusOr<risk::market::BacktestSeries> s =
      risk::market::ReadBacktestSeries(pnl_csv, "pnl_csv", var_csv, "var_csv");
  if (!s.ok()) {
    // The message starts with the file at fault.
    bool var_side = s.status().message().rfind("var_csv", 0) == 0;
    return UnderField(s.status(), var_side ? "/var_csv" : "/pnl_csv");
  }
  risk::market::BacktestResult r = risk::market::RunBacktest(*s, level, days);
  return risk::market::BacktestResultJson(r, *s);
}

}  // namespace

void AddRiskMarketRoutes(Router& router, ApiServices&) {
  router.Add({.method = "POST",
              .path = "/api/v1/risk/var",
              .permission = "risk.read",
              .doc = {.summary = "Market VaR and expected shortfall of linear positions "
                                 "(historical, parametric, Monte Carlo)",
                      .tag = "risk",
                      .request = "VarRequest",
                      .response = "VarResult"},
              .handler = [](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(nlohmann::json j, ComputeVar(rc.http.body));
                return ApiResult{.body = std::move(j)};
              }});
  router.Add({.method = "POST",
              .path = "/api/v1/risk/backtest",
              .permission = "risk.read",
              .doc = {.summary = "Backtest VaR against realised P&L: exceptions, Kupiec, "
                                 "Christoffersen, Basel traffic light",
                      .tag = "risk",
                      .request = "BacktestRequest",
                      .response = "BacktestResult"},
              .handler = [](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(nlohmann::json j, RunBacktest(rc.http.body));
                return ApiResult{.body = std::move(j)};
              }});
}

}  // namespace finguard::api
