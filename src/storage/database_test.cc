#include "storage/database.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "storage/migrations.h"
#include "storage/postgres/postgres_database.h"
#include "testing/test_database.h"

namespace finguard::storage {
namespace {

using ::testing::HasSubstr;

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = finguard::testing::NewTestDatabase(GetParam(), /*migrate=*/false);
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, x TEXT)").ok());
  }
  std::unique_ptr<Database> db_;
};

TEST_P(DatabaseTest, BindsAndReadsValuesVerbatim) {
  const std::string injection = "x'); DROP TABLE t; --";
  ASSERT_TRUE(db_->Exec("INSERT INTO t (id, n, x) VALUES (?, ?, ?)",
                        {Value("a"), Value(int64_t{9007199254740993}), Value(injection)})
                  .ok());
  ASSERT_TRUE(
      db_->Exec("INSERT INTO t (id, n, x) VALUES (?, ?, ?)", {Value("b"), Value(), Value("?")})
          .ok());
  auto rs = db_->Query("SELECT id, n, x FROM t WHERE id = ? OR x = ? ORDER BY id",
                       {Value("a"), Value("?")});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  ASSERT_EQ(rs->size(), 2u);
  EXPECT_EQ(rs->At(0, "n").AsInt(), 9007199254740993);
  EXPECT_EQ(rs->At(0, "x").AsText(), injection);
  EXPECT_TRUE(rs->At(1, "n").is_null());
  EXPECT_EQ(rs->At(1, "x").AsText(), "?");
}

TEST_P(DatabaseTest, DuplicateKeyIsAlreadyExists) {
  ASSERT_TRUE(db_->Exec("INSERT INTO t (id) VALUES (?)", {Value("a")}).ok());
  auto r = db_->Exec("INSERT INTO t (id) VALUES (?)", {Value("a")});
  EXPECT_EQ(r.status().code(), StatusCode::kAlreadyExists) << r.status().ToString();
}

TEST_P(DatabaseTest, FailedTransactionLeavesNothing) {
  Status s = db_->Transact([](Executor& tx) -> Status {
    RETURN_IF_ERROR(tx.Exec("INSERT INTO t (id) VALUES (?)", {Value("a")}).status());
    RETURN_IF_ERROR(tx.Exec("INSERT INTO t (id) VALUES (?)", {Value("b")}).status());
    return tx.Exec("INSERT INTO t (id) VALUES (?)", {Value("a")}).status();  // duplicate
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  auto rs = db_->Query("SELECT COUNT(*) AS c FROM t");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->At(0, "c").AsInt(), 0);
}

TEST_P(DatabaseTest, CommittedTransactionIsVisibleToOtherConnections) {
  ASSERT_TRUE(db_->Transact([](Executor& tx) {
                   return tx.ExecMany("INSERT INTO t (id, n) VALUES (?, ?)",
                                      {{Value("a"), Value(1)}, {Value("b"), Value(2)}});
                 })
                  .ok());
  std::vector<std::thread> readers;
  std::atomic<int64_t> total{0};
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      auto rs = db_->Query("SELECT SUM(n) AS s FROM t");
      if (rs.ok()) total += rs->At(0, "s").AsInt();
    });
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(total.load(), 12);
}

TEST_P(DatabaseTest, SyntaxErrorIsAnErrorNotACrash) {
  auto r = db_->Query("SELEC nonsense");
  EXPECT_FALSE(r.ok());
}

TEST_P(DatabaseTest, MigrationsApplyOnceAndRecordVersion) {
  auto first = ApplyMigrations(*db_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, static_cast<int>(EmbeddedMigrations().size()));
  auto second = ApplyMigrations(*db_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, 0);
  EXPECT_EQ(*SchemaVersion(*db_), EmbeddedMigrations().back().version);
}

TEST_P(DatabaseTest, BrokenMigrationRollsBackWhole) {
  std::vector<Migration> bad = {
      {9001, "9001_bad", "CREATE TABLE ok_table (a TEXT); CREATE TABLE (;"}};
  auto r = ApplyMigrations(*db_, bad);
  EXPECT_THAT(r.status().message(), HasSubstr("9001_bad"));
  auto rs = db_->Query("SELECT COUNT(*) AS c FROM schema_migrations WHERE version = 9001");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->At(0, "c").AsInt(), 0);
  EXPECT_FALSE(db_->Query("SELECT * FROM ok_table").ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest,
                         ::testing::ValuesIn(finguard::testing::TestBackends()));

TEST(SqlSplitTest, RespectsQuotesAndComments) {
  auto stmts =
      SplitSqlStatements("-- a; comment\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nSELECT 1;");
  ASSERT_EQ(stmts.size(), 2u);
  EXPECT_THAT(stmts[0], HasSubstr("';'"));
}

TEST(PostgresPlaceholdersTest, NumbersOutsideQuotes) {
  EXPECT_EQ(ToPostgresPlaceholders("SELECT '?' , ? FROM t WHERE a = ?"),
            "SELECT '?' , $1 FROM t WHERE a = $2");
}

}  // namespace
}  // namespace finguard::storage
