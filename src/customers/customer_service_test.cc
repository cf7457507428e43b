#include "customers/customer_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "customers/customer_import.h"
#include "customers/resident_id.h"
#include "security/permissions.h"
#include "testing/test_database.h"

namespace finguard::customers {
namespace {

using ::testing::HasSubstr;

class CustomerServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = finguard::testing::NewTestDatabase(GetParam());
    ASSERT_NE(db_, nullptr);
    dir_ =
        std::filesystem::temp_directory_path() / ("fg_cust_" + finguard::testing::UniqueSuffix());
    std::filesystem::create_directories(dir_);
    keys_ = std::move(security::KeyStore::OpenOrCreate((dir_ / "k").string())).value();
    cipher_ = std::make_unique<security::FieldCipher>(*keys_);
    audit_ = std::make_unique<security::AuditLog>(*keys_, clock_);
    store_ = std::make_unique<CustomerStore>(*cipher_);
    service_ = std::make_unique<CustomerService>(*db_, *store_, *audit_, clock_);
    reader_ = Principal("officer", {"compliance_officer"});
    marketer_ = Principal("marketer", {"marketing"});
  }
  static security::Principal Principal(const std::string& name, std::vector<std::string> roles) {
    security::Principal p;
    p.username = name;
    p.roles = roles;
    p.permissions = security::PermissionsOf(roles);
    return p;
  }
  CustomerInput Zhang() {
    CustomerInput in;
    in.type = "individual";
    in.name = "张三";
    in.id_number = "11010519491231002X";
    in.phone = "+86 138 1234 5678";
    return in;
  }
  int64_t AuditCount(const std::string& action) {
    return db_
        ->Query("SELECT COUNT(*) AS n FROM audit_log WHERE action = ?", {storage::Value(action)})
        ->At(0, "n")
        .AsInt();
  }

  FakeClock clock_{Instant::FromSeconds(1767225600)};
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<security::KeyStore> keys_;
  std::unique_ptr<security::FieldCipher> cipher_;
  std::unique_ptr<security::AuditLog> audit_;
  std::unique_ptr<CustomerStore> store_;
  std::unique_ptr<CustomerService> service_;
  security::Principal reader_, marketer_;
};

TEST_P(CustomerServiceTest, StoresEncryptedAndMasksByPermission) {
  auto created = service_->Create(reader_, Zhang());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  std::string id = created->customer.id;
  EXPECT_EQ(created->customer.phone, "13812345678");  // normalised
  // Nothing personal is stored in clear.
  auto raw = db_->Query("SELECT name_enc, id_number_enc, phone_enc FROM customers");
  for (const char* col : {"name_enc", "id_number_enc", "phone_enc"}) {
    EXPECT_EQ(raw->At(0, col).AsText().find("张三"), std::string::npos);
    EXPECT_EQ(raw->At(0, col).AsText().find("13812345678"), std::string::npos);
  }
  auto masked = service_->Get(marketer_, id);
  EXPECT_TRUE(masked->masked);
  EXPECT_EQ(masked->customer.name, "张*");
  EXPECT_EQ(masked->customer.id_number, "110105********002X");
  EXPECT_EQ(AuditCount("customer.read_unmasked"), 0);
  auto clear = service_->Get(reader_, id);
  EXPECT_FALSE(clear->masked);
  EXPECT_EQ(clear->customer.id_number, "11010519491231002X");
  EXPECT_EQ(AuditCount("customer.read_unmasked"), 1);
}

TEST_P(CustomerServiceTest, SearchesByIdNumberPhoneAndName) {
  ASSERT_TRUE(service_->Create(reader_, Zhang()).ok());
  for (std::string q : {"11010519491231002x", "13812345678", "张三", "+8613812345678"}) {
    auto found = service_->List(reader_, {.q = q});
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 1u) << q;
  }
  EXPECT_EQ(service_->List(reader_, {.q = "张"})->size(), 0u);
}

TEST_P(CustomerServiceTest, InvalidInputReportsEveryField) {
  CustomerInput in;
  in.type = "person";
  in.id_number = "123";
  in.aml_risk = "extreme";
  auto r = service_->Create(reader_, in);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : r.status().fields()) fields.push_back(f.field);
  EXPECT_THAT(fields, ::testing::IsSupersetOf({"/type", "/name", "/aml_risk"}));
  EXPECT_EQ(db_->Query("SELECT COUNT(*) AS n FROM customers")->At(0, "n").AsInt(), 0);
}

TEST_P(CustomerServiceTest, ForeignNumbersKeepTheirCountryCode) {
  CustomerInput in;
  in.type = "individual";
  in.name = "John Smith";
  in.id_type = "passport";
  in.id_number = "533401234";
  in.nationality = "US";
  in.phone = "+1 415 555 0123";  // 11 digits, like a mainland mobile
  auto c = service_->Create(reader_, in);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->customer.phone, "+14155550123");
  EXPECT_EQ(service_->List(reader_, {.q = "+1 (415) 555-0123"})->size(), 1u);
}

TEST_P(CustomerServiceTest, DuplicateIdNumberConflictsOnField) {
  ASSERT_TRUE(service_->Create(reader_, Zhang()).ok());
  auto dup = service_->Create(reader_, Zhang());
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(dup.status().fields()[0].field, "/id_number");
}

TEST_P(CustomerServiceTest, ImportIsAllOrNothing) {
  std::string path = (dir_ / "c.csv").string();
  {
    std::ofstream out(path);
    out << "type,name,id_number,phone\n"
        << "individual,李四," << WithCheckCharacter("31010419850612001") << ",13700001111\n"
        << "individual,\"Smith, John\",310104198506120021,\n";  // wrong check character
  }
  auto bad = ImportCustomersCsv(*db_, *store_, *audit_, clock_, path, "tester");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("line 3: id_number"));
  EXPECT_EQ(db_->Query("SELECT COUNT(*) AS n FROM customers")->At(0, "n").AsInt(), 0);
  {
    std::ofstream out(path);
    out << "type,name,id_number\n"
        << "individual,李四," << WithCheckCharacter("31010419850612001") << "\n"
        << "individual,王五," << WithCheckCharacter("31010419850612003") << "\n";
  }
  auto good = ImportCustomersCsv(*db_, *store_, *audit_, clock_, path, "tester");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(*good, 2);
  EXPECT_EQ(AuditCount("customer.import"), 1);
}

TEST_P(CustomerServiceTest, RotationReencryptsEverything) {
  ASSERT_TRUE(service_->Create(reader_, Zhang()).ok());
  ASSERT_EQ(*keys_->AddActiveKey(), "k2");
  auto n = store_->ReencryptAll(*db_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 3);  // name, id number, phone
  auto counts = store_->CountByKeyId(*db_);
  EXPECT_EQ((*counts)["k2"], 3);
  EXPECT_EQ(counts->count("k1"), 0u);
  EXPECT_EQ(service_->List(reader_, {.q = "11010519491231002X"})->at(0).customer.name, "张三");
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomerServiceTest,
                         ::testing::ValuesIn(finguard::testing::TestBackends()));

}  // namespace
}  // namespace finguard::customers
