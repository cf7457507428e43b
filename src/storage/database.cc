#include "storage/database.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace finguard::storage {

int64_t Value::AsInt() const {
  if (auto* i = std::get_if<int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v_)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Value::AsDouble() const {
  if (auto* d = std::get_if<double>(&v_)) return *d;
  if (auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v_)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Value::AsText() const {
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  if (auto* i = std::get_if<int64_t>(&v_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v_)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  return "";
}

size_t ResultSet::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  std::fprintf(stderr, "ResultSet has no column '%.*s'\n", static_cast<int>(name.size()),
               name.data());
  std::abort();
}

Status ErrorStatus(SqlDialect dialect, std::string_view code, std::string_view message) {
  std::string msg(message);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (dialect == SqlDialect::kSqlite) {
    // Extended result codes: 2067 UNIQUE, 1555 PRIMARYKEY, 787 FOREIGNKEY, 19 CONSTRAINT family.
    int rc = std::atoi(std::string(code).c_str());
    if (rc == 2067 || rc == 1555) return AlreadyExists("duplicate: " + msg);
    if ((rc & 0xff) == 19) return InvalidArgument("constraint failed: " + msg);
    if ((rc & 0xff) == 5 || (rc & 0xff) == 6) return Unavailable("database busy: " + msg);
    return Internal("sqlite error " + std::string(code) + ": " + msg);
  }
  if (code == "23505") return AlreadyExists("duplicate: " + msg);
  if (code.substr(0, 2) == "23") return InvalidArgument("constraint failed: " + msg);
  if (code.substr(0, 2) == "08" || code == "57P01")
    return Unavailable("database unavailable: " + msg);
  if (code == "40001" || code == "40P01") return Unavailable("transaction conflict, retry: " + msg);
  return Internal("postgresql error " + std::string(code) + ": " + msg);
}

StatusOr<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return OpenPostgres(url, pool_size);
  }
  std::string path = url;
  if (path.rfind("sqlite:", 0) == 0) path = path.substr(7);
  if (path.empty()) return InvalidArgument("empty database URL");
  return OpenSqlite(path, pool_size);
}

}  // namespace finguard::storage
