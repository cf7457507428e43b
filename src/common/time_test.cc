#include "common/time.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard {
namespace {

using ::testing::HasSubstr;

// Reference epoch values below were computed independently with Python's datetime
// ((t - datetime(1970,1,1,tzinfo=utc)) // timedelta(microseconds=1)), not with this code.

TEST(ParseIso8601Test, KnownEpochVectors) {
  struct Case {
    const char* text;
    int64_t micros;
  };
  const Case cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"2026-01-01T00:00:00Z", 1'767'225'600'000'000},
      {"2000-01-01T00:00:00Z", 946'684'800'000'000},
      {"1969-12-31T23:59:59Z", -1'000'000},
      {"1900-01-01T00:00:00Z", -2'208'988'800'000'000},
      {"2038-01-19T03:14:07Z", 2'147'483'647'000'000},
      {"2024-02-29T12:34:56.789012+08:00", 1'709'181'296'789'012},
      {"0001-01-01T00:00:00Z", -62'135'596'800'000'000},
      {"9999-12-31T23:59:59Z", 253'402'300'799'000'000},
  };
  for (const Case& c : cases) {
    StatusOr<Instant> t = ParseIso8601(c.text);
    ASSERT_TRUE(t.ok()) << c.text << ": " << t.status().ToString();
    EXPECT_EQ(t->micros, c.micros) << c.text;
  }
}

TEST(ParseIso8601Test, OffsetsAreEquivalent) {
  const int64_t expected = 1'767'225'600'000'000;  // 2026-01-01T00:00:00Z
  for (const char* text :
       {"2026-01-01T08:00:00+08:00", "2026-01-01T08:00:00+0800", "2025-12-31T19:00:00-05:00",
        "2026-01-01t00:00:00z", "2026-01-01T05:30:00+05:30"}) {
    StatusOr<Instant> t = ParseIso8601(text);
    ASSERT_TRUE(t.ok()) << text << ": " << t.status().ToString();
    EXPECT_EQ(t->micros, expected) << text;
  }
}

TEST(ParseIso8601Test, FractionalSeconds) {
  const int64_t base = 1'767'225'600'000'000;
  EXPECT_EQ(ParseIso8601("2026-01-01T00:00:00.5Z")->micros, base + 500'000);
  EXPECT_EQ(ParseIso8601("2026-01-01T00:00:00.123Z")->micros, base + 123'000);
  EXPECT_EQ(ParseIso8601("2026-01-01T00:00:00.000001Z")->micros, base + 1);
  EXPECT_EQ(ParseIso8601("2026-01-01T00:00:00.999999Z")->micros, base + 999'999);
}

TEST(ParseIso8601Test, RejectsBadInputNamingIt) {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      {"2026-01-01T00:00:00", "missing UTC offset"},
      {"2026-13-01T00:00:00Z", "month 13"},
      {"2026-02-30T00:00:00Z", "day 30"},
      {"2100-02-29T00:00:00Z", "day 29"},
      {"2026-01-01T24:00:00Z", "hour 24"},
      {"2026-01-01T23:60:00Z", "minute 60"},
      {"2026-01-01T23:59:60Z", "second 60"},
      {"2026-01-01T00:00:00Zjunk", "unexpected text"},
      {"2026-01-01T00:00:00+08:00 ", "unexpected text"},
      {"2026-01-01T00:00:00.1234567Z", "more than 6"},
      {"2026-01-01T00:00:00.Z", "digits after '.'"},
      {"2026-01-01 00:00:00Z", "expected 'T'"},
      {"2026-1-01T00:00:00Z", "YYYY-MM-DD"},
      {"2026-01-01T00:00Z", "HH:MM:SS"},
      {"2026-01-01T00:00:00+8:00", "offset"},
      {"2026-01-01T00:00:00+24:00", "offset out of range"},
      {"2026-01-01T00:00:00#", "unexpected character"},
      {"", "YYYY-MM-DD"},
  };
  for (const Case& c : cases) {
    StatusOr<Instant> t = ParseIso8601(c.text);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_THAT(t.status().message(), HasSubstr(std::string("\"") + c.text + "\"")) << c.text;
    EXPECT_THAT(t.status().message(), HasSubstr(c.reason)) << c.text;
  }
}

TEST(FormatIso8601Test, FormatsUtcWithMillisOnlyWhenPresent) {
  EXPECT_EQ(FormatIso8601(Instant{0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(Instant::FromSeconds(1'767'225'600)), "2026-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(Instant{1'767'225'600'123'000}), "2026-01-01T00:00:00.123Z");
  EXPECT_EQ(FormatIso8601(Instant{-1}), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatIso8601(Instant{-1'000'000}), "1969-12-31T23:59:59Z");
}

TEST(FormatIso8601Test, RoundTripsThroughParse) {
  for (int64_t micros : {int64_t{0}, int64_t{-1}, int64_t{1'709'181'296'789'012},
                         int64_t{-2'208'988'800'000'001}, int64_t{253'402'300'799'999'999}}) {
    StatusOr<Instant> back = ParseIso8601(FormatIso8601(Instant{micros}));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->micros, micros);
  }
}

TEST(ShanghaiDateTest, ShanghaiIsEightHoursAheadOfUtc) {
  // 16:30 UTC on Jan 31 is 00:30 on Feb 1 in Shanghai.
  EXPECT_EQ(ShanghaiDate(*ParseIso8601("2026-01-31T16:30:00Z")), (CivilDate{2026, 2, 1}));
  EXPECT_EQ(ShanghaiDate(*ParseIso8601("2026-01-31T15:59:59.999999Z")), (CivilDate{2026, 1, 31}));
  EXPECT_EQ(ShanghaiDate(*ParseIso8601("2026-01-31T23:30:00+08:00")), (CivilDate{2026, 1, 31}));
  EXPECT_EQ(ShanghaiDate(Instant{0}), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(ShanghaiDate(*ParseIso8601("1969-12-31T15:59:59Z")), (CivilDate{1969, 12, 31}));
}

TEST(ShanghaiDateTest, MidnightIsSixteenHundredUtcTheDayBefore) {
  EXPECT_EQ(ShanghaiMidnight(CivilDate{2026, 2, 1}), *ParseIso8601("2026-01-31T16:00:00Z"));
  EXPECT_EQ(ShanghaiDate(ShanghaiMidnight(CivilDate{2024, 2, 29})), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(ShanghaiDate(Instant{ShanghaiMidnight(CivilDate{2024, 3, 1}).micros - 1}),
            (CivilDate{2024, 2, 29}));
}

TEST(CivilDateTest, LeapYears) {
  EXPECT_TRUE(CivilDate::Make(2024, 2, 29).ok());
  EXPECT_TRUE(CivilDate::Make(2000, 2, 29).ok());  // divisible by 400
  StatusOr<CivilDate> d2100 = CivilDate::Make(2100, 2, 29);
  ASSERT_FALSE(d2100.ok());
  EXPECT_EQ(d2100.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(d2100.status().message(), HasSubstr("2100-2-29"));
  EXPECT_FALSE(CivilDate::Make(2025, 2, 29).ok());
  EXPECT_FALSE(CivilDate::Parse("1900-02-29").ok());
}

TEST(CivilDateTest, ParseAndFormat) {
  StatusOr<CivilDate> d = CivilDate::Parse("2026-10-01");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, (CivilDate{2026, 10, 1}));
  EXPECT_EQ(d->ToString(), "2026-10-01");
  EXPECT_EQ((CivilDate{5, 3, 7}).ToString(), "0005-03-07");
  for (const char* bad : {"2026-10-1", "2026/10/01", "2026-10-01T00:00:00Z", "2026-04-31", ""}) {
    StatusOr<CivilDate> r = CivilDate::Parse(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_THAT(r.status().message(), HasSubstr(std::string("\"") + bad + "\""));
  }
}

TEST(CivilDateTest, WeekdayIsIso) {
  EXPECT_EQ((CivilDate{2026, 10, 1}).Weekday(), 4);   // Thursday
  EXPECT_EQ((CivilDate{1970, 1, 1}).Weekday(), 4);    // Thursday
  EXPECT_EQ((CivilDate{2024, 1, 1}).Weekday(), 1);    // Monday
  EXPECT_EQ((CivilDate{2026, 2, 15}).Weekday(), 7);   // Sunday
  EXPECT_EQ((CivilDate{1969, 12, 27}).Weekday(), 6);  // Saturday, before the epoch
}

TEST(CivilDateTest, DaysSinceEpochRoundTrips) {
  EXPECT_EQ((CivilDate{2026, 1, 1}).DaysSinceEpoch(), 20454);
  EXPECT_EQ((CivilDate{1969, 12, 31}).DaysSinceEpoch(), -1);
  EXPECT_EQ(CivilDate::FromDaysSinceEpoch(-1), (CivilDate{1969, 12, 31}));
  // Every day from 1899 to 2101 survives the round trip and advances one at a time.
  CivilDate prev = CivilDate::FromDaysSinceEpoch((CivilDate{1899, 1, 1}).DaysSinceEpoch() - 1);
  for (int64_t n = (CivilDate{1899, 1, 1}).DaysSinceEpoch();
       n <= (CivilDate{2101, 12, 31}).DaysSinceEpoch(); ++n) {
    CivilDate d = CivilDate::FromDaysSinceEpoch(n);
    ASSERT_EQ(d.DaysSinceEpoch(), n);
    ASSERT_LT(prev, d);
    ASSERT_TRUE(CivilDate::Make(d.year, d.month, d.day).ok()) << d.ToString();
    prev = d;
  }
  EXPECT_EQ((CivilDate{2024, 2, 28}).AddDays(1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ((CivilDate{2025, 2, 28}).AddDays(1), (CivilDate{2025, 3, 1}));
  EXPECT_EQ((CivilDate{2026, 1, 1}).AddDays(-1), (CivilDate{2025, 12, 31}));
}

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
  FakeClock clock(Instant::FromSeconds(1'767'225'600));
  EXPECT_EQ(clock.Now(), Instant::FromSeconds(1'767'225'600));
  clock.Advance(kMicrosPerDay);
  EXPECT_EQ(ShanghaiDate(clock.Now()), (CivilDate{2026, 1, 2}));
}

TEST(ClockTest, SystemClockIsAfter2025) {
  SystemClock clock;
  EXPECT_GT(clock.Now(), *ParseIso8601("2025-01-01T00:00:00Z"));
}

}  // namespace
}  // namespace finguard
