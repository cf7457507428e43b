#include "customers/customer_import.h"

#include <map>

#include "common/csv.h"
#include "common/id.h"

namespace finguard::customers {

StatusOr<int64_t> ImportCustomersCsv(storage::Database& db, const CustomerStore& store,
                                     const security::AuditLog& audit, const Clock& clock,
                                     const std::string& path, const std::string& actor) {
  ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(path));
  static const std::vector<std::string> kKnown = {
      "type",    "name",     "id_type",     "id_number",      "phone",    "email",
      "address", "province", "nationality", "investor_class", "aml_risk", "segment"};
  for (const char* required : {"type", "name", "id_number"}) {
    if (!table.Has(required)) {
      return InvalidArgument(path + ": line 1: missing required column '" + required + "'");
    }
  }
  for (const std::string& col : table.header) {
    if (std::find(kKnown.begin(), kKnown.end(), col) == kKnown.end()) {
      return InvalidArgument(path + ": line 1: unknown column '" + col + "'");
    }
  }
  Instant now = clock.Now();
  std::vector<Customer> customers;
  std::vector<FieldError> problems;
  std::map<std::string, int> seen_id_numbers;  // id number -> line
  auto problem = [&](int line, const std::string& field, const std::string& reason) {
    if (problems.size() < 20) problems.push_back({"line " + std::to_string(line) + field, reason});
  };
  for (const CsvRecord& r : table.records) {
    if (r.fields.size() != table.header.size()) {
      problem(r.line, "",
              "has " + std::to_string(r.fields.size()) + " fields, the header has " +
                  std::to_string(table.header.size()));
      continue;
    }
    CustomerInput in;
    auto opt = [&](const char* col) -> std::optional<std::string> {
      if (!table.Has(col)) return std::nullopt;
      std::string v = table.Get(r, col);
      return v.empty() ? std::nullopt : std::optional<std::string>(v);
    };
    in.type = table.Get(r, "type");
    in.name = table.Get(r, "name");
    in.id_number = table.Get(r, "id_number");
    in.id_type = opt("id_type");
    in.phone = opt("phone");
    in.email = opt("email");
    in.address = opt("address");
    in.province = opt("province");
    in.nationality = opt("nationality");
    in.investor_class = opt("investor_class");
    in.aml_risk = opt("aml_risk");
    in.segment = opt("segment");
    Customer base;
    base.id = NewIdAt(now);
    base.created_at = base.updated_at = now;
    StatusOr<Customer> c = ApplyCustomerInput(base, in, true, ShanghaiDate(now));
    if (!c.ok()) {
      for (const FieldError& f : c.status().fields()) problem(r.line, f.field, f.reason);
      continue;
    }
    auto [it, fresh] = seen_id_numbers.emplace(c->id_number, r.line);
    if (!fresh) {
      problem(r.line, "/id_number", "same ID number as line " + std::to_string(it->second));
      continue;
    }
    CustomerQuery q{.q = c->id_number, .limit = 1};
    ASSIGN_OR_RETURN(std::vector<Customer> existing, store.List(db, q));
    for (const Customer& e : existing) {
      if (e.id_number == c->id_number)
        problem(r.line, "/id_number", "already registered as customer " + e.id);
    }
    customers.push_back(std::move(c).value());
  }
  if (!problems.empty()) {
    const FieldError& first = problems[0];
    std::string where = first.field.substr(0, first.field.find('/'));
    std::string field = first.field.find('/') == std::string::npos
                            ? ""
                            : first.field.substr(first.field.find('/') + 1) + ": ";
    return InvalidArgument(path + ": " + where + ": " + field + first.reason +
                               (problems.size() > 1 ? " (" + std::to_string(problems.size() - 1) +
                                                          " more problems; nothing imported)"
                                                    : " (nothing imported)"),
                           problems);
  }
  RETURN_IF_ERROR(db.Transact([&](storage::Executor& tx) -> Status {
    RETURN_IF_ERROR(store.InsertMany(tx, customers));
    return audit.Append(tx, {.actor = actor,
                             .action = "customer.import",
                             .target = "customers",
                             .detail = {{"file", path}, {"rows", customers.size()}}});
  }));
  return static_cast<int64_t>(customers.size());
}

}  // namespace finguard::customers
