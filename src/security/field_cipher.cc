#include "security/field_cipher.h"

#include <sodium.h>

#include "common/encoding.h"

namespace finguard::security {

std::string FieldCipher::Encrypt(std::string_view column, std::string_view plaintext) const {
  std::string key_id = keys_.ActiveKeyId();
  StatusOr<std::string> key = keys_.Key(key_id);
  if (!key.ok()) DieOnBadStatusOrAccess(key.status());  // the active key always exists
  std::string buf(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(buf.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long ct_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &ct_len,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(column.data()), column.size(), nullptr, nonce,
      reinterpret_cast<const unsigned char*>(key->data()));
  return key_id + ":" + Base64Encode(buf);
}

StatusOr<std::string> FieldCipher::Decrypt(std::string_view column, std::string_view stored) const {
  size_t colon = stored.find(':');
  if (colon == std::string_view::npos) return Internal("stored ciphertext has no key id");
  ASSIGN_OR_RETURN(std::string key, keys_.Key(std::string(stored.substr(0, colon))));
  ASSIGN_OR_RETURN(std::string buf, Base64Decode(stored.substr(colon + 1)));
  constexpr size_t kN = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kA = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (buf.size() < kN + kA) return Internal("stored ciphertext is truncated");
  std::string plain(buf.size() - kN - kA, '\0');
  unsigned long long len = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(buf.data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr, b + kN, buf.size() - kN,
          reinterpret_cast<const unsigned char*>(column.data()), column.size(), b,
          reinterpret_cast<const unsigned char*>(key.data())) != 0) {
    return Internal("ciphertext of " + std::string(column) + " failed authentication");
  }
  plain.resize(len);
  return plain;
}

std::string FieldCipher::KeyIdOf(std::string_view stored) {
  return std::string(stored.substr(0, stored.find(':')));
}

std::string FieldCipher::BlindIndex(std::string_view column, std::string_view value) const {
  std::string key = keys_.BlindIndexKey();
  crypto_generichash_state st;
  unsigned char out[32];
  crypto_generichash_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                          sizeof out);
  // Column as domain separation: the same phone in two columns gives unrelated indexes.
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(column.data()),
                            column.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(value.data()),
                            value.size());
  crypto_generichash_final(&st, out, sizeof out);
  return HexEncode(std::string_view(reinterpret_cast<char*>(out), sizeof out));
}

}  // namespace finguard::security
