#include "security/auth_service.h"

#include <sodium.h>

#include <regex>
#include <sstream>

#include "common/encoding.h"
#include "common/id.h"
#include "security/permissions.h"

namespace finguard::security {

using storage::Executor;
using storage::ResultSet;
using storage::Value;

namespace {

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
  return out;
}

std::vector<std::string> SplitRoles(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

constexpr const char* kUserColumns =
    "id, username, display_name, roles, disabled, locale, created_at_us";

User UserFromRow(const ResultSet& rs, size_t i) {
  User u;
  u.id = rs.At(i, "id").AsText();
  u.username = rs.At(i, "username").AsText();
  u.display_name = rs.At(i, "display_name").AsText();
  u.roles = SplitRoles(rs.At(i, "roles").AsText());
  u.disabled = rs.At(i, "disabled").AsBool();
  u.locale = rs.At(i, "locale").AsText();
  u.created_at = Instant{rs.At(i, "created_at_us").AsInt()};
  return u;
}

Status ValidateLocale(const std::string& locale) {
  if (locale == "zh-CN" || locale == "en") return OkStatus();
  return InvalidArgument("locale must be zh-CN or en", {{"/locale", "unknown locale"}});
}

}  // namespace

std::string AuthService::TokenHash(const std::string& token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return HexEncode(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}

Status AuthService::ValidateRoles(const std::vector<std::string>& roles) const {
  if (roles.empty())
    return InvalidArgument("a user needs at least one role", {{"/roles", "empty"}});
  for (size_t i = 0; i < roles.size(); ++i) {
    if (!IsKnownRole(roles[i])) {
      return InvalidArgument("unknown role '" + roles[i] + "'",
                             {{"/roles/" + std::to_string(i), "unknown role"}});
    }
  }
  return OkStatus();
}

StatusOr<User> AuthService::CreateUser(const std::string& actor, const NewUser& nu) {
  static const std::regex kUsername("^[a-z][a-z0-9_.-]{2,31}$");
  if (!std::regex_match(nu.username, kUsername)) {
    return InvalidArgument(
        "username must be 3-32 characters of a-z, 0-9, '_', '.', '-', starting with a letter",
        {{"/username", "invalid username"}});
  }
  if (nu.display_name.empty() || nu.display_name.size() > 100) {
    return InvalidArgument("display name must be 1-100 bytes",
                           {{"/display_name", "invalid length"}});
  }
  RETURN_IF_ERROR(ValidateRoles(nu.roles));
  RETURN_IF_ERROR(CheckPasswordPolicy(nu.password));
  RETURN_IF_ERROR(ValidateLocale(nu.locale));
  User u;
  u.id = NewId();
  u.username = nu.username;
  u.display_name = nu.display_name;
  u.roles = nu.roles;
  u.locale = nu.locale;
  u.created_at = clock_.Now();
  std::string hash = hasher_.Hash(nu.password);
  Status s = db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(ResultSet taken,
                     tx.Query("SELECT 1 FROM users WHERE username = ?", {Value(u.username)}));
    if (!taken.empty()) {
      return Status(StatusCode::kAlreadyExists, "username '" + u.username + "' is taken",
                    {{"/username", "already exists"}});
    }
    RETURN_IF_ERROR(tx.Exec("INSERT INTO users (id, username, display_name, password_hash, roles,"
                            " disabled, locale, created_at_us, updated_at_us)"
                            " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                            {Value(u.id), Value(u.username), Value(u.display_name), Value(hash),
                             Value(JoinRoles(u.roles)), Value(u.locale), Value(u.created_at.micros),
                             Value(u.created_at.micros)})
                        .status());
    return audit_.Append(tx, {.actor = actor,
                              .action = "user.create",
                              .target = "user/" + u.id,
                              .detail = {{"username", u.username}, {"roles", u.roles}}});
  });
  RETURN_IF_ERROR(s);
  return u;
}

StatusOr<User> AuthService::UpdateUser(const std::string& actor, const std::string& user_id,
                                       const UserUpdate& up) {
  if (up.roles) RETURN_IF_ERROR(ValidateRoles(*up.roles));
  if (up.password) RETURN_IF_ERROR(CheckPasswordPolicy(*up.password));
  if (up.locale) RETURN_IF_ERROR(ValidateLocale(*up.locale));
  if (up.display_name && (up.display_name->empty() || up.display_name->size() > 100)) {
    return InvalidArgument("display name must be 1-100 bytes",
                           {{"/display_name", "invalid length"}});
  }
  std::optional<std::string> hash;
  if (up.password) hash = hasher_.Hash(*up.password);
  Instant now = clock_.Now();
  Status s = db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(ResultSet rs, tx.Query("SELECT 1 FROM users WHERE id = ?", {Value(user_id)}));
    if (rs.empty()) return NotFound("user " + user_id + " not found");
    nlohmann::json changed = nlohmann::json::array();
    auto set = [&](const char* column, Value v) -> Status {
      changed.push_back(column);
      return tx
          .Exec(std::string("UPDATE users SET ") + column + " = ?, updated_at_us = ? WHERE id = ?",
                {std::move(v), Value(now.micros), Value(user_id)})
          .status();
    };
    if (up.display_name) RETURN_IF_ERROR(set("display_name", Value(*up.display_name)));
    if (up.roles) RETURN_IF_ERROR(set("roles", Value(JoinRoles(*up.roles))));
    if (up.disabled) RETURN_IF_ERROR(set("disabled", Value(*up.disabled)));
    if (up.locale) RETURN_IF_ERROR(set("locale", Value(*up.locale)));
    if (hash) RETURN_IF_ERROR(set("password_hash", Value(*hash)));
    if (up.disabled.value_or(false) || hash) {
      // A disabled user or a changed password ends every open session of that user.
      RETURN_IF_ERROR(tx.Exec("DELETE FROM sessions WHERE user_id = ?", {Value(user_id)}).status());
    }
    nlohmann::json detail = {{"changed", changed}};
    if (up.roles) detail["roles"] = *up.roles;
    return audit_.Append(
        tx,
        {.actor = actor, .action = "user.update", .target = "user/" + user_id, .detail = detail});
  });
  RETURN_IF_ERROR(s);
  return GetUser(user_id);
}

StatusOr<std::vector<User>> AuthService::ListUsers() {
  ASSIGN_OR_RETURN(ResultSet rs, db_.Query(std::string("SELECT ") + kUserColumns +
                                           " FROM users ORDER BY username"));
  std::vector<User> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(UserFromRow(rs, i));
  return out;
}

StatusOr<User> AuthService::GetUser(const std::string& user_id) {
  ASSIGN_OR_RETURN(ResultSet rs,
                   db_.Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?",
                             {Value(user_id)}));
  if (rs.empty()) return NotFound("user " + user_id + " not found");
  return UserFromRow(rs, 0);
}

StatusOr<LoginResult> AuthService::Login(const std::string& username, const std::string& password) {
  Instant now = clock_.Now();
  const std::string who = username.size() > 64 ? username.substr(0, 64) : username;
  ASSIGN_OR_RETURN(
      ResultSet fails,
      db_.Query("SELECT COUNT(*) AS n FROM login_failures WHERE username = ? AND at_us > ?",
                {Value(who), Value(now.micros - policy_.failure_window_micros)}));
  if (fails.At(0, "n").AsInt() >= policy_.max_failures) {
    RETURN_IF_ERROR(audit_.Record(db_, {.actor = who,
                                        .action = "auth.login",
                                        .outcome = "denied",
                                        .detail = {{"reason", "account locked"}}}));
    return ResourceExhausted("account locked after " + std::to_string(policy_.max_failures) +
                             " failed logins; try again in 15 minutes or ask an administrator");
  }
  ASSIGN_OR_RETURN(
      ResultSet rs,
      db_.Query("SELECT id, password_hash, disabled FROM users WHERE username = ?", {Value(who)}));
  // Unknown users cost the same argon2id work, so timing does not reveal which usernames exist.
  static const std::string kDummy = PasswordHasher(PasswordCost::Minimum()).Hash("dummy-Passw0rd");
  bool ok = hasher_.Verify(rs.empty() ? kDummy : rs.At(0, "password_hash").AsText(), password) &&
            !rs.empty() && !rs.At(0, "disabled").AsBool();
  if (!ok) {
    Status s = db_.Transact([&](Executor& tx) -> Status {
      // Failures older than the window no longer count; dropping them keeps guessing at many
      // usernames from growing the table without bound (the audit chain keeps the history).
      RETURN_IF_ERROR(tx.Exec("DELETE FROM login_failures WHERE at_us <= ?",
                              {Value(now.micros - policy_.failure_window_micros)})
                          .status());
      RETURN_IF_ERROR(tx.Exec("INSERT INTO login_failures (username, at_us) VALUES (?, ?)",
                              {Value(who), Value(now.micros)})
                          .status());
      return audit_.Append(tx, {.actor = who,
                                .action = "auth.login",
                                .outcome = "failed",
                                .detail = {{"reason", "wrong username or password"}}});
    });
    RETURN_IF_ERROR(s);
    return Unauthenticated("wrong username or password");
  }
  std::string user_id = rs.At(0, "id").AsText();
  std::string raw(32, '\0');
  randombytes_buf(raw.data(), raw.size());
  LoginResult result;
  result.token = Base64UrlEncode(raw);
  result.expires_at = Instant{now.micros + policy_.session_ttl_micros};
  Status s = db_.Transact([&](Executor& tx) -> Status {
    RETURN_IF_ERROR(
        tx.Exec("DELETE FROM login_failures WHERE username = ?", {Value(who)}).status());
    RETURN_IF_ERROR(
        tx.Exec("DELETE FROM sessions WHERE expires_at_us < ?", {Value(now.micros)}).status());
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO sessions (token_hash, user_id, created_at_us, expires_at_us)"
                " VALUES (?, ?, ?, ?)",
                {Value(TokenHash(result.token)), Value(user_id), Value(now.micros),
                 Value(result.expires_at.micros)})
            .status());
    return audit_.Append(tx, {.actor = who, .action = "auth.login", .target = "user/" + user_id});
  });
  RETURN_IF_ERROR(s);
  ASSIGN_OR_RETURN(result.principal, Authenticate(result.token));
  return result;
}

StatusOr<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return Unauthenticated("missing or malformed token");
  ASSIGN_OR_RETURN(
      ResultSet rs,
      db_.Query("SELECT u.id, u.username, u.display_name, u.roles, u.disabled, u.locale,"
                " s.expires_at_us FROM sessions s JOIN users u ON u.id = s.user_id"
                " WHERE s.token_hash = ?",
                {Value(TokenHash(token))}));
  if (rs.empty()) return Unauthenticated("unknown or expired session");
  if (rs.At(0, "expires_at_us").AsInt() <= clock_.Now().micros) {
    return Unauthenticated("session expired");
  }
  if (rs.At(0, "disabled").AsBool()) return Unauthenticated("user is disabled");
  Principal p;
  p.user_id = rs.At(0, "id").AsText();
  p.username = rs.At(0, "username").AsText();
  p.display_name = rs.At(0, "display_name").AsText();
  p.roles = SplitRoles(rs.At(0, "roles").AsText());
  p.permissions = PermissionsOf(p.roles);
  p.locale = rs.At(0, "locale").AsText();
  return p;
}

Status AuthService::Logout(const std::string& token) {
  ASSIGN_OR_RETURN(Principal p, Authenticate(token));
  return db_.Transact([&](Executor& tx) -> Status {
    RETURN_IF_ERROR(
        tx.Exec("DELETE FROM sessions WHERE token_hash = ?", {Value(TokenHash(token))}).status());
    return audit_.Append(
        tx, {.actor = p.username, .action = "auth.logout", .target = "user/" + p.user_id});
  });
}

}  // namespace finguard::security
