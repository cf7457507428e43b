#include "api/routes.h"
#include "storage/migrations.h"

namespace finguard::api {

void AddSystemRoutes(Router& router, ApiServices& s) {
  router.Add({.method = "GET",
              .path = "/healthz",
              .permission = kPublic,
              .doc = {.summary = "Liveness: the process answers",
                      .tag = "operations",
                      .response = "Health"},
              .handler = [](RequestContext&) -> StatusOr<ApiResult> {
                return ApiResult{.body = {{"status", "ok"}}};
              }});
  router.Add({.method = "GET",
              .path = "/readyz",
              .permission = kPublic,
              .doc = {.summary = "Readiness: database reachable and schema current",
                      .tag = "operations",
                      .response = "Health"},
              .handler = [&s](RequestContext&) -> StatusOr<ApiResult> {
                StatusOr<int> v = storage::SchemaVersion(s.db);
                int want = storage::EmbeddedMigrations().back().version;
                if (!v.ok() || *v != want) {
                  return Unavailable(v.ok() ? "schema version " + std::to_string(*v) +
                                                  ", expected " + std::to_string(want)
                                            : "database unreachable: " + v.status().message());
                }
                return ApiResult{.body = {{"status", "ok"}, {"schema_version", *v}}};
              }});
  router.Add({.method = "GET",
              .path = "/metrics",
              .permission = kPublic,
              .doc = {.summary = "Prometheus metrics (text exposition format)",
                      .tag = "operations",
                      .response = "PrometheusText"},
              .handler = [&router](RequestContext&) -> StatusOr<ApiResult> {
                ApiResult r;
                r.raw = router.metrics().Render();
                r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                return r;
              }});
  router.Add({.method = "GET",
              .path = "/api/v1/openapi.json",
              .permission = kPublic,
              .doc = {.summary = "This API's OpenAPI 3.1 document",
                      .tag = "operations",
                      .response = "OpenApi"},
              .handler = [&router](RequestContext&) -> StatusOr<ApiResult> {
                return ApiResult{.body = OpenApiDocument(router)};
              }});
}

}  // namespace finguard::api
