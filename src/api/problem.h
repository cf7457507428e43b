#pragma once
// RFC 9457 problem details: the one shape every API error takes —
//   {"type","title","status","detail","code","errors":[{"field":"/json/pointer","reason"}],"request_id"}
// `code` is stable for clients to branch on; `status` follows the Status code unless a route
// chooses another (e.g. 423 for a locked account).
#include <nlohmann/json.hpp>
#include <string>

#include "common/status.h"

namespace finguard::api {

int HttpStatusOf(StatusCode code);
std::string ProblemCodeOf(StatusCode code);
std::string ReasonPhrase(int http_status);

nlohmann::json ProblemBody(int http_status, const std::string& code, const Status& status,
                           const std::string& request_id);

}  // namespace finguard::api
