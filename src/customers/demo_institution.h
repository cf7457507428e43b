#pragma once
// The demo institution: a deterministic, realistic bank for `finguard demo`, screenshots,
// benchmarks and the monitoring work's recall measurements.
//
// GenerateDemoInstitution fills an empty, migrated database with products (~20, R1-R5),
// customers (~90% Chinese individuals with valid GB 11643 resident ID numbers, ~4% foreign
// individuals with passports, ~6% corporates with GB 32100 unified social credit codes),
// 1-3 accounts each, a year of transactions ending on `last_day` (Asia/Shanghai) across cash,
// transfer, card, online, ATM and cheque channels, daily FX rates for USD, EUR, HKD, GBP and JPY,
// and planted suspicious patterns whose carriers are recorded in `planted_patterns`:
//   structuring           several cash deposits of CNY 45,000-49,900 on the same or consecutive
//                         days (ordinary cash deposits never exceed CNY 20,000);
//   fan_in / fan_out      one account receiving from / sending to >= 15 distinct counterparties
//                         by transfer within 48 hours (ordinary customers know at most 10);
//   dormant_reactivation  an account silent for >= 180 days, then >= 2 transfers out of at least
//                         CNY 50,000 each within 3 days;
//   high_risk_country     cross-border transfers with counterparties in KP, IR or MM.
// Each pattern is carried by ~0.75% of customers (at least one while there are enough mainland
// customers of over a month's standing to choose from), one pattern per customer.
//
// Deterministic: the same options give the same rows - ids, numbers, times and amounts - on the
// same build. Only the ciphertexts differ (FieldCipher draws a fresh nonce per value); they
// decrypt to the same plaintexts. Every write happens in one transaction, so a failure leaves
// the database as it was. Balances of credit_card and loan accounts are negative (owed).
// Not thread-safe with respect to `db`'s other writers: it assumes the tables are empty, and
// fails with kAlreadyExists (constraint violation) when they are not.
//   CustomerStore store(cipher);
//   ASSIGN_OR_RETURN(DemoSummary s, GenerateDemoInstitution(*db, store, {.seed = 7}));
#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "customers/customer_store.h"
#include "storage/database.h"

namespace finguard::customers {

struct DemoOptions {
  uint64_t seed = 42;
  int customers = 10000;
  // One year of transactions (365 days) ending on this day, inclusive.
  CivilDate last_day = {2026, 10, 31};
};

struct DemoSummary {
  int64_t customers = 0;
  int64_t accounts = 0;
  int64_t products = 0;
  int64_t transactions = 0;
  int64_t fx_rates = 0;
  std::map<std::string, int64_t> planted;  // pattern -> customers carrying it
};

// The planted pattern names, as stored in planted_patterns.pattern.
inline constexpr const char* kDemoPatterns[] = {"structuring", "fan_in", "fan_out",
                                                "dormant_reactivation", "high_risk_country"};

// Fills an empty, migrated database. kInvalidArgument when options.customers is not in
// [1, 1,000,000] or last_day is not a valid date; database errors pass through.
StatusOr<DemoSummary> GenerateDemoInstitution(storage::Database& db, const CustomerStore& store,
                                              const DemoOptions& options);

}  // namespace finguard::customers
