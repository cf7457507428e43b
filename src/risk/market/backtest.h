#pragma once
// VaR backtesting: realised daily P&L against the VaR reported for that day (a positive loss
// amount). An exception is a loss larger than that day's VaR: −pnl_t > var_t. Reported:
//   * Kupiec's proportion-of-failures test (Kupiec 1995): LR_POF = −2 ln[(1−p)^(n−x) p^x]
//     + 2 ln[(1−x/n)^(n−x) (x/n)^x], χ²(1), p = 1 − confidence;
//   * Christoffersen's independence test (Christoffersen 1998) on the 2×2 transition counts of
//     the exception indicator, χ²(1), and conditional coverage LR_CC = LR_POF + LR_IND, χ²(2);
//   * the Basel traffic light (BCBS 1996 supervisory framework; MAR99) over the last 250 days at
//     99%: green 0–4, yellow 5–9, red ≥ 10 exceptions, with the plus factor of the zone;
//   * exceptions counted over a trailing rolling window (default 250 days).
// χ² tail probabilities come from Boost.Math. ReadBacktestSeries validates both files whole;
// RunBacktest assumes valid input. Pure; thread-safe.
//   ASSIGN_OR_RETURN(BacktestSeries s, ReadBacktestSeries(pnl_csv, "pnl.csv", var_csv, "var.csv"));
//   BacktestResult r = RunBacktest(s, 0.99, 250);  // r.kupiec.p_value, r.traffic_light->zone
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.h"
#include "common/status.h"
#include "common/time.h"

namespace finguard::risk::market {

struct BacktestSeries {
  std::vector<CivilDate> dates;  // strictly ascending, the same in both files
  std::vector<double> pnl;
  std::vector<double> var;  // ≥ 0
};

// `date,pnl` and `date,var` files, row for row on the same dates. At least one row.
StatusOr<BacktestSeries> ReadBacktestSeries(const CsvTable& pnl, std::string_view pnl_source,
                                            const CsvTable& var, std::string_view var_source);

struct LikelihoodRatio {
  double statistic = 0;
  int degrees_of_freedom = 1;
  double p_value = 1;
};

// Kupiec POF with n observations, x exceptions and exception probability p in (0, 1).
LikelihoodRatio KupiecPof(int n, int x, double p);

struct ChristoffersenResult {
  int n00 = 0, n01 = 0, n10 = 0, n11 = 0;  // transitions: n_ij = day i state → next day j
  LikelihoodRatio independence;
  LikelihoodRatio conditional_coverage;
};
ChristoffersenResult Christoffersen(const std::vector<bool>& exceptions, double p);

struct TrafficLight {
  int days = 250;
  int exceptions = 0;
  std::string zone;  // green | yellow | red
  double plus_factor = 0;
};
// The zone for a count of exceptions in 250 days of 99% VaR.
TrafficLight BaselTrafficLight(int exceptions);

struct BacktestResult {
  double confidence = 0.99;
  int observations = 0;
  int exceptions = 0;
  double expected_exceptions = 0;
  std::vector<bool> exception;  // per day
  LikelihoodRatio kupiec;
  ChristoffersenResult christoffersen;
  int rolling_window = 250;
  std::vector<int> rolling_exceptions;  // per day: exceptions in the trailing window
  // Only when confidence is 99% and there are at least 250 days.
  std::optional<TrafficLight> traffic_light;
};

Status ValidateBacktestOptions(double confidence, int rolling_window);
BacktestResult RunBacktest(const BacktestSeries& s, double confidence, int rolling_window);

}  // namespace finguard::risk::market
