#include "security/masking.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <vector>

namespace finguard::security {
namespace {

std::vector<std::string> CodePoints(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  std::vector<std::string> out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    out.push_back(std::move(utf8));
    i += U16_LENGTH(c);
  }
  return out;
}

// Keeps the first `head` and last `tail` characters, stars in between; short values are all stars
// except the last character, so a masked value never equals its input.
std::string KeepEnds(std::string_view s, size_t head, size_t tail) {
  std::vector<std::string> cps = CodePoints(s);
  if (cps.size() <= head + tail) {
    head = 0;
    tail = cps.size() > 1 ? 1 : 0;
  }
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    out += (i < head || i >= cps.size() - tail) ? cps[i] : "*";
  }
  return out;
}

bool IsHan(const std::string& cp) {
  UChar32 c = icu::UnicodeString::fromUTF8(cp).char32At(0);
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(c, &err) == USCRIPT_HAN;
}

}  // namespace

std::string MaskName(std::string_view name) {
  std::vector<std::string> cps = CodePoints(name);
  if (cps.empty()) return "";
  if (IsHan(cps[0])) {
    std::string out = cps[0];
    for (size_t i = 1; i < cps.size(); ++i) out += "*";
    if (cps.size() == 1) out += "*";
    return out;
  }
  // Latin and other space-separated names: every word but the last becomes its initial + "***".
  std::vector<std::string> words;
  std::string cur;
  for (char c : name) {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.size() == 1) return CodePoints(words[0])[0] + "***";
  std::string out;
  for (size_t i = 0; i + 1 < words.size(); ++i) out += CodePoints(words[i])[0] + "*** ";
  return out + words.back();
}

std::string MaskIdNumber(std::string_view id) {
  return id.size() >= 15 ? KeepEnds(id, 6, 4) : KeepEnds(id, 1, 2);
}

std::string MaskPhone(std::string_view phone) {
  return phone.size() >= 11 ? KeepEnds(phone, phone.size() - 8, 4) : KeepEnds(phone, 0, 4);
}

std::string MaskEmail(std::string_view email) {
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0) return KeepEnds(email, 1, 0);
  return CodePoints(email.substr(0, at))[0] + "***" + std::string(email.substr(at));
}

std::string MaskAddress(std::string_view address) {
  std::vector<std::string> cps = CodePoints(address);
  // The first characters name the province and city (useful to staff); the rest is hidden.
  size_t keep = cps.size() > 12 ? 6 : cps.size() / 2;
  std::string out;
  for (size_t i = 0; i < keep; ++i) out += cps[i];
  return out + "****";
}

std::string MaskAccountNumber(std::string_view number) {
  return number.size() > 8 ? KeepEnds(number, 4, 4) : KeepEnds(number, 0, 2);
}

}  // namespace finguard::security
