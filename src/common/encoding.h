#pragma once
// Binary-to-text encodings (libsodium's constant-time codecs): standard base64 with padding,
// URL-safe base64 without padding (opaque cursors, tokens), and lowercase hex.
#include <string>
#include <string_view>

#include "common/status.h"

namespace finguard {

std::string Base64Encode(std::string_view bytes);
StatusOr<std::string> Base64Decode(std::string_view text);
std::string Base64UrlEncode(std::string_view bytes);
StatusOr<std::string> Base64UrlDecode(std::string_view text);
std::string HexEncode(std::string_view bytes);

}  // namespace finguard
