#pragma once
// FinGuard's settings: defaults, then a TOML file (`--config finguard.toml`), then FINGUARD_*
// environment variables (FINGUARD_DB, FINGUARD_PORT, ...), then command-line flags applied by
// the CLI. Unknown keys in the file are errors, so a typo does not silently keep a default.
//   ASSIGN_OR_RETURN(Config cfg, LoadConfig("finguard.toml", Environment()));
#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"

namespace finguard {

struct Config {
  std::string db = "sqlite:data/finguard.db";
  std::string key_file = "data/finguard.keys";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 64;  // HTTP worker threads (keep-alive holds one each)
  int db_pool = 16;  // database connections
  int64_t max_body_bytes = 8 * 1024 * 1024;
  int session_ttl_minutes = 480;
  std::string tls_cert;  // both set -> HTTPS
  std::string tls_key;
  std::string web_dir = "web/dist";
  std::string log_level = "info";  // trace | debug | info | warn | error
  bool log_requests = true;        // one JSON line per request
};

// Environment snapshot (name -> value), so tests can pass their own.
std::map<std::string, std::string> Environment();

// `path` may be empty (no file). kInvalidArgument naming the file/variable and key on bad input.
StatusOr<Config> LoadConfig(const std::string& path, const std::map<std::string, std::string>& env);

}  // namespace finguard
