#pragma once
// SQLite backend of Database. See storage/database.h for the contract.
#include <memory>
#include <string>

#include "storage/database.h"

namespace finguard::storage {

StatusOr<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size);

}  // namespace finguard::storage
