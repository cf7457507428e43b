#include "customers/demo_institution.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "customers/resident_id.h"
#include "security/field_cipher.h"
#include "security/key_store.h"
#include "testing/test_database.h"

namespace finguard::customers {
namespace {

using storage::Database;
using storage::ResultSet;
using storage::Value;
using ::testing::HasSubstr;

constexpr CivilDate kLastDay{2026, 10, 31};
constexpr int64_t kHour = kMicrosPerHour;
constexpr int64_t kDay = kMicrosPerDay;

// A migrated SQLite database with its own key file, store and (optionally) a demo institution.
struct DemoDb {
  std::unique_ptr<security::KeyStore> keys;
  std::unique_ptr<security::FieldCipher> cipher;
  std::unique_ptr<CustomerStore> store;
  std::unique_ptr<Database> db;
  DemoSummary summary;
};

std::unique_ptr<DemoDb> NewDemoDb(const std::string& backend = "sqlite") {
  auto d = std::make_unique<DemoDb>();
  auto dir = std::filesystem::temp_directory_path() /
             ("fg_demo_keys_" + finguard::testing::UniqueSuffix());
  auto keys = security::KeyStore::OpenOrCreate((dir / "finguard.keys").string());
  EXPECT_TRUE(keys.ok()) << keys.status().ToString();
  if (!keys.ok()) return nullptr;
  d->keys = std::move(keys).value();
  d->cipher = std::make_unique<security::FieldCipher>(*d->keys);
  d->store = std::make_unique<CustomerStore>(*d->cipher);
  d->db = finguard::testing::NewTestDatabase(backend);
  if (!d->db) return nullptr;
  return d;
}

std::unique_ptr<DemoDb> Generate(uint64_t seed, int customers,
                                 const std::string& backend = "sqlite") {
  auto d = NewDemoDb(backend);
  if (!d) return nullptr;
  StatusOr<DemoSummary> s = GenerateDemoInstitution(
      *d->db, *d->store, DemoOptions{.seed = seed, .customers = customers, .last_day = kLastDay});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return nullptr;
  d->summary = *s;
  return d;
}

int64_t Count(Database& db, const std::string& table) {
  StatusOr<ResultSet> rs = db.Query("SELECT COUNT(*) AS n FROM " + table);
  EXPECT_TRUE(rs.ok()) << rs.status().ToString();
  return rs.ok() ? rs->At(0, "n").AsInt() : -1;
}

std::vector<Customer> AllCustomers(const DemoDb& d) {
  std::vector<Customer> out;
  CustomerQuery q;
  q.limit = 500;
  for (;;) {
    StatusOr<std::vector<Customer>> page = d.store->List(*d.db, q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok() || page->empty()) break;
    q.after_id = page->back().id;
    out.insert(out.end(), page->begin(), page->end());
  }
  return out;
}

// FNV-1a over the transaction rows in id order: equal only for identical generations.
uint64_t TransactionChecksum(Database& db) {
  StatusOr<ResultSet> rs = db.Query(
      "SELECT id, time_us, account_id, amount_minor, counterparty_id FROM transactions ORDER BY "
      "id");
  EXPECT_TRUE(rs.ok());
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const std::string& s) {
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
  };
  for (const auto& row : rs->rows) {
    for (const Value& v : row) mix(v.AsText());
  }
  return h;
}

// --- Independent checks, written from the standards rather than from the generator. ----------

// GB/T 2260 province-level codes (the first two digits of a resident ID's address code).
const std::map<std::string, std::string>& ProvinceByCode() {
  static const std::map<std::string, std::string> k = {
      {"11", "北京市"},          {"12", "天津市"},         {"13", "河北省"},
      {"14", "山西省"},          {"15", "内蒙古自治区"},   {"21", "辽宁省"},
      {"22", "吉林省"},          {"23", "黑龙江省"},       {"31", "上海市"},
      {"32", "江苏省"},          {"33", "浙江省"},         {"34", "安徽省"},
      {"35", "福建省"},          {"36", "江西省"},         {"37", "山东省"},
      {"41", "河南省"},          {"42", "湖北省"},         {"43", "湖南省"},
      {"44", "广东省"},          {"45", "广西壮族自治区"}, {"46", "海南省"},
      {"50", "重庆市"},          {"51", "四川省"},         {"52", "贵州省"},
      {"53", "云南省"},          {"54", "西藏自治区"},     {"61", "陕西省"},
      {"62", "甘肃省"},          {"63", "青海省"},         {"64", "宁夏回族自治区"},
      {"65", "新疆维吾尔自治区"}};
  return k;
}

bool LuhnValid(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

// GB 32100-2015 §5: check character = 31 - (sum of value * 3^(i-1) mod 31) mod 31.
bool UsccValid(const std::string& code) {
  static const std::string kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  if (code.size() != 18) return false;
  int sum = 0, weight = 1;
  for (int i = 0; i < 17; ++i) {
    const size_t v = kChars.find(code[i]);
    if (v == std::string::npos) return false;
    sum += static_cast<int>(v) * weight;
    weight = weight * 3 % 31;
  }
  return code[17] == kChars[(31 - sum % 31) % 31];
}

TEST(DemoReferenceChecksTest, CheckersAgreeWithPublishedExamples) {
  EXPECT_TRUE(LuhnValid("79927398713"));  // ISO/IEC 7812 textbook example
  EXPECT_FALSE(LuhnValid("79927398710"));
  // GB 32100-2015's worked example: 91350100M000100Y4 has check character 3.
  EXPECT_TRUE(UsccValid("91350100M000100Y43"));
  EXPECT_FALSE(UsccValid("91350100M000100Y4Z"));
}

// --- Pattern definitions (as DemoOptions' header states them), applied to stored rows. -------

struct Row {
  std::string customer, account, direction, channel, currency, counterparty, country;
  int64_t time_us;
  int64_t amount;
  bool cross_border;
};

std::map<std::string, std::vector<Row>> RowsByAccount(Database& db) {
  StatusOr<ResultSet> rs = db.Query(
      "SELECT customer_id, account_id, direction, channel, currency, counterparty_id,"
      " counterparty_country, time_us, amount_minor, cross_border FROM transactions"
      " ORDER BY account_id, time_us, id");
  EXPECT_TRUE(rs.ok()) << rs.status().ToString();
  std::map<std::string, std::vector<Row>> out;
  for (size_t i = 0; i < rs->size(); ++i) {
    Row r{rs->At(i, "customer_id").AsText(),
          rs->At(i, "account_id").AsText(),
          rs->At(i, "direction").AsText(),
          rs->At(i, "channel").AsText(),
          rs->At(i, "currency").AsText(),
          rs->At(i, "counterparty_id").AsText(),
          rs->At(i, "counterparty_country").AsText(),
          rs->At(i, "time_us").AsInt(),
          rs->At(i, "amount_minor").AsInt(),
          rs->At(i, "cross_border").AsBool()};
    out[r.account].push_back(std::move(r));
  }
  return out;
}

bool Structuring(const std::vector<Row>& rows) {
  std::vector<int64_t> days;
  for (const Row& r : rows) {
    if (r.channel == "cash" && r.direction == "in" && r.currency == "CNY" &&
        r.amount >= 4'500'000 && r.amount < 5'000'000) {
      days.push_back(ShanghaiDate(Instant{r.time_us}).DaysSinceEpoch());
    }
  }
  std::sort(days.begin(), days.end());
  for (size_t i = 1; i < days.size(); ++i) {
    if (days[i] - days[i - 1] <= 1) return true;
  }
  return false;
}

bool Fan(const std::vector<Row>& rows, const std::string& direction) {
  std::vector<const Row*> t;
  for (const Row& r : rows) {
    if (r.channel == "transfer" && r.direction == direction) t.push_back(&r);
  }
  for (size_t i = 0; i < t.size(); ++i) {
    std::set<std::string> parties;
    for (size_t j = i; j < t.size() && t[j]->time_us <= t[i]->time_us + 48 * kHour; ++j) {
      parties.insert(t[j]->counterparty);
    }
    if (parties.size() >= 15) return true;
  }
  return false;
}

bool DormantReactivation(const std::vector<Row>& rows) {
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].time_us - rows[i - 1].time_us < 180 * kDay) continue;
    int large_out = 0;
    for (size_t j = i; j < rows.size() && rows[j].time_us <= rows[i].time_us + 3 * kDay; ++j) {
      const Row& r = rows[j];
      if (r.channel == "transfer" && r.direction == "out" && r.currency == "CNY" &&
          r.amount >= 5'000'000) {
        ++large_out;
      }
    }
    if (large_out >= 2) return true;
  }
  return false;
}

bool HighRiskCountry(const std::vector<Row>& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const Row& r) {
    return r.cross_border && (r.country == "KP" || r.country == "IR" || r.country == "MM");
  });
}

std::map<std::string, std::set<std::string>> CustomersMatching(Database& db) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& [account, rows] : RowsByAccount(db)) {
    const std::string& customer = rows.front().customer;
    if (Structuring(rows)) out["structuring"].insert(customer);
    if (Fan(rows, "in")) out["fan_in"].insert(customer);
    if (Fan(rows, "out")) out["fan_out"].insert(customer);
    if (DormantReactivation(rows)) out["dormant_reactivation"].insert(customer);
    if (HighRiskCountry(rows)) out["high_risk_country"].insert(customer);
  }
  return out;
}

// --- One shared institution for the content checks. ------------------------------------------

class DemoInstitutionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { demo_ = Generate(42, 200).release(); }
  static void TearDownTestSuite() {
    delete demo_;
    demo_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(demo_, nullptr); }
  static DemoDb* demo_;
};
DemoDb* DemoInstitutionTest::demo_ = nullptr;

TEST_F(DemoInstitutionTest, SummaryMatchesTheTables) {
  Database& db = *demo_->db;
  const DemoSummary& s = demo_->summary;
  EXPECT_EQ(s.customers, 200);
  EXPECT_EQ(Count(db, "customers"), s.customers);
  EXPECT_EQ(Count(db, "accounts"), s.accounts);
  EXPECT_EQ(Count(db, "products"), s.products);
  EXPECT_EQ(Count(db, "transactions"), s.transactions);
  EXPECT_EQ(Count(db, "fx_rates"), s.fx_rates);
  int64_t planted = 0;
  for (const auto& [pattern, n] : s.planted) planted += n;
  EXPECT_EQ(Count(db, "planted_patterns"), planted);
}

TEST_F(DemoInstitutionTest, TransactionsScaleWithCustomers) {
  // >= 1,000,000 at the default 10,000 customers means >= 100 per customer.
  EXPECT_GE(demo_->summary.transactions, 100 * demo_->summary.customers);
  // Accounts: one to three per customer.
  StatusOr<ResultSet> rs = demo_->db->Query(
      "SELECT MIN(n) AS lo, MAX(n) AS hi FROM"
      " (SELECT COUNT(*) AS n FROM accounts GROUP BY customer_id) per_customer");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->At(0, "lo").AsInt(), 1);
  EXPECT_EQ(rs->At(0, "hi").AsInt(), 3);
}

TEST_F(DemoInstitutionTest, EveryCustomerPassesValidationAndIdsAreValidAndUnique) {
  const std::vector<Customer> customers = AllCustomers(*demo_);
  ASSERT_EQ(customers.size(), 200u);
  std::set<std::string> id_numbers, phones, provinces;
  int resident = 0, passport = 0, uscc = 0;
  const std::regex mobile("^1[3-9][0-9]{9}$");
  for (const Customer& c : customers) {
    SCOPED_TRACE(c.id + " " + c.name + " " + c.id_number);
    StatusOr<Customer> checked = ApplyCustomerInput(c, CustomerInput{}, true, kLastDay);
    ASSERT_TRUE(checked.ok()) << checked.status().ToString();
    EXPECT_EQ(checked->phone, c.phone);
    EXPECT_TRUE(id_numbers.insert(c.id_type + ":" + c.id_number).second) << "duplicate ID number";
    if (!c.phone.empty()) {
      EXPECT_TRUE(phones.insert(c.phone).second) << "duplicate phone";
    }
    EXPECT_EQ(c.address.rfind(c.province, 0), 0u) << c.address;
    provinces.insert(c.province);
    if (c.id_type == "resident_id") {
      ++resident;
      EXPECT_EQ(c.type, "individual");
      EXPECT_EQ(c.nationality, "CN");
      EXPECT_TRUE(ValidateResidentId(c.id_number, kLastDay).ok());
      // Address code of a real province, the customer's own; age 18-85 on the last day.
      EXPECT_EQ(ProvinceByCode().at(c.id_number.substr(0, 2)), c.province);
      const int y = std::stoi(c.id_number.substr(6, 4));
      const int m = std::stoi(c.id_number.substr(10, 2));
      const int d = std::stoi(c.id_number.substr(12, 2));
      const int age = kLastDay.year - y -
                      ((kLastDay.month < m || (kLastDay.month == m && kLastDay.day < d)) ? 1 : 0);
      EXPECT_GE(age, 18);
      EXPECT_LE(age, 85);
      // A customer since turning 18 at the earliest.
      const std::string since = ShanghaiDate(c.created_at).ToString();
      EXPECT_GE(since, std::to_string(y + 18) + "-" + c.id_number.substr(10, 2) + "-" +
                           c.id_number.substr(12, 2))
          << since;
      EXPECT_TRUE(std::regex_match(c.phone, mobile) || c.phone.empty()) << c.phone;
      // A Chinese name: two to four CJK characters (3 bytes each in UTF-8).
      EXPECT_GE(c.name.size(), 6u);
      EXPECT_LE(c.name.size(), 12u);
    } else if (c.id_type == "passport") {
      ++passport;
      EXPECT_EQ(c.type, "individual");
      EXPECT_NE(c.nationality, "CN");
      EXPECT_NE(c.name.find(' '), std::string::npos) << "an English name has a space";
    } else {
      ++uscc;
      EXPECT_EQ(c.id_type, "uscc");
      EXPECT_EQ(c.type, "corporate");
      EXPECT_TRUE(UsccValid(c.id_number));
      EXPECT_EQ(ProvinceByCode().at(c.id_number.substr(2, 2)), c.province);
      EXPECT_TRUE(c.name.ends_with("公司")) << c.name;
      EXPECT_TRUE(c.segment == "sme" || c.segment == "corporate") << c.segment;
    }
    EXPECT_TRUE(IsOneOf(c.aml_risk, {"low", "medium", "high"}));
  }
  // ~90% / ~4% / ~6%, with room for 200 draws.
  EXPECT_GE(resident, 160);
  EXPECT_GE(passport, 1);
  EXPECT_LE(passport, 20);
  EXPECT_GE(uscc, 3);
  EXPECT_LE(uscc, 25);
  EXPECT_GE(provinces.size(), 15u);
}

TEST_F(DemoInstitutionTest, AccountsAreConsistentWithTheirTransactions) {
  Database& db = *demo_->db;
  std::set<std::string> numbers;
  std::map<std::string, int> currencies, statuses;
  StatusOr<ResultSet> ids = db.Query("SELECT DISTINCT customer_id FROM accounts");
  ASSERT_TRUE(ids.ok());
  const auto rows = RowsByAccount(db);
  const int64_t end_us = ShanghaiMidnight(kLastDay.AddDays(1)).micros;
  for (size_t i = 0; i < ids->size(); ++i) {
    StatusOr<std::vector<Account>> accounts =
        demo_->store->ListAccounts(db, ids->At(i, "customer_id").AsText());
    ASSERT_TRUE(accounts.ok());
    for (const Account& a : *accounts) {
      SCOPED_TRACE(a.id + " " + a.type + " " + a.status);
      EXPECT_EQ(a.number.size(), 19u);
      EXPECT_TRUE(LuhnValid(a.number)) << a.number;
      EXPECT_TRUE(a.number.starts_with("62")) << a.number;  // UnionPay BIN range
      EXPECT_TRUE(numbers.insert(a.number).second) << "duplicate account number";
      ++currencies[a.currency];
      ++statuses[a.status];
      auto it = rows.find(a.id);
      if (it != rows.end()) {
        // Last activity is the latest transaction, and every amount is in the account's currency.
        ASSERT_TRUE(a.last_activity_at.has_value());
        EXPECT_EQ(a.last_activity_at->micros, it->second.back().time_us);
        for (const Row& r : it->second) {
          EXPECT_EQ(r.currency, a.currency);
          EXPECT_GT(r.amount, 0);
        }
        if (a.status == "dormant") {
          EXPECT_LE(it->second.back().time_us, end_us - 180 * kDay);
        }
        if (a.closed_on) {
          EXPECT_LE(ShanghaiDate(Instant{it->second.back().time_us}).ToString(), *a.closed_on);
        }
      }
      if (a.type == "credit_card" || a.type == "loan") {
        EXPECT_LE(a.balance_minor, 0);
      }
    }
  }
  EXPECT_GT(currencies["CNY"], 200);
  for (const auto& [ccy, n] : currencies) {
    EXPECT_TRUE(IsOneOf(ccy, {"CNY", "USD", "HKD", "EUR"})) << ccy;
  }
  EXPECT_GT(currencies["CNY"], 5 * (currencies["USD"] + currencies["HKD"] + currencies["EUR"]));
  EXPECT_GT(statuses["active"], statuses["dormant"] + statuses["closed"]);
  EXPECT_GE(statuses["dormant"], 1);
}

TEST_F(DemoInstitutionTest, TransactionsLookLikeAYearOfBanking) {
  Database& db = *demo_->db;
  const int64_t begin_us = ShanghaiMidnight(kLastDay.AddDays(-364)).micros;
  const int64_t end_us = ShanghaiMidnight(kLastDay.AddDays(1)).micros;
  StatusOr<ResultSet> rs =
      db.Query("SELECT MIN(time_us) AS lo, MAX(time_us) AS hi FROM transactions");
  ASSERT_TRUE(rs.ok());
  EXPECT_GE(rs->At(0, "lo").AsInt(), begin_us);
  EXPECT_LT(rs->At(0, "hi").AsInt(), end_us);
  EXPECT_LT(rs->At(0, "lo").AsInt(), begin_us + 2 * kDay);
  EXPECT_GT(rs->At(0, "hi").AsInt(), end_us - 2 * kDay);

  std::map<std::string, int64_t> channels;
  int64_t total = 0, daytime = 0, foreign = 0;
  for (const auto& [account, rows] : RowsByAccount(db)) {
    for (const Row& r : rows) {
      ++total;
      ++channels[r.channel];
      const int64_t hour = (r.time_us + kShanghaiOffsetMicros) % kDay / kHour;
      if (hour >= 8 && hour <= 21) ++daytime;
      EXPECT_EQ(r.cross_border, !r.country.empty() && r.country != "CN");
      if (r.cross_border) ++foreign;
      if (r.channel == "cash" || r.channel == "atm") {
        EXPECT_TRUE(r.counterparty.empty());
      }
      if (r.channel == "transfer") {
        EXPECT_FALSE(r.counterparty.empty());
      }
    }
  }
  for (const char* ch : {"cash", "transfer", "card", "online", "atm", "cheque"}) {
    EXPECT_GT(channels[ch], 0) << ch;
  }
  EXPECT_GT(channels["card"] + channels["online"], channels["cash"] * 3);
  EXPECT_GT(daytime * 100, total * 80);  // business-hours bias
  EXPECT_GT(foreign, 0);

  // Ordinary cash stays far below the large-cash threshold: only structuring comes near it.
  StatusOr<ResultSet> cash = db.Query(
      "SELECT COUNT(*) AS n FROM transactions t WHERE channel = 'cash' AND direction = 'in'"
      " AND amount_minor >= 2000001 AND customer_id NOT IN"
      " (SELECT customer_id FROM planted_patterns WHERE pattern = 'structuring')");
  ASSERT_TRUE(cash.ok());
  EXPECT_EQ(cash->At(0, "n").AsInt(), 0);
}

TEST_F(DemoInstitutionTest, PlantedPatternsHoldAndOnlyForTheirCarriers) {
  Database& db = *demo_->db;
  StatusOr<ResultSet> rs = db.Query("SELECT customer_id, pattern, detail FROM planted_patterns");
  ASSERT_TRUE(rs.ok());
  std::map<std::string, std::set<std::string>> planted;
  for (size_t i = 0; i < rs->size(); ++i) {
    const std::string customer = rs->At(i, "customer_id").AsText();
    planted[rs->At(i, "pattern").AsText()].insert(customer);
    // The detail names an account of the carrier.
    const nlohmann::json detail = nlohmann::json::parse(rs->At(i, "detail").AsText());
    StatusOr<ResultSet> owner = db.Query("SELECT customer_id FROM accounts WHERE id = ?",
                                         {Value(detail.at("account_id").get<std::string>())});
    ASSERT_TRUE(owner.ok());
    ASSERT_EQ(owner->size(), 1u);
    EXPECT_EQ(owner->At(0, "customer_id").AsText(), customer);
  }
  const auto matching = CustomersMatching(db);
  for (const char* pattern : kDemoPatterns) {
    SCOPED_TRACE(pattern);
    // ~0.75% of 200 customers: two carriers each.
    EXPECT_EQ(planted[pattern].size(), 2u);
    EXPECT_EQ(demo_->summary.planted.at(pattern), 2);
    // The definition holds for every carrier and for no one else.
    EXPECT_EQ(matching.count(pattern) ? matching.at(pattern) : std::set<std::string>(),
              planted[pattern]);
  }
}

TEST_F(DemoInstitutionTest, ProductsAndFxRates) {
  Database& db = *demo_->db;
  StatusOr<std::vector<Product>> products = demo_->store->ListProducts(db);
  ASSERT_TRUE(products.ok());
  EXPECT_GE(products->size(), 20u);
  std::set<std::string> risks, types;
  for (const Product& p : *products) {
    risks.insert(p.risk_level);
    types.insert(p.type);
    EXPECT_FALSE(p.name.empty());
    EXPECT_FALSE(p.name_en.empty());
  }
  EXPECT_EQ(risks, (std::set<std::string>{"R1", "R2", "R3", "R4", "R5"}));
  EXPECT_EQ(types, (std::set<std::string>{"deposit", "wealth", "fund", "insurance", "loan", "card",
                                          "bond"}));

  StatusOr<ResultSet> fx = db.Query(
      "SELECT currency, COUNT(*) AS n, MIN(rate_date) AS first_day, MAX(rate_date) AS last_day"
      " FROM fx_rates GROUP BY currency ORDER BY currency");
  ASSERT_TRUE(fx.ok());
  ASSERT_EQ(fx->size(), 5u);
  for (size_t i = 0; i < fx->size(); ++i) {
    EXPECT_EQ(fx->At(i, "n").AsInt(), 365);
    EXPECT_EQ(fx->At(i, "first_day").AsText(), "2025-11-01");
    EXPECT_EQ(fx->At(i, "last_day").AsText(), "2026-10-31");
  }
  // Realistic levels (CNY per unit), as decimal strings Money can use exactly.
  const std::map<std::string, std::pair<double, double>> band = {{"USD", {6.6, 7.6}},
                                                                 {"EUR", {7.0, 8.6}},
                                                                 {"HKD", {0.84, 0.98}},
                                                                 {"GBP", {8.4, 10.2}},
                                                                 {"JPY", {0.040, 0.056}}};
  StatusOr<ResultSet> rates = db.Query("SELECT currency, cny_per_unit FROM fx_rates");
  ASSERT_TRUE(rates.ok());
  const std::regex decimal("^[0-9]+\\.[0-9]{4,6}$");
  for (size_t i = 0; i < rates->size(); ++i) {
    const std::string ccy = rates->At(i, "currency").AsText();
    const std::string text = rates->At(i, "cny_per_unit").AsText();
    EXPECT_TRUE(std::regex_match(text, decimal)) << text;
    EXPECT_TRUE(ExchangeRate::Parse(text).ok()) << text;
    const double v = std::stod(text);
    EXPECT_GE(v, band.at(ccy).first) << ccy << " " << text;
    EXPECT_LE(v, band.at(ccy).second) << ccy << " " << text;
  }
}

// --- Determinism, failure and options. ------------------------------------------------------

TEST(DemoInstitutionDeterminismTest, SameSeedSameRowsOtherSeedOtherRows) {
  auto a = Generate(7, 150);
  auto b = Generate(7, 150);
  auto c = Generate(8, 150);
  ASSERT_TRUE(a && b && c);
  const std::vector<Customer> ca = AllCustomers(*a), cb = AllCustomers(*b), cc = AllCustomers(*c);
  ASSERT_EQ(ca.size(), 150u);
  ASSERT_EQ(cb.size(), 150u);
  for (size_t i = 0; i < ca.size(); ++i) {
    EXPECT_EQ(ca[i].id, cb[i].id);
    EXPECT_EQ(ca[i].name, cb[i].name);
    EXPECT_EQ(ca[i].id_number, cb[i].id_number);
    EXPECT_EQ(ca[i].address, cb[i].address);
  }
  EXPECT_EQ(a->summary.transactions, b->summary.transactions);
  EXPECT_EQ(Count(*a->db, "transactions"), Count(*b->db, "transactions"));
  EXPECT_EQ(TransactionChecksum(*a->db), TransactionChecksum(*b->db));
  StatusOr<ResultSet> pa = a->db->Query("SELECT * FROM planted_patterns ORDER BY customer_id");
  StatusOr<ResultSet> pb = b->db->Query("SELECT * FROM planted_patterns ORDER BY customer_id");
  ASSERT_TRUE(pa.ok() && pb.ok());
  ASSERT_EQ(pa->size(), pb->size());
  for (size_t i = 0; i < pa->size(); ++i) {
    EXPECT_EQ(pa->At(i, "detail").AsText(), pb->At(i, "detail").AsText());
  }

  EXPECT_NE(ca.front().id, cc.front().id);
  EXPECT_NE(TransactionChecksum(*a->db), TransactionChecksum(*c->db));
  EXPECT_NE(a->summary.transactions, c->summary.transactions);
}

TEST(DemoInstitutionFailureTest, AFailureLeavesNothingBehind) {
  auto d = NewDemoDb();
  ASSERT_TRUE(d);
  // A rate already present for the first day makes the fx insert fail after customers,
  // accounts and products were written in the same transaction.
  ASSERT_TRUE(d->db
                  ->Exec("INSERT INTO fx_rates (currency, rate_date, cny_per_unit) VALUES"
                         " ('USD', '2025-11-01', '7.1000')")
                  .ok());
  StatusOr<DemoSummary> s = GenerateDemoInstitution(
      *d->db, *d->store, DemoOptions{.seed = 1, .customers = 30, .last_day = kLastDay});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kAlreadyExists) << s.status().ToString();
  for (const char* table :
       {"customers", "accounts", "products", "transactions", "planted_patterns"}) {
    EXPECT_EQ(Count(*d->db, table), 0) << table;
  }
  EXPECT_EQ(Count(*d->db, "fx_rates"), 1);
}

TEST(DemoInstitutionOptionsTest, RejectsImpossibleOptions) {
  auto d = NewDemoDb();
  ASSERT_TRUE(d);
  StatusOr<DemoSummary> none =
      GenerateDemoInstitution(*d->db, *d->store, DemoOptions{.seed = 1, .customers = 0});
  EXPECT_EQ(none.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(none.status().message(), HasSubstr("between 1 and 1000000, got 0"));
  StatusOr<DemoSummary> bad_day = GenerateDemoInstitution(
      *d->db, *d->store, DemoOptions{.seed = 1, .customers = 10, .last_day = {2026, 2, 30}});
  EXPECT_EQ(bad_day.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_day.status().message(), HasSubstr("2026-02-30"));
}

TEST(DemoInstitutionBackendsTest, SmallInstitutionOnEveryBackend) {
  for (const std::string& backend : finguard::testing::TestBackends()) {
    SCOPED_TRACE(backend);
    auto d = Generate(3, 20, backend);
    ASSERT_TRUE(d);
    EXPECT_EQ(Count(*d->db, "customers"), 20);
    EXPECT_EQ(Count(*d->db, "transactions"), d->summary.transactions);
    EXPECT_GE(d->summary.transactions, 20 * 100);
  }
}

}  // namespace
}  // namespace finguard::customers
