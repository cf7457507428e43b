#pragma once
// KeyStore holds FinGuard's secret keys, read from a key file kept outside the database
// (default data/finguard.keys, mode 0600; never in the DB, never logged):
//   - field-encryption keys, each with an id; one is active for new ciphertexts, the others
//     still decrypt the values written under them until `finguard keys rotate` re-encrypts;
//   - the blind-index key (keyed BLAKE2b of ID numbers and phones for exact lookup);
//   - the audit-chain key (keyed BLAKE2b links, so rows forged without it are detected).
// Thread-safe. Fails with kFailedPrecondition on a missing or malformed file when not asked to
// create one.
//   ASSIGN_OR_RETURN(auto keys, KeyStore::OpenOrCreate("data/finguard.keys"));
//   FieldCipher cipher(*keys);  std::string c = cipher.Encrypt("110105199003071234");
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"

namespace finguard::security {

constexpr size_t kKeyBytes = 32;

class KeyStore {
 public:
  // Opens `path`, creating it with fresh random keys if it does not exist.
  static StatusOr<std::unique_ptr<KeyStore>> OpenOrCreate(const std::string& path);
  static StatusOr<std::unique_ptr<KeyStore>> Open(const std::string& path);

  std::string ActiveKeyId() const;
  // The key material for `key_id`; re-reads the file once when the id is unknown (another
  // process may have rotated).
  StatusOr<std::string> Key(const std::string& key_id);
  std::string BlindIndexKey() const;
  std::string AuditKey() const;
  std::vector<std::string> KeyIds() const;

  // Adds a new field key, makes it active and writes the file atomically. Returns the new id.
  StatusOr<std::string> AddActiveKey();

 private:
  struct FieldKey {
    std::string id;
    std::string key;  // raw bytes
    std::string created_at;
  };
  explicit KeyStore(std::string path) : path_(std::move(path)) {}
  Status Load();
  Status Save() const;  // caller holds mu_
  // Re-reads the file when it changed on disk (another process rotated), at most once a second.
  void RefreshIfChanged() const;

  const std::string path_;
  mutable std::mutex mu_;
  std::vector<FieldKey> keys_;           // guarded by mu_
  std::string active_;                   // guarded by mu_
  std::string blind_index_key_;          // guarded by mu_
  std::string audit_key_;                // guarded by mu_
  mutable int64_t loaded_mtime_ns_ = 0;  // guarded by mu_
  mutable int64_t next_check_ns_ = 0;    // guarded by mu_
};

}  // namespace finguard::security
