#pragma once
// BusinessCalendar answers "is this a working day?" for mainland China, where the State
// Council publishes each year's public holidays and the weekend days worked in exchange for
// them (调休, make-up working days) a few weeks before the year begins. A working day is
// Monday–Friday that is not inside a public holiday, plus any make-up working day.
//
// One TOML file per year, `CN-<year>.toml`, transcribes that year's notice:
//   year = 2026
//   source = "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）"
//   make_up_working_days = [2026-09-20, 2026-10-10]   # before the tables: TOML files any
//   [[holiday]]                                        # later key under the last [[holiday]]
//   name = "国庆节"; name_en = "National Day"; from = 2026-10-01; to = 2026-10-07
// Loading checks each file hard (dates in the file's year, make-up days on weekends, no
// overlaps, no unknown keys) because a typo here silently moves regulatory deadlines.
//
// The calendar never guesses: asking about a date whose year was not loaded is
// FailedPrecondition naming the file that would answer it. Loading fails with the file name,
// line and reason. Immutable after loading, so concurrent reads are safe; cheap to move.
//   ASSIGN_OR_RETURN(BusinessCalendar cal, BusinessCalendar::LoadDir("data/calendar", 2024, 2026));
//   ASSIGN_OR_RETURN(CivilDate due, cal.AddWorkingDays(received, 15));
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace finguard {

// One rest period as the notice announces it, inclusive of both ends.
struct PublicHoliday {
  std::string name;     // as in the notice: "春节"
  std::string name_en;  // "Spring Festival"
  CivilDate from;
  CivilDate to;
};

class BusinessCalendar {
 public:
  // Loads `dir`/CN-<year>.toml for every year in [first_year, last_year]. A missing file is
  // FailedPrecondition; a malformed one is InvalidArgument "<path>: line N: <reason>".
  static StatusOr<BusinessCalendar> LoadDir(const std::string& dir, int first_year, int last_year);

  StatusOr<bool> IsWorkingDay(CivilDate d) const;

  // The n-th working day after `d` (n > 0) or before it (n < 0); `d` itself is not counted,
  // whether or not it is a working day. n == 0 returns `d`. Fails if the walk leaves the
  // loaded years.
  StatusOr<CivilDate> AddWorkingDays(CivilDate d, int n) const;

  // Working days in (a, b] when a <= b, and minus the working days in (b, a] otherwise, so
  // WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a). It undoes AddWorkingDays:
  // WorkingDaysBetween(d, AddWorkingDays(d, n)) == n for n >= 0, and for n < 0 when `d` is
  // itself a working day. Both dates' years must be loaded.
  StatusOr<int> WorkingDaysBetween(CivilDate a, CivilDate b) const;

  // The holiday containing `d`, or nullptr (also for years not loaded). The pointer lives as
  // long as this calendar.
  const PublicHoliday* HolidayOn(CivilDate d) const;

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  const std::vector<PublicHoliday>& holidays() const { return holidays_; }

 private:
  BusinessCalendar() = default;
  // Index of `d` in working_/prefix_, or FailedPrecondition naming the missing year's file.
  StatusOr<int64_t> IndexOf(CivilDate d) const;

  std::string dir_;
  int first_year_ = 0;
  int last_year_ = 0;
  int64_t first_day_ = 0;                // DaysSinceEpoch of first_year-01-01
  std::vector<bool> working_;            // one entry per day of the loaded years
  std::vector<int32_t> prefix_;          // prefix_[i] = working days among the first i days
  std::vector<PublicHoliday> holidays_;  // sorted by `from`
};

}  // namespace finguard
