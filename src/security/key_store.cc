#include "security/key_store.h"

#include <sodium.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/encoding.h"

namespace finguard::security {
namespace {

int64_t FileMtimeNs(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
}
int64_t SteadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string RandomKey() {
  std::string k(kKeyBytes, '\0');
  randombytes_buf(k.data(), k.size());
  return k;
}

}  // namespace

StatusOr<std::unique_ptr<KeyStore>> KeyStore::Open(const std::string& path) {
  if (sodium_init() < 0) return Internal("libsodium failed to initialise");
  std::unique_ptr<KeyStore> ks(new KeyStore(path));
  RETURN_IF_ERROR(ks->Load());
  return ks;
}

StatusOr<std::unique_ptr<KeyStore>> KeyStore::OpenOrCreate(const std::string& path) {
  if (sodium_init() < 0) return Internal("libsodium failed to initialise");
  if (std::filesystem::exists(path)) return Open(path);
  std::unique_ptr<KeyStore> ks(new KeyStore(path));
  ks->keys_.push_back({"k1", RandomKey(), ""});
  ks->active_ = "k1";
  ks->blind_index_key_ = RandomKey();
  ks->audit_key_ = RandomKey();
  std::lock_guard lock(ks->mu_);
  RETURN_IF_ERROR(ks->Save());
  return ks;
}

Status KeyStore::Load() {
  std::ifstream in(path_);
  if (!in) return FailedPrecondition("key file " + path_ + " cannot be read");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  auto bad = [&](const std::string& why) {
    return FailedPrecondition("key file " + path_ + " is malformed: " + why);
  };
  if (!j.is_object() || !j.contains("keys") || !j["keys"].is_array()) return bad("no keys array");
  std::vector<FieldKey> keys;
  for (const auto& k : j["keys"]) {
    if (!k.contains("id") || !k.contains("key") || !k["id"].is_string() || !k["key"].is_string()) {
      return bad("a key lacks id or key");
    }
    ASSIGN_OR_RETURN(std::string raw, Base64Decode(k["key"].get<std::string>()));
    if (raw.size() != kKeyBytes)
      return bad("key " + k["id"].get<std::string>() + " is not 32 bytes");
    keys.push_back({k["id"], raw, k.value("created_at", "")});
  }
  auto raw_of = [&](const char* name) -> StatusOr<std::string> {
    if (!j.contains(name) || !j[name].is_string()) return bad(std::string("missing ") + name);
    ASSIGN_OR_RETURN(std::string raw, Base64Decode(j[name].get<std::string>()));
    if (raw.size() != kKeyBytes) return bad(std::string(name) + " is not 32 bytes");
    return raw;
  };
  ASSIGN_OR_RETURN(std::string bidx, raw_of("blind_index_key"));
  ASSIGN_OR_RETURN(std::string audit, raw_of("audit_key"));
  std::string active = j.value("active", "");
  bool found = false;
  for (const auto& k : keys) found |= k.id == active;
  if (!found) return bad("active key '" + active + "' is not among the keys");
  std::lock_guard lock(mu_);
  loaded_mtime_ns_ = FileMtimeNs(path_);
  keys_ = std::move(keys);
  active_ = active;
  blind_index_key_ = bidx;
  audit_key_ = audit;
  return OkStatus();
}

Status KeyStore::Save() const {
  nlohmann::json j;
  j["version"] = 1;
  j["active"] = active_;
  j["keys"] = nlohmann::json::array();
  for (const auto& k : keys_) {
    j["keys"].push_back({{"id", k.id}, {"key", Base64Encode(k.key)}, {"created_at", k.created_at}});
  }
  j["blind_index_key"] = Base64Encode(blind_index_key_);
  j["audit_key"] = Base64Encode(audit_key_);
  std::filesystem::path p(path_);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return FailedPrecondition("cannot write key file " + tmp);
    out << j.dump(2) << "\n";
    if (!out.flush()) return FailedPrecondition("cannot write key file " + tmp);
  }
  ::chmod(tmp.c_str(), 0600);
  std::error_code ec;
  std::filesystem::rename(tmp, path_, ec);
  if (ec) return FailedPrecondition("cannot replace key file " + path_ + ": " + ec.message());
  return OkStatus();
}

void KeyStore::RefreshIfChanged() const {
  {
    std::lock_guard lock(mu_);
    int64_t now = SteadyNowNs();
    if (now < next_check_ns_) return;
    next_check_ns_ = now + 1'000'000'000;
    if (FileMtimeNs(path_) == loaded_mtime_ns_) return;
  }
  // A failed reload keeps the keys in memory; the next check tries again.
  (void)const_cast<KeyStore*>(this)->Load();
}

std::string KeyStore::ActiveKeyId() const {
  RefreshIfChanged();
  std::lock_guard lock(mu_);
  return active_;
}

StatusOr<std::string> KeyStore::Key(const std::string& key_id) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    {
      std::lock_guard lock(mu_);
      for (const auto& k : keys_) {
        if (k.id == key_id) return k.key;
      }
    }
    if (attempt == 0) RETURN_IF_ERROR(Load());
  }
  return FailedPrecondition("encryption key '" + key_id + "' is not in the key file");
}

std::string KeyStore::BlindIndexKey() const {
  std::lock_guard lock(mu_);
  return blind_index_key_;
}

std::string KeyStore::AuditKey() const {
  std::lock_guard lock(mu_);
  return audit_key_;
}

std::vector<std::string> KeyStore::KeyIds() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> ids;
  for (const auto& k : keys_) ids.push_back(k.id);
  return ids;
}

StatusOr<std::string> KeyStore::AddActiveKey() {
  std::lock_guard lock(mu_);
  std::string id = "k" + std::to_string(keys_.size() + 1);
  keys_.push_back({id, RandomKey(), ""});
  std::string previous = active_;
  active_ = id;
  Status s = Save();
  if (!s.ok()) {
    keys_.pop_back();
    active_ = previous;
    return s;
  }
  return id;
}

}  // namespace finguard::security
