#pragma once
// The API's modules: each Add*Routes registers one module's endpoints (one file per module, as
// DESIGN.md lays out). ApiServices is what handlers may use; it owns nothing.
#include "api/router.h"
#include "common/config.h"
#include "customers/customer_service.h"
#include "security/auth_service.h"

namespace finguard::api {

struct ApiServices {
  storage::Database& db;
  security::AuthService& auth;
  const security::AuditLog& audit;
  customers::CustomerService& customers;
  const Clock& clock;
  const Config& config;
};

void AddAuthRoutes(Router& router, ApiServices& s);
void AddUserRoutes(Router& router, ApiServices& s);
void AddCustomerRoutes(Router& router, ApiServices& s);
void AddAuditRoutes(Router& router, ApiServices& s);
// Risk measurement (issue 6): market VaR/ES and backtesting; credit exposure figures.
void AddRiskMarketRoutes(Router& router, ApiServices& s);
void AddRiskCreditRoutes(Router& router, ApiServices& s);
// healthz, readyz, metrics, openapi.json — `router` must be complete when openapi is served.
void AddSystemRoutes(Router& router, ApiServices& s);

// The OpenAPI 3.1 document describing every route of `router`.
nlohmann::json OpenApiDocument(const Router& router);

// Shared JSON renderings.
nlohmann::json MoneyJson(int64_t minor_units, const std::string& currency);
nlohmann::json UserJson(const security::User& u);
nlohmann::json PrincipalJson(const security::Principal& p);

}  // namespace finguard::api
