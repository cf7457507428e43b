#include "risk/market/backtest.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>

#include "risk/market/market_data.h"

namespace finguard::risk::market {
namespace {

// x·ln(y) with the convention 0·ln 0 = 0 that the likelihoods need when a count is zero.
double XLogY(double x, double y) { return x == 0 ? 0 : x * std::log(y); }

LikelihoodRatio Chi2(double statistic, int df) {
  // Rounding can leave a tiny negative statistic when the model fits exactly.
  statistic = std::max(0.0, statistic);
  boost::math::chi_squared dist(df);
  return {statistic, df, boost::math::cdf(boost::math::complement(dist, statistic))};
}

struct Column {
  std::vector<CivilDate> dates;
  std::vector<double> values;
  std::vector<int> lines;
};

Column ReadColumn(const CsvTable& csv, std::string_view value_name, InputErrors& errors,
                  bool non_negative) {
  Column out;
  if (!csv.Has("date") || !csv.Has(value_name)) {
    errors.Add(1, 0, "", "the header must have the columns date," + std::string(value_name));
    return out;
  }
  const int date_col = static_cast<int>(csv.index.find("date")->second) + 1;
  const int value_col = static_cast<int>(csv.index.find(value_name)->second) + 1;
  for (const CsvRecord& rec : csv.records) {
    if (rec.fields.size() != csv.header.size()) {
      errors.Add(rec.line, 0, "",
                 "expected " + std::to_string(csv.header.size()) + " fields, found " +
                     std::to_string(rec.fields.size()));
      continue;
    }
    std::string date_text = csv.Get(rec, "date");
    StatusOr<CivilDate> d = CivilDate::Parse(date_text);
    if (!d.ok()) {
      errors.Add(rec.line, date_col, "date", "'" + date_text + "' is not an ISO date");
    } else if (!out.dates.empty() && !(out.dates.back() < *d)) {
      errors.Add(rec.line, date_col, "date",
                 d->ToString() + " is not after the previous date " + out.dates.back().ToString() +
                     "; dates must be strictly ascending");
    }
    double v = 0;
    std::string text = csv.Get(rec, value_name);
    if (!ParseFiniteDouble(text, v)) {
      errors.Add(rec.line, value_col, value_name,
                 text.empty() || text == "." ? "missing value" : "'" + text + "' is not a number");
    } else if (non_negative && v < 0) {
      errors.Add(rec.line, value_col, value_name,
                 "VaR " + text + " is negative; give VaR as a positive loss amount");
    }
    out.dates.push_back(d.ok() ? *d : CivilDate{});
    out.values.push_back(v);
    out.lines.push_back(rec.line);
  }
  return out;
}

}  // namespace

StatusOr<BacktestSeries> ReadBacktestSeries(const CsvTable& pnl, std::string_view pnl_source,
                                            const CsvTable& var, std::string_view var_source) {
  InputErrors pnl_errors(pnl_source), var_errors(var_source);
  Column p = ReadColumn(pnl, "pnl", pnl_errors, false);
  Column v = ReadColumn(var, "var", var_errors, true);
  RETURN_IF_ERROR(pnl_errors.ToStatus());
  RETURN_IF_ERROR(var_errors.ToStatus());
  if (p.dates.empty()) {
    pnl_errors.Add(2, 0, "", "no observations");
    return pnl_errors.ToStatus();
  }
  const int date_col = static_cast<int>(var.index.find("date")->second) + 1;
  for (size_t i = 0; i < v.dates.size() && i < p.dates.size(); ++i) {
    if (v.dates[i] != p.dates[i]) {
      var_errors.Add(v.lines[i], date_col, "date",
                     v.dates[i].ToString() + " does not match " + p.dates[i].ToString() +
                         " on line " + std::to_string(p.lines[i]) + " of " +
                         std::string(pnl_source) + "; both files need the same dates");
      return var_errors.ToStatus();
    }
  }
  if (v.dates.size() != p.dates.size()) {
    const bool var_short = v.dates.size() < p.dates.size();
    InputErrors& longer = var_short ? pnl_errors : var_errors;
    const Column& c = var_short ? p : v;
    const size_t extra = var_short ? v.dates.size() : p.dates.size();
    longer.Add(c.lines[extra], date_col, "date",
               c.dates[extra].ToString() + " has no row in " +
                   std::string(var_short ? var_source : pnl_source) +
                   "; both files need the same dates");
    return longer.ToStatus();
  }
  return BacktestSeries{std::move(p.dates), std::move(p.values), std::move(v.values)};
}

LikelihoodRatio KupiecPof(int n, int x, double p) {
  const double dn = n, dx = x;
  const double phat = dx / dn;
  const double null_ll = XLogY(dn - dx, 1 - p) + XLogY(dx, p);
  const double alt_ll = XLogY(dn - dx, 1 - phat) + XLogY(dx, phat);
  return Chi2(-2.0 * (null_ll - alt_ll), 1);
}

ChristoffersenResult Christoffersen(const std::vector<bool>& exceptions, double p) {
  ChristoffersenResult r;
  for (size_t t = 1; t < exceptions.size(); ++t) {
    const bool prev = exceptions[t - 1], cur = exceptions[t];
    (prev ? (cur ? r.n11 : r.n10) : (cur ? r.n01 : r.n00)) += 1;
  }
  const double n00 = r.n00, n01 = r.n01, n10 = r.n10, n11 = r.n11;
  const double pi0 = n00 + n01 > 0 ? n01 / (n00 + n01) : 0;
  const double pi1 = n10 + n11 > 0 ? n11 / (n10 + n11) : 0;
  const double pi = (n01 + n11) / (n00 + n01 + n10 + n11);
  const double restricted = XLogY(n00 + n10, 1 - pi) + XLogY(n01 + n11, pi);
  const double unrestricted =
      XLogY(n00, 1 - pi0) + XLogY(n01, pi0) + XLogY(n10, 1 - pi1) + XLogY(n11, pi1);
  r.independence = Chi2(-2.0 * (restricted - unrestricted), 1);
  int x = 0;
  for (bool e : exceptions) x += e ? 1 : 0;
  const LikelihoodRatio pof = KupiecPof(static_cast<int>(exceptions.size()), x, p);
  r.conditional_coverage = Chi2(pof.statistic + r.independence.statistic, 2);
  return r;
}

TrafficLight BaselTrafficLight(int exceptions) {
  // Plus factors of the Basel Committee's 1996 backtesting framework (MAR99, table 2).
  static constexpr double kYellowPlus[] = {0.40, 0.50, 0.65, 0.75, 0.85};
  TrafficLight t;
  t.exceptions = exceptions;
  if (exceptions <= 4) {
    t.zone = "green";
    t.plus_factor = 0;
  } else if (exceptions <= 9) {
    t.zone = "yellow";
    t.plus_factor = kYellowPlus[exceptions - 5];
  } else {
    t.zone = "red";
    t.plus_factor = 1.0;
  }
  return t;
}

Status ValidateBacktestOptions(double confidence, int rolling_window) {
  std::vector<FieldError> errors;
  if (!(confidence > 0.5 && confidence < 1))
    errors.push_back({"confidence", "outside (0.5, 1); write 0.99 for 99%"});
  if (rolling_window < 1 || rolling_window > 10000)
    errors.push_back({"window", "must be between 1 and 10,000 days"});
  if (errors.empty()) return OkStatus();
  std::string message = errors[0].field + ": " + errors[0].reason;
  return InvalidArgument(std::move(message), std::move(errors));
}

BacktestResult RunBacktest(const BacktestSeries& s, double confidence, int rolling_window) {
  BacktestResult r;
  r.confidence = confidence;
  r.rolling_window = rolling_window;
  const size_t n = s.dates.size();
  r.observations = static_cast<int>(n);
  r.exception.resize(n);
  r.rolling_exceptions.resize(n);
  int running = 0;
  for (size_t t = 0; t < n; ++t) {
    const bool e = -s.pnl[t] > s.var[t];
    r.exception[t] = e;
    r.exceptions += e ? 1 : 0;
    running += e ? 1 : 0;
    if (t >= static_cast<size_t>(rolling_window) && r.exception[t - rolling_window]) --running;
    r.rolling_exceptions[t] = running;
  }
  const double p = 1 - confidence;
  r.expected_exceptions = p * static_cast<double>(n);
  r.kupiec = KupiecPof(r.observations, r.exceptions, p);
  r.christoffersen = Christoffersen(r.exception, p);
  if (std::fabs(confidence - 0.99) < 1e-12 && n >= 250) {
    int last = 0;
    for (size_t t = n - 250; t < n; ++t) last += r.exception[t] ? 1 : 0;
    r.traffic_light = BaselTrafficLight(last);
  }
  return r;
}

}  // namespace finguard::risk::market
