#include "common/business_calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace finguard {
namespace {

using ::testing::HasSubstr;

// CTest sets FINGUARD_SOURCE_DIR; a test binary run by hand from the repo root works too.
std::string CalendarDir() {
  const char* root = std::getenv("FINGUARD_SOURCE_DIR");
  return (std::filesystem::path(root != nullptr ? root : ".") / "data" / "calendar").string();
}

class ShippedCalendarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<BusinessCalendar> cal = BusinessCalendar::LoadDir(CalendarDir(), 2024, 2026);
    ASSERT_TRUE(cal.ok()) << cal.status().ToString();
    calendar_ = new BusinessCalendar(*std::move(cal));
  }
  static void TearDownTestSuite() {
    delete calendar_;
    calendar_ = nullptr;
  }

  static bool Working(int y, int m, int d) {
    StatusOr<bool> w = calendar_->IsWorkingDay(CivilDate{y, m, d});
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() && *w;
  }

  static BusinessCalendar* calendar_;
};
BusinessCalendar* ShippedCalendarTest::calendar_ = nullptr;

// Expected values below are read off the State Council notices themselves (国办发明电〔2023〕7号,
// 〔2024〕12号, and the 2026 notice of 2025-11-04), not from the data files.

TEST_F(ShippedCalendarTest, Notice2024) {
  EXPECT_FALSE(Working(2024, 1, 1));   // 元旦 (Monday)
  EXPECT_TRUE(Working(2024, 2, 4));    // 春节 make-up (Sunday)
  EXPECT_TRUE(Working(2024, 2, 9));    // 除夕 was not a public holiday in 2024
  EXPECT_FALSE(Working(2024, 2, 12));  // 春节 (Monday)
  EXPECT_FALSE(Working(2024, 2, 17));  // 春节 (Saturday)
  EXPECT_TRUE(Working(2024, 2, 18));   // 春节 make-up (Sunday)
  EXPECT_TRUE(Working(2024, 4, 7));    // 清明 make-up (Sunday)
  EXPECT_TRUE(Working(2024, 5, 11));   // 劳动节 make-up (Saturday)
  EXPECT_FALSE(Working(2024, 6, 10));  // 端午 (Monday)
  EXPECT_TRUE(Working(2024, 9, 14));   // 中秋 make-up (Saturday)
  EXPECT_FALSE(Working(2024, 9, 16));  // 中秋 (Monday)
  EXPECT_TRUE(Working(2024, 9, 29));   // 国庆 make-up (Sunday)
  EXPECT_FALSE(Working(2024, 10, 7));  // 国庆 (Monday)
  EXPECT_TRUE(Working(2024, 10, 12));  // 国庆 make-up (Saturday)
  EXPECT_TRUE(Working(2024, 3, 12));   // ordinary Tuesday
  EXPECT_FALSE(Working(2024, 3, 16));  // ordinary Saturday
}

TEST_F(ShippedCalendarTest, Notice2025) {
  EXPECT_FALSE(Working(2025, 1, 1));   // 元旦 (Wednesday), no swap
  EXPECT_TRUE(Working(2025, 1, 26));   // 春节 make-up (Sunday)
  EXPECT_TRUE(Working(2025, 1, 27));   // ordinary Monday before 除夕
  EXPECT_FALSE(Working(2025, 1, 28));  // 除夕 (Tuesday): a statutory holiday from 2025
  EXPECT_FALSE(Working(2025, 2, 4));   // 初七 (Tuesday)
  EXPECT_TRUE(Working(2025, 2, 8));    // 春节 make-up (Saturday)
  EXPECT_FALSE(Working(2025, 4, 4));   // 清明 (Friday)
  EXPECT_TRUE(Working(2025, 4, 27));   // 劳动节 make-up (Sunday)
  EXPECT_FALSE(Working(2025, 5, 5));   // 劳动节 (Monday)
  EXPECT_FALSE(Working(2025, 6, 2));   // 端午 (Monday)
  EXPECT_TRUE(Working(2025, 9, 28));   // 国庆 make-up (Sunday)
  EXPECT_FALSE(Working(2025, 10, 8));  // 国庆、中秋 (Wednesday)
  EXPECT_TRUE(Working(2025, 10, 9));   // ordinary Thursday
  EXPECT_TRUE(Working(2025, 10, 11));  // 国庆 make-up (Saturday)
}

TEST_F(ShippedCalendarTest, Notice2026) {
  EXPECT_FALSE(Working(2026, 1, 2));    // 元旦 (Friday)
  EXPECT_TRUE(Working(2026, 1, 4));     // 元旦 make-up (Sunday)
  EXPECT_TRUE(Working(2026, 2, 14));    // 春节 make-up (Saturday)
  EXPECT_FALSE(Working(2026, 2, 16));   // 春节 (Monday)
  EXPECT_FALSE(Working(2026, 2, 23));   // 春节 (Monday)
  EXPECT_TRUE(Working(2026, 2, 24));    // ordinary Tuesday
  EXPECT_TRUE(Working(2026, 2, 28));    // 春节 make-up (Saturday)
  EXPECT_FALSE(Working(2026, 4, 6));    // 清明 (Monday)
  EXPECT_FALSE(Working(2026, 5, 5));    // 劳动节 (Tuesday)
  EXPECT_TRUE(Working(2026, 5, 9));     // 劳动节 make-up (Saturday)
  EXPECT_FALSE(Working(2026, 6, 19));   // 端午 (Friday)
  EXPECT_TRUE(Working(2026, 9, 20));    // 国庆 make-up (Sunday)
  EXPECT_FALSE(Working(2026, 9, 25));   // 中秋 (Friday)
  EXPECT_FALSE(Working(2026, 10, 1));   // 国庆 (Thursday)
  EXPECT_TRUE(Working(2026, 10, 10));   // 国庆 make-up (Saturday)
  EXPECT_FALSE(Working(2026, 10, 11));  // ordinary Sunday
}

TEST_F(ShippedCalendarTest, WorkingDaysPerYearMatchTheLaw) {
  // Independent check of each whole file: the swaps move rest days but never add or remove
  // one, so a year has (days - Saturdays - Sundays - statutory holidays) working days, with
  // 11 statutory days up to 2024 and 13 from 2025 (2024 revision of 全国年节及纪念日放假办法).
  // 2024: 366 - 104 - 11 = 251. 2025: 365 - 104 - 13 = 248. 2026: 365 - 104 - 13 = 248.
  // Jan 1 is a holiday in each year, so counting (Jan 1, Dec 31] counts the whole year.
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2024, 1, 1}, CivilDate{2024, 12, 31}), 251);
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2025, 1, 1}, CivilDate{2025, 12, 31}), 248);
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2026, 1, 1}, CivilDate{2026, 12, 31}), 248);
}

TEST_F(ShippedCalendarTest, AddWorkingDaysAcrossGoldenWeek) {
  auto add = [](CivilDate d, int n) {
    StatusOr<CivilDate> r = calendar_->AddWorkingDays(d, n);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : CivilDate{};
  };
  // 2026: Wed Sep 30 → Oct 1-7 off → Thu Oct 8, Fri Oct 9, Sat Oct 10 (make-up), Mon Oct 12.
  EXPECT_EQ(add(CivilDate{2026, 9, 30}, 1), (CivilDate{2026, 10, 8}));
  EXPECT_EQ(add(CivilDate{2026, 9, 30}, 3), (CivilDate{2026, 10, 10}));
  EXPECT_EQ(add(CivilDate{2026, 9, 30}, 4), (CivilDate{2026, 10, 12}));
  EXPECT_EQ(add(CivilDate{2026, 10, 3}, 1), (CivilDate{2026, 10, 8}));  // start on a holiday
  EXPECT_EQ(add(CivilDate{2026, 10, 8}, -1), (CivilDate{2026, 9, 30}));
  // 2024: Fri Sep 27 → Sun Sep 29 (make-up) → Mon Sep 30 → Tue Oct 8.
  EXPECT_EQ(add(CivilDate{2024, 9, 27}, 1), (CivilDate{2024, 9, 29}));
  EXPECT_EQ(add(CivilDate{2024, 9, 27}, 3), (CivilDate{2024, 10, 8}));
  EXPECT_EQ(add(CivilDate{2024, 9, 27}, 0), (CivilDate{2024, 9, 27}));
  // Across a year boundary: Wed 2025-12-31 → 2026-01-01..03 off → Sun 2026-01-04 (make-up).
  EXPECT_EQ(add(CivilDate{2025, 12, 31}, 1), (CivilDate{2026, 1, 4}));
}

TEST_F(ShippedCalendarTest, BetweenIsTheInverseOfAdd) {
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2026, 9, 30}, CivilDate{2026, 10, 12}), 4);
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2026, 10, 12}, CivilDate{2026, 9, 30}), -4);
  EXPECT_EQ(*calendar_->WorkingDaysBetween(CivilDate{2026, 10, 1}, CivilDate{2026, 10, 7}), 0);
  std::mt19937 rng(20260101);
  std::uniform_int_distribution<int> day(0, 900), n(-40, 40);  // stays inside 2024..2026
  for (int i = 0; i < 500; ++i) {
    const CivilDate start = CivilDate{2024, 3, 1}.AddDays(day(rng));
    const int k = n(rng);
    StatusOr<CivilDate> end = calendar_->AddWorkingDays(start, k);
    ASSERT_TRUE(end.ok()) << end.status().ToString();
    EXPECT_EQ(*calendar_->WorkingDaysBetween(*end, start),
              -*calendar_->WorkingDaysBetween(start, *end));
    // Walking back from a rest day, the rest day itself is in (end, start] but not counted.
    if (k >= 0 || *calendar_->IsWorkingDay(start)) {
      EXPECT_EQ(*calendar_->WorkingDaysBetween(start, *end), k) << start.ToString() << " " << k;
    } else {
      EXPECT_EQ(*calendar_->WorkingDaysBetween(start, *end), k + 1) << start.ToString() << " " << k;
    }
  }
}

TEST_F(ShippedCalendarTest, HolidayNames) {
  const PublicHoliday* h = calendar_->HolidayOn(CivilDate{2025, 10, 6});
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->name, "国庆节、中秋节");
  EXPECT_EQ(h->name_en, "National Day and Mid-Autumn Festival");
  EXPECT_EQ(calendar_->HolidayOn(CivilDate{2025, 10, 9}), nullptr);
  EXPECT_EQ(calendar_->HolidayOn(CivilDate{2027, 10, 1}), nullptr);
}

TEST_F(ShippedCalendarTest, MissingYearIsAnErrorNotAGuess) {
  StatusOr<bool> w = calendar_->IsWorkingDay(CivilDate{2027, 3, 1});
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(w.status().message(), HasSubstr("CN-2027.toml"));
  EXPECT_THAT(w.status().message(), HasSubstr("2027-03-01"));

  StatusOr<CivilDate> d = calendar_->AddWorkingDays(CivilDate{2026, 12, 30}, 5);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(d.status().message(), HasSubstr("CN-2027.toml"));

  StatusOr<CivilDate> back = calendar_->AddWorkingDays(CivilDate{2024, 1, 3}, -5);
  ASSERT_FALSE(back.ok());
  EXPECT_THAT(back.status().message(), HasSubstr("CN-2023.toml"));

  StatusOr<int> between = calendar_->WorkingDaysBetween(CivilDate{2026, 1, 5}, {2028, 1, 1});
  ASSERT_FALSE(between.ok());
  EXPECT_THAT(between.status().message(), HasSubstr("CN-2028.toml"));
}

// Files written to a scratch directory to check that loading refuses bad data.
class MalformedCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("finguard_calendar_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(int year, const std::string& text) {
    std::ofstream(dir_ / ("CN-" + std::to_string(year) + ".toml")) << text;
  }
  // Loads 2030 from `text`; expects InvalidArgument naming the file and containing `reason`.
  void ExpectRejected(const std::string& text, const std::string& reason) {
    Write(2030, text);
    StatusOr<BusinessCalendar> cal = BusinessCalendar::LoadDir(dir_.string(), 2030, 2030);
    ASSERT_FALSE(cal.ok()) << "accepted:\n" << text;
    EXPECT_EQ(cal.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(cal.status().message(), HasSubstr("CN-2030.toml"));
    EXPECT_THAT(cal.status().message(), HasSubstr(reason));
  }

  static constexpr const char* kHeader = "year = 2030\nsource = \"test\"\n";
  static constexpr const char* kHoliday =
      "[[holiday]]\nname = \"国庆节\"\nname_en = \"National Day\"\n"
      "from = 2030-10-01\nto = 2030-10-07\n";
  std::filesystem::path dir_;
};

TEST_F(MalformedCalendarTest, WellFormedFileLoads) {
  // 2030-09-29 is a Sunday.
  Write(2030, std::string(kHeader) + "make_up_working_days = [2030-09-29]\n" + kHoliday);
  StatusOr<BusinessCalendar> cal = BusinessCalendar::LoadDir(dir_.string(), 2030, 2030);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_TRUE(*cal->IsWorkingDay(CivilDate{2030, 9, 29}));
  EXPECT_FALSE(*cal->IsWorkingDay(CivilDate{2030, 10, 2}));
}

TEST_F(MalformedCalendarTest, TomlSyntaxErrorNamesLine) {
  ExpectRejected(std::string(kHeader) + "make_up_working_days = [2030-09-29\n", "line ");
}

TEST_F(MalformedCalendarTest, RejectsBadContent) {
  const std::string make_up = "make_up_working_days = []\n";
  ExpectRejected("year = 2029\nsource = \"x\"\n" + make_up + kHoliday,
                 "`year` is 2029 but the file name says 2030");
  ExpectRejected("year = 2030\n" + make_up + kHoliday, "missing key `source`");
  ExpectRejected(std::string(kHeader) + kHoliday, "missing key `make_up_working_days`");
  ExpectRejected(std::string(kHeader) + "make_up_workdays = []\n" + kHoliday,
                 "unknown key `make_up_workdays`");
  ExpectRejected(std::string(kHeader) + make_up, "missing [[holiday]]");
  ExpectRejected(std::string(kHeader) + kHoliday + make_up,
                 "line 8: unknown key `holiday[0].make_up_working_days` (top-level keys must "
                 "come before the first [[holiday]])");
  ExpectRejected(std::string(kHeader) + "make_up_working_days = [\"2030-09-29\"]\n" + kHoliday,
                 "must be a TOML date");
  ExpectRejected(std::string(kHeader) + "make_up_working_days = [2030-09-30]\n" + kHoliday,
                 "2030-09-30 is a weekday");
  ExpectRejected(std::string(kHeader) + "make_up_working_days = [2030-10-05]\n" + kHoliday,
                 "inside the holiday 国庆节");
  ExpectRejected(std::string(kHeader) + "make_up_working_days = [2031-01-04]\n" + kHoliday,
                 "outside 2030");
  ExpectRejected(std::string(kHeader) + make_up +
                     "[[holiday]]\nname = \"春节\"\nname_en = \"Spring Festival\"\n"
                     "from = 2030-02-10\nto = 2030-02-02\n",
                 "before it starts");
  ExpectRejected(std::string(kHeader) + make_up +
                     "[[holiday]]\nname = \"春节\"\nname_en = \"Spring Festival\"\n"
                     "from = 2030-02-02\n",
                 "missing key `holiday[0].to`");
  ExpectRejected(std::string(kHeader) + make_up + kHoliday +
                     "[[holiday]]\nname = \"中秋节\"\nname_en = \"Mid-Autumn\"\n"
                     "from = 2030-09-30\nto = 2030-10-02\n",
                 "overlap");
  ExpectRejected(std::string(kHeader) + make_up +
                     "[[holiday]]\nname = \"国庆节\"\nname_en = \"National Day\"\n"
                     "from = 2030-10-01\nto = 2030-12-07\n",
                 "lasts more than 31 days");
}

TEST_F(MalformedCalendarTest, MissingFileAtLoadNamesIt) {
  Write(2030, std::string(kHeader) + "make_up_working_days = []\n" + kHoliday);
  StatusOr<BusinessCalendar> cal = BusinessCalendar::LoadDir(dir_.string(), 2030, 2031);
  ASSERT_FALSE(cal.ok());
  EXPECT_EQ(cal.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(cal.status().message(), HasSubstr("CN-2031.toml"));
}

}  // namespace
}  // namespace finguard
