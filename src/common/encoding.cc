#include "common/encoding.h"

#include <sodium.h>

namespace finguard {
namespace {

std::string Encode(std::string_view bytes, int variant) {
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);  // drop the terminating NUL
  return out;
}

StatusOr<std::string> Decode(std::string_view text, int variant) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, variant) != 0) {
    return InvalidArgument("not valid base64");
  }
  out.resize(len);
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view b) { return Encode(b, sodium_base64_VARIANT_ORIGINAL); }
StatusOr<std::string> Base64Decode(std::string_view t) {
  return Decode(t, sodium_base64_VARIANT_ORIGINAL);
}
std::string Base64UrlEncode(std::string_view b) {
  return Encode(b, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
StatusOr<std::string> Base64UrlDecode(std::string_view t) {
  return Decode(t, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string HexEncode(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

}  // namespace finguard
