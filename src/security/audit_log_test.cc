#include "security/audit_log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "testing/test_database.h"

namespace finguard::security {
namespace {

using storage::Value;

class AuditLogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = finguard::testing::NewTestDatabase(GetParam());
    ASSERT_NE(db_, nullptr);
    auto dir =
        std::filesystem::temp_directory_path() / ("fg_audit_" + finguard::testing::UniqueSuffix());
    keys_ = std::move(KeyStore::OpenOrCreate((dir / "k").string())).value();
    audit_ = std::make_unique<AuditLog>(*keys_, clock_);
    for (int i = 1; i <= 10; ++i) {
      ASSERT_TRUE(audit_
                      ->Record(*db_, {.actor = "alice",
                                      .action = "customer.read_unmasked",
                                      .target = "customer/" + std::to_string(i)})
                      .ok());
      clock_.Advance(kMicrosPerSecond);
    }
  }
  AuditVerification Verify() { return std::move(audit_->Verify(*db_)).value(); }

  FakeClock clock_{Instant::FromSeconds(1767225600)};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_P(AuditLogTest, IntactChainVerifies) {
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.detail;
  EXPECT_EQ(v.records, 10);
}

TEST_P(AuditLogTest, EditedRowIsNamed) {
  ASSERT_TRUE(db_->Exec("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4").ok());
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 4);
  EXPECT_EQ(v.problem, "altered");
}

TEST_P(AuditLogTest, DeletedRowIsNamed) {
  ASSERT_TRUE(db_->Exec("DELETE FROM audit_log WHERE seq = 6").ok());
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 6);
  EXPECT_EQ(v.problem, "deleted");
}

TEST_P(AuditLogTest, InsertedRowIsNamed) {
  // Make room at seq 5 by renumbering the later rows, as an intruder would, then insert a forged
  // record whose hash is computed without the audit key.
  ASSERT_TRUE(db_->Exec("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 5").ok());
  ASSERT_TRUE(db_->Exec("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000").ok());
  auto prev = db_->Query("SELECT hash FROM audit_log WHERE seq = 4");
  ASSERT_TRUE(
      db_->Exec("INSERT INTO audit_log (seq, id, at_us, actor, action, target, outcome,"
                " detail, prev_hash, hash) VALUES (5, 'forged', 0, 'mallory', 'x', '', 'ok',"
                " '{}', ?, ?)",
                {prev->At(0, "hash"), Value(std::string(64, 'f'))})
          .ok());
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 5);
  EXPECT_EQ(v.problem, "inserted");
}

TEST_P(AuditLogTest, AppendedForgeryIsNamed) {
  ASSERT_TRUE(
      db_->Exec("INSERT INTO audit_log (seq, id, at_us, actor, action, target, outcome,"
                " detail, prev_hash, hash) VALUES (11, 'forged', 0, 'mallory', 'x', '', 'ok',"
                " '{}', 'abc', 'def')")
          .ok());
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 11);
  EXPECT_EQ(v.problem, "inserted");
}

TEST_P(AuditLogTest, ListsNewestFirstWithFilters) {
  ASSERT_TRUE(audit_->Record(*db_, {.actor = "bob", .action = "auth.login"}).ok());
  auto all = audit_->List(*db_, {.limit = 3});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].seq, 11);
  auto bob = audit_->List(*db_, {.actor = "bob"});
  ASSERT_EQ(bob->size(), 1u);
  auto page2 = audit_->List(*db_, {.before_seq = 3, .limit = 10});
  ASSERT_EQ(page2->size(), 2u);
  EXPECT_EQ((*page2)[1].seq, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest,
                         ::testing::ValuesIn(finguard::testing::TestBackends()));

}  // namespace
}  // namespace finguard::security
