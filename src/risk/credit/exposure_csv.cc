#include "risk/credit/exposure_csv.h"

#include <charconv>
#include <cmath>

namespace finguard::risk::credit {
namespace {

// Locates a row's fields and turns them into typed values, failing with file:line:column.
class RowReader {
 public:
  RowReader(const CsvTable& t, const std::string& file, const CsvRecord& r)
      : t_(t), file_(file), r_(r) {}

  Status Fail(std::string_view column, const std::string& reason) const {
    auto it = t_.index.find(column);
    std::string where = file_ + ": line " + std::to_string(r_.line);
    if (it != t_.index.end()) where += ", column " + std::to_string(it->second + 1);
    where += " (" + std::string(column) + ")";
    return InvalidArgument(
        where + ": " + reason,
        {{"line " + std::to_string(r_.line) + "/" + std::string(column), reason}});
  }
  std::string Text(std::string_view column) const { return t_.Get(r_, column); }

  StatusOr<double> Number(std::string_view column) const {
    std::string s = Text(column);
    if (s.empty()) return Fail(column, "missing value");
    return ParseNumber(column, s);
  }
  StatusOr<std::optional<double>> OptionalNumber(std::string_view column) const {
    std::string s = Text(column);
    if (s.empty()) return std::optional<double>();
    ASSIGN_OR_RETURN(double d, ParseNumber(column, s));
    return std::optional<double>(d);
  }
  StatusOr<int> Days(std::string_view column) const {
    std::string s = Text(column);
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) {
      return Fail(column, "'" + s + "' is not a whole number of days");
    }
    return v;
  }
  StatusOr<Money> Amount(std::string_view column, const std::string& currency) const {
    StatusOr<Money> m = Money::Parse(Text(column), currency);
    if (!m.ok()) return Fail(column, m.status().message());
    return m;
  }

 private:
  StatusOr<double> ParseNumber(std::string_view column, const std::string& s) const {
    double d = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(d)) {
      return Fail(column, "'" + s + "' is not a number");
    }
    return d;
  }

  const CsvTable& t_;
  const std::string& file_;
  const CsvRecord& r_;
};

Status RequireColumns(const CsvTable& t, const std::string& file,
                      std::initializer_list<const char*> columns) {
  for (const char* c : columns) {
    if (!t.Has(c)) {
      return InvalidArgument(file + ": line 1: missing column '" + c + "'",
                             {{"line 1", std::string("missing column ") + c}});
    }
  }
  if (t.records.empty()) return InvalidArgument(file + ": no exposures", {{"line 2", "no rows"}});
  return OkStatus();
}

// Moves a whole-row validation error (fields "/pd_12m") onto the file position.
Status AtRow(const RowReader& row, const Status& s) {
  const std::string& field = s.fields().empty() ? std::string("/") : s.fields()[0].field;
  std::string column = field.substr(field.rfind('/') + 1);
  return row.Fail(column, s.fields().empty() ? s.message() : s.fields()[0].reason);
}

}  // namespace

StatusOr<std::vector<EclExposure>> ReadEclExposures(const CsvTable& t, const std::string& file,
                                                    const std::string& default_currency) {
  RETURN_IF_ERROR(RequireColumns(
      t, file, {"id", "ead", "pd_12m", "lgd", "days_past_due", "eir", "remaining_years"}));
  std::vector<EclExposure> out;
  for (const CsvRecord& r : t.records) {
    RowReader row(t, file, r);
    std::string currency = row.Text("currency").empty() ? default_currency : row.Text("currency");
    ASSIGN_OR_RETURN(Money ead, row.Amount("ead", currency));
    EclExposure e{.id = row.Text("id"), .ead = ead};
    if (e.id.empty()) return row.Fail("id", "missing value");
    ASSIGN_OR_RETURN(e.pd_12m, row.Number("pd_12m"));
    ASSIGN_OR_RETURN(e.lgd, row.Number("lgd"));
    ASSIGN_OR_RETURN(e.days_past_due, row.Days("days_past_due"));
    ASSIGN_OR_RETURN(e.eir, row.Number("eir"));
    ASSIGN_OR_RETURN(e.remaining_years, row.Number("remaining_years"));
    ASSIGN_OR_RETURN(e.origination_pd, row.OptionalNumber("origination_pd"));
    std::string curve = row.Text("cumulative_pd");
    size_t start = 0;
    while (!curve.empty() && start <= curve.size()) {
      size_t end = curve.find(';', start);
      std::string part = curve.substr(start, end == std::string::npos ? end : end - start);
      double d = 0;
      auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), d);
      if (part.empty() || ec != std::errc() || p != part.data() + part.size() ||
          !std::isfinite(d)) {
        return row.Fail("cumulative_pd", "'" + part + "' is not a number (use 0.01;0.03;0.06)");
      }
      e.cumulative_pd.push_back(d);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    Status valid = ValidateEclExposure(e, "");
    if (!valid.ok()) return AtRow(row, valid);
    out.push_back(std::move(e));
  }
  return out;
}

StatusOr<PortfolioBook> ReadPortfolio(const CsvTable& t, const std::string& file,
                                      const std::string& default_currency,
                                      double default_correlation) {
  const char* pd_column = t.Has("pd") ? "pd" : "pd_12m";
  RETURN_IF_ERROR(RequireColumns(t, file, {"id", "ead", pd_column, "lgd"}));
  PortfolioBook book;
  for (const CsvRecord& r : t.records) {
    RowReader row(t, file, r);
    std::string currency = row.Text("currency").empty() ? default_currency : row.Text("currency");
    if (book.currency.empty()) book.currency = currency;
    if (currency != book.currency) {
      return row.Fail("currency", "every exposure must be in " + book.currency);
    }
    ASSIGN_OR_RETURN(Money ead, row.Amount("ead", currency));
    PortfolioExposure e{.ead = static_cast<double>(ead.minor_units())};
    ASSIGN_OR_RETURN(e.pd, row.Number(pd_column));
    ASSIGN_OR_RETURN(e.lgd, row.Number("lgd"));
    ASSIGN_OR_RETURN(std::optional<double> rho, row.OptionalNumber("correlation"));
    e.correlation = rho.value_or(default_correlation);
    Status valid = ValidatePortfolio(std::span(&e, 1), CopulaSettings{});
    if (!valid.ok()) {
      if (ead.IsNegative()) return row.Fail("ead", "must not be negative");
      if (!(e.pd > 0 && e.pd <= 1)) return row.Fail(pd_column, "must be in (0, 1]");
      return AtRow(row, valid);
    }
    book.ids.push_back(row.Text("id"));
    book.exposures.push_back(e);
  }
  return book;
}

}  // namespace finguard::risk::credit
