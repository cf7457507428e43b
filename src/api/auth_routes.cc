#include "api/json_body.h"
#include "api/routes.h"

namespace finguard::api {

nlohmann::json PrincipalJson(const security::Principal& p) {
  return {{"id", p.user_id},  {"username", p.username},       {"display_name", p.display_name},
          {"roles", p.roles}, {"permissions", p.permissions}, {"locale", p.locale}};
}

void AddAuthRoutes(Router& router, ApiServices& s) {
  router.Add(
      {.method = "POST",
       .path = "/api/v1/auth/login",
       .permission = kPublic,
       .doc = {.summary = "Sign in; returns a bearer token and sets the console's session cookie",
               .tag = "auth",
               .request = "LoginRequest",
               .response = "LoginResponse"},
       .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
         ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
         auto username = body.String("username", kRequired, 64);
         auto password = body.String("password", kRequired, 256);
         RETURN_IF_ERROR(body.Finish());
         StatusOr<security::LoginResult> r = s.auth.Login(*username, *password);
         if (r.status().code() == StatusCode::kResourceExhausted) {
           return ApiResult::Problem(423, "account_locked", r.status());
         }
         if (r.status().code() == StatusCode::kUnauthenticated) {
           return ApiResult::Problem(401, "invalid_credentials", r.status());
         }
         RETURN_IF_ERROR(r.status());
         ApiResult out;
         out.body = {{"token", r->token},
                     {"expires_at", FormatIso8601(r->expires_at)},
                     {"user", PrincipalJson(r->principal)}};
         std::string cookie = "fg_session=" + r->token +
                              "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                              std::to_string(s.config.session_ttl_minutes * 60);
         if (!s.config.tls_cert.empty()) cookie += "; Secure";
         out.headers.push_back({"Set-Cookie", cookie});
         out.headers.push_back({"Cache-Control", "no-store"});
         return out;
       }});
  router.Add({.method = "POST",
              .path = "/api/v1/auth/logout",
              .doc = {.summary = "End the current session", .tag = "auth", .success_status = 204},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                RETURN_IF_ERROR(s.auth.Logout(rc.token));
                ApiResult out;
                out.status = 204;
                out.headers.push_back(
                    {"Set-Cookie", "fg_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"});
                return out;
              }});
  router.Add({.method = "GET",
              .path = "/api/v1/auth/me",
              .doc = {.summary = "The signed-in user with roles and permissions",
                      .tag = "auth",
                      .response = "Principal"},
              .handler = [](RequestContext& rc) -> StatusOr<ApiResult> {
                return ApiResult{.body = PrincipalJson(rc.who())};
              }});
}

}  // namespace finguard::api
