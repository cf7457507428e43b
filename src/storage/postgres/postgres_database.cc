#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <unordered_map>

#include "storage/connection_pool.h"

namespace finguard::storage {

std::string ToPostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// OIDs from PostgreSQL's pg_type.h (stable across versions).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kBool = 16;

Status PgError(PGconn* conn, const PGresult* res) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (PQstatus(conn) == CONNECTION_BAD) state = "08006";
  return ErrorStatus(SqlDialect::kPostgres, state ? state : "XX000", msg);
}

class PgConnection final : public Executor {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  bool broken() const { return PQstatus(conn_) == CONNECTION_BAD; }

  StatusOr<ResultSet> Query(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    ResultSet rs;
    int nf = PQnfields(res), nt = PQntuples(res);
    std::vector<Oid> types(nf);
    for (int i = 0; i < nf; ++i) {
      rs.columns.emplace_back(PQfname(res, i));
      types[i] = PQftype(res, i);
    }
    rs.rows.reserve(nt);
    for (int r = 0; r < nt; ++r) {
      std::vector<Value>& row = rs.rows.emplace_back();
      row.reserve(nf);
      for (int i = 0; i < nf; ++i) {
        if (PQgetisnull(res, r, i)) {
          row.emplace_back();
          continue;
        }
        const char* v = PQgetvalue(res, r, i);
        switch (types[i]) {
          case kInt8:
          case kInt2:
          case kInt4:
            row.emplace_back(static_cast<int64_t>(std::stoll(v)));
            break;
          case kFloat4:
          case kFloat8:
            row.emplace_back(std::stod(v));
            break;
          case kBool:
            row.emplace_back(static_cast<int64_t>(v[0] == 't'));
            break;
          default:
            row.emplace_back(std::string(v, PQgetlength(res, r, i)));
        }
      }
    }
    PQclear(res);
    return rs;
  }

  StatusOr<int64_t> Exec(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(PGresult * res, Run(sql, params));
    const char* n = PQcmdTuples(res);
    int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(res);
    return changed;
  }

  Status ExecMany(std::string_view sql, const std::vector<Params>& rows) override {
    for (const Params& p : rows) {
      StatusOr<int64_t> r = Exec(sql, p);
      if (!r.ok()) return r.status();
    }
    return OkStatus();
  }

  Status Simple(const char* sql) {
    PGresult* res = PQexec(conn_, sql);
    ExecStatusType st = PQresultStatus(res);
    Status s = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? OkStatus() : PgError(conn_, res);
    PQclear(res);
    return s;
  }

  SqlDialect Dialect() const override { return SqlDialect::kPostgres; }

 private:
  // Prepares each distinct statement once per connection, then executes it with text params.
  StatusOr<PGresult*> Run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      PGresult* res =
          PQprepare(conn_, name.c_str(), ToPostgresPlaceholders(sql).c_str(), 0, nullptr);
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        Status s = PgError(conn_, res);
        PQclear(res);
        return s;
      }
      PQclear(res);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      if (params[i].is_null()) {
        values[i] = nullptr;
      } else {
        text[i] = params[i].AsText();
        values[i] = text[i].c_str();
      }
    }
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Status s = PgError(conn_, res);
      PQclear(res);
      return s;
    }
    return res;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size)
      : url_(std::move(url)), pool_([this] { return Connect(); }, pool_size) {}

  StatusOr<ResultSet> Query(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    StatusOr<ResultSet> r = lease.get().Query(sql, params);
    if (lease.get().broken()) lease.Discard();
    return r;
  }
  StatusOr<int64_t> Exec(std::string_view sql, const Params& params) override {
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    StatusOr<int64_t> r = lease.get().Exec(sql, params);
    if (lease.get().broken()) lease.Discard();
    return r;
  }
  Status ExecMany(std::string_view sql, const std::vector<Params>& rows) override {
    return Transact([&](Executor& tx) { return tx.ExecMany(sql, rows); });
  }
  SqlDialect Dialect() const override { return SqlDialect::kPostgres; }
  std::string Describe() const override {
    // Never log a password that may sit in the URL.
    auto at = url_.find('@');
    return at == std::string::npos ? url_ : "postgresql://***" + url_.substr(at);
  }

  Status Transact(const std::function<Status(Executor&)>& body) override {
    ASSIGN_OR_RETURN(auto lease, pool_.Borrow());
    PgConnection& c = lease.get();
    RETURN_IF_ERROR(c.Simple("BEGIN"));
    Status s;
    try {
      s = body(c);
    } catch (...) {
      (void)c.Simple("ROLLBACK");
      throw;
    }
    if (s.ok()) s = c.Simple("COMMIT");
    if (!s.ok()) (void)c.Simple("ROLLBACK");
    if (c.broken()) lease.Discard();
    return s;
  }

  StatusOr<std::unique_ptr<PgConnection>> Connect() {
    PGconn* conn = PQconnectdb(url_.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      Status s = Unavailable(std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn));
      PQfinish(conn);
      return s;
    }
    auto c = std::make_unique<PgConnection>(conn);
    RETURN_IF_ERROR(c->Simple("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    return c;
  }

 private:
  std::string url_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

StatusOr<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size) {
  auto db = std::make_unique<PostgresDatabase>(url, pool_size);
  StatusOr<ResultSet> probe = db->Query("SELECT 1", {});
  if (!probe.ok()) return probe.status();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace finguard::storage
