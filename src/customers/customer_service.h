#pragma once
// CustomerService is how a signed-in user reaches customer data: it applies the caller's
// permissions to personal fields (masked unless the caller holds `pii.read`), writes every
// unmasked read and every change to the audit chain in the same transaction as the change, and
// validates input before anything is stored. The API and the console go through it; batch jobs
// use CustomerStore directly. Thread-safe.
//   ASSIGN_OR_RETURN(CustomerView v, service.Get(principal, id));
//   json["name"] = v.customer.name;  // already masked when v.masked
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "customers/customer_store.h"
#include "security/audit_log.h"
#include "security/auth_service.h"

namespace finguard::customers {

struct CustomerView {
  Customer customer;
  bool masked = true;
};

class CustomerService {
 public:
  CustomerService(storage::Database& db, const CustomerStore& store,
                  const security::AuditLog& audit, const Clock& clock)
      : db_(db), store_(store), audit_(audit), clock_(clock) {}

  // kNotFound for an unknown id.
  StatusOr<CustomerView> Get(const security::Principal& who, const std::string& id);
  StatusOr<std::vector<CustomerView>> List(const security::Principal& who, const CustomerQuery& q);
  // kInvalidArgument with field paths; kAlreadyExists for a registered ID number.
  StatusOr<CustomerView> Create(const security::Principal& who, const CustomerInput& input);
  StatusOr<CustomerView> Update(const security::Principal& who, const std::string& id,
                                const CustomerInput& input);

  // Account numbers masked without `pii.read`. kNotFound for an unknown customer.
  StatusOr<std::vector<Account>> Accounts(const security::Principal& who, const std::string& id);
  // Counterparty names masked without `pii.read`. Newest first.
  StatusOr<std::vector<Transaction>> Transactions(const security::Principal& who,
                                                  const std::string& id,
                                                  const std::optional<TransactionCursor>& before,
                                                  int limit);
  StatusOr<std::vector<Product>> Products();

  // Opens an account for a customer (status active, opened today in Asia/Shanghai).
  // kNotFound for an unknown customer; kInvalidArgument for bad fields or an unknown product;
  // kAlreadyExists for a number already in use.
  StatusOr<Account> OpenAccount(const security::Principal& who, const std::string& customer_id,
                                const AccountInput& input);
  // Changes status (active/dormant/frozen, or closed — final, dated today) or product.
  StatusOr<Account> UpdateAccount(const security::Principal& who, const std::string& account_id,
                                  const AccountInput& input);
  StatusOr<Product> CreateProduct(const security::Principal& who, const ProductInput& input);
  StatusOr<Product> UpdateProduct(const security::Principal& who, const std::string& product_id,
                                  const ProductInput& input);

  // Masks a customer's personal fields in place.
  static void Mask(Customer& c);

 private:
  Status RequireCustomer(const std::string& id);
  Status RequireProduct(storage::Executor& tx, const std::string& product_id);
  Account ForViewer(const security::Principal& who, Account a) const;

  storage::Database& db_;
  const CustomerStore& store_;
  const security::AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace finguard::customers
