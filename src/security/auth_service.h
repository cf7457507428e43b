#pragma once
// AuthService owns FinGuard's users and sessions: creating and editing users (argon2id
// passwords, roles from permissions.h), logging in with lockout after repeated failures, and
// turning an opaque bearer token into the Principal every API call is checked against.
// Tokens are 256-bit random values; only their BLAKE2b hash is stored, so a database leak yields
// no usable session. Every login, failure, lockout and user change is in the audit chain.
// Thread-safe.
//   ASSIGN_OR_RETURN(LoginResult r, auth.Login("admin", password));
//   ASSIGN_OR_RETURN(Principal p, auth.Authenticate(r.token));
//   if (!p.Has(kPiiRead)) ...
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/time.h"
#include "security/audit_log.h"
#include "security/password.h"
#include "storage/database.h"

namespace finguard::security {

struct User {
  std::string id;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  bool disabled = false;
  std::string locale = "zh-CN";
  Instant created_at;
};

// The authenticated caller of one request.
struct Principal {
  std::string user_id;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::set<std::string> permissions;
  std::string locale;
  bool Has(std::string_view permission) const {
    return permissions.count(std::string(permission)) > 0;
  }
};

struct LoginResult {
  std::string token;
  Instant expires_at;
  Principal principal;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::vector<std::string> roles;
  std::string locale = "zh-CN";
};

struct UserUpdate {
  std::optional<std::string> display_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> disabled;
  std::optional<std::string> password;
  std::optional<std::string> locale;
};

struct AuthPolicy {
  PasswordCost password_cost = PasswordCost::Interactive();
  int max_failures = 5;
  int64_t failure_window_micros = 15 * kMicrosPerMinute;
  int64_t session_ttl_micros = 8 * kMicrosPerHour;
};

class AuthService {
 public:
  AuthService(storage::Database& db, const AuditLog& audit, const Clock& clock, AuthPolicy policy)
      : db_(db), audit_(audit), clock_(clock), policy_(policy), hasher_(policy.password_cost) {}

  // kInvalidArgument with field paths for a bad username, unknown role or weak password;
  // kAlreadyExists for a taken username.
  StatusOr<User> CreateUser(const std::string& actor, const NewUser& user);
  StatusOr<User> UpdateUser(const std::string& actor, const std::string& user_id,
                            const UserUpdate& update);
  StatusOr<std::vector<User>> ListUsers();
  StatusOr<User> GetUser(const std::string& user_id);

  // kUnauthenticated for a wrong username or password (the same answer for both);
  // kResourceExhausted ("account locked") after max_failures within the window.
  StatusOr<LoginResult> Login(const std::string& username, const std::string& password);
  // kUnauthenticated for an unknown, expired or disabled-user token.
  StatusOr<Principal> Authenticate(const std::string& token);
  Status Logout(const std::string& token);

 private:
  static std::string TokenHash(const std::string& token);
  Status ValidateRoles(const std::vector<std::string>& roles) const;

  storage::Database& db_;
  const AuditLog& audit_;
  const Clock& clock_;
  const AuthPolicy policy_;
  const PasswordHasher hasher_;
};

}  // namespace finguard::security
