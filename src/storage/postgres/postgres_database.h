#pragma once
// PostgreSQL backend of Database (libpq). See storage/database.h for the contract.
#include <memory>
#include <string>

#include "storage/database.h"

namespace finguard::storage {

StatusOr<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size);

// Rewrites `?` placeholders to `$1..$n`, leaving quoted strings and identifiers alone.
std::string ToPostgresPlaceholders(std::string_view sql);

}  // namespace finguard::storage
