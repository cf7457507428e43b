#include "risk/market/market_json.h"

namespace finguard::risk::market {
namespace {

nlohmann::json RatioJson(const LikelihoodRatio& lr) {
  return {{"statistic", lr.statistic},
          {"degrees_of_freedom", lr.degrees_of_freedom},
          {"p_value", lr.p_value}};
}

}  // namespace

nlohmann::json VarResultJson(const VarResult& r) {
  const VarOptions& o = r.options;
  nlohmann::json exposures = nlohmann::json::object();
  for (size_t i = 0; i < r.factors.size(); ++i)
    exposures[r.factors[i]] = r.exposures[static_cast<Eigen::Index>(i)];
  nlohmann::json j = {
      {"method", VarMethodName(o.method)},
      {"confidence", o.confidence},
      {"es_confidence", o.es_confidence},
      {"quantile_method", o.quantile == QuantileMethod::kLower ? "lower" : "linear"},
      {"returns", ReturnTypeName(o.returns)},
      {"window", o.window},
      {"observations", r.observations},
      {"window_start", r.window_start.ToString()},
      {"window_end", r.window_end.ToString()},
      {"factors", r.factors},
      {"exposures", exposures},
      {"pnl_mean", r.pnl_mean},
      {"pnl_stdev", r.pnl_stdev},
      {"horizon_days", o.horizon_days},
      {"one_day", {{"var", r.one_day.var}, {"es", r.one_day.es}}},
      {"var", r.horizon.var},
      {"es", r.horizon.es}};
  if (o.method == VarMethod::kMonteCarlo) {
    j["monte_carlo"] = {
        {"paths", o.paths}, {"seed", o.seed}, {"distribution", McDistributionName(o.distribution)}};
    if (o.distribution == McDistribution::kStudentT) j["monte_carlo"]["df"] = o.df;
  }
  return j;
}

nlohmann::json BacktestResultJson(const BacktestResult& r, const BacktestSeries& s) {
  nlohmann::json dates = nlohmann::json::array();
  nlohmann::json rolling = nlohmann::json::array();
  for (size_t t = 0; t < s.dates.size(); ++t) {
    if (r.exception[t]) dates.push_back(s.dates[t].ToString());
    rolling.push_back(r.rolling_exceptions[t]);
  }
  const ChristoffersenResult& c = r.christoffersen;
  nlohmann::json j = {
      {"confidence", r.confidence},
      {"observations", r.observations},
      {"first_date", s.dates.front().ToString()},
      {"last_date", s.dates.back().ToString()},
      {"exceptions", r.exceptions},
      {"expected_exceptions", r.expected_exceptions},
      {"exception_rate", static_cast<double>(r.exceptions) / r.observations},
      {"exception_dates", dates},
      {"kupiec_pof", RatioJson(r.kupiec)},
      {"christoffersen",
       {{"transitions", {{"n00", c.n00}, {"n01", c.n01}, {"n10", c.n10}, {"n11", c.n11}}},
        {"independence", RatioJson(c.independence)},
        {"conditional_coverage", RatioJson(c.conditional_coverage)}}},
      {"rolling_window", r.rolling_window},
      {"rolling_exceptions", rolling},
      {"traffic_light", nullptr}};
  if (r.traffic_light) {
    j["traffic_light"] = {{"days", r.traffic_light->days},
                          {"exceptions", r.traffic_light->exceptions},
                          {"zone", r.traffic_light->zone},
                          {"plus_factor", r.traffic_light->plus_factor}};
  }
  return j;
}

}  // namespace finguard::risk::market
