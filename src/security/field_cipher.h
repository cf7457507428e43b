#pragma once
// FieldCipher encrypts C2 personal data (JR/T 0171-2020: names, ID numbers, phones, addresses,
// account numbers) for storage: XChaCha20-Poly1305 (libsodium IETF AEAD) under the key store's
// active key, a fresh random 192-bit nonce per value, the column name as associated data so a
// ciphertext moved to another column fails to decrypt. Stored form: "<key id>:<base64(nonce|ct)>".
// It also computes blind indexes: keyed BLAKE2b-256 of a normalised value, hex, for exact
// lookup without decrypting. Thread-safe (KeyStore is).
//   FieldCipher c(keys);
//   std::string stored = c.Encrypt("phone", "13812345678");
//   ASSIGN_OR_RETURN(std::string phone, c.Decrypt("phone", stored));
#include <string>
#include <string_view>

#include "common/status.h"
#include "security/key_store.h"

namespace finguard::security {

class FieldCipher {
 public:
  explicit FieldCipher(KeyStore& keys) : keys_(keys) {}

  std::string Encrypt(std::string_view column, std::string_view plaintext) const;
  StatusOr<std::string> Decrypt(std::string_view column, std::string_view stored) const;
  // The key id a stored value was written under ("k1").
  static std::string KeyIdOf(std::string_view stored);
  // Keyed hash of `value` after the caller's normalisation; equal inputs give equal outputs.
  std::string BlindIndex(std::string_view column, std::string_view value) const;

 private:
  KeyStore& keys_;
};

}  // namespace finguard::security
