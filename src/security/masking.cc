#include "security/masking.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <vector>

namespace finguard::security {
namespace {

// Splits UTF-8 into code points with ICU's U8_NEXT (no UnicodeString allocations: masking runs
// on every personal field of every masked response). Invalid bytes become U+FFFD.
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.emplace_back(c < 0 ? "\xEF\xBF\xBD" : std::string(s.substr(start, i - start)));
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
  const auto* p = reinterpret_cast<const uint8_t*>(cp.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(cp.size()), c);
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
