#pragma once
// The shared spine's records: customers (individual or corporate), their accounts, the
// institution's products and the transactions on accounts. Plain values; personal fields are in
// clear here and encrypted only inside CustomerStore. Validation of user input lives here so the
// API, the CSV import and the demo generator apply the same rules.
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace finguard::customers {

struct Customer {
  std::string id;
  std::string type;  // individual | corporate
  std::string name;
  std::string id_type;  // resident_id | passport | uscc | other
  std::string id_number;
  std::string phone;  // "" when unknown
  std::string email;
  std::string address;
  std::string province;
  std::string nationality = "CN";  // ISO 3166-1 alpha-2
  std::string investor_class;      // C1..C5 | professional | ""
  std::string aml_risk = "low";    // low | medium | high
  std::string segment;
  Instant created_at;
  Instant updated_at;
};

// A create or partial update of a customer as a user sent it; absent fields stay unchanged.
struct CustomerInput {
  std::optional<std::string> type, name, id_type, id_number, phone, email, address, province,
      nationality, investor_class, aml_risk, segment;
};

struct Account {
  std::string id;
  std::string customer_id;
  std::string number;
  std::string type;  // savings | current | credit_card | loan | investment
  std::string product_id;
  std::string currency;
  std::string status;     // active | dormant | frozen | closed
  std::string opened_on;  // YYYY-MM-DD
  std::optional<std::string> closed_on;
  std::optional<Instant> last_activity_at;
  int64_t balance_minor = 0;
};

struct Product {
  std::string id;
  std::string code;
  std::string name;  // Chinese
  std::string name_en;
  std::string type;        // deposit | wealth | fund | insurance | loan | card | bond
  std::string risk_level;  // R1..R5
  std::string currency;
};

struct Transaction {
  std::string id;
  Instant time;
  std::string customer_id;
  std::string account_id;
  std::string direction;  // in | out
  std::string channel;    // cash | transfer | card | online | atm | cheque
  int64_t amount_minor = 0;
  std::string currency;
  std::string counterparty_id;
  std::string counterparty_name;
  std::string counterparty_country;
  bool cross_border = false;
  std::string device_id;
};

// A new account or a change to one, as a user sent it.
struct AccountInput {
  std::optional<std::string> number, type, currency, product_id, status;
};

// A new product or a change to one.
struct ProductInput {
  std::optional<std::string> code, name, name_en, type, risk_level, currency;
};

// Applies and validates account input. An account's number, type and currency are fixed once
// opened; status moves among active, dormant and frozen, and to closed, which is final.
StatusOr<Account> ApplyAccountInput(Account base, const AccountInput& input, bool creating);
StatusOr<Product> ApplyProductInput(Product base, const ProductInput& input);

// Applies `input` to `base` (a new Customer for creation) and validates the result. Errors carry
// JSON-pointer paths ("/id_number") and a reason; every problem found is reported, not just the
// first. `today` bounds birth dates in resident ID numbers.
StatusOr<Customer> ApplyCustomerInput(Customer base, const CustomerInput& input, bool creating,
                                      CivilDate today);

// Normalises a name for the exact-match blind index: trimmed, inner spaces collapsed, ASCII
// lower-cased ("  WANG  Xiaoming " -> "wang xiaoming").
std::string NormaliseNameForIndex(std::string_view name);
// Normalises a phone for the blind index: digits only, a leading 86 country code dropped.
std::string NormalisePhone(std::string_view phone);

bool IsOneOf(std::string_view value, std::initializer_list<std::string_view> allowed);

}  // namespace finguard::customers
