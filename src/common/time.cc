#include "common/time.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace finguard {
namespace {

// Floor division and modulo: C++ `/` truncates toward zero, which would put instants before
// 1970 on the wrong day and give them negative sub-second fields.
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeapYear(y)) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil (http://howardhinnant.github.io/date_algorithms.html):
// shifts the year to start in March so the leap day is the last day of the "year", which
// makes the day-of-year a closed formula. Valid for the whole proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;                                    // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), m, d};
}

// Checks the ranges of a calendar date; returns the reason, or an empty string when valid.
// Years are limited to the four digits ISO 8601 writes without an expansion agreement.
std::string DateRangeProblem(int y, int m, int d) {
  if (y < 1 || y > 9999) return "year " + std::to_string(y) + " out of range 0001..9999";
  if (m < 1 || m > 12) return "month " + std::to_string(m) + " out of range 1..12";
  const int dim = DaysInMonth(y, m);
  if (d < 1 || d > dim) {
    return "day " + std::to_string(d) + " out of range 1.." + std::to_string(dim) + " for " +
           std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m);
  }
  return "";
}

// A cursor over the text being parsed; every reader consumes exactly what it accepts, so a
// failure leaves no partial state and the caller can name the position.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool AtEnd() const { return pos_ == s_.size(); }
  size_t pos() const { return pos_; }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  // Exactly `n` ASCII digits.
  bool Digits(int n, int* out) {
    if (s_.size() - pos_ < static_cast<size_t>(n)) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
      const char c = s_[pos_ + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += n;
    *out = v;
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

Status BadDateTime(std::string_view text, std::string_view reason) {
  return InvalidArgument("invalid ISO 8601 date-time \"" + std::string(text) +
                         "\": " + std::string(reason));
}

std::string TwoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

StatusOr<CivilDate> CivilDate::Make(int y, int m, int d) {
  const std::string problem = DateRangeProblem(y, m, d);
  if (!problem.empty()) {
    return InvalidArgument("invalid date " + std::to_string(y) + "-" + std::to_string(m) + "-" +
                           std::to_string(d) + ": " + problem);
  }
  return CivilDate{y, m, d};
}

StatusOr<CivilDate> CivilDate::Parse(std::string_view iso_date) {
  auto bad = [&](std::string_view reason) {
    return InvalidArgument("invalid date \"" + std::string(iso_date) +
                           "\": " + std::string(reason));
  };
  Scanner sc(iso_date);
  int y = 0, m = 0, d = 0;
  if (!sc.Digits(4, &y) || !sc.Consume('-') || !sc.Digits(2, &m) || !sc.Consume('-') ||
      !sc.Digits(2, &d)) {
    return bad("expected YYYY-MM-DD");
  }
  if (!sc.AtEnd()) return bad("unexpected text after the date");
  const std::string problem = DateRangeProblem(y, m, d);
  if (!problem.empty()) return bad(problem);
  return CivilDate{y, m, d};
}

std::string CivilDate::ToString() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int64_t CivilDate::DaysSinceEpoch() const { return DaysFromCivil(year, month, day); }

CivilDate CivilDate::FromDaysSinceEpoch(int64_t days) { return CivilFromDays(days); }

int CivilDate::Weekday() const {
  // 1970-01-01 was a Thursday (ISO 4), so day 0 maps to 4.
  return static_cast<int>(FloorMod(DaysSinceEpoch() + 3, 7)) + 1;
}

StatusOr<Instant> ParseIso8601(std::string_view text) {
  Scanner sc(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!sc.Digits(4, &y) || !sc.Consume('-') || !sc.Digits(2, &mo) || !sc.Consume('-') ||
      !sc.Digits(2, &d)) {
    return BadDateTime(text, "expected YYYY-MM-DD at the start");
  }
  // RFC 3339 section 5.6 allows a lower-case separator and zone letter.
  if (!sc.Consume('T') && !sc.Consume('t')) {
    return BadDateTime(text, "expected 'T' between date and time");
  }
  if (!sc.Digits(2, &h) || !sc.Consume(':') || !sc.Digits(2, &mi) || !sc.Consume(':') ||
      !sc.Digits(2, &s)) {
    return BadDateTime(text, "expected time as HH:MM:SS");
  }
  int64_t frac_micros = 0;
  if (sc.Consume('.')) {
    int digits = 0;
    while (sc.Peek() >= '0' && sc.Peek() <= '9') {
      if (++digits > 6) return BadDateTime(text, "more than 6 fractional second digits");
      int digit = 0;
      sc.Digits(1, &digit);
      frac_micros = frac_micros * 10 + digit;
    }
    if (digits == 0) return BadDateTime(text, "expected digits after '.'");
    for (int i = digits; i < 6; ++i) frac_micros *= 10;
  }
  int64_t offset_minutes = 0;
  if (sc.Consume('Z') || sc.Consume('z')) {
    offset_minutes = 0;
  } else if (sc.Peek() == '+' || sc.Peek() == '-') {
    const int sign = sc.Peek() == '-' ? -1 : 1;
    sc.Consume(sc.Peek());
    int oh = 0, om = 0;
    if (!sc.Digits(2, &oh)) return BadDateTime(text, "expected offset as +HH:MM or +HHMM");
    sc.Consume(':');  // both +08:00 and +0800 are ISO 8601
    if (!sc.Digits(2, &om)) return BadDateTime(text, "expected offset as +HH:MM or +HHMM");
    if (oh > 23 || om > 59) return BadDateTime(text, "offset out of range");
    offset_minutes = sign * (oh * 60 + om);
  } else if (sc.AtEnd()) {
    // Without an offset the instant depends on the reader's zone; refuse to guess.
    return BadDateTime(text, "missing UTC offset (add Z or +08:00)");
  } else {
    return BadDateTime(text, "unexpected character at position " + std::to_string(sc.pos()));
  }
  if (!sc.AtEnd()) {
    return BadDateTime(text, "unexpected text at position " + std::to_string(sc.pos()));
  }

  const std::string problem = DateRangeProblem(y, mo, d);
  if (!problem.empty()) return BadDateTime(text, problem);
  // Hour 24 ("end of day") and leap second 60 are legal ISO 8601 spellings, but both name an
  // instant another spelling already covers; accepting them would give two texts one meaning.
  if (h > 23) return BadDateTime(text, "hour " + std::to_string(h) + " out of range 00..23");
  if (mi > 59) return BadDateTime(text, "minute " + std::to_string(mi) + " out of range 00..59");
  if (s > 59) return BadDateTime(text, "second " + std::to_string(s) + " out of range 00..59");

  const int64_t local_seconds = DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  const int64_t utc_seconds = local_seconds - offset_minutes * 60;
  return Instant{utc_seconds * kMicrosPerSecond + frac_micros};
}

std::string FormatIso8601(Instant t) {
  const int64_t days = FloorDiv(t.micros, kMicrosPerDay);
  const int64_t micros_of_day = t.micros - days * kMicrosPerDay;
  const CivilDate date = CivilFromDays(days);
  const int64_t secs_of_day = micros_of_day / kMicrosPerSecond;
  const int64_t frac = micros_of_day % kMicrosPerSecond;

  std::string out = date.ToString() + "T" + TwoDigits(static_cast<int>(secs_of_day / 3600)) + ":" +
                    TwoDigits(static_cast<int>(secs_of_day / 60 % 60)) + ":" +
                    TwoDigits(static_cast<int>(secs_of_day % 60));
  if (frac != 0) {
    char buf[16];
    // Milliseconds are the usual precision; an instant with sub-millisecond digits keeps all
    // six so that formatting never loses information (Parse(Format(t)) == t).
    if (frac % 1000 == 0) {
      std::snprintf(buf, sizeof buf, ".%03lld", static_cast<long long>(frac / 1000));
    } else {
      std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
    }
    out += buf;
  }
  out += "Z";
  return out;
}

CivilDate ShanghaiDate(Instant t) {
  return CivilFromDays(FloorDiv(t.micros + kShanghaiOffsetMicros, kMicrosPerDay));
}

Instant ShanghaiMidnight(CivilDate d) {
  return Instant{d.DaysSinceEpoch() * kMicrosPerDay - kShanghaiOffsetMicros};
}

Instant SystemClock::Now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant{std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
}

}  // namespace finguard
