#pragma once
// AuditLog is FinGuard's append-only, tamper-evident record of sensitive actions: logins,
// permission denials, unmasked reads of personal data, user and key changes, imports.
// Each record carries hash = BLAKE2b-256 keyed with the key store's audit key over
// (seq, id, time, actor, action, target, outcome, detail, prev_hash), so a row edited, inserted
// or deleted in the database breaks the chain and Verify names the first bad record. Keying
// means someone with write access to the database but not the key file cannot re-forge links.
// Limitation: deleting only the newest records leaves a valid, shorter chain; the count reported
// by each verify run is the evidence to compare against.
// Thread-safe; appends serialise on the database (SQLite write lock, PostgreSQL advisory lock).
//   RETURN_IF_ERROR(audit.Append(tx, {.actor = "admin", .action = "user.create", .target =
//   "user/01J.."}));
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "security/key_store.h"
#include "storage/database.h"

namespace finguard::security {

struct AuditEntry {
  std::string actor;           // username, or "system", or "anonymous"
  std::string action;          // dotted verb: "auth.login", "customer.read_unmasked", ...
  std::string target;          // "customer/01J...", "user/..." or ""
  std::string outcome = "ok";  // ok | denied | failed
  nlohmann::json detail = nlohmann::json::object();
};

struct AuditRecord {
  int64_t seq = 0;
  std::string id;
  Instant at;
  std::string actor, action, target, outcome, detail, prev_hash, hash;
};

struct AuditVerification {
  bool ok = true;
  int64_t records = 0;
  std::optional<int64_t> first_bad_seq;
  std::string problem;  // altered | inserted | deleted
  std::string detail;
};

struct AuditQuery {
  std::string actor;
  std::string action;
  std::optional<int64_t> before_seq;  // cursor: records with seq < this
  int limit = 50;
};

class AuditLog {
 public:
  AuditLog(KeyStore& keys, const Clock& clock) : keys_(keys), clock_(clock) {}

  // Appends inside the caller's transaction, so the record commits or rolls back with the action.
  Status Append(storage::Executor& tx, const AuditEntry& entry) const;
  // Appends in a transaction of its own (for reads and denials, which change nothing else).
  Status Record(storage::Database& db, const AuditEntry& entry) const;
  // Newest first.
  StatusOr<std::vector<AuditRecord>> List(storage::Executor& db, const AuditQuery& q) const;
  StatusOr<AuditVerification> Verify(storage::Database& db) const;

  // The keyed link hash of a record (exposed for tests that forge rows).
  std::string Hash(const AuditRecord& r) const;

 private:
  KeyStore& keys_;
  const Clock& clock_;
};

}  // namespace finguard::security
