#pragma once
// CustomerStore is the only code that reads and writes the customers, accounts, products and
// transactions tables. Personal fields (name, ID number, phone, email, address, account number)
// are encrypted with FieldCipher on the way in and decrypted on the way out; ID numbers, phones
// and names also get blind indexes so exact search works without decrypting the table.
// It neither masks nor audits: CustomerService does that for a caller. Thread-safe (stateless
// apart from references). Methods take an Executor so callers can group writes in a transaction.
//   CustomerStore store(cipher);
//   RETURN_IF_ERROR(db.Transact([&](Executor& tx) { return store.Insert(tx, customer); }));
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "customers/customer.h"
#include "security/field_cipher.h"
#include "storage/database.h"

namespace finguard::customers {

struct CustomerQuery {
  std::string q;     // name (exact, normalised), resident/passport ID number, phone, or customer id
  std::string type;  // "" = any
  std::string after_id;  // cursor: customers with id > this
  int limit = 50;
};

struct TransactionCursor {
  int64_t time_us;
  std::string id;
};

class CustomerStore {
 public:
  explicit CustomerStore(const security::FieldCipher& cipher) : cipher_(cipher) {}

  // kAlreadyExists with field /id_number when another customer has the same ID number.
  Status Insert(storage::Executor& tx, const Customer& c) const;
  Status InsertMany(storage::Executor& tx, const std::vector<Customer>& cs) const;
  Status Update(storage::Executor& tx, const Customer& c) const;
  StatusOr<std::optional<Customer>> Get(storage::Executor& db, const std::string& id) const;
  StatusOr<std::vector<Customer>> List(storage::Executor& db, const CustomerQuery& q) const;

  Status InsertAccounts(storage::Executor& tx, const std::vector<Account>& accounts) const;
  StatusOr<std::vector<Account>> ListAccounts(storage::Executor& db,
                                              const std::string& customer_id) const;
  StatusOr<std::optional<Account>> GetAccount(storage::Executor& db, const std::string& id) const;
  // Changes status, product and closing date (the fields that may change after opening).
  Status UpdateAccount(storage::Executor& tx, const Account& a) const;

  Status InsertProducts(storage::Executor& tx, const std::vector<Product>& products) const;
  StatusOr<std::vector<Product>> ListProducts(storage::Executor& db) const;
  StatusOr<std::optional<Product>> GetProduct(storage::Executor& db, const std::string& id) const;
  Status UpdateProduct(storage::Executor& tx, const Product& p) const;

  Status InsertTransactions(storage::Executor& tx, const std::vector<Transaction>& txns) const;
  // Newest first; `before` continues a previous page.
  StatusOr<std::vector<Transaction>> ListTransactions(
      storage::Executor& db, const std::string& customer_id,
      const std::optional<TransactionCursor>& before, int limit) const;

  // Re-encrypts every personal field under the key store's active key, in batches, each batch
  // one transaction. Returns the number of values rewritten.
  StatusOr<int64_t> ReencryptAll(storage::Database& db) const;
  // How many stored values each key id protects (to confirm a rotation finished).
  StatusOr<std::map<std::string, int64_t>> CountByKeyId(storage::Database& db) const;

 private:
  storage::Params CustomerParams(const Customer& c) const;
  StatusOr<Customer> FromRow(const storage::ResultSet& rs, size_t i) const;
  // `where` is a constant column name / condition from this file, never user text.
  StatusOr<std::vector<Account>> AccountsWhere(storage::Executor& db, const std::string& where,
                                               const std::string& value) const;
  StatusOr<std::vector<Product>> ProductsWhere(storage::Executor& db, const std::string& where,
                                               const storage::Params& params) const;

  const security::FieldCipher& cipher_;
};

}  // namespace finguard::customers
