#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <unordered_map>

#include "storage/connection_pool.h"

namespace finguard::storage {
namespace {

Status SqliteError(sqlite3* db, int rc) {
  const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return ErrorStatus(SqlDialect::kSqlite, std::to_string(db ? sqlite3_extended_errcode(db) : rc),
                     msg);
}

// One sqlite3 handle with its prepared statements, cached by SQL text: the hot paths (a customer
// by id, a session by token hash) then skip parsing.
class SqliteConnection final : public Executor {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  StatusOr<ResultSet> Query(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    RETURN_IF_ERROR(Bind(stmt, params));
    ResultSet rs;
    int n = sqlite3_column_count(stmt);
    rs.columns.reserve(n);
    for (int i = 0; i < n; ++i) rs.columns.emplace_back(sqlite3_column_name(stmt, i));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<Value>& row = rs.rows.emplace_back();
      row.reserve(n);
      for (int i = 0; i < n; ++i) row.push_back(Column(stmt, i));
    }
    Status s = rc == SQLITE_DONE ? OkStatus() : SqliteError(db_, rc);
    sqlite3_reset(stmt);
    RETURN_IF_ERROR(s);
    return rs;
  }

  StatusOr<int64_t> Exec(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    RETURN_IF_ERROR(Bind(stmt, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    Status s = rc == SQLITE_DONE ? OkStatus() : SqliteError(db_, rc);
    sqlite3_reset(stmt);
    RETURN_IF_ERROR(s);
    return static_cast<int64_t>(sqlite3_changes64(db_));
  }

  Status ExecMany(std::string_view sql, const std::vector<Params>& rows) override {
    for (const Params& p : rows) {
      StatusOr<int64_t> r = Exec(sql, p);
      if (!r.ok()) return r.status();
    }
    return OkStatus();
  }

  // Runs SQL text with no parameters, possibly several statements (migrations, BEGIN/COMMIT).
  Status Script(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return OkStatus();
    Status s = ErrorStatus(SqlDialect::kSqlite, std::to_string(rc), err ? err : "");
    sqlite3_free(err);
    return s;
  }

  SqlDialect Dialect() const override { return SqlDialect::kSqlite; }

 private:
  StatusOr<sqlite3_stmt*> Prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  Status Bind(sqlite3_stmt* stmt, const Params& params) {
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                      " parameters, got " + std::to_string(params.size()));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      int idx = static_cast<int>(i + 1), rc;
      if (v.is_null()) {
        rc = sqlite3_bind_null(stmt, idx);
      } else if (v.is_int()) {
        rc = sqlite3_bind_int64(stmt, idx, v.AsInt());
      } else if (v.is_double()) {
        rc = sqlite3_bind_double(stmt, idx, v.AsDouble());
      } else {
        std::string t = v.AsText();
        rc = sqlite3_bind_text(stmt, idx, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return SqliteError(db_, rc);
    }
    return OkStatus();
  }

  static Value Column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        return Value();
      case SQLITE_INTEGER:
        return Value(static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
      case SQLITE_FLOAT:
        return Value(sqlite3_column_double(stmt, i));
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return Value(std::string(p ? p : "", sqlite3_column_bytes(stmt, i)));
      }
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size)
      : path_(std::move(path)),
        pool_([this] { return Connect(); }, path_ == ":memory:" ? 1 : pool_size) {}

  StatusOr<ResultSet> Query(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    return lease.get().Query(sql, params);
  }
  StatusOr<int64_t> Exec(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    return lease.get().Exec(sql, params);
  }
  Status ExecMany(std::string_view sql, const std::vector<Params>& rows) override {
    return Transact([&](Executor& tx) { return tx.ExecMany(sql, rows); });
  }
  SqlDialect Dialect() const override { return SqlDialect::kSqlite; }
  std::string Describe() const override { return "sqlite:" + path_; }

  Status Transact(const std::function<Status(Executor&)>& body) override {
    // SQLite admits one writer at a time; queueing this process's writers on a mutex hands the
    // lock over at once, where SQLite's busy handler would sleep and retry (p99 of 177 ms at
    // 32 concurrent audited reads, 38 ms with the mutex; see docs/benchmarks.md).
    std::lock_guard writer(write_mu_);
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    SqliteConnection& c = lease.get();
    // IMMEDIATE takes the write lock up front, so two writers never deadlock on upgrade.
    RETURN_IF_ERROR(c.Script("BEGIN IMMEDIATE"));
    Status s;
    try {
      s = body(c);
    } catch (...) {
      (void)c.Script("ROLLBACK");
      throw;
    }
    if (!s.ok()) {
      (void)c.Script("ROLLBACK");
      return s;
    }
    Status commit = c.Script("COMMIT");
    if (!commit.ok()) (void)c.Script("ROLLBACK");
    return commit;
  }

  StatusOr<std::unique_ptr<SqliteConnection>> Connect() {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path_.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
      Status s = Unavailable("cannot open SQLite database " + path_ + ": " +
                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
      sqlite3_close_v2(db);
      return s;
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 10000);
    RETURN_IF_ERROR(
        conn->Script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     " PRAGMA cache_size=-16000;"));
    return conn;
  }

 private:
  std::string path_;
  std::mutex write_mu_;  // held for the whole of each write transaction
  ConnectionPool<SqliteConnection> pool_;
};

}  // namespace

StatusOr<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size) {
  auto db = std::make_unique<SqliteDatabase>(path, pool_size);
  // Open one connection now so a bad path fails here, not on first use.
  StatusOr<ResultSet> probe = db->Query("SELECT 1", {});
  if (!probe.ok()) return probe.status();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace finguard::storage
