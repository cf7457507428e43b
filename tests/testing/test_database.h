#pragma once
// Fresh, migrated databases for unit tests, on both backends. SQLite: a new file in a temp dir.
// PostgreSQL: a new schema in the server named by FINGUARD_TEST_PG_URL (started by
// scripts/pg.sh; `make test` always sets it), selected through the connection's search_path.
// Both backends are always instantiated: without the variable the PostgreSQL cases fail and say
// how to start one, rather than silently testing one backend.
//   for (auto backend : TestBackends()) { auto db = NewTestDatabase(backend); ... }
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/migrations.h"

namespace finguard::testing {

inline std::vector<std::string> TestBackends() { return {"sqlite", "postgres"}; }

inline std::string UniqueSuffix() {
  static std::atomic<int> n{0};
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(rd() % 100000) + "_" + std::to_string(++n);
}

inline std::unique_ptr<storage::Database> NewTestDatabase(const std::string& backend,
                                                          bool migrate = true) {
  std::string url;
  if (backend == "postgres") {
    const char* env = std::getenv("FINGUARD_TEST_PG_URL");
    if (!env) {
      ADD_FAILURE() << "FINGUARD_TEST_PG_URL is not set: run `make test`, or start a server with "
                       "`scripts/pg.sh start /tmp/fg-pg` and export the URL it prints";
      return nullptr;
    }
    std::string base = env;
    std::string schema = "t_" + UniqueSuffix();
    auto admin = storage::OpenDatabase(base, 1);
    EXPECT_TRUE(admin.ok()) << admin.status().ToString();
    if (!admin.ok()) return nullptr;
    EXPECT_TRUE((*admin)->Exec("CREATE SCHEMA " + schema).ok());
    url = base + (base.find('?') == std::string::npos ? "?" : "&") +
          "options=-c%20search_path%3D" + schema;
  } else {
    auto dir = std::filesystem::temp_directory_path() / ("finguard_test_" + UniqueSuffix());
    std::filesystem::create_directories(dir);
    url = "sqlite:" + (dir / "test.db").string();
  }
  auto db = storage::OpenDatabase(url, 4);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  if (!db.ok()) return nullptr;
  if (migrate) {
    auto applied = storage::ApplyMigrations(**db);
    EXPECT_TRUE(applied.ok()) << applied.status().ToString();
  }
  return std::move(db).value();
}

}  // namespace finguard::testing
