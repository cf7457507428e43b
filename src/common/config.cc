#include "common/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <functional>

extern char** environ;

namespace finguard {

std::map<std::string, std::string> Environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

namespace {

// One setter per key: file values arrive as TOML nodes, env values as strings.
struct Setting {
  std::function<Status(const std::string&)> from_text;
  std::function<Status(const toml::node&)> from_toml;
};

Status ParseInt(const std::string& s, int64_t lo, int64_t hi, int64_t& out) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) {
    return InvalidArgument("'" + s + "' is not an integer in [" + std::to_string(lo) + ", " +
                           std::to_string(hi) + "]");
  }
  out = v;
  return OkStatus();
}

template <typename T>
Setting IntSetting(T& field, int64_t lo, int64_t hi) {
  return {[&field, lo, hi](const std::string& s) {
            int64_t v;
            RETURN_IF_ERROR(ParseInt(s, lo, hi, v));
            field = static_cast<T>(v);
            return OkStatus();
          },
          [&field, lo, hi](const toml::node& n) {
            auto v = n.value<int64_t>();
            if (!v || *v < lo || *v > hi) return InvalidArgument("must be an integer in range");
            field = static_cast<T>(*v);
            return OkStatus();
          }};
}

Setting StringSetting(std::string& field) {
  return {[&field](const std::string& s) {
            field = s;
            return OkStatus();
          },
          [&field](const toml::node& n) {
            auto v = n.value<std::string>();
            if (!v) return InvalidArgument("must be a string");
            field = *v;
            return OkStatus();
          }};
}

Setting BoolSetting(bool& field) {
  return {[&field](const std::string& s) {
            if (s == "true" || s == "1")
              field = true;
            else if (s == "false" || s == "0")
              field = false;
            else
              return InvalidArgument("'" + s + "' is not true or false");
            return OkStatus();
          },
          [&field](const toml::node& n) {
            auto v = n.value<bool>();
            if (!v) return InvalidArgument("must be true or false");
            field = *v;
            return OkStatus();
          }};
}

}  // namespace

StatusOr<Config> LoadConfig(const std::string& path,
                            const std::map<std::string, std::string>& env) {
  Config c;
  std::map<std::string, Setting> settings = {
      {"db", StringSetting(c.db)},
      {"key_file", StringSetting(c.key_file)},
      {"host", StringSetting(c.host)},
      {"port", IntSetting(c.port, 0, 65535)},
      {"threads", IntSetting(c.threads, 1, 4096)},
      {"db_pool", IntSetting(c.db_pool, 1, 1024)},
      {"max_body_bytes", IntSetting(c.max_body_bytes, 1024, int64_t{1} << 34)},
      {"session_ttl_minutes", IntSetting(c.session_ttl_minutes, 1, 60 * 24 * 30)},
      {"tls_cert", StringSetting(c.tls_cert)},
      {"tls_key", StringSetting(c.tls_key)},
      {"web_dir", StringSetting(c.web_dir)},
      {"log_level", StringSetting(c.log_level)},
      {"log_requests", BoolSetting(c.log_requests)},
  };
  if (!path.empty()) {
    toml::table parsed;
    try {
      // Debian's toml++ is built with exceptions on; a parse error is bad input, not a bug.
      parsed = toml::parse_file(path);
    } catch (const toml::parse_error& err) {
      return InvalidArgument(path + ":" + std::to_string(err.source().begin.line) + ": " +
                             std::string(err.description()));
    }
    for (auto&& [key, node] : parsed) {
      auto it = settings.find(std::string(key.str()));
      if (it == settings.end()) {
        return InvalidArgument(path + ": unknown setting '" + std::string(key.str()) + "'");
      }
      Status s = it->second.from_toml(node);
      if (!s.ok())
        return InvalidArgument(path + ": " + std::string(key.str()) + ": " + s.message());
    }
  }
  for (auto& [key, setting] : settings) {
    std::string var = "FINGUARD_";
    for (char ch : key) var += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    auto it = env.find(var);
    if (it == env.end()) continue;
    Status s = setting.from_text(it->second);
    if (!s.ok()) return InvalidArgument(var + ": " + s.message());
  }
  static const char* kLevels[] = {"trace", "debug", "info", "warn", "error"};
  if (std::find(std::begin(kLevels), std::end(kLevels), c.log_level) == std::end(kLevels)) {
    return InvalidArgument("log_level must be trace, debug, info, warn or error");
  }
  if (c.tls_cert.empty() != c.tls_key.empty()) {
    return InvalidArgument("tls_cert and tls_key must be set together");
  }
  return c;
}

}  // namespace finguard
