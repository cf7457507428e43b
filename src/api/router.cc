#include "api/router.h"

#include <sodium.h>

#include <charconv>
#include <chrono>
#include <regex>

#include "api/problem.h"
#include "common/encoding.h"
#include "common/id.h"
#include "common/log.h"

namespace finguard::api {

using storage::Value;

namespace {

// "/api/v1/customers/{id}" -> "/api/v1/customers/([^/]+)" and the parameter names in order.
std::string PathRegex(const std::string& path, std::vector<std::string>& names) {
  static const std::regex kParam("\\{([a-z_]+)\\}");
  std::string out;
  auto begin = std::sregex_iterator(path.begin(), path.end(), kParam);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += path.substr(last, it->position() - last) + "([^/]+)";
    names.push_back((*it)[1]);
    last = it->position() + it->length();
  }
  return out + path.substr(last);
}

std::string BearerToken(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  std::string cookies = req.get_header_value("Cookie");
  // Cookie: a=b; fg_session=TOKEN; c=d
  size_t pos = 0;
  while (pos < cookies.size()) {
    size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    std::string pair = cookies.substr(pos, end - pos);
    size_t start = pair.find_first_not_of(' ');
    if (start != std::string::npos && pair.compare(start, 11, "fg_session=") == 0) {
      return pair.substr(start + 11);
    }
    pos = end + 1;
  }
  return "";
}

std::string SafeRequestId(const httplib::Request& req) {
  std::string given = req.get_header_value("X-Request-Id");
  if (!given.empty() && given.size() <= 64 &&
      given.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
          std::string::npos) {
    return given;
  }
  return NewId();
}

void WriteJson(httplib::Response& res, int status, const nlohmann::json& body, bool problem) {
  res.status = status;
  if (body.is_null()) return;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  problem ? "application/problem+json" : "application/json; charset=utf-8");
}

}  // namespace

ApiResult ApiResult::Problem(int status, const std::string& code, const Status& s) {
  ApiResult r;
  r.status = status;
  r.body = ProblemBody(status, code, s, "");
  return r;
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

void Router::Mount(httplib::Server& server) {
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    std::vector<std::string> names;
    std::string pattern = PathRegex(route.path, names);
    size_t metric = metrics_.AddRoute(route.method, route.path);
    auto handler = [this, i, metric, names](const httplib::Request& req, httplib::Response& res) {
      Dispatch(routes_[i], metric, names, req, res);
    };
    if (route.method == "GET")
      server.Get(pattern, handler);
    else if (route.method == "POST")
      server.Post(pattern, handler);
    else if (route.method == "PATCH")
      server.Patch(pattern, handler);
    else if (route.method == "PUT")
      server.Put(pattern, handler);
    else if (route.method == "DELETE")
      server.Delete(pattern, handler);
  }
  // httplib answers unmatched paths and oversized bodies itself; give /api clients problem+json.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) != 0 ||
        res.get_header_value("Content-Type").find("json") != std::string::npos) {
      return;
    }
    int status = res.status;
    std::string code = status == 413   ? "payload_too_large"
                       : status == 404 ? "not_found"
                                       : "bad_request";
    std::string detail = status == 413   ? "request body exceeds the configured limit"
                         : status == 404 ? "no such endpoint: " + req.method + " " + req.path
                                         : "the request could not be processed";
    std::string rid = NewId();
    res.set_header("X-Request-Id", rid);
    WriteJson(res, status, ProblemBody(status, code, InvalidArgument(detail), rid), true);
  });
}

void Router::Dispatch(const Route& route, size_t metric, const std::vector<std::string>& names,
                      const httplib::Request& req, httplib::Response& res) {
  auto started = std::chrono::steady_clock::now();
  RequestContext rc{req, SafeRequestId(req), {}, std::nullopt, ""};
  for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
    rc.path[names[i]] = req.matches[i + 1];
  }
  res.set_header("X-Request-Id", rc.request_id);
  StatusOr<ApiResult> result = Status();
  try {
    result = Run(route, rc);
  } catch (const std::exception& e) {
    LogError("unhandled exception", {{"request_id", rc.request_id}, {"error", e.what()}});
    result = Internal(e.what());
  }
  int status;
  if (result.ok()) {
    status = result->status;
    for (auto& [k, v] : result->headers) res.set_header(k, v);
    bool problem = result->body.is_object() && result->body.contains("type") && status >= 400;
    if (problem) result->body["request_id"] = rc.request_id;
    if (!result->content_type.empty()) {
      res.status = status;
      res.set_content(result->raw, result->content_type);
    } else {
      WriteJson(res, status, result->body, problem);
    }
  } else {
    const Status& s = result.status();
    status = HttpStatusOf(s.code());
    if (status >= 500)
      LogError("request failed", {{"request_id", rc.request_id}, {"error", s.ToString()}});
    WriteJson(res, status, ProblemBody(status, ProblemCodeOf(s.code()), s, rc.request_id), true);
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.Observe(metric, status, seconds);
  if (deps_.log_requests) {
    LogInfo("request", {{"request_id", rc.request_id},
                        {"method", req.method},
                        {"route", route.path},
                        {"status", status},
                        {"ms", std::round(seconds * 1e5) / 100},
                        {"user", rc.principal ? rc.principal->username : ""}});
  }
}

StatusOr<ApiResult> Router::Run(const Route& route, RequestContext& rc) {
  if (route.permission != kPublic) {
    rc.token = BearerToken(rc.http);
    StatusOr<security::Principal> p = deps_.auth.Authenticate(rc.token);
    if (!p.ok()) {
      RETURN_IF_ERROR(deps_.audit.Record(
          deps_.db, {.actor = "anonymous",
                     .action = "auth.unauthenticated",
                     .target = rc.http.method + " " + route.path,
                     .outcome = "denied",
                     .detail = {{"request_id", rc.request_id}, {"reason", p.status().message()}}}));
      return Unauthenticated("sign in first: " + p.status().message());
    }
    rc.principal = std::move(p).value();
    if (route.permission != kAnyUser && !rc.principal->Has(route.permission)) {
      RETURN_IF_ERROR(deps_.audit.Record(
          deps_.db, {.actor = rc.principal->username,
                     .action = "auth.forbidden",
                     .target = rc.http.method + " " + route.path,
                     .outcome = "denied",
                     .detail = {{"request_id", rc.request_id}, {"permission", route.permission}}}));
      return PermissionDenied("this action needs the permission " + route.permission);
    }
  }
  std::string key = rc.http.get_header_value("Idempotency-Key");
  if (route.idempotent_create && !key.empty()) return RunIdempotent(route, rc, key);
  return route.handler(rc);
}

StatusOr<ApiResult> Router::RunIdempotent(const Route& route, RequestContext& rc,
                                          const std::string& key) {
  if (key.size() > 200) {
    return InvalidArgument("Idempotency-Key is longer than 200 characters",
                           {{"/headers/Idempotency-Key", "too long"}});
  }
  std::string user = rc.principal ? rc.principal->user_id : "";
  unsigned char digest[32];
  std::string material = route.method + " " + rc.http.path + "\n" + rc.http.body;
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(material.data()),
                     material.size(), nullptr, 0);
  std::string hash = HexEncode(std::string_view(reinterpret_cast<char*>(digest), sizeof digest));
  ASSIGN_OR_RETURN(storage::ResultSet rs,
                   deps_.db.Query("SELECT request_hash, status, body FROM idempotency_keys"
                                  " WHERE user_id = ? AND idem_key = ?",
                                  {Value(user), Value(key)}));
  if (!rs.empty()) {
    if (rs.At(0, "request_hash").AsText() != hash) {
      return ApiResult::Problem(
          422, "idempotency_key_reused",
          InvalidArgument("this Idempotency-Key was used for a different request"));
    }
    ApiResult replay;
    replay.status = static_cast<int>(rs.At(0, "status").AsInt());
    replay.body = nlohmann::json::parse(rs.At(0, "body").AsText(), nullptr, false);
    replay.headers.push_back({"Idempotent-Replayed", "true"});
    return replay;
  }
  ASSIGN_OR_RETURN(ApiResult result, route.handler(rc));
  if (result.status < 300) {
    // A concurrent duplicate loses the insert race and its own result stands; both are logged.
    (void)deps_.db.Exec(
        "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, body,"
        " created_at_us) VALUES (?, ?, ?, ?, ?, ?)",
        {Value(user), Value(key), Value(hash), Value(result.status), Value(result.body.dump()),
         Value(deps_.clock.Now().micros)});
  }
  return result;
}

std::string EncodeCursor(const std::string& key) { return Base64UrlEncode(key); }

StatusOr<std::string> DecodeCursor(const std::string& cursor) {
  StatusOr<std::string> raw = Base64UrlDecode(cursor);
  if (!raw.ok() || raw->empty()) {
    return InvalidArgument("cursor is not one this API issued",
                           {{"/query/cursor", "invalid cursor"}});
  }
  return raw;
}

StatusOr<int> PageLimit(const RequestContext& rc) {
  std::string s = rc.Query("limit");
  if (s.empty()) return 50;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1 || v > 200) {
    return InvalidArgument("limit must be an integer from 1 to 200",
                           {{"/query/limit", "out of range"}});
  }
  return v;
}

}  // namespace finguard::api
