#include "api/problem.h"

namespace finguard::api {

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string ProblemCodeOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_request";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kFailedPrecondition:
      return "conflict";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kPermissionDenied:
      return "forbidden";
    case StatusCode::kResourceExhausted:
      return "too_many_requests";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kInternal:
      return "internal_error";
  }
  return "internal_error";
}

std::string ReasonPhrase(int s) {
  switch (s) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 423:
      return "Locked";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

nlohmann::json ProblemBody(int http_status, const std::string& code, const Status& status,
                           const std::string& request_id) {
  nlohmann::json errors = nlohmann::json::array();
  for (const FieldError& f : status.fields())
    errors.push_back({{"field", f.field}, {"reason", f.reason}});
  // Internal details stay in the log; the client gets the request id to quote.
  std::string detail = http_status >= 500 && http_status != 503
                           ? "an internal error occurred; quote request id " + request_id
                           : status.message();
  return {{"type", "https://finguard.dev/problems/" + code},
          {"title", ReasonPhrase(http_status)},
          {"status", http_status},
          {"detail", detail},
          {"code", code},
          {"errors", errors},
          {"request_id", request_id}};
}

}  // namespace finguard::api
