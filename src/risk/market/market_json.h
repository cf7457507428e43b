#pragma once
// JSON renderings of market-risk results, shared by `finguard risk var|backtest --json` and the
// API so both speak the same shape (documented as VarResult / BacktestResult in the OpenAPI
// document). Pure.
//   std::cout << VarResultJson(result).dump() << "\n";
#include <nlohmann/json.hpp>

#include "risk/market/backtest.h"
#include "risk/market/var_engine.h"

namespace finguard::risk::market {

nlohmann::json VarResultJson(const VarResult& r);
// `dates` are the backtest's dates (for exception dates and the rolling series).
nlohmann::json BacktestResultJson(const BacktestResult& r, const BacktestSeries& s);

}  // namespace finguard::risk::market
