#include "security/password.h"

#include <sodium.h>

#include <cctype>

namespace finguard::security {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

std::string PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    DieOnBadStatusOrAccess(Internal("argon2id ran out of memory"));
  }
  return out;
}

bool PasswordHasher::Verify(std::string_view stored, std::string_view password) const {
  std::string s(stored);
  return crypto_pwhash_str_verify(s.c_str(), password.data(), password.size()) == 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  int upper = 0, lower = 0, digit = 0, other = 0;
  for (unsigned char c : password) {
    if (std::isupper(c))
      upper = 1;
    else if (std::islower(c))
      lower = 1;
    else if (std::isdigit(c))
      digit = 1;
    else
      other = 1;
  }
  if (password.size() < 10) {
    return InvalidArgument("password must have at least 10 characters",
                           {{"/password", "shorter than 10 characters"}});
  }
  if (upper + lower + digit + other < 3) {
    return InvalidArgument(
        "password must mix at least three of: upper case, lower case, digits, symbols",
        {{"/password", "too few character classes"}});
  }
  if (password.size() > 256) {
    return InvalidArgument("password is too long", {{"/password", "longer than 256 bytes"}});
  }
  return OkStatus();
}

}  // namespace finguard::security
