#pragma once
// Password hashing with argon2id (libsodium crypto_pwhash_str: salt and parameters are encoded
// in the stored string) and the institution's password policy. C3 data: a password is never
// stored, logged or returned in clear. Thread-safe.
//   PasswordHasher h(PasswordCost::Interactive());
//   std::string stored = h.Hash("Correct-Horse-9");  bool ok = h.Verify(stored, attempt);
#include <string>
#include <string_view>

#include "common/status.h"

namespace finguard::security {

struct PasswordCost {
  unsigned long long opslimit;
  size_t memlimit;
  // libsodium's interactive level: 2 passes over 64 MiB, about 0.1 s on this class of machine.
  static PasswordCost Interactive();
  // The cheapest argon2id level; for tests only.
  static PasswordCost Minimum();
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost) : cost_(cost) {}
  std::string Hash(std::string_view password) const;
  bool Verify(std::string_view stored, std::string_view password) const;

 private:
  PasswordCost cost_;
};

// At least 10 characters drawing on at least three of: upper case, lower case, digits, symbols.
// The error message says what is missing; it never echoes the password.
Status CheckPasswordPolicy(std::string_view password);

}  // namespace finguard::security
