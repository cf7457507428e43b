#pragma once
// Router holds every API route with its permission and its OpenAPI description, and mounts them
// on an httplib server behind one request pipeline: request id, authentication (bearer token or
// the console's HttpOnly cookie), permission check (denials audited), optional Idempotency-Key
// replay, problem+json for every error, a JSON log line and Prometheus metrics.
// Routes are added at start-up; after Mount the router is read-only and thread-safe.
//   router.Add({.method = "GET", .path = "/api/v1/customers/{id}", .permission = "customers.read",
//               .doc = {.summary = "Get a customer", .tag = "customers", .response = "Customer"},
//               .handler = [&](RequestContext& rc) -> StatusOr<ApiResult> { ... }});
#include <httplib.h>

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/metrics.h"
#include "common/status.h"
#include "security/audit_log.h"
#include "security/auth_service.h"

namespace finguard::api {

// What a handler answers. `body` null means no content (204).
struct ApiResult {
  int status = 200;
  nlohmann::json body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A non-JSON answer (Prometheus text): sent as is when content_type is set.
  std::string raw;
  std::string content_type;
  // A problem answer a handler chooses itself (e.g. 423 account_locked).
  static ApiResult Problem(int status, const std::string& code, const Status& s);
};

struct RequestContext {
  const httplib::Request& http;
  std::string request_id;
  std::map<std::string, std::string> path;  // {id} -> value
  std::optional<security::Principal> principal;
  std::string token;  // the caller's session token, when authenticated
  // Query parameter or "" when absent.
  std::string Query(const std::string& name) const {
    return http.has_param(name) ? http.get_param_value(name) : "";
  }
  const security::Principal& who() const { return *principal; }
};

struct QueryParamDoc {
  std::string name;
  std::string description;
  std::string type = "string";  // string | integer
};

struct RouteDoc {
  std::string summary;
  std::string tag;
  std::string request;   // component schema name of the body, "" if none
  std::string response;  // component schema name of the success body, "" for 204
  int success_status = 200;
  std::vector<QueryParamDoc> query;
};

inline constexpr const char* kPublic = "";
inline constexpr const char* kAnyUser = "authenticated";

struct Route {
  std::string method;  // GET POST PATCH PUT DELETE
  std::string path;    // "/api/v1/customers/{id}"
  std::string permission = kAnyUser;
  bool idempotent_create = false;  // honours Idempotency-Key
  RouteDoc doc;
  std::function<StatusOr<ApiResult>(RequestContext&)> handler;
};

struct RouterDeps {
  storage::Database& db;
  security::AuthService& auth;
  const security::AuditLog& audit;
  const Clock& clock;
  bool log_requests = true;
};

class Router {
 public:
  explicit Router(RouterDeps deps) : deps_(deps) {}

  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  Metrics& metrics() { return metrics_; }

  // Registers every route on `server` plus 404/413 problem handlers for /api paths.
  void Mount(httplib::Server& server);

 private:
  void Dispatch(const Route& route, size_t metric, const std::vector<std::string>& path_params,
                const httplib::Request& req, httplib::Response& res);
  StatusOr<ApiResult> Run(const Route& route, RequestContext& rc);
  StatusOr<ApiResult> RunIdempotent(const Route& route, RequestContext& rc, const std::string& key);

  RouterDeps deps_;
  std::vector<Route> routes_;
  Metrics metrics_;
};

// Cursor helpers: opaque URL-safe strings around a sort key.
std::string EncodeCursor(const std::string& key);
StatusOr<std::string> DecodeCursor(const std::string& cursor);
// ?limit= within [1, 200], default 50; kInvalidArgument with field "/query/limit".
StatusOr<int> PageLimit(const RequestContext& rc);

}  // namespace finguard::api
