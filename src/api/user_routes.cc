#include "api/json_body.h"
#include "api/routes.h"
#include "security/permissions.h"

namespace finguard::api {

nlohmann::json UserJson(const security::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"roles", u.roles},
          {"disabled", u.disabled},
          {"locale", u.locale},
          {"created_at", FormatIso8601(u.created_at)}};
}

void AddUserRoutes(Router& router, ApiServices& s) {
  router.Add({.method = "GET",
              .path = "/api/v1/users",
              .permission = "users.manage",
              .doc = {.summary = "List users", .tag = "users", .response = "UserList"},
              .handler = [&s](RequestContext&) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(std::vector<security::User> users, s.auth.ListUsers());
                nlohmann::json items = nlohmann::json::array();
                for (const auto& u : users) items.push_back(UserJson(u));
                return ApiResult{.body = {{"items", items}, {"next_cursor", nullptr}}};
              }});
  router.Add({.method = "POST",
              .path = "/api/v1/users",
              .permission = "users.manage",
              .idempotent_create = true,
              .doc = {.summary = "Create a user",
                      .tag = "users",
                      .request = "UserCreate",
                      .response = "User",
                      .success_status = 201},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
                security::NewUser nu;
                auto username = body.String("username", kRequired, 64);
                auto display = body.String("display_name", kRequired, 100);
                auto password = body.String("password", kRequired, 256);
                auto roles = body.StringArray("roles", kRequired, 20);
                auto locale = body.Enum("locale", {"zh-CN", "en"}, kOptional);
                RETURN_IF_ERROR(body.Finish());
                nu.username = *username;
                nu.display_name = *display;
                nu.password = *password;
                nu.roles = *roles;
                if (locale) nu.locale = *locale;
                ASSIGN_OR_RETURN(security::User u, s.auth.CreateUser(rc.who().username, nu));
                return ApiResult{.status = 201, .body = UserJson(u)};
              }});
  router.Add({.method = "PATCH",
              .path = "/api/v1/users/{id}",
              .permission = "users.manage",
              .doc = {.summary = "Change a user's name, roles, locale, password or disable them",
                      .tag = "users",
                      .request = "UserUpdate",
                      .response = "User"},
              .handler = [&s](RequestContext& rc) -> StatusOr<ApiResult> {
                ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(rc.http.body));
                security::UserUpdate up;
                up.display_name = body.String("display_name", kOptional, 100);
                up.roles = body.StringArray("roles", kOptional, 20);
                up.disabled = body.Bool("disabled", kOptional);
                up.password = body.String("password", kOptional, 256);
                up.locale = body.Enum("locale", {"zh-CN", "en"}, kOptional);
                RETURN_IF_ERROR(body.Finish());
                if (up.disabled.value_or(false) && rc.path["id"] == rc.who().user_id) {
                  return FailedPrecondition("you cannot disable your own account");
                }
                ASSIGN_OR_RETURN(security::User u,
                                 s.auth.UpdateUser(rc.who().username, rc.path["id"], up));
                return ApiResult{.body = UserJson(u)};
              }});
  router.Add({.method = "GET",
              .path = "/api/v1/roles",
              .doc = {.summary = "Roles with their departments and permissions",
                      .tag = "users",
                      .response = "RoleList"},
              .handler = [](RequestContext&) -> StatusOr<ApiResult> {
                nlohmann::json items = nlohmann::json::array();
                for (const auto& r : security::Roles()) {
                  items.push_back({{"name", r.name},
                                   {"department_zh", r.department_zh},
                                   {"department_en", r.department_en},
                                   {"permissions", r.permissions}});
                }
                return ApiResult{.body = items};
              }});
}

}  // namespace finguard::api
