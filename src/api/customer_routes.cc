#include <charconv>

#include "api/json_body.h"
#include "api/routes.h"

namespace finguard::api {

using customers::Account;
using customers::CustomerInput;
using customers::CustomerView;
using customers::Transaction;

nlohmann::json MoneyJson(int64_t minor_units, const std::string& currency) {
  StatusOr<Money> m = Money::FromMinorUnits(minor_units, currency);
  return {{"amount", m.ok() ? m->ToString() : std::to_string(minor_units)}, {"currency", currency}};
}

namespace {

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json CustomerJson(const CustomerView& v) {
  const customers::Customer& c = v.customer;
  return {{"id", c.id},
          {"type", c.type},
          {"name", c.name},
          {"id_type", c.id_type},
          {"id_number", c.id_number},
          {"phone", OrNull(c.phone)},
          {"email", OrNull(c.email)},
          {"address", OrNull(c.address)},
          {"province", OrNull(c.province)},
          {"nationality", c.nationality},
          {"investor_class", OrNull(c.investor_class)},
          {"aml_risk", c.aml_risk},
          {"segment", OrNull(c.segment)},
          {"created_at", FormatIso8601(c.created_at)},
          {"updated_at", FormatIso8601(c.updated_at)},
          {"masked", v.masked}};
}

nlohmann::json AccountJson(const Account& a) {
  return {
      {"id", a.id},
      {"customer_id", a.customer_id},
      {"number", a.number},
      {"type", a.type},
      {"product_id", OrNull(a.product_id)},
      {"currency", a.currency},
      {"status", a.status},
      {"opened_at", a.opened_on},
      {"closed_at", a.closed_on ? nlohmann::json(*a.closed_on) : nlohmann::json(nullptr)},
      {"last_activity_at", a.last_activity_at ? nlohmann::json(FormatIso8601(*a.last_activity_at))
                                              : nlohmann::json(nullptr)},
      {"balance", MoneyJson(a.balance_minor, a.currency)}};
}

nlohmann::json TransactionJson(const Transaction& t) {
  return {{"id", t.id},
          {"time", FormatIso8601(t.time)},
          {"customer_id", t.customer_id},
          {"account_id", t.account_id},
          {"direction", t.direction},
          {"channel", t.channel},
          {"amount", MoneyJson(t.amount_minor, t.currency)},
          {"counterparty_id", OrNull(t.counterparty_id)},
          {"counterparty_name", OrNull(t.counterparty_name)},
          {"counterparty_country", OrNull(t.counterparty_country)},
          {"cross_border", t.cross_border}};
}

// Reads a customer body; every field optional here, ApplyCustomerInput enforces what a create
// needs.
StatusOr<CustomerInput> ReadCustomerInput(const std::string& text) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  CustomerInput in;
  in.type = body.Enum("type", {"individual", "corporate"}, kOptional);
  in.name = body.String("name", kOptional, 200);
  in.id_type = body.Enum("id_type", {"resident_id", "passport", "uscc", "other"}, kOptional);
  in.id_number = body.String("id_number", kOptional, 30);
  in.phone = body.String("phone", kOptional, 20);
  in.email = body.String("email", kOptional, 200);
  in.address = body.String("address", kOptional, 500);
  in.province = body.String("province", kOptional, 60);
  in.nationality = body.String("nationality", kOptional, 2);
  in.investor_class =
      body.Enum("investor_class", {"C1", "C2", "C3", "C4", "C5", "professional"}, kOptional);
  in.aml_risk = body.Enum("aml_risk", {"low", "medium", "high"}, kOptional);
  in.segment = body.String("segment", kOptional, 60);
  RETURN_IF_ERROR(body.Finish());
  return in;
}

StatusOr<customers::AccountInput> ReadAccountInput(const std::string& text) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  customers::AccountInput in;
  in.number = body.String("number", kOptional, 30);
  in.type =
      body.Enum("type", {"savings", "current", "credit_card", "loan", "investment"}, kOptional);
  in.currency = body.String("currency", kOptional, 3);
  in.product_id = body.String("product_id", kOptional, 40);
  in.status = body.Enum("status", {"active", "dormant", "frozen", "closed"}, kOptional);
  RETURN_IF_ERROR(body.Finish());
  return in;
}

StatusOr<customers::ProductInput> ReadProductInput(const std::string& text) {
  ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(text));
  customers::ProductInput in;
  in.code = body.String("code", kOptional, 32);
  in.name = body.String("name", kOptional, 200);
  in.name_en = body.String("name_en", kOptional, 200);
  in.type = body.Enum("type", {"deposit", "wealth", "fund", "insurance", "loan", "card", "bond"},
                      kOptional);
  in.risk_level = body.Enum("risk_level", {"R1", "R2", "R3", "R4", "R5"}, kOptional);
  in.currency = body.String("currency", kOptional, 3);
  RETURN_IF_ERROR(body.Finish());
  return in;
}

nlohmann::json ProductJson(const customers::Product& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"name", p.name},
          {"name_en", p.name_en},
          {"type", p.type},
          {"risk_level", p.risk_level},
          {"currency", p.currency}};
}

const std::vector<QueryParamDoc> kPaging = {{"limit", "page size, 1-200 (default 50)", "integer"},
                                            {"cursor", "next_cursor of the previous page"}};

}  // namespace

void AddCustomerRoutes(Router& router, ApiServices& s) {
  std::vector<QueryParamDoc> list_params = kPaging;
  list_params.push_back({"q", "customer id, ID number, mobile number or full name (exact)"});
  list_params.push_back({"type", "individual or corporate"});
  router.Add({.method = "GET",
              .path = "/api/v1/customers",
              .permission = "customers.read",
              .doc = {.summary = "List or search customers (personal data masked without pii.read)",
                      .tag = "customers",
                      .response = "CustomerPage",
                      .query = list_params},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                customers::CustomerQuery q;
                ASSIGN_OR_RETURN(q.limit, PageLimit(rc));
                q.q = rc.Query("q");
                if (q.q.size() > 200)
                  return InvalidArgument("q is too long", {{"/query/q", "longer than 200 bytes"}});
                q.type = rc.Query("type");
                if (!q.type.empty() && q.type != "individual" && q.type != "corporate") {
                  return InvalidArgument("type must be individual or corporate",
                                         {{"/query/type", "unknown value"}});
                }
                if (!rc.Query("cursor").empty()) {
                  ASSIGN_OR_RETURN(q.after_id, DecodeCursor(rc.Query("cursor")));
                }
                ASSIGN_OR_RETURN(std::vector<CustomerView> views, s.customers.List(rc.who(), q));
                nlohmann::json items = nlohmann::json::array();
                for (const auto& v : views) items.push_back(CustomerJson(v));
                nlohmann::json next = nullptr;
                if (static_cast<int>(views.size()) == q.limit)
                  next = EncodeCursor(views.back().customer.id);
                return ApiResult{.body = {{"items", items}, {"next_cursor", next}}};
              }});
  router.Add({.method = "POST",
              .path = "/api/v1/customers",
              .permission = "customers.write",
              .idempotent_create = true,
              .doc = {.summary = "Register a customer",
                      .tag = "customers",
                      .request = "CustomerInput",
                      .response = "Customer",
                      .success_status = 201},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(CustomerInput in, ReadCustomerInput(rc.http.body));
                ASSIGN_OR_RETURN(CustomerView v, s.customers.Create(rc.who(), in));
                return ApiResult{.status = 201, .body = CustomerJson(v)};
              }});
  router.Add({.method = "GET",
              .path = "/api/v1/customers/{id}",
              .permission = "customers.read",
              .doc = {.summary = "Get one customer (unmasked reads are audited)",
                      .tag = "customers",
                      .response = "Customer"},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(CustomerView v, s.customers.Get(rc.who(), rc.path["id"]));
                return ApiResult{.body = CustomerJson(v)};
              }});
  router.Add({.method = "PATCH",
              .path = "/api/v1/customers/{id}",
              .permission = "customers.write",
              .doc = {.summary = "Change some of a customer's fields",
                      .tag = "customers",
                      .request = "CustomerInput",
                      .response = "Customer"},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(CustomerInput in, ReadCustomerInput(rc.http.body));
                ASSIGN_OR_RETURN(CustomerView v, s.customers.Update(rc.who(), rc.path["id"], in));
                return ApiResult{.body = CustomerJson(v)};
              }});
  router.Add(
      {.method = "GET",
       .path = "/api/v1/customers/{id}/accounts",
       .permission = "customers.read",
       .doc = {.summary = "A customer's accounts", .tag = "customers", .response = "AccountList"},
       .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
         ASSIGN_OR_RETURN(std::vector<Account> accounts,
                          s.customers.Accounts(rc.who(), rc.path["id"]));
         nlohmann::json items = nlohmann::json::array();
         for (const auto& a : accounts) items.push_back(AccountJson(a));
         return ApiResult{.body = {{"items", items}, {"next_cursor", nullptr}}};
       }});
  router.Add({.method = "GET",
              .path = "/api/v1/customers/{id}/transactions",
              .permission = "customers.read",
              .doc = {.summary = "A customer's transactions, newest first",
                      .tag = "customers",
                      .response = "TransactionPage",
                      .query = kPaging},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(int limit, PageLimit(rc));
                std::optional<customers::TransactionCursor> before;
                if (!rc.Query("cursor").empty()) {
                  ASSIGN_OR_RETURN(std::string raw, DecodeCursor(rc.Query("cursor")));
                  size_t colon = raw.find(':');
                  int64_t t = 0;
                  auto [p, ec] = std::from_chars(
                      raw.data(), raw.data() + (colon == std::string::npos ? 0 : colon), t);
                  if (colon == std::string::npos || ec != std::errc()) {
                    return InvalidArgument("cursor is not one this API issued",
                                           {{"/query/cursor", "invalid cursor"}});
                  }
                  before = customers::TransactionCursor{t, raw.substr(colon + 1)};
                }
                ASSIGN_OR_RETURN(std::vector<Transaction> txns,
                                 s.customers.Transactions(rc.who(), rc.path["id"], before, limit));
                nlohmann::json items = nlohmann::json::array();
                for (const auto& t : txns) items.push_back(TransactionJson(t));
                nlohmann::json next = nullptr;
                if (static_cast<int>(txns.size()) == limit) {
                  next =
                      EncodeCursor(std::to_string(txns.back().time.micros) + ":" + txns.back().id);
                }
                return ApiResult{.body = {{"items", items}, {"next_cursor", next}}};
              }});
  router.Add({.method = "GET",
              .path = "/api/v1/products",
              .permission = "products.read",
              .doc = {.summary = "The institution's products with risk levels R1-R5",
                      .tag = "customers",
                      .response = "ProductList"},
              .handler = [&s](RequestContext&) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(std::vector<customers::Product> products, s.customers.Products());
                nlohmann::json items = nlohmann::json::array();
                for (const auto& p : products) items.push_back(ProductJson(p));
                return ApiResult{.body = {{"items", items}, {"next_cursor", nullptr}}};
              }});
  router.Add({.method = "POST",
              .path = "/api/v1/products",
              .permission = "products.write",
              .idempotent_create = true,
              .doc = {.summary = "Add a product with its risk level",
                      .tag = "customers",
                      .request = "ProductInput",
                      .response = "Product",
                      .success_status = 201},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(customers::ProductInput in, ReadProductInput(rc.http.body));
                ASSIGN_OR_RETURN(customers::Product p, s.customers.CreateProduct(rc.who(), in));
                return ApiResult{.status = 201, .body = ProductJson(p)};
              }});
  router.Add(
      {.method = "PATCH",
       .path = "/api/v1/products/{id}",
       .permission = "products.write",
       .doc = {.summary = "Change a product (a risk level change is audited with the old level)",
               .tag = "customers",
               .request = "ProductInput",
               .response = "Product"},
       .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
         ASSIGN_OR_RETURN(customers::ProductInput in, ReadProductInput(rc.http.body));
         ASSIGN_OR_RETURN(customers::Product p,
                          s.customers.UpdateProduct(rc.who(), rc.path["id"], in));
         return ApiResult{.body = ProductJson(p)};
       }});
  router.Add({.method = "POST",
              .path = "/api/v1/customers/{id}/accounts",
              .permission = "customers.write",
              .idempotent_create = true,
              .doc = {.summary = "Open an account for a customer",
                      .tag = "customers",
                      .request = "AccountInput",
                      .response = "Account",
                      .success_status = 201},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(customers::AccountInput in, ReadAccountInput(rc.http.body));
                ASSIGN_OR_RETURN(Account a, s.customers.OpenAccount(rc.who(), rc.path["id"], in));
                return ApiResult{.status = 201, .body = AccountJson(a)};
              }});
  router.Add(
      {.method = "PATCH",
       .path = "/api/v1/accounts/{id}",
       .permission = "customers.write",
       .doc = {.summary =
                   "Freeze, reactivate, mark dormant or close an account, or change its product",
               .tag = "customers",
               .request = "AccountInput",
               .response = "Account"},
       .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
         ASSIGN_OR_RETURN(customers::AccountInput in, ReadAccountInput(rc.http.body));
         ASSIGN_OR_RETURN(Account a, s.customers.UpdateAccount(rc.who(), rc.path["id"], in));
         return ApiResult{.body = AccountJson(a)};
       }});
}

}  // namespace finguard::api
