#pragma once
// Imports customers from a CSV file with the header
//   type,name,id_type,id_number,phone,email,address,province,nationality,investor_class,aml_risk,segment
// (only type, name and id_number are required columns). All or nothing: every row is validated
// first — fields, GB 11643 check digits, duplicates inside the file and against the database —
// and a single bad row fails the whole import with its line and reason (up to 20 rows listed);
// otherwise every row is inserted in one transaction with one audit record.
//   ASSIGN_OR_RETURN(int64_t n, ImportCustomersCsv(db, store, audit, clock, "in.csv", "admin"));
#include <string>

#include "customers/customer_store.h"
#include "security/audit_log.h"

namespace finguard::customers {

StatusOr<int64_t> ImportCustomersCsv(storage::Database& db, const CustomerStore& store,
                                     const security::AuditLog& audit, const Clock& clock,
                                     const std::string& path, const std::string& actor);

}  // namespace finguard::customers
