#pragma once
// Instants (UTC, microseconds since the Unix epoch), ISO 8601 parse/format, Asia/Shanghai
// civil dates, and the Clock that every component takes instead of reading the system time,
// so tests can move time across a deadline or midnight. China has had no DST since 1991, so
// Asia/Shanghai is fixed UTC+08:00 for every instant FinGuard handles.
//   ASSIGN_OR_RETURN(Instant t, ParseIso8601("2026-01-31T23:30:00+08:00"));
//   CivilDate d = ShanghaiDate(t);  // 2026-01-31
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace finguard {

// A point in time, UTC. Value type; totally ordered.
struct Instant {
  int64_t micros = 0;  // since 1970-01-01T00:00:00Z
  auto operator<=>(const Instant&) const = default;
  static Instant FromSeconds(int64_t s) { return Instant{s * 1'000'000}; }
  int64_t seconds() const {
    return micros >= 0 ? micros / 1'000'000 : -((-micros + 999'999) / 1'000'000);
  }
};

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;
constexpr int64_t kShanghaiOffsetMicros = 8 * kMicrosPerHour;

// A calendar date without time zone. Value type; ordered; valid dates only when built by Make.
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const CivilDate&) const = default;

  static StatusOr<CivilDate> Make(int y, int m, int d);
  // "2026-10-01"; rejects anything else (field-free message naming the input).
  static StatusOr<CivilDate> Parse(std::string_view iso_date);
  std::string ToString() const;  // "2026-10-01"
  int64_t DaysSinceEpoch() const;
  static CivilDate FromDaysSinceEpoch(int64_t days);
  CivilDate AddDays(int64_t n) const { return FromDaysSinceEpoch(DaysSinceEpoch() + n); }
  int Weekday() const;  // ISO: 1 = Monday ... 7 = Sunday
};

// Parses RFC 3339 / ISO 8601 date-times with an offset or Z ("2026-03-01T09:30:00.123+08:00").
// A date-time without an offset is ambiguous and rejected.
StatusOr<Instant> ParseIso8601(std::string_view text);
// "2026-03-01T01:30:00.123Z" (milliseconds shown only when non-zero).
std::string FormatIso8601(Instant t);

CivilDate ShanghaiDate(Instant t);
// 00:00 Asia/Shanghai on `d`, as an instant.
Instant ShanghaiMidnight(CivilDate d);

// Source of "now". Thread-safe implementations.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock tests set and advance by hand. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start) : micros_(start.micros) {}
  Instant Now() const override { return Instant{micros_.load()}; }
  void Set(Instant t) { micros_.store(t.micros); }
  void Advance(int64_t micros) { micros_.fetch_add(micros); }

 private:
  std::atomic<int64_t> micros_;
};

}  // namespace finguard
