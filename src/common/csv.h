#pragma once
// CSV reading and writing (RFC 4180: quoted fields, embedded commas, quotes and newlines) on top
// of libcsv. Records carry the file line they end on, so import errors can say "line 12".
// A UTF-8 byte-order mark at the start is skipped (spreadsheets write one).
//   ASSIGN_OR_RETURN(CsvTable t, CsvTable::ReadFile("customers.csv"));
//   for (const CsvRecord& r : t.records) { std::string name = t.Get(r, "name"); }
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace finguard {

struct CsvRecord {
  int line = 0;  // 1-based line of the file where this record ends
  std::vector<std::string> fields;
};

// Parses every record of `text`; kInvalidArgument naming the line on malformed quoting.
StatusOr<std::vector<CsvRecord>> ParseCsv(std::string_view text);

// A CSV file whose first record is a header.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRecord> records;  // data rows only
  std::map<std::string, size_t, std::less<>> index;

  static StatusOr<CsvTable> FromText(std::string_view text);
  static StatusOr<CsvTable> ReadFile(const std::string& path);
  bool Has(std::string_view column) const { return index.count(column) > 0; }
  // The field of `column` in `r`, or "" when the column is absent or the row is short.
  std::string Get(const CsvRecord& r, std::string_view column) const;
};

// One CSV line (with "\n") from fields, quoting where needed.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace finguard
