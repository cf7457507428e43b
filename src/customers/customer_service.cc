#include "customers/customer_service.h"

#include "common/id.h"
#include "security/masking.h"
#include "security/permissions.h"

namespace finguard::customers {

using security::kPiiRead;
using security::Principal;
using storage::Executor;

void CustomerService::Mask(Customer& c) {
  // Corporate names are public registry data, not personal information.
  if (c.type == "individual") c.name = security::MaskName(c.name);
  c.id_number = security::MaskIdNumber(c.id_number);
  if (!c.phone.empty()) c.phone = security::MaskPhone(c.phone);
  if (!c.email.empty()) c.email = security::MaskEmail(c.email);
  if (!c.address.empty()) c.address = security::MaskAddress(c.address);
}

Status CustomerService::RequireCustomer(const std::string& id) {
  ASSIGN_OR_RETURN(auto rs,
                   db_.Query("SELECT 1 FROM customers WHERE id = ?", {storage::Value(id)}));
  if (rs.empty()) return NotFound("customer " + id + " not found");
  return OkStatus();
}

StatusOr<CustomerView> CustomerService::Get(const Principal& who, const std::string& id) {
  ASSIGN_OR_RETURN(std::optional<Customer> c, store_.Get(db_, id));
  if (!c) return NotFound("customer " + id + " not found");
  CustomerView v{std::move(*c), !who.Has(kPiiRead)};
  if (v.masked) {
    Mask(v.customer);
  } else {
    RETURN_IF_ERROR(audit_.Record(
        db_,
        {.actor = who.username, .action = "customer.read_unmasked", .target = "customer/" + id}));
  }
  return v;
}

StatusOr<std::vector<CustomerView>> CustomerService::List(const Principal& who,
                                                          const CustomerQuery& q) {
  ASSIGN_OR_RETURN(std::vector<Customer> cs, store_.List(db_, q));
  bool masked = !who.Has(kPiiRead);
  std::vector<CustomerView> out;
  nlohmann::json ids = nlohmann::json::array();
  for (Customer& c : cs) {
    if (masked) Mask(c);
    ids.push_back(c.id);
    out.push_back({std::move(c), masked});
  }
  // A search by ID number or phone reveals who holds it even when results are masked.
  if ((!masked && !out.empty()) || !q.q.empty()) {
    RETURN_IF_ERROR(
        audit_.Record(db_, {.actor = who.username,
                            .action = masked ? "customer.search" : "customer.list_unmasked",
                            .target = "customers",
                            .detail = {{"customer_ids", ids}, {"searched", !q.q.empty()}}}));
  }
  return out;
}

StatusOr<CustomerView> CustomerService::Create(const Principal& who, const CustomerInput& input) {
  Instant now = clock_.Now();
  Customer base;
  base.id = NewIdAt(now);
  base.created_at = base.updated_at = now;
  ASSIGN_OR_RETURN(Customer c,
                   ApplyCustomerInput(base, input, /*creating=*/true, ShanghaiDate(now)));
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    RETURN_IF_ERROR(store_.Insert(tx, c));
    return audit_.Append(tx, {.actor = who.username,
                              .action = "customer.create",
                              .target = "customer/" + c.id,
                              .detail = {{"type", c.type}}});
  }));
  CustomerView v{c, !who.Has(kPiiRead)};
  if (v.masked) Mask(v.customer);
  return v;
}

StatusOr<CustomerView> CustomerService::Update(const Principal& who, const std::string& id,
                                               const CustomerInput& input) {
  Instant now = clock_.Now();
  std::optional<Customer> updated;
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(std::optional<Customer> current, store_.Get(tx, id));
    if (!current) return NotFound("customer " + id + " not found");
    ASSIGN_OR_RETURN(Customer c,
                     ApplyCustomerInput(*current, input, /*creating=*/false, ShanghaiDate(now)));
    c.updated_at = now;
    RETURN_IF_ERROR(store_.Update(tx, c));
    nlohmann::json changed = nlohmann::json::array();
    auto note = [&](const char* name, const std::optional<std::string>& v) {
      if (v) changed.push_back(name);
    };
    note("type", input.type);
    note("name", input.name);
    note("id_type", input.id_type);
    note("id_number", input.id_number);
    note("phone", input.phone);
    note("email", input.email);
    note("address", input.address);
    note("province", input.province);
    note("nationality", input.nationality);
    note("investor_class", input.investor_class);
    note("aml_risk", input.aml_risk);
    note("segment", input.segment);
    updated = std::move(c);
    return audit_.Append(tx, {.actor = who.username,
                              .action = "customer.update",
                              .target = "customer/" + id,
                              .detail = {{"changed", changed}}});
  }));
  CustomerView v{std::move(*updated), !who.Has(kPiiRead)};
  if (v.masked) Mask(v.customer);
  return v;
}

StatusOr<std::vector<Account>> CustomerService::Accounts(const Principal& who,
                                                         const std::string& id) {
  RETURN_IF_ERROR(RequireCustomer(id));
  ASSIGN_OR_RETURN(std::vector<Account> accounts, store_.ListAccounts(db_, id));
  for (Account& a : accounts) a = ForViewer(who, std::move(a));
  if (who.Has(kPiiRead) && !accounts.empty()) {
    RETURN_IF_ERROR(audit_.Record(
        db_,
        {.actor = who.username, .action = "account.read_unmasked", .target = "customer/" + id}));
  }
  return accounts;
}

StatusOr<std::vector<Transaction>> CustomerService::Transactions(
    const Principal& who, const std::string& id, const std::optional<TransactionCursor>& before,
    int limit) {
  RETURN_IF_ERROR(RequireCustomer(id));
  ASSIGN_OR_RETURN(std::vector<Transaction> txns, store_.ListTransactions(db_, id, before, limit));
  if (!who.Has(kPiiRead)) {
    for (Transaction& t : txns) {
      if (!t.counterparty_name.empty())
        t.counterparty_name = security::MaskName(t.counterparty_name);
    }
  }
  return txns;
}

StatusOr<std::vector<Product>> CustomerService::Products() { return store_.ListProducts(db_); }

Status CustomerService::RequireProduct(Executor& tx, const std::string& product_id) {
  if (product_id.empty()) return OkStatus();
  ASSIGN_OR_RETURN(std::optional<Product> p, store_.GetProduct(tx, product_id));
  if (!p)
    return InvalidArgument("unknown product " + product_id, {{"/product_id", "no such product"}});
  return OkStatus();
}

Account CustomerService::ForViewer(const Principal& who, Account a) const {
  if (!who.Has(kPiiRead)) a.number = security::MaskAccountNumber(a.number);
  return a;
}

StatusOr<Account> CustomerService::OpenAccount(const Principal& who, const std::string& customer_id,
                                               const AccountInput& input) {
  Instant now = clock_.Now();
  Account base;
  base.id = NewIdAt(now);
  base.customer_id = customer_id;
  base.status = "active";
  base.currency = "CNY";
  base.opened_on = ShanghaiDate(now).ToString();
  if (input.status && *input.status != "active") {
    return InvalidArgument("a new account is active", {{"/status", "must be active or omitted"}});
  }
  ASSIGN_OR_RETURN(Account a, ApplyAccountInput(base, input, /*creating=*/true));
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(std::optional<Customer> c, store_.Get(tx, customer_id));
    if (!c) return NotFound("customer " + customer_id + " not found");
    RETURN_IF_ERROR(RequireProduct(tx, a.product_id));
    Status s = store_.InsertAccounts(tx, {a});
    if (s.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists, "account number already in use",
                    {{"/number", "already exists"}});
    }
    RETURN_IF_ERROR(s);
    return audit_.Append(
        tx, {.actor = who.username,
             .action = "account.open",
             .target = "account/" + a.id,
             .detail = {{"customer_id", customer_id}, {"type", a.type}, {"currency", a.currency}}});
  }));
  return ForViewer(who, a);
}

StatusOr<Account> CustomerService::UpdateAccount(const Principal& who,
                                                 const std::string& account_id,
                                                 const AccountInput& input) {
  Instant now = clock_.Now();
  std::optional<Account> updated;
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(std::optional<Account> current, store_.GetAccount(tx, account_id));
    if (!current) return NotFound("account " + account_id + " not found");
    if (current->status == "closed")
      return FailedPrecondition("account " + account_id + " is closed");
    ASSIGN_OR_RETURN(Account a, ApplyAccountInput(*current, input, /*creating=*/false));
    if (a.status == "closed") a.closed_on = ShanghaiDate(now).ToString();
    RETURN_IF_ERROR(RequireProduct(tx, a.product_id));
    RETURN_IF_ERROR(store_.UpdateAccount(tx, a));
    updated = a;
    return audit_.Append(tx, {.actor = who.username,
                              .action = "account.update",
                              .target = "account/" + a.id,
                              .detail = {{"from_status", current->status}, {"status", a.status}}});
  }));
  return ForViewer(who, *updated);
}

StatusOr<Product> CustomerService::CreateProduct(const Principal& who, const ProductInput& input) {
  Product base;
  base.id = NewIdAt(clock_.Now());
  ASSIGN_OR_RETURN(Product p, ApplyProductInput(base, input));
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    Status s = store_.InsertProducts(tx, {p});
    if (s.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists, "product code " + p.code + " is taken",
                    {{"/code", "already exists"}});
    }
    RETURN_IF_ERROR(s);
    return audit_.Append(tx, {.actor = who.username,
                              .action = "product.create",
                              .target = "product/" + p.id,
                              .detail = {{"code", p.code}, {"risk_level", p.risk_level}}});
  }));
  return p;
}

StatusOr<Product> CustomerService::UpdateProduct(const Principal& who,
                                                 const std::string& product_id,
                                                 const ProductInput& input) {
  std::optional<Product> updated;
  RETURN_IF_ERROR(db_.Transact([&](Executor& tx) -> Status {
    ASSIGN_OR_RETURN(std::optional<Product> current, store_.GetProduct(tx, product_id));
    if (!current) return NotFound("product " + product_id + " not found");
    ASSIGN_OR_RETURN(Product p, ApplyProductInput(*current, input));
    RETURN_IF_ERROR(store_.UpdateProduct(tx, p));
    updated = p;
    // A risk level change matters for suitability; the audit keeps the old and new levels.
    return audit_.Append(
        tx, {.actor = who.username,
             .action = "product.update",
             .target = "product/" + p.id,
             .detail = {{"from_risk_level", current->risk_level}, {"risk_level", p.risk_level}}});
  }));
  return *updated;
}

}  // namespace finguard::customers
