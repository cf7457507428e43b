#pragma once
// Structured logs: one JSON object per line on stderr ({"ts","level","msg",...fields}), through
// spdlog so writes from many threads never interleave. Fields are added as a JSON object.
//   LogInfo("request", {{"request_id", id}, {"status", 200}, {"ms", 1.2}});
#include <nlohmann/json.hpp>
#include <string_view>

namespace finguard {

// "trace" | "debug" | "info" | "warn" | "error"; call once at start.
void InitLogging(std::string_view level);
void LogDebug(std::string_view msg, nlohmann::json fields = nlohmann::json::object());
void LogInfo(std::string_view msg, nlohmann::json fields = nlohmann::json::object());
void LogWarn(std::string_view msg, nlohmann::json fields = nlohmann::json::object());
void LogError(std::string_view msg, nlohmann::json fields = nlohmann::json::object());

}  // namespace finguard
