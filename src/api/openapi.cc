#include "api/routes.h"

namespace finguard::api {
namespace {

using json = nlohmann::json;

json Str(const char* description = nullptr) {
  json j = {{"type", "string"}};
  if (description) j["description"] = description;
  return j;
}
json Nullable(json j) {
  j["type"] = json::array({j["type"], "null"});
  return j;
}
json Enum(std::initializer_list<const char*> values) {
  json j = {{"type", "string"}, {"enum", json::array()}};
  for (const char* v : values) j["enum"].push_back(v);
  return j;
}
json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
json Obj(json properties, std::vector<std::string> required = {}) {
  json j = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) j["required"] = required;
  return j;
}
json Page(const std::string& item) {
  return Obj({{"items", {{"type", "array"}, {"items", Ref(item)}}}, {"next_cursor", Nullable(Str())}},
             {"items", "next_cursor"});
}

// Every schema a route names. A route naming a missing schema fails the OpenAPI test.
json Schemas() {
  json money = Obj({{"amount", Str("exact decimal, e.g. \"1234.56\"")}, {"currency", Str("ISO 4217")}},
                   {"amount", "currency"});
  json customer_fields = {
      {"type", Enum({"individual", "corporate"})},
      {"name", Str("masked (张*, Z*** Wei) without pii.read")},
      {"id_type", Enum({"resident_id", "passport", "uscc", "other"})},
      {"id_number", Str("GB 11643 check digit validated for resident_id; masked without pii.read")},
      {"phone", Nullable(Str())},
      {"email", Nullable(Str())},
      {"address", Nullable(Str())},
      {"province", Nullable(Str())},
      {"nationality", Str("ISO 3166-1 alpha-2")},
      {"investor_class", Nullable(Enum({"C1", "C2", "C3", "C4", "C5", "professional"}))},
      {"aml_risk", Enum({"low", "medium", "high"})},
      {"segment", Nullable(Str())}};
  json customer = Obj(customer_fields);
  customer["properties"]["id"] = Str();
  customer["properties"]["created_at"] = Str("ISO 8601 UTC");
  customer["properties"]["updated_at"] = Str("ISO 8601 UTC");
  customer["properties"]["masked"] = {{"type", "boolean"}};
  json input = Obj(customer_fields);
  input["additionalProperties"] = false;
  json user = Obj({{"id", Str()},
                   {"username", Str()},
                   {"display_name", Str()},
                   {"roles", {{"type", "array"}, {"items", Str()}}},
                   {"disabled", {{"type", "boolean"}}},
                   {"locale", Enum({"zh-CN", "en"})},
                   {"created_at", Str()}});
  json principal = Obj({{"id", Str()},
                        {"username", Str()},
                        {"display_name", Str()},
                        {"roles", {{"type", "array"}, {"items", Str()}}},
                        {"permissions", {{"type", "array"}, {"items", Str()}}},
                        {"locale", Str()}});
  return {
      {"Money", money},
      {"Customer", customer},
      {"CustomerInput", input},
      {"CustomerPage", Page("Customer")},
      {"Account", Obj({{"id", Str()}, {"customer_id", Str()}, {"number", Str("masked without pii.read")},
                       {"type", Enum({"savings", "current", "credit_card", "loan", "investment"})},
                       {"product_id", Nullable(Str())}, {"currency", Str()},
                       {"status", Enum({"active", "dormant", "frozen", "closed"})},
                       {"opened_at", Str("YYYY-MM-DD")}, {"closed_at", Nullable(Str())},
                       {"last_activity_at", Nullable(Str())}, {"balance", Ref("Money")}})},
      {"AccountList", Page("Account")},
      {"Transaction", Obj({{"id", Str()}, {"time", Str()}, {"customer_id", Str()}, {"account_id", Str()},
                           {"direction", Enum({"in", "out"})},
                           {"channel", Enum({"cash", "transfer", "card", "online", "atm", "cheque"})},
                           {"amount", Ref("Money")}, {"counterparty_id", Nullable(Str())},
                           {"counterparty_name", Nullable(Str())}, {"counterparty_country", Nullable(Str())},
                           {"cross_border", {{"type", "boolean"}}}})},
      {"TransactionPage", Page("Transaction")},
      {"Product", Obj({{"id", Str()}, {"code", Str()}, {"name", Str()}, {"name_en", Str()}, {"type", Str()},
                       {"risk_level", Enum({"R1", "R2", "R3", "R4", "R5"})}, {"currency", Str()}})},
      {"ProductList", Page("Product")},
      {"ProductInput", Obj({{"code", Str("A-Z, 0-9, _ and -")}, {"name", Str()}, {"name_en", Str()},
                            {"type", Enum({"deposit", "wealth", "fund", "insurance", "loan", "card", "bond"})},
                            {"risk_level", Enum({"R1", "R2", "R3", "R4", "R5"})}, {"currency", Str("ISO 4217")}})},
      {"AccountInput", Obj({{"number", Str("8-30 digits; fixed once opened")},
                            {"type", Enum({"savings", "current", "credit_card", "loan", "investment"})},
                            {"currency", Str("ISO 4217; fixed once opened")}, {"product_id", Str()},
                            {"status", Enum({"active", "dormant", "frozen", "closed"})}})},
      {"AuditRecord", Obj({{"seq", {{"type", "integer"}}}, {"id", Str()}, {"at", Str()}, {"actor", Str()},
                           {"action", Str()}, {"target", Str()}, {"outcome", Enum({"ok", "denied", "failed"})},
                           {"detail", {{"type", "object"}}}, {"hash", Str("keyed BLAKE2b-256, hex")}})},
      {"AuditPage", Page("AuditRecord")},
      {"AuditVerification", Obj({{"ok", {{"type", "boolean"}}}, {"records", {{"type", "integer"}}},
                                 {"first_bad_seq", {{"type", "integer"}}},
                                 {"problem", Enum({"altered", "inserted", "deleted"})}, {"detail", Str()}},
                                {"ok", "records"})},
      {"LoginRequest", Obj({{"username", Str()}, {"password", Str()}}, {"username", "password"})},
      {"LoginResponse", Obj({{"token", Str("opaque bearer token")}, {"expires_at", Str()}, {"user", Ref("Principal")}})},
      {"Principal", principal},
      {"User", user},
      {"UserList", Page("User")},
      {"UserCreate", Obj({{"username", Str()}, {"display_name", Str()}, {"password", Str()},
                          {"roles", {{"type", "array"}, {"items", Str()}}}, {"locale", Enum({"zh-CN", "en"})}},
                         {"username", "display_name", "password", "roles"})},
      {"UserUpdate", Obj({{"display_name", Str()}, {"password", Str()}, {"disabled", {{"type", "boolean"}}},
                          {"roles", {{"type", "array"}, {"items", Str()}}}, {"locale", Enum({"zh-CN", "en"})}})},
      {"RoleList", {{"type", "array"},
                    {"items", Obj({{"name", Str()}, {"department_zh", Str()}, {"department_en", Str()},
                                   {"permissions", {{"type", "array"}, {"items", Str()}}}})}}},
      {"Health", Obj({{"status", Str()}, {"schema_version", {{"type", "integer"}}}})},
      {"PrometheusText", Str("text/plain; version=0.0.4")},
      {"OpenApi", {{"type", "object"}}},
      // Market risk (src/api/risk_market_routes.cc; definitions in docs/risk.md).
      {"VarRequest",
       Obj({{"positions_csv", Str("CSV id,factor,exposure (exposure in currency units, short < 0)")},
            {"history_csv", Str("CSV date,<factor>... of prices, ISO dates strictly ascending")},
            {"method", Enum({"historical", "parametric", "montecarlo"})},
            {"confidence", {{"type", "number"}, {"description", "VaR level in (0.5, 1), default 0.99"}}},
            {"es_confidence", {{"type", "number"}, {"description", "ES level, default 0.975"}}},
            {"window", {{"type", "integer"}, {"description", "most recent returns, default 500"}}},
            {"quantile_method", Enum({"lower", "linear"})},
            {"horizon_days", {{"type", "integer"}, {"description", "figures scale by sqrt(days)"}}},
            {"returns", Enum({"simple", "log"})},
            {"paths", {{"type", "integer"}, {"description", "Monte Carlo paths, default 10000"}}},
            {"seed", {{"type", "integer"}, {"description", "MT19937 seed, default 42"}}},
            {"distribution", Enum({"normal", "t"})},
            {"df", {{"type", "number"}, {"description", "Student-t degrees of freedom > 2"}}}},
           {"positions_csv", "history_csv"})},
      {"VarResult",
       Obj({{"method", Str()}, {"confidence", {{"type", "number"}}}, {"es_confidence", {{"type", "number"}}},
            {"quantile_method", Str()}, {"returns", Str()}, {"window", {{"type", "integer"}}},
            {"observations", {{"type", "integer"}}}, {"window_start", Str()}, {"window_end", Str()},
            {"factors", {{"type", "array"}, {"items", Str()}}},
            {"exposures", {{"type", "object"}, {"additionalProperties", {{"type", "number"}}}}},
            {"pnl_mean", {{"type", "number"}}}, {"pnl_stdev", {{"type", "number"}}},
            {"horizon_days", {{"type", "integer"}}},
            {"one_day", Obj({{"var", {{"type", "number"}}}, {"es", {{"type", "number"}}}})},
            {"var", {{"type", "number"}, {"description", "positive loss over the horizon"}}},
            {"es", {{"type", "number"}}},
            {"monte_carlo", {{"type", "object"}}}})},
      {"BacktestRequest",
       Obj({{"pnl_csv", Str("CSV date,pnl")}, {"var_csv", Str("CSV date,var (positive loss), same dates")},
            {"confidence", {{"type", "number"}, {"description", "default 0.99"}}},
            {"window", {{"type", "integer"}, {"description", "rolling window, default 250"}}}},
           {"pnl_csv", "var_csv"})},
      {"BacktestResult",
       Obj({{"confidence", {{"type", "number"}}}, {"observations", {{"type", "integer"}}},
            {"first_date", Str()}, {"last_date", Str()},
            {"exceptions", {{"type", "integer"}}}, {"expected_exceptions", {{"type", "number"}}},
            {"exception_rate", {{"type", "number"}}},
            {"exception_dates", {{"type", "array"}, {"items", Str()}}},
            {"kupiec_pof", {{"type", "object"}}}, {"christoffersen", {{"type", "object"}}},
            {"rolling_window", {{"type", "integer"}}},
            {"rolling_exceptions", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
            {"traffic_light", {{"type", {"object", "null"}}}}})},
      {"Problem", Obj({{"type", Str()}, {"title", Str()}, {"status", {{"type", "integer"}}}, {"detail", Str()},
                       {"code", Str("stable machine-readable code")},
                       {"errors", {{"type", "array"},
                                   {"items", Obj({{"field", Str("JSON pointer")}, {"reason", Str()}})}}},
                       {"request_id", Str()}},
                      {"type", "title", "status", "code"})},
      // Credit risk and operational BIC (src/api/risk_credit_routes.cc).
      {"IrbRequest", Obj({{"pd", {{"type", "number"}, {"description", "one-year PD, (0, 1]"}}},
                          {"lgd", {{"type", "number"}, {"description", "[0, 1]"}}},
                          {"maturity", {{"type", "number"}, {"description", "years, [1, 5]; default 2.5"}}},
                          {"ead", Str("exact decimal, >= 0")}, {"currency", Str("ISO 4217, default CNY")},
                          {"asset_class", Enum({"corporate", "sme", "bank", "sovereign", "mortgage", "revolving",
                                                "other_retail"})},
                          {"sales_m", {{"type", "number"}, {"description", "sme: annual sales, EUR million"}}}},
                         {"pd", "lgd", "ead"})},
      {"IrbResult", Obj({{"asset_class", Str()}, {"correlation", {{"type", "number"}}},
                         {"maturity_adjustment", {{"type", "number"}}},
                         {"capital_requirement", {{"type", "number"}, {"description", "K per unit of EAD"}}},
                         {"risk_weight", {{"type", "number"}, {"description", "12.5 K"}}},
                         {"rwa", Ref("Money")}, {"expected_loss", Ref("Money")}})},
      {"EclExposure", Obj({{"id", Str()}, {"ead", Str("exact decimal, >= 0")},
                           {"pd_12m", {{"type", "number"}}}, {"lgd", {{"type", "number"}}},
                           {"days_past_due", {{"type", "integer"}}},
                           {"origination_pd", {{"type", "number"}}},
                           {"eir", {{"type", "number"}, {"description", "effective annual rate, 0.05 = 5%"}}},
                           {"remaining_years", {{"type", "number"}}},
                           {"cumulative_pd", {{"type", "array"}, {"items", {{"type", "number"}}},
                                              {"description", "cumulative PD at year ends 1..n"}}}},
                          {"id", "ead", "pd_12m", "lgd", "days_past_due", "eir", "remaining_years"})},
      {"EclRequest", Obj({{"currency", Str("ISO 4217, default CNY")},
                          {"sicr_pd_multiple", {{"type", "number"}, {"description", "default 3"}}},
                          {"exposures", {{"type", "array"}, {"items", Ref("EclExposure")}}}},
                         {"exposures"})},
      {"EclResult", Obj({{"items", {{"type", "array"},
                                    {"items", Obj({{"id", Str()}, {"stage", {{"type", "integer"}}},
                                                   {"reason", Str()}, {"ead", Ref("Money")},
                                                   {"ecl_12m", Ref("Money")}, {"ecl_lifetime", Ref("Money")},
                                                   {"ecl", Ref("Money")}})}}},
                         {"totals", {{"type", "object"}}},
                         {"sicr_pd_multiple", {{"type", "number"}}}})},
      {"CreditPortfolioRequest",
       Obj({{"currency", Str("ISO 4217, default CNY")},
            {"correlation", {{"type", "number"}, {"description", "asset correlation, default 0.12"}}},
            {"paths", {{"type", "integer"}}}, {"seed", {{"type", "integer"}}},
            {"confidence", {{"type", "number"}, {"description", "default 0.999"}}},
            {"exposures", {{"type", "array"},
                           {"items", Obj({{"id", Str()}, {"ead", Str()}, {"pd", {{"type", "number"}}},
                                          {"lgd", {{"type", "number"}}},
                                          {"correlation", {{"type", "number"}}}},
                                         {"ead", "pd", "lgd"})}}}},
           {"exposures"})},
      {"CreditPortfolioResult",
       Obj({{"currency", Str()}, {"exposures", {{"type", "integer"}}}, {"paths", {{"type", "integer"}}},
            {"seed", {{"type", "integer"}}}, {"confidence", {{"type", "number"}}},
            {"loss_rate", {{"type", "number"}}}, {"ead", Ref("Money")}, {"expected_loss", Ref("Money")},
            {"mean_loss", Ref("Money")}, {"unexpected_loss", Ref("Money")}, {"var", Ref("Money")},
            {"expected_shortfall", Ref("Money")}, {"economic_capital", Ref("Money")}})},
      {"BicRequest", Obj({{"bi", Str("Business Indicator, exact decimal")}, {"currency", Enum({"EUR"})}},
                         {"bi"})},
      {"BicResult", Obj({{"bi", Ref("Money")}, {"bic", Ref("Money")}, {"bucket", {{"type", "integer"}}},
                         {"buckets", {{"type", "array"},
                                      {"items", Obj({{"bucket", {{"type", "integer"}}},
                                                     {"coefficient", {{"type", "number"}}},
                                                     {"portion", Ref("Money")}, {"charge", Ref("Money")}})}}}})},
  };
}

}  // namespace

json OpenApiDocument(const Router& router) {
  json paths = json::object();
  for (const Route& r : router.routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    json op = {{"summary", r.doc.summary}, {"tags", {r.doc.tag}}, {"operationId", r.method + " " + r.path}};
    json params = json::array();
    for (size_t pos = r.path.find('{'); pos != std::string::npos; pos = r.path.find('{', pos + 1)) {
      std::string name = r.path.substr(pos + 1, r.path.find('}', pos) - pos - 1);
      params.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", Str()}});
    }
    for (const QueryParamDoc& q : r.doc.query) {
      params.push_back({{"name", q.name}, {"in", "query"}, {"description", q.description},
                        {"schema", {{"type", q.type}}}});
    }
    if (r.idempotent_create) {
      params.push_back({{"name", "Idempotency-Key"}, {"in", "header"},
                        {"description", "repeat-safe creation: the same key replays the first answer"},
                        {"schema", Str()}});
    }
    if (!params.empty()) op["parameters"] = params;
    if (!r.doc.request.empty()) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", Ref(r.doc.request)}}}}}};
    }
    json success = {{"description", "success"}};
    if (!r.doc.response.empty()) {
      std::string type = r.doc.response == "PrometheusText" ? "text/plain" : "application/json";
      success["content"] = {{type, {{"schema", Ref(r.doc.response)}}}};
    }
    op["responses"][std::to_string(r.doc.success_status)] = success;
    op["responses"]["default"] = {
        {"description", "problem details"},
        {"content", {{"application/problem+json", {{"schema", Ref("Problem")}}}}}};
    if (r.permission != kPublic) {
      op["security"] = json::array({{{"bearer", json::array()}}, {{"cookie", json::array()}}});
      op["x-permission"] = r.permission;
    }
    paths[r.path][method] = op;
  }
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "FinGuard API"}, {"version", "1.0.0"},
                    {"description", "Customer service and risk control for financial institutions."}}},
          {"servers", json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components",
           {{"schemas", Schemas()},
            {"securitySchemes",
             {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
              {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "fg_session"}}}}}}}};
}

}  // namespace finguard::api
