#pragma once
// The storage interface every module uses: parameterised SQL over SQLite (embedded default) or
// PostgreSQL (production). SQL text uses `?` placeholders; values are always bound, never
// spliced into the text. One SQL dialect is written for both: portable types (TEXT, BIGINT,
// INTEGER) and standard syntax; `Dialect()` exists for the rare statement that must differ.
//
// Thread-safe: Database keeps a pool of connections; each call borrows one. A multi-row write is
// one `Transact` call, which pins a connection and commits only when the callback returns OK.
//   ASSIGN_OR_RETURN(auto db, OpenDatabase("sqlite:data/finguard.db"));
//   RETURN_IF_ERROR(db->Transact([&](Executor& tx) -> Status {
//     RETURN_IF_ERROR(tx.Exec("INSERT INTO t(a) VALUES (?)", {Value("x")}));
//     return OkStatus();
//   }));
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace finguard::storage {

// A bound parameter or a result cell. Booleans are stored as INTEGER 0/1 on both backends.
class Value {
 public:
  Value() = default;  // NULL
  Value(std::nullptr_t) {}
  Value(int64_t v) : v_(v) {}
  Value(int v) : v_(static_cast<int64_t>(v)) {}
  Value(bool v) : v_(static_cast<int64_t>(v ? 1 : 0)) {}
  Value(double v) : v_(v) {}
  Value(std::string v) : v_(std::move(v)) {}
  Value(std::string_view v) : v_(std::string(v)) {}
  Value(const char* v) : v_(std::string(v)) {}
  template <typename T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_int() const { return std::holds_alternative<int64_t>(v_); }
  bool is_text() const { return std::holds_alternative<std::string>(v_); }
  bool is_double() const { return std::holds_alternative<double>(v_); }
  // Conversions are lenient across numeric/text forms because PostgreSQL returns text.
  int64_t AsInt() const;
  double AsDouble() const;
  std::string AsText() const;
  bool AsBool() const { return AsInt() != 0; }
  std::optional<std::string> AsOptionalText() const {
    return is_null() ? std::nullopt : std::optional<std::string>(AsText());
  }
  std::optional<int64_t> AsOptionalInt() const {
    return is_null() ? std::nullopt : std::optional<int64_t>(AsInt());
  }

 private:
  std::variant<std::monostate, int64_t, double, std::string> v_;
};

using Params = std::vector<Value>;

// Rows of a query result, with column names.
struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;

  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  // Index of a column by name; aborts on a name the query did not select (a bug).
  size_t Column(std::string_view name) const;
  const Value& At(size_t row, std::string_view column) const { return rows[row][Column(column)]; }
};

enum class SqlDialect { kSqlite, kPostgres };

// Runs statements. Implemented by Database (each call on a pooled connection, autocommit) and by
// the transaction handle passed to Transact.
class Executor {
 public:
  virtual ~Executor() = default;
  virtual StatusOr<ResultSet> Query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual StatusOr<int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement for each parameter row, prepared once (bulk loads, imports).
  virtual Status ExecMany(std::string_view sql, const std::vector<Params>& rows) = 0;
  virtual SqlDialect Dialect() const = 0;
};

class Database : public Executor {
 public:
  // Runs `body` in one transaction on one connection. Commits when `body` returns OK; rolls back
  // when it returns an error (which is returned) or throws (rethrown after rollback).
  virtual Status Transact(const std::function<Status(Executor&)>& body) = 0;
  // A short description safe for logs ("sqlite:data/finguard.db", "postgresql://host:port/db").
  virtual std::string Describe() const = 0;
};

// Opens a database from a URL: "sqlite:PATH" (or a bare path ending in .db), ":memory:"-style
// "sqlite::memory:", or "postgresql://user@host:port/dbname" (libpq URI). `pool_size` bounds the
// number of open connections. SQLite files get WAL, foreign keys and a busy timeout.
StatusOr<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size = 8);

// Maps a database error to a Status: constraint violations become kAlreadyExists /
// kInvalidArgument, lost connections kUnavailable, the rest kInternal.
Status ErrorStatus(SqlDialect dialect, std::string_view code, std::string_view message);

}  // namespace finguard::storage
