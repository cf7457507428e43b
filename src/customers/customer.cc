#include "customers/customer.h"

#include <regex>

#include "customers/resident_id.h"

namespace finguard::customers {

bool IsOneOf(std::string_view value, std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed) {
    if (a == value) return true;
  }
  return false;
}

std::string NormaliseNameForIndex(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string NormalisePhone(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() == 13 && digits.rfind("86", 0) == 0 &&
      phone.find('+') != std::string_view::npos) {
    digits = digits.substr(2);
  }
  return digits;
}

StatusOr<Customer> ApplyCustomerInput(Customer c, const CustomerInput& in, bool creating,
                                      CivilDate today) {
  std::vector<FieldError> errors;
  auto take = [](std::string& field, const std::optional<std::string>& v) {
    if (v) field = *v;
  };
  take(c.type, in.type);
  take(c.name, in.name);
  take(c.id_type, in.id_type);
  take(c.id_number, in.id_number);
  take(c.phone, in.phone);
  take(c.email, in.email);
  take(c.address, in.address);
  take(c.province, in.province);
  take(c.nationality, in.nationality);
  take(c.investor_class, in.investor_class);
  take(c.aml_risk, in.aml_risk);
  take(c.segment, in.segment);
  if (creating && c.id_type.empty()) c.id_type = c.type == "corporate" ? "uscc" : "resident_id";
  if (!c.phone.empty()) {
    // "+86 138-1234-5678" and "13812345678" are one mainland number; "+1 415 555 0123" keeps
    // its country code (11 digits too, so the digit count alone cannot tell them apart).
    bool foreign = c.phone[0] == '+' && c.phone.rfind("+86", 0) != 0;
    std::string digits = NormalisePhone(c.phone);
    c.phone = foreign ? "+" + digits : digits;
  }
  if (c.id_type == "resident_id" && !c.id_number.empty() && c.id_number.back() == 'x') {
    c.id_number.back() = 'X';
  }

  if (!IsOneOf(c.type, {"individual", "corporate"})) {
    errors.push_back({"/type", c.type.empty() ? "required" : "must be individual or corporate"});
  }
  if (c.name.empty() || c.name.size() > 200)
    errors.push_back({"/name", "required, at most 200 bytes"});
  if (!IsOneOf(c.id_type, {"resident_id", "passport", "uscc", "other"})) {
    errors.push_back({"/id_type", "must be resident_id, passport, uscc or other"});
  }
  if (c.id_number.empty()) {
    errors.push_back({"/id_number", "required"});
  } else if (c.id_type == "resident_id") {
    Status s = ValidateResidentId(c.id_number, today);
    if (!s.ok()) errors.push_back({"/id_number", s.message()});
  } else if (c.id_type == "uscc") {
    static const std::regex kUscc("^[0-9A-HJ-NPQRTUWXY]{18}$");
    if (!std::regex_match(c.id_number, kUscc)) {
      errors.push_back(
          {"/id_number", "unified social credit code must be 18 characters (GB 32100)"});
    }
  } else if (c.id_number.size() < 5 || c.id_number.size() > 30) {
    errors.push_back({"/id_number", "must have 5-30 characters"});
  }
  if (!c.phone.empty()) {
    static const std::regex kMobile("^1[3-9][0-9]{9}$");
    static const std::regex kIntl("^\\+[1-9][0-9]{6,14}$");
    if (!std::regex_match(c.phone, kMobile) && !std::regex_match(c.phone, kIntl)) {
      errors.push_back(
          {"/phone", "must be an 11-digit mainland mobile number or +<country><number>"});
    }
  }
  if (!c.email.empty()) {
    static const std::regex kEmail("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    if (!std::regex_match(c.email, kEmail) || c.email.size() > 200) {
      errors.push_back({"/email", "not an email address"});
    }
  }
  if (c.address.size() > 500) errors.push_back({"/address", "at most 500 bytes"});
  if (c.province.size() > 60) errors.push_back({"/province", "at most 60 bytes"});
  static const std::regex kCountry("^[A-Z]{2}$");
  if (!std::regex_match(c.nationality, kCountry)) {
    errors.push_back({"/nationality", "must be an ISO 3166-1 alpha-2 code such as CN"});
  }
  if (!c.investor_class.empty() &&
      !IsOneOf(c.investor_class, {"C1", "C2", "C3", "C4", "C5", "professional"})) {
    errors.push_back({"/investor_class", "must be C1-C5 or professional"});
  }
  if (!IsOneOf(c.aml_risk, {"low", "medium", "high"})) {
    errors.push_back({"/aml_risk", "must be low, medium or high"});
  }
  if (c.segment.size() > 60) errors.push_back({"/segment", "at most 60 bytes"});
  if (!errors.empty()) {
    std::string msg = "invalid customer: " + errors[0].field.substr(1) + " " + errors[0].reason;
    if (errors.size() > 1) msg += " (and " + std::to_string(errors.size() - 1) + " more)";
    return InvalidArgument(msg, std::move(errors));
  }
  return c;
}

namespace {

Status FieldErrors(const char* what, std::vector<FieldError> errors) {
  std::string msg =
      std::string("invalid ") + what + ": " + errors[0].field.substr(1) + " " + errors[0].reason;
  if (errors.size() > 1) msg += " (and " + std::to_string(errors.size() - 1) + " more)";
  return InvalidArgument(msg, std::move(errors));
}

bool KnownCurrency(const std::string& code) { return Money::Zero(code).ok(); }

}  // namespace

StatusOr<Account> ApplyAccountInput(Account a, const AccountInput& in, bool creating) {
  std::vector<FieldError> errors;
  if (!creating) {
    for (auto [field, v] :
         {std::pair{"/number", &in.number}, {"/type", &in.type}, {"/currency", &in.currency}}) {
      if (*v) errors.push_back({field, "cannot change after the account is opened"});
    }
    if (a.status == "closed") errors.push_back({"/status", "the account is closed"});
  }
  if (in.number) a.number = *in.number;
  if (in.type) a.type = *in.type;
  if (in.currency) a.currency = *in.currency;
  if (in.product_id) a.product_id = *in.product_id;
  if (in.status) a.status = *in.status;
  static const std::regex kNumber("^[0-9]{8,30}$");
  if (!std::regex_match(a.number, kNumber)) errors.push_back({"/number", "must be 8-30 digits"});
  if (!IsOneOf(a.type, {"savings", "current", "credit_card", "loan", "investment"})) {
    errors.push_back({"/type", "must be savings, current, credit_card, loan or investment"});
  }
  if (!KnownCurrency(a.currency)) errors.push_back({"/currency", "not an ISO 4217 currency code"});
  if (!IsOneOf(a.status, {"active", "dormant", "frozen", "closed"})) {
    errors.push_back({"/status", "must be active, dormant, frozen or closed"});
  }
  if (!errors.empty()) return FieldErrors("account", std::move(errors));
  return a;
}

StatusOr<Product> ApplyProductInput(Product p, const ProductInput& in) {
  if (in.code) p.code = *in.code;
  if (in.name) p.name = *in.name;
  if (in.name_en) p.name_en = *in.name_en;
  if (in.type) p.type = *in.type;
  if (in.risk_level) p.risk_level = *in.risk_level;
  if (in.currency) p.currency = *in.currency;
  std::vector<FieldError> errors;
  static const std::regex kCode("^[A-Z0-9][A-Z0-9_-]{1,31}$");
  if (!std::regex_match(p.code, kCode)) errors.push_back({"/code", "2-32 of A-Z, 0-9, '_', '-'"});
  if (p.name.empty() || p.name.size() > 200)
    errors.push_back({"/name", "required, at most 200 bytes"});
  if (p.name_en.empty() || p.name_en.size() > 200)
    errors.push_back({"/name_en", "required, at most 200 bytes"});
  if (!IsOneOf(p.type, {"deposit", "wealth", "fund", "insurance", "loan", "card", "bond"})) {
    errors.push_back({"/type", "must be deposit, wealth, fund, insurance, loan, card or bond"});
  }
  if (!IsOneOf(p.risk_level, {"R1", "R2", "R3", "R4", "R5"}))
    errors.push_back({"/risk_level", "must be R1-R5"});
  if (!KnownCurrency(p.currency)) errors.push_back({"/currency", "not an ISO 4217 currency code"});
  if (!errors.empty()) return FieldErrors("product", std::move(errors));
  return p;
}

}  // namespace finguard::customers
