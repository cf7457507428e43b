#include "common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace finguard {
namespace {

std::shared_ptr<spdlog::logger> Logger() {
  // shared_ptr because spdlog's registry API hands loggers out that way.
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto l = spdlog::stderr_logger_mt("finguard");
    // The message is already a JSON object; spdlog adds nothing around it.
    l->set_pattern("%v");
    return l;
  }();
  return logger;
}

void Write(spdlog::level::level_enum level, std::string_view msg, nlohmann::json fields) {
  auto logger = Logger();
  if (!logger->should_log(level)) return;
  nlohmann::json line = {
      {"ts", ""}, {"level", spdlog::level::to_string_view(level).data()}, {"msg", msg}};
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = ms / 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  line["ts"] = buf;
  if (fields.is_object()) line.update(fields);
  logger->log(level, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void InitLogging(std::string_view level) {
  Logger()->set_level(spdlog::level::from_str(std::string(level)));
}
void LogDebug(std::string_view m, nlohmann::json f) {
  Write(spdlog::level::debug, m, std::move(f));
}
void LogInfo(std::string_view m, nlohmann::json f) { Write(spdlog::level::info, m, std::move(f)); }
void LogWarn(std::string_view m, nlohmann::json f) { Write(spdlog::level::warn, m, std::move(f)); }
void LogError(std::string_view m, nlohmann::json f) { Write(spdlog::level::err, m, std::move(f)); }

}  // namespace finguard
