#include "customers/customer_store.h"

namespace finguard::customers {

using storage::Executor;
using storage::Params;
using storage::ResultSet;
using storage::Value;

namespace {

constexpr const char* kCustomerColumns =
    "id, type, name_enc, name_bidx, id_type, id_number_enc, id_number_bidx, phone_enc, phone_bidx,"
    " email_enc, address_enc, province, nationality, investor_class, aml_risk, segment,"
    " created_at_us, updated_at_us";

Value OptionalText(const std::string& s) { return s.empty() ? Value() : Value(s); }

// Which encrypted columns exist, by table, for rotation and key accounting.
struct EncryptedColumns {
  const char* table;
  std::vector<const char*> columns;
};
const std::vector<EncryptedColumns>& AllEncrypted() {
  static const std::vector<EncryptedColumns> kAll = {
      {"customers", {"name_enc", "id_number_enc", "phone_enc", "email_enc", "address_enc"}},
      {"accounts", {"number_enc"}}};
  return kAll;
}

// The associated data of a column's ciphertexts: the logical field name without "_enc".
std::string FieldOf(std::string_view column) {
  return std::string(column.substr(0, column.size() - 4));
}

}  // namespace

Params CustomerStore::CustomerParams(const Customer& c) const {
  auto enc = [&](const char* field, const std::string& v) {
    return v.empty() ? Value() : Value(cipher_.Encrypt(field, v));
  };
  auto bidx = [&](const char* field, const std::string& v) {
    return v.empty() ? Value() : Value(cipher_.BlindIndex(field, v));
  };
  return {Value(c.id),
          Value(c.type),
          enc("name", c.name),
          Value(cipher_.BlindIndex("name", NormaliseNameForIndex(c.name))),
          Value(c.id_type),
          enc("id_number", c.id_number),
          bidx("id_number", c.id_number),
          enc("phone", c.phone),
          bidx("phone", NormalisePhone(c.phone)),
          enc("email", c.email),
          enc("address", c.address),
          OptionalText(c.province),
          Value(c.nationality),
          OptionalText(c.investor_class),
          Value(c.aml_risk),
          OptionalText(c.segment),
          Value(c.created_at.micros),
          Value(c.updated_at.micros)};
}

StatusOr<Customer> CustomerStore::FromRow(const ResultSet& rs, size_t i) const {
  auto dec = [&](const char* field, const char* column) -> StatusOr<std::string> {
    const Value& v = rs.At(i, column);
    if (v.is_null()) return std::string();
    return cipher_.Decrypt(field, v.AsText());
  };
  Customer c;
  c.id = rs.At(i, "id").AsText();
  c.type = rs.At(i, "type").AsText();
  ASSIGN_OR_RETURN(c.name, dec("name", "name_enc"));
  c.id_type = rs.At(i, "id_type").AsText();
  ASSIGN_OR_RETURN(c.id_number, dec("id_number", "id_number_enc"));
  ASSIGN_OR_RETURN(c.phone, dec("phone", "phone_enc"));
  ASSIGN_OR_RETURN(c.email, dec("email", "email_enc"));
  ASSIGN_OR_RETURN(c.address, dec("address", "address_enc"));
  c.province = rs.At(i, "province").AsText();
  c.nationality = rs.At(i, "nationality").AsText();
  c.investor_class = rs.At(i, "investor_class").AsText();
  c.aml_risk = rs.At(i, "aml_risk").AsText();
  c.segment = rs.At(i, "segment").AsText();
  c.created_at = Instant{rs.At(i, "created_at_us").AsInt()};
  c.updated_at = Instant{rs.At(i, "updated_at_us").AsInt()};
  return c;
}

Status CustomerStore::Insert(Executor& tx, const Customer& c) const {
  StatusOr<int64_t> r = tx.Exec(std::string("INSERT INTO customers (") + kCustomerColumns +
                                    ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                CustomerParams(c));
  if (r.status().code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kAlreadyExists, "a customer with this ID number already exists",
                  {{"/id_number", "already registered"}});
  }
  return r.status();
}

Status CustomerStore::InsertMany(Executor& tx, const std::vector<Customer>& cs) const {
  std::vector<Params> rows;
  rows.reserve(cs.size());
  for (const Customer& c : cs) rows.push_back(CustomerParams(c));
  return tx.ExecMany(std::string("INSERT INTO customers (") + kCustomerColumns +
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     rows);
}

Status CustomerStore::Update(Executor& tx, const Customer& c) const {
  Params p = CustomerParams(c);
  // Reorder: every column but id, then id for the WHERE clause.
  Params q(p.begin() + 1, p.end() - 2);
  q.push_back(p.back());
  q.push_back(p.front());
  StatusOr<int64_t> r = tx.Exec(
      "UPDATE customers SET type = ?, name_enc = ?, name_bidx = ?, id_type = ?, id_number_enc = ?,"
      " id_number_bidx = ?, phone_enc = ?, phone_bidx = ?, email_enc = ?, address_enc = ?,"
      " province = ?, nationality = ?, investor_class = ?, aml_risk = ?, segment = ?,"
      " updated_at_us = ? WHERE id = ?",
      q);
  if (r.status().code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kAlreadyExists, "a customer with this ID number already exists",
                  {{"/id_number", "already registered"}});
  }
  RETURN_IF_ERROR(r.status());
  if (*r == 0) return NotFound("customer " + c.id + " not found");
  return OkStatus();
}

StatusOr<std::optional<Customer>> CustomerStore::Get(Executor& db, const std::string& id) const {
  ASSIGN_OR_RETURN(ResultSet rs, db.Query(std::string("SELECT ") + kCustomerColumns +
                                              " FROM customers WHERE id = ?",
                                          {Value(id)}));
  if (rs.empty()) return std::optional<Customer>();
  ASSIGN_OR_RETURN(Customer c, FromRow(rs, 0));
  return std::optional<Customer>(std::move(c));
}

StatusOr<std::vector<Customer>> CustomerStore::List(Executor& db, const CustomerQuery& q) const {
  std::string sql = std::string("SELECT ") + kCustomerColumns + " FROM customers WHERE id > ?";
  Params params = {Value(q.after_id)};
  if (!q.type.empty()) {
    sql += " AND type = ?";
    params.emplace_back(q.type);
  }
  if (!q.q.empty()) {
    // One search box: the query may be a customer id, an ID number, a phone or a full name.
    sql +=
        " AND (id = ? OR id_number_bidx = ? OR id_number_bidx = ? OR phone_bidx = ? OR name_bidx = "
        "?)";
    std::string upper = q.q;
    if (!upper.empty() && upper.back() == 'x') upper.back() = 'X';
    params.emplace_back(q.q);
    params.emplace_back(cipher_.BlindIndex("id_number", q.q));
    params.emplace_back(cipher_.BlindIndex("id_number", upper));
    params.emplace_back(cipher_.BlindIndex("phone", NormalisePhone(q.q)));
    params.emplace_back(cipher_.BlindIndex("name", NormaliseNameForIndex(q.q)));
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(q.limit);
  ASSIGN_OR_RETURN(ResultSet rs, db.Query(sql, params));
  std::vector<Customer> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    ASSIGN_OR_RETURN(Customer c, FromRow(rs, i));
    out.push_back(std::move(c));
  }
  return out;
}

Status CustomerStore::InsertAccounts(Executor& tx, const std::vector<Account>& accounts) const {
  std::vector<Params> rows;
  rows.reserve(accounts.size());
  for (const Account& a : accounts) {
    rows.push_back(
        {Value(a.id), Value(a.customer_id), Value(cipher_.Encrypt("number", a.number)),
         Value(cipher_.BlindIndex("number", a.number)), Value(a.type), OptionalText(a.product_id),
         Value(a.currency), Value(a.status), Value(a.opened_on), Value(a.closed_on),
         a.last_activity_at ? Value(a.last_activity_at->micros) : Value(), Value(a.balance_minor)});
  }
  return tx.ExecMany(
      "INSERT INTO accounts (id, customer_id, number_enc, number_bidx, type, product_id, currency,"
      " status, opened_on, closed_on, last_activity_at_us, balance_minor)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
      rows);
}

namespace {
constexpr const char* kAccountColumns =
    "id, customer_id, number_enc, type, product_id, currency, status, opened_on, closed_on,"
    " last_activity_at_us, balance_minor";
}  // namespace

StatusOr<std::vector<Account>> CustomerStore::AccountsWhere(Executor& db, const std::string& where,
                                                            const std::string& value) const {
  ASSIGN_OR_RETURN(ResultSet rs,
                   db.Query(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE " +
                                where + " = ? ORDER BY opened_on, id",
                            {Value(value)}));
  std::vector<Account> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    Account a;
    a.id = rs.At(i, "id").AsText();
    a.customer_id = rs.At(i, "customer_id").AsText();
    ASSIGN_OR_RETURN(a.number, cipher_.Decrypt("number", rs.At(i, "number_enc").AsText()));
    a.type = rs.At(i, "type").AsText();
    a.product_id = rs.At(i, "product_id").AsText();
    a.currency = rs.At(i, "currency").AsText();
    a.status = rs.At(i, "status").AsText();
    a.opened_on = rs.At(i, "opened_on").AsText();
    a.closed_on = rs.At(i, "closed_on").AsOptionalText();
    if (auto t = rs.At(i, "last_activity_at_us").AsOptionalInt()) a.last_activity_at = Instant{*t};
    a.balance_minor = rs.At(i, "balance_minor").AsInt();
    out.push_back(std::move(a));
  }
  return out;
}

StatusOr<std::vector<Account>> CustomerStore::ListAccounts(Executor& db,
                                                           const std::string& customer_id) const {
  return AccountsWhere(db, "customer_id", customer_id);
}

StatusOr<std::optional<Account>> CustomerStore::GetAccount(Executor& db,
                                                           const std::string& id) const {
  ASSIGN_OR_RETURN(std::vector<Account> found, AccountsWhere(db, "id", id));
  if (found.empty()) return std::optional<Account>();
  return std::optional<Account>(std::move(found[0]));
}

Status CustomerStore::UpdateAccount(Executor& tx, const Account& a) const {
  ASSIGN_OR_RETURN(
      int64_t n,
      tx.Exec("UPDATE accounts SET status = ?, product_id = ?, closed_on = ? WHERE id = ?",
              {Value(a.status), OptionalText(a.product_id), Value(a.closed_on), Value(a.id)}));
  if (n == 0) return NotFound("account " + a.id + " not found");
  return OkStatus();
}

Status CustomerStore::InsertProducts(Executor& tx, const std::vector<Product>& products) const {
  std::vector<Params> rows;
  for (const Product& p : products) {
    rows.push_back({Value(p.id), Value(p.code), Value(p.name), Value(p.name_en), Value(p.type),
                    Value(p.risk_level), Value(p.currency)});
  }
  return tx.ExecMany(
      "INSERT INTO products (id, code, name, name_en, type, risk_level, currency)"
      " VALUES (?,?,?,?,?,?,?)",
      rows);
}

StatusOr<std::vector<Product>> CustomerStore::ProductsWhere(Executor& db, const std::string& where,
                                                            const Params& params) const {
  ASSIGN_OR_RETURN(ResultSet rs,
                   db.Query("SELECT id, code, name, name_en, type, risk_level, currency"
                            " FROM products WHERE " +
                                where + " ORDER BY code",
                            params));
  std::vector<Product> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    out.push_back({rs.At(i, "id").AsText(), rs.At(i, "code").AsText(), rs.At(i, "name").AsText(),
                   rs.At(i, "name_en").AsText(), rs.At(i, "type").AsText(),
                   rs.At(i, "risk_level").AsText(), rs.At(i, "currency").AsText()});
  }
  return out;
}

StatusOr<std::vector<Product>> CustomerStore::ListProducts(Executor& db) const {
  return ProductsWhere(db, "1 = 1", {});
}

StatusOr<std::optional<Product>> CustomerStore::GetProduct(Executor& db,
                                                           const std::string& id) const {
  ASSIGN_OR_RETURN(std::vector<Product> found, ProductsWhere(db, "id = ?", {Value(id)}));
  if (found.empty()) return std::optional<Product>();
  return std::optional<Product>(std::move(found[0]));
}

Status CustomerStore::UpdateProduct(Executor& tx, const Product& p) const {
  StatusOr<int64_t> n = tx.Exec(
      "UPDATE products SET code = ?, name = ?, name_en = ?, type = ?, risk_level = ?, currency = ? "
      "WHERE id = ?",
      {Value(p.code), Value(p.name), Value(p.name_en), Value(p.type), Value(p.risk_level),
       Value(p.currency), Value(p.id)});
  if (n.status().code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kAlreadyExists, "product code " + p.code + " is taken",
                  {{"/code", "already exists"}});
  }
  RETURN_IF_ERROR(n.status());
  if (*n == 0) return NotFound("product " + p.id + " not found");
  return OkStatus();
}

Status CustomerStore::InsertTransactions(Executor& tx, const std::vector<Transaction>& txns) const {
  std::vector<Params> rows;
  rows.reserve(txns.size());
  for (const Transaction& t : txns) {
    rows.push_back({Value(t.id), Value(t.time.micros), Value(t.customer_id), Value(t.account_id),
                    Value(t.direction), Value(t.channel), Value(t.amount_minor), Value(t.currency),
                    OptionalText(t.counterparty_id), OptionalText(t.counterparty_name),
                    OptionalText(t.counterparty_country), Value(t.cross_border),
                    OptionalText(t.device_id)});
  }
  return tx.ExecMany(
      "INSERT INTO transactions (id, time_us, customer_id, account_id, direction, channel,"
      " amount_minor, currency, counterparty_id, counterparty_name, counterparty_country,"
      " cross_border, device_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
      rows);
}

StatusOr<std::vector<Transaction>> CustomerStore::ListTransactions(
    Executor& db, const std::string& customer_id, const std::optional<TransactionCursor>& before,
    int limit) const {
  std::string sql =
      "SELECT id, time_us, customer_id, account_id, direction, channel, amount_minor, currency,"
      " counterparty_id, counterparty_name, counterparty_country, cross_border, device_id"
      " FROM transactions WHERE customer_id = ?";
  Params params = {Value(customer_id)};
  if (before) {
    sql += " AND (time_us < ? OR (time_us = ? AND id < ?))";
    params.insert(params.end(),
                  {Value(before->time_us), Value(before->time_us), Value(before->id)});
  }
  sql += " ORDER BY time_us DESC, id DESC LIMIT ?";
  params.emplace_back(limit);
  ASSIGN_OR_RETURN(ResultSet rs, db.Query(sql, params));
  std::vector<Transaction> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    Transaction t;
    t.id = rs.At(i, "id").AsText();
    t.time = Instant{rs.At(i, "time_us").AsInt()};
    t.customer_id = rs.At(i, "customer_id").AsText();
    t.account_id = rs.At(i, "account_id").AsText();
    t.direction = rs.At(i, "direction").AsText();
    t.channel = rs.At(i, "channel").AsText();
    t.amount_minor = rs.At(i, "amount_minor").AsInt();
    t.currency = rs.At(i, "currency").AsText();
    t.counterparty_id = rs.At(i, "counterparty_id").AsText();
    t.counterparty_name = rs.At(i, "counterparty_name").AsText();
    t.counterparty_country = rs.At(i, "counterparty_country").AsText();
    t.cross_border = rs.At(i, "cross_border").AsBool();
    t.device_id = rs.At(i, "device_id").AsText();
    out.push_back(std::move(t));
  }
  return out;
}

StatusOr<int64_t> CustomerStore::ReencryptAll(storage::Database& db) const {
  int64_t rewritten = 0;
  for (const EncryptedColumns& ec : AllEncrypted()) {
    std::string after;
    for (;;) {
      std::string cols;
      for (const char* c : ec.columns) cols += std::string(", ") + c;
      ASSIGN_OR_RETURN(ResultSet rs, db.Query(std::string("SELECT id") + cols + " FROM " +
                                                  ec.table + " WHERE id > ? ORDER BY id LIMIT 1000",
                                              {Value(after)}));
      if (rs.empty()) break;
      Status s = db.Transact([&](Executor& tx) -> Status {
        for (size_t i = 0; i < rs.size(); ++i) {
          for (const char* col : ec.columns) {
            const Value& v = rs.At(i, col);
            if (v.is_null()) continue;
            std::string field = FieldOf(col);
            ASSIGN_OR_RETURN(std::string plain, cipher_.Decrypt(field, v.AsText()));
            RETURN_IF_ERROR(
                tx.Exec(std::string("UPDATE ") + ec.table + " SET " + col + " = ? WHERE id = ?",
                        {Value(cipher_.Encrypt(field, plain)), rs.At(i, "id")})
                    .status());
            ++rewritten;
          }
        }
        return OkStatus();
      });
      RETURN_IF_ERROR(s);
      after = rs.At(rs.size() - 1, "id").AsText();
    }
  }
  return rewritten;
}

StatusOr<std::map<std::string, int64_t>> CustomerStore::CountByKeyId(storage::Database& db) const {
  std::map<std::string, int64_t> counts;
  for (const EncryptedColumns& ec : AllEncrypted()) {
    for (const char* col : ec.columns) {
      // The key id is the text before the first ':'; computed in SQL to avoid decrypting.
      std::string prefix = db.Dialect() == storage::SqlDialect::kPostgres
                               ? std::string("split_part(") + col + ", ':', 1)"
                               : std::string("substr(") + col + ", 1, instr(" + col + ", ':') - 1)";
      ASSIGN_OR_RETURN(ResultSet rs,
                       db.Query("SELECT " + prefix + " AS k, COUNT(*) AS n FROM " + ec.table +
                                " WHERE " + col + " IS NOT NULL GROUP BY 1"));
      for (size_t i = 0; i < rs.size(); ++i)
        counts[rs.At(i, "k").AsText()] += rs.At(i, "n").AsInt();
    }
  }
  return counts;
}

}  // namespace finguard::customers
