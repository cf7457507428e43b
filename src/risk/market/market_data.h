#pragma once
// Market data for VaR: a price history (one column of prices per risk factor, one row per
// business date) and a book of linear positions (an exposure in currency units per factor).
// Both are read from CSV and validated whole before anything is computed: a missing or
// non-positive price, a date that is not ISO or not after the previous one, a position on a
// factor the history lacks — each is an kInvalidArgument naming the source, line and column
// ("history.csv: line 12, column 3 (USDCNY): missing price"), with every problem found (up to
// 20) also listed as FieldErrors whose `field` is "line 12, column 3". Values are immutable
// after reading; thread-compatible.
//   ASSIGN_OR_RETURN(CsvTable h, CsvTable::ReadFile("history.csv"));
//   ASSIGN_OR_RETURN(PriceHistory history, ReadPriceHistory(h, "history.csv"));
#include <Eigen/Dense>
#include <string>
#include <string_view>
#include <vector>

#include "common/csv.h"
#include "common/status.h"
#include "common/time.h"

namespace finguard::risk::market {

struct PriceHistory {
  std::vector<CivilDate> dates;      // strictly ascending
  std::vector<std::string> factors;  // column names after `date`, unique, in file order
  Eigen::MatrixXd prices;            // dates.size() x factors.size(), every entry > 0
  int FactorIndex(std::string_view factor) const;  // -1 when absent
};

struct Position {
  std::string id;
  std::string factor;
  double exposure = 0;  // currency units; negative is short
};

// CSV `date,<factor>...` (header cell `date`, any case). At least 3 dates (2 returns).
StatusOr<PriceHistory> ReadPriceHistory(const CsvTable& csv, std::string_view source);

// CSV with columns `id,factor,exposure` (any order, other columns ignored); ids unique, every
// factor present in `history`, exposures finite. At least one position.
StatusOr<std::vector<Position>> ReadPositions(const CsvTable& csv, std::string_view source,
                                              const PriceHistory& history);

// Parses a whole field as a finite double ("1e6", "-3.5"); false on anything else.
bool ParseFiniteDouble(std::string_view text, double& out);

// Collects located problems of one source and turns them into a single Status.
class InputErrors {
 public:
  explicit InputErrors(std::string_view source) : source_(source) {}
  // column 0 means the whole line; `name` is the column's header, "" when unknown.
  void Add(int line, int column, std::string_view name, std::string reason);
  bool empty() const { return fields_.empty(); }
  Status ToStatus() const;

 private:
  static constexpr size_t kMaxErrors = 20;
  std::string source_;
  std::string first_;
  std::vector<FieldError> fields_;
  size_t count_ = 0;
};

}  // namespace finguard::risk::market
