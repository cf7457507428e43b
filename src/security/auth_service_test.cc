#include "security/auth_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "security/permissions.h"
#include "testing/test_database.h"

namespace finguard::security {
namespace {

using ::testing::HasSubstr;

class AuthServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = finguard::testing::NewTestDatabase(GetParam());
    ASSERT_NE(db_, nullptr);
    auto dir =
        std::filesystem::temp_directory_path() / ("fg_auth_" + finguard::testing::UniqueSuffix());
    keys_ = std::move(KeyStore::OpenOrCreate((dir / "k").string())).value();
    audit_ = std::make_unique<AuditLog>(*keys_, clock_);
    AuthPolicy policy;
    policy.password_cost = PasswordCost::Minimum();
    auth_ = std::make_unique<AuthService>(*db_, *audit_, clock_, policy);
    auto u = auth_->CreateUser("system", {.username = "officer1",
                                          .display_name = "合规专员",
                                          .password = "Test-Passw0rd!x",
                                          .roles = {"compliance_officer"}});
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    user_id_ = u->id;
  }

  FakeClock clock_{Instant::FromSeconds(1767225600)};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<AuthService> auth_;
  std::string user_id_;
};

TEST_P(AuthServiceTest, LoginGivesTokenWithRolePermissions) {
  auto r = auth_->Login("officer1", "Test-Passw0rd!x");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->token.size(), 40u);
  auto p = auth_->Authenticate(r->token);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->Has(kPiiRead));
  EXPECT_FALSE(p->Has(kUsersManage));
  // Only the token's hash is stored.
  auto rs = db_->Query("SELECT token_hash FROM sessions");
  EXPECT_NE(rs->At(0, "token_hash").AsText(), r->token);
}

TEST_P(AuthServiceTest, FiveFailuresLockForFifteenMinutes) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(auth_->Login("officer1", "wrong").status().code(), StatusCode::kUnauthenticated);
  }
  auto locked = auth_->Login("officer1", "Test-Passw0rd!x");
  EXPECT_EQ(locked.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(locked.status().message(), HasSubstr("locked"));
  clock_.Advance(15 * kMicrosPerMinute + kMicrosPerSecond);
  EXPECT_TRUE(auth_->Login("officer1", "Test-Passw0rd!x").ok());
  auto failed = db_->Query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login' AND outcome = 'failed'");
  EXPECT_EQ(failed->At(0, "n").AsInt(), 5);
}

TEST_P(AuthServiceTest, FailuresSpreadBeyondWindowDoNotLock) {
  for (int i = 0; i < 8; ++i) {
    (void)auth_->Login("officer1", "wrong");
    clock_.Advance(4 * kMicrosPerMinute);  // at most 4 failures in any 15 minutes
  }
  EXPECT_TRUE(auth_->Login("officer1", "Test-Passw0rd!x").ok());
}

TEST_P(AuthServiceTest, SessionsExpireAndLogoutEnds) {
  auto r = auth_->Login("officer1", "Test-Passw0rd!x");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(auth_->Logout(r->token).ok());
  EXPECT_EQ(auth_->Authenticate(r->token).status().code(), StatusCode::kUnauthenticated);
  auto r2 = auth_->Login("officer1", "Test-Passw0rd!x");
  clock_.Advance(8 * kMicrosPerHour + 1);
  EXPECT_EQ(auth_->Authenticate(r2->token).status().code(), StatusCode::kUnauthenticated);
}

TEST_P(AuthServiceTest, DisablingEndsSessions) {
  auto r = auth_->Login("officer1", "Test-Passw0rd!x");
  ASSERT_TRUE(auth_->UpdateUser("admin", user_id_, {.disabled = true}).ok());
  EXPECT_FALSE(auth_->Authenticate(r->token).ok());
  EXPECT_FALSE(auth_->Login("officer1", "Test-Passw0rd!x").ok());
}

TEST_P(AuthServiceTest, BadUsersAreRefusedWithFieldPaths) {
  auto weak = auth_->CreateUser(
      "admin",
      {.username = "agent2", .display_name = "A", .password = "short", .roles = {"service_agent"}});
  EXPECT_EQ(weak.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(weak.status().fields()[0].field, "/password");
  auto role = auth_->CreateUser("admin", {.username = "agent2",
                                          .display_name = "A",
                                          .password = "Test-Passw0rd!x",
                                          .roles = {"service_agent", "god"}});
  EXPECT_EQ(role.status().fields()[0].field, "/roles/1");
  auto dup = auth_->CreateUser("admin", {.username = "officer1",
                                         .display_name = "A",
                                         .password = "Test-Passw0rd!x",
                                         .roles = {"auditor"}});
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  auto name = auth_->CreateUser("admin", {.username = "x'; DROP TABLE users; --",
                                          .display_name = "A",
                                          .password = "Test-Passw0rd!x",
                                          .roles = {"auditor"}});
  EXPECT_EQ(name.status().fields()[0].field, "/username");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthServiceTest,
                         ::testing::ValuesIn(finguard::testing::TestBackends()));

}  // namespace
}  // namespace finguard::security
