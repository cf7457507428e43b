#pragma once
// Versioned schema migrations. Each file src/storage/migrations/NNNN_name.sql is embedded in the
// binary at build time and applied once, in order, each in its own transaction, recording its
// version in schema_migrations. A landed migration file is never edited; a change is a new file.
//   ASSIGN_OR_RETURN(int applied, ApplyMigrations(*db));
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace finguard::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& EmbeddedMigrations();

// Splits a script into statements at top-level semicolons, skipping `--` comments and quotes.
std::vector<std::string> SplitSqlStatements(std::string_view script);

// Applies every migration newer than the database's version. Returns how many were applied.
// Safe to run from several processes at once on PostgreSQL (advisory lock).
StatusOr<int> ApplyMigrations(Database& db,
                              const std::vector<Migration>& migrations = EmbeddedMigrations());

// Highest applied version, 0 for an empty database.
StatusOr<int> SchemaVersion(Database& db);

}  // namespace finguard::storage
