#include "storage/migrations.h"

namespace finguard::storage {

std::vector<std::string> SplitSqlStatements(std::string_view script) {
  std::vector<std::string> out;
  std::string cur;
  char quote = 0;
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (quote) {
      cur += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      cur += '\n';
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == ';') {
      if (cur.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (cur.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(cur);
  return out;
}

StatusOr<int> SchemaVersion(Database& db) {
  RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
              " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
          .status());
  ASSIGN_OR_RETURN(ResultSet rs, db.Query("SELECT MAX(version) AS v FROM schema_migrations"));
  return rs.rows[0][0].is_null() ? 0 : static_cast<int>(rs.rows[0][0].AsInt());
}

StatusOr<int> ApplyMigrations(Database& db, const std::vector<Migration>& migrations) {
  RETURN_IF_ERROR(SchemaVersion(db).status());
  int applied = 0;
  for (const Migration& m : migrations) {
    Status s = db.Transact([&](Executor& tx) -> Status {
      if (tx.Dialect() == SqlDialect::kPostgres) {
        RETURN_IF_ERROR(tx.Query("SELECT pg_advisory_xact_lock(724301)").status());
      }
      ASSIGN_OR_RETURN(ResultSet done, tx.Query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                                {Value(m.version)}));
      if (!done.empty()) return OkStatus();
      for (const std::string& stmt : SplitSqlStatements(m.sql)) {
        Status st = tx.Exec(stmt).status();
        if (!st.ok()) return st.WithContext("migration " + m.name);
      }
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?,"
                  " CURRENT_TIMESTAMP)",
                  {Value(m.version), Value(m.name)})
              .status());
      ++applied;
      return OkStatus();
    });
    RETURN_IF_ERROR(s);
  }
  return applied;
}

}  // namespace finguard::storage
