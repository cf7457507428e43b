#include "common/csv.h"

#include <csv.h>

#include <fstream>
#include <sstream>

namespace finguard {
namespace {

struct ParseState {
  std::vector<CsvRecord> records;
  CsvRecord current;
  int line = 1;
};

void OnField(void* data, size_t len, void* st) {
  auto* s = static_cast<ParseState*>(st);
  s->current.fields.emplace_back(static_cast<const char*>(data), len);
}

void OnRecord(int, void* st) {
  auto* s = static_cast<ParseState*>(st);
  s->current.line = s->line;
  s->records.push_back(std::move(s->current));
  s->current = CsvRecord();
}

}  // namespace

StatusOr<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Internal("cannot initialise CSV parser");
  }
  ParseState st;
  // Feed line by line so each finished record knows the line it ended on.
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    if (csv_parse(&p, text.data() + pos, end - pos, OnField, OnRecord, &st) != end - pos) {
      std::string why = csv_strerror(csv_error(&p));
      csv_free(&p);
      return InvalidArgument("line " + std::to_string(st.line) + ": malformed CSV (" + why + ")");
    }
    pos = end;
    ++st.line;
  }
  --st.line;
  if (csv_fini(&p, OnField, OnRecord, &st) != 0) {
    std::string why = csv_strerror(csv_error(&p));
    csv_free(&p);
    return InvalidArgument("line " + std::to_string(st.line) + ": malformed CSV (" + why + ")");
  }
  csv_free(&p);
  return std::move(st.records);
}

StatusOr<CsvTable> CsvTable::FromText(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<CsvRecord> recs, ParseCsv(text));
  if (recs.empty()) return InvalidArgument("line 1: the file is empty; a header row is required");
  CsvTable t;
  t.header = std::move(recs[0].fields);
  for (size_t i = 0; i < t.header.size(); ++i) {
    if (!t.index.emplace(t.header[i], i).second) {
      return InvalidArgument("line 1: column '" + t.header[i] + "' appears twice");
    }
  }
  t.records.assign(std::make_move_iterator(recs.begin() + 1), std::make_move_iterator(recs.end()));
  return t;
}

StatusOr<CsvTable> CsvTable::ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument(path + ": cannot open file");
  std::stringstream ss;
  ss << in.rdbuf();
  StatusOr<CsvTable> t = FromText(ss.str());
  if (!t.ok()) return t.status().WithContext(path);
  return t;
}

std::string CsvTable::Get(const CsvRecord& r, std::string_view column) const {
  auto it = index.find(column);
  if (it == index.end() || it->second >= r.fields.size()) return "";
  return r.fields[it->second];
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    std::string buf(f.size() * 2 + 2, '\0');
    buf.resize(csv_write(buf.data(), buf.size(), f.data(), f.size()));
    out += buf;
  }
  return out + "\n";
}

}  // namespace finguard
