#include "common/business_calendar.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

namespace finguard {
namespace {

// Longest rest period accepted. The longest ever announced is the 2020 Spring Festival,
// extended to 10 days; anything far longer is a typo in a `to` date.
constexpr int64_t kMaxHolidayDays = 31;

std::string CalendarPath(const std::string& dir, int year) {
  return (std::filesystem::path(dir) / ("CN-" + std::to_string(year) + ".toml")).string();
}

std::string_view TypeName(toml::node_type t) {
  switch (t) {
    case toml::node_type::none:
      return "nothing";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
  }
  return "an unknown value";
}

// Reads one year's file. Every failure names the file and, where the TOML parser knows it,
// the line, so that whoever transcribes next year's notice can fix it without a debugger.
class YearFileReader {
 public:
  YearFileReader(std::string path, int year) : path_(std::move(path)), year_(year) {}

  struct Contents {
    std::string source;
    std::vector<PublicHoliday> holidays;
    std::vector<CivilDate> make_up_working_days;
  };

  StatusOr<Contents> Read() {
    toml::table root;
    try {
      root = toml::parse_file(path_);
    } catch (const toml::parse_error& e) {
      return Malformed(e.source().begin.line, std::string(e.description()));
    }
    RETURN_IF_ERROR(CheckKeys(root, {"year", "source", "holiday", "make_up_working_days"}, ""));

    const toml::node* year = root.get("year");
    if (year == nullptr) return Malformed(0, "missing key `year`");
    if (!year->is_integer()) {
      return Malformed(Line(*year),
                       "`year` must be an integer, not " + std::string(TypeName(year->type())));
    }
    if (year->as_integer()->get() != year_) {
      return Malformed(Line(*year), "`year` is " + std::to_string(year->as_integer()->get()) +
                                        " but the file name says " + std::to_string(year_));
    }

    Contents out;
    ASSIGN_OR_RETURN(out.source, ReadString(root, "source", ""));

    const toml::node* holidays = root.get("holiday");
    if (holidays == nullptr) return Malformed(0, "missing [[holiday]] entries");
    if (!holidays->is_array_of_tables()) {
      return Malformed(Line(*holidays), "`holiday` must be written as [[holiday]] tables");
    }
    int index = 0;
    for (const toml::node& entry : *holidays->as_array()) {
      ASSIGN_OR_RETURN(PublicHoliday h,
                       ReadHoliday(*entry.as_table(), "holiday[" + std::to_string(index) + "]"));
      out.holidays.push_back(std::move(h));
      ++index;
    }

    const toml::node* make_up = root.get("make_up_working_days");
    if (make_up == nullptr) {
      // Some years need no swaps (2025's New Year), but never a whole year: an absent key is
      // far more likely a misspelling than a year without 调休, so it must be written as [].
      return Malformed(0, "missing key `make_up_working_days` (write [] if there are none)");
    }
    if (!make_up->is_array()) {
      return Malformed(Line(*make_up), "`make_up_working_days` must be an array of dates");
    }
    index = 0;
    for (const toml::node& d : *make_up->as_array()) {
      ASSIGN_OR_RETURN(CivilDate date,
                       ReadDate(d, "make_up_working_days[" + std::to_string(index) + "]"));
      out.make_up_working_days.push_back(date);
      ++index;
    }

    RETURN_IF_ERROR(CheckConsistency(out, *make_up));
    return out;
  }

 private:
  Status Malformed(int64_t line, const std::string& reason) const {
    if (line <= 0) return InvalidArgument(path_ + ": " + reason);
    const std::string where = "line " + std::to_string(line);
    return InvalidArgument(path_ + ": " + where + ": " + reason, {FieldError{where, reason}});
  }
  static int64_t Line(const toml::node& n) { return n.source().begin.line; }

  Status CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                   const std::string& prefix) const {
    for (auto&& [key, value] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        std::string reason = "unknown key `" + prefix + std::string(key.str()) + "`";
        // The usual cause: a top-level key written after a [[holiday]] table, which TOML
        // files under that table.
        if (!prefix.empty() &&
            (key.str() == "make_up_working_days" || key.str() == "year" || key.str() == "source")) {
          reason += " (top-level keys must come before the first [[holiday]])";
        }
        return Malformed(Line(value), reason);
      }
    }
    return OkStatus();
  }

  StatusOr<std::string> ReadString(const toml::table& table, std::string_view key,
                                   const std::string& prefix) const {
    const toml::node* n = table.get(key);
    if (n == nullptr) {
      return Malformed(Line(table), "missing key `" + prefix + std::string(key) + "`");
    }
    if (!n->is_string() || n->as_string()->get().empty()) {
      return Malformed(Line(*n), "`" + prefix + std::string(key) + "` must be a non-empty string");
    }
    return n->as_string()->get();
  }

  // A TOML local date (2026-10-01, unquoted) inside the window this file may speak about: its
  // own year, plus December of the year before, because a New Year holiday has in the past
  // been announced together with the weekend days before it (the 2019 notice covered
  // 2018-12-29..31).
  StatusOr<CivilDate> ReadDate(const toml::node& n, const std::string& what) const {
    if (!n.is_date()) {
      return Malformed(Line(n), "`" + what + "` must be a TOML date such as " +
                                    std::to_string(year_) + "-10-01 (unquoted), not " +
                                    std::string(TypeName(n.type())));
    }
    const toml::date& d = n.as_date()->get();
    StatusOr<CivilDate> date = CivilDate::Make(d.year, d.month, d.day);
    if (!date.ok()) return Malformed(Line(n), "`" + what + "`: " + date.status().message());
    const CivilDate window_start{year_ - 1, 12, 1};
    const CivilDate window_end{year_, 12, 31};
    if (*date < window_start || *date > window_end) {
      return Malformed(Line(n), "`" + what + "` " + date->ToString() + " is outside " +
                                    std::to_string(year_) + " (only December " +
                                    std::to_string(year_ - 1) + " may also appear)");
    }
    return *date;
  }

  StatusOr<PublicHoliday> ReadHoliday(const toml::table& t, const std::string& what) const {
    RETURN_IF_ERROR(CheckKeys(t, {"name", "name_en", "from", "to"}, what + "."));
    PublicHoliday h;
    ASSIGN_OR_RETURN(h.name, ReadString(t, "name", what + "."));
    ASSIGN_OR_RETURN(h.name_en, ReadString(t, "name_en", what + "."));
    for (const char* key : {"from", "to"}) {
      if (t.get(key) == nullptr)
        return Malformed(Line(t), "missing key `" + what + "." + key + "`");
    }
    ASSIGN_OR_RETURN(h.from, ReadDate(*t.get("from"), what + ".from"));
    ASSIGN_OR_RETURN(h.to, ReadDate(*t.get("to"), what + ".to"));
    if (h.to < h.from) {
      return Malformed(Line(*t.get("to")), "`" + what + "` (" + h.name + ") ends on " +
                                               h.to.ToString() + ", before it starts on " +
                                               h.from.ToString());
    }
    if (h.to.DaysSinceEpoch() - h.from.DaysSinceEpoch() + 1 > kMaxHolidayDays) {
      return Malformed(Line(*t.get("to")), "`" + what + "` (" + h.name + ") lasts more than " +
                                               std::to_string(kMaxHolidayDays) + " days");
    }
    return h;
  }

  // Rules that hold for every notice so far; each one catches a likely transcription slip.
  Status CheckConsistency(Contents& c, const toml::node& make_up_node) const {
    std::sort(c.holidays.begin(), c.holidays.end(),
              [](const PublicHoliday& a, const PublicHoliday& b) { return a.from < b.from; });
    for (size_t i = 1; i < c.holidays.size(); ++i) {
      if (c.holidays[i].from <= c.holidays[i - 1].to) {
        return Malformed(0, "holidays " + c.holidays[i - 1].name + " and " + c.holidays[i].name +
                                " overlap on " + c.holidays[i].from.ToString());
      }
    }
    std::set<CivilDate> seen;
    for (size_t i = 0; i < c.make_up_working_days.size(); ++i) {
      const CivilDate d = c.make_up_working_days[i];
      const int64_t line = Line(*make_up_node.as_array()->get(i));
      if (!seen.insert(d).second) {
        return Malformed(line, "make-up working day " + d.ToString() + " is listed twice");
      }
      if (d.Weekday() <= 5) {
        // A Monday–Friday is a working day anyway; listing it means the date is mistyped.
        return Malformed(line, "make-up working day " + d.ToString() +
                                   " is a weekday; only Saturdays and Sundays are swapped");
      }
      for (const PublicHoliday& h : c.holidays) {
        if (h.from <= d && d <= h.to) {
          return Malformed(
              line, "make-up working day " + d.ToString() + " falls inside the holiday " + h.name);
        }
      }
    }
    return OkStatus();
  }

  std::string path_;
  int year_;
};

}  // namespace

StatusOr<BusinessCalendar> BusinessCalendar::LoadDir(const std::string& dir, int first_year,
                                                     int last_year) {
  if (first_year < 1 || last_year > 9999 || first_year > last_year) {
    return InvalidArgument("invalid business calendar years " + std::to_string(first_year) + ".." +
                           std::to_string(last_year));
  }
  BusinessCalendar cal;
  cal.dir_ = dir;
  cal.first_year_ = first_year;
  cal.last_year_ = last_year;
  cal.first_day_ = CivilDate{first_year, 1, 1}.DaysSinceEpoch();
  const int64_t day_count = CivilDate{last_year + 1, 1, 1}.DaysSinceEpoch() - cal.first_day_;

  // Which days the notices mark, and by which file, so that two files cannot silently
  // disagree about a late-December day.
  struct Mark {
    bool holiday;
    std::string path;
  };
  std::map<int64_t, Mark> marks;
  auto mark = [&](CivilDate d, bool holiday, const std::string& path) -> Status {
    auto [it, inserted] = marks.emplace(d.DaysSinceEpoch(), Mark{holiday, path});
    if (!inserted && it->second.holiday != holiday) {
      return InvalidArgument(path + ": " + d.ToString() + " is a " +
                             (holiday ? "holiday" : "make-up working day") + " here but a " +
                             (holiday ? "make-up working day" : "holiday") + " in " +
                             it->second.path);
    }
    return OkStatus();
  };

  for (int year = first_year; year <= last_year; ++year) {
    const std::string path = CalendarPath(dir, year);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return FailedPrecondition("business calendar file " + path + " not found: the " +
                                std::to_string(year) +
                                " holiday notice has not been transcribed into it");
    }
    ASSIGN_OR_RETURN(YearFileReader::Contents contents, YearFileReader(path, year).Read());
    for (const PublicHoliday& h : contents.holidays) {
      for (CivilDate d = h.from; d <= h.to; d = d.AddDays(1)) RETURN_IF_ERROR(mark(d, true, path));
      cal.holidays_.push_back(h);
    }
    for (CivilDate d : contents.make_up_working_days) RETURN_IF_ERROR(mark(d, false, path));
  }
  std::sort(cal.holidays_.begin(), cal.holidays_.end(),
            [](const PublicHoliday& a, const PublicHoliday& b) { return a.from < b.from; });

  cal.working_.resize(day_count);
  cal.prefix_.resize(day_count + 1);
  for (int64_t i = 0; i < day_count; ++i) {
    const int64_t day = cal.first_day_ + i;
    auto it = marks.find(day);
    cal.working_[i] =
        it != marks.end() ? !it->second.holiday : CivilDate::FromDaysSinceEpoch(day).Weekday() <= 5;
    cal.prefix_[i + 1] = cal.prefix_[i] + (cal.working_[i] ? 1 : 0);
  }
  return cal;
}

StatusOr<int64_t> BusinessCalendar::IndexOf(CivilDate d) const {
  if (d.year < first_year_ || d.year > last_year_) {
    return FailedPrecondition("no business calendar for " + d.ToString() + ": " +
                              CalendarPath(dir_, d.year) + " is not loaded (loaded " +
                              std::to_string(first_year_) + ".." + std::to_string(last_year_) +
                              ")");
  }
  return d.DaysSinceEpoch() - first_day_;
}

StatusOr<bool> BusinessCalendar::IsWorkingDay(CivilDate d) const {
  ASSIGN_OR_RETURN(int64_t i, IndexOf(d));
  return static_cast<bool>(working_[i]);
}

StatusOr<CivilDate> BusinessCalendar::AddWorkingDays(CivilDate d, int n) const {
  ASSIGN_OR_RETURN(int64_t i, IndexOf(d));
  const int64_t step = n >= 0 ? 1 : -1;
  int64_t remaining = n >= 0 ? int64_t{n} : -int64_t{n};
  while (remaining > 0) {
    i += step;
    if (i < 0 || i >= static_cast<int64_t>(working_.size())) {
      // Report the first day we could not classify, which names the file that is missing.
      return IndexOf(CivilDate::FromDaysSinceEpoch(first_day_ + i)).status();
    }
    if (working_[i]) --remaining;
  }
  return CivilDate::FromDaysSinceEpoch(first_day_ + i);
}

StatusOr<int> BusinessCalendar::WorkingDaysBetween(CivilDate a, CivilDate b) const {
  ASSIGN_OR_RETURN(int64_t ia, IndexOf(a));
  ASSIGN_OR_RETURN(int64_t ib, IndexOf(b));
  // prefix_[k + 1] counts working days up to and including index k.
  if (ia <= ib) return prefix_[ib + 1] - prefix_[ia + 1];
  return -(prefix_[ia + 1] - prefix_[ib + 1]);
}

const PublicHoliday* BusinessCalendar::HolidayOn(CivilDate d) const {
  if (d.year < first_year_ || d.year > last_year_) return nullptr;
  auto it = std::upper_bound(holidays_.begin(), holidays_.end(), d,
                             [](CivilDate x, const PublicHoliday& h) { return x < h.from; });
  if (it == holidays_.begin()) return nullptr;
  --it;
  return d <= it->to ? &*it : nullptr;
}

}  // namespace finguard
