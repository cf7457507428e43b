#include "risk/market/market_data.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <set>
#include <unordered_set>

namespace finguard::risk::market {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

int PriceHistory::FactorIndex(std::string_view factor) const {
  for (size_t i = 0; i < factors.size(); ++i)
    if (factors[i] == factor) return static_cast<int>(i);
  return -1;
}

bool ParseFiniteDouble(std::string_view text, double& out) {
  std::string t = Trim(text);
  if (t.empty()) return false;
  const char* begin = t.data();
  if (*begin == '+') ++begin;  // from_chars rejects a leading '+'
  auto [ptr, ec] = std::from_chars(begin, t.data() + t.size(), out);
  return ec == std::errc() && ptr == t.data() + t.size() && std::isfinite(out);
}

void InputErrors::Add(int line, int column, std::string_view name, std::string reason) {
  ++count_;
  std::string where = "line " + std::to_string(line);
  if (column > 0) where += ", column " + std::to_string(column);
  if (first_.empty()) {
    first_ = source_ + ": " + where;
    if (!name.empty()) first_ += " (" + std::string(name) + ")";
    first_ += ": " + reason;
  }
  if (fields_.size() < kMaxErrors) {
    if (!name.empty()) reason = std::string(name) + ": " + reason;
    fields_.push_back({where, std::move(reason)});
  }
}

Status InputErrors::ToStatus() const {
  if (fields_.empty()) return OkStatus();
  std::string message = first_;
  if (count_ > 1) message += " (and " + std::to_string(count_ - 1) + " more problems)";
  return InvalidArgument(std::move(message), fields_);
}

StatusOr<PriceHistory> ReadPriceHistory(const CsvTable& csv, std::string_view source) {
  InputErrors errors(source);
  if (csv.header.size() < 2 || Lower(Trim(csv.header[0])) != "date") {
    errors.Add(1, 1, "", "the header must be date,<factor>,... with at least one factor");
    return errors.ToStatus();
  }
  PriceHistory h;
  std::set<std::string> seen;
  for (size_t c = 1; c < csv.header.size(); ++c) {
    std::string name = Trim(csv.header[c]);
    if (name.empty()) errors.Add(1, static_cast<int>(c + 1), "", "empty factor name");
    if (!seen.insert(name).second)
      errors.Add(1, static_cast<int>(c + 1), name, "factor appears twice");
    h.factors.push_back(name);
  }
  if (!errors.empty()) return errors.ToStatus();
  const size_t k = h.factors.size();
  h.prices.resize(static_cast<Eigen::Index>(csv.records.size()), static_cast<Eigen::Index>(k));
  for (size_t r = 0; r < csv.records.size(); ++r) {
    const CsvRecord& rec = csv.records[r];
    if (rec.fields.size() != k + 1) {
      errors.Add(rec.line, 0, "",
                 "expected " + std::to_string(k + 1) + " fields, found " +
                     std::to_string(rec.fields.size()));
      h.dates.push_back({});
      continue;
    }
    StatusOr<CivilDate> d = CivilDate::Parse(Trim(rec.fields[0]));
    if (!d.ok()) {
      errors.Add(rec.line, 1, "date", "'" + rec.fields[0] + "' is not an ISO date (YYYY-MM-DD)");
      h.dates.push_back({});
    } else {
      if (!h.dates.empty() && !(h.dates.back() < *d) && h.dates.back() != CivilDate{}) {
        errors.Add(rec.line, 1, "date",
                   d->ToString() + " is not after the previous date " + h.dates.back().ToString() +
                       "; dates must be strictly ascending");
      }
      h.dates.push_back(*d);
    }
    for (size_t c = 0; c < k; ++c) {
      const std::string& field = rec.fields[c + 1];
      double p = 0;
      int column = static_cast<int>(c + 2);
      std::string t = Trim(field);
      if (t.empty() || t == "." || Lower(t) == "na" || Lower(t) == "nan") {
        errors.Add(rec.line, column, h.factors[c], "missing price");
      } else if (!ParseFiniteDouble(t, p)) {
        errors.Add(rec.line, column, h.factors[c], "'" + field + "' is not a number");
      } else if (p <= 0) {
        errors.Add(rec.line, column, h.factors[c], "price " + t + " is not positive");
      }
      h.prices(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = p;
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  if (h.dates.size() < 3) {
    errors.Add(static_cast<int>(csv.records.size()) + 1, 0, "",
               "at least 3 dates (2 returns) are needed, found " + std::to_string(h.dates.size()));
    return errors.ToStatus();
  }
  return h;
}

StatusOr<std::vector<Position>> ReadPositions(const CsvTable& csv, std::string_view source,
                                              const PriceHistory& history) {
  InputErrors errors(source);
  for (const char* column : {"id", "factor", "exposure"}) {
    if (!csv.Has(column))
      errors.Add(1, 0, "", std::string("the header lacks the column '") + column + "'");
  }
  if (!errors.empty()) return errors.ToStatus();
  const int id_col = static_cast<int>(csv.index.find("id")->second) + 1;
  const int factor_col = static_cast<int>(csv.index.find("factor")->second) + 1;
  const int exposure_col = static_cast<int>(csv.index.find("exposure")->second) + 1;
  std::vector<Position> positions;
  std::set<std::string> ids;
  const std::unordered_set<std::string_view> factors(history.factors.begin(),
                                                     history.factors.end());
  for (const CsvRecord& rec : csv.records) {
    if (rec.fields.size() != csv.header.size()) {
      errors.Add(rec.line, 0, "",
                 "expected " + std::to_string(csv.header.size()) + " fields, found " +
                     std::to_string(rec.fields.size()));
      continue;
    }
    Position p;
    p.id = Trim(csv.Get(rec, "id"));
    p.factor = Trim(csv.Get(rec, "factor"));
    if (p.id.empty()) errors.Add(rec.line, id_col, "id", "empty position id");
    if (!p.id.empty() && !ids.insert(p.id).second)
      errors.Add(rec.line, id_col, "id", "position id '" + p.id + "' appears twice");
    if (!factors.contains(p.factor)) {
      std::string known;
      for (const std::string& f : history.factors) known += (known.empty() ? "" : ", ") + f;
      errors.Add(rec.line, factor_col, "factor",
                 "unknown factor '" + p.factor + "' (the history has " + known + ")");
    }
    std::string exposure = csv.Get(rec, "exposure");
    if (!ParseFiniteDouble(exposure, p.exposure))
      errors.Add(rec.line, exposure_col, "exposure", "'" + exposure + "' is not a finite number");
    positions.push_back(std::move(p));
  }
  if (!errors.empty()) return errors.ToStatus();
  if (positions.empty()) {
    errors.Add(1, 0, "", "no positions");
    return errors.ToStatus();
  }
  return positions;
}

}  // namespace finguard::risk::market
