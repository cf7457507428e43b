#pragma once
// Reads exposure files for `finguard risk ecl` and `finguard risk portfolio`. The whole file is
// validated before anything is returned: the first bad field fails the read with
// kInvalidArgument naming the file, line and column ("book.csv: line 7, column 4 (pd_12m):
// 'abc' is not a number"), so nothing is ever computed from part of a file.
// Numbers are plain decimals ("0.015", "1e-3" allowed; "nan", "inf", spaces are not); EAD is an
// exact amount in the row's currency (column `currency`, else the default currency).
//   ECL columns:       id,ead,pd_12m,lgd,days_past_due,eir,remaining_years
//                      [,origination_pd][,cumulative_pd "0.01;0.03;0.06"][,currency]
//   portfolio columns: id,ead,pd (or pd_12m),lgd[,correlation][,currency]
// Pure functions over an already-read CsvTable; thread-safe.
//   ASSIGN_OR_RETURN(CsvTable t, CsvTable::ReadFile(path));
//   ASSIGN_OR_RETURN(auto book, ReadEclExposures(t, path, "CNY"));
#include <optional>
#include <string>
#include <vector>

#include "common/csv.h"
#include "risk/credit/copula_portfolio.h"
#include "risk/credit/ecl.h"

namespace finguard::risk::credit {

StatusOr<std::vector<EclExposure>> ReadEclExposures(const CsvTable& table, const std::string& file,
                                                    const std::string& default_currency);

struct PortfolioBook {
  std::string currency;
  std::vector<std::string> ids;
  std::vector<PortfolioExposure> exposures;  // EAD in minor units
};

// `default_correlation` is used where the row has no `correlation` value.
StatusOr<PortfolioBook> ReadPortfolio(const CsvTable& table, const std::string& file,
                                      const std::string& default_currency,
                                      double default_correlation);

}  // namespace finguard::risk::credit
