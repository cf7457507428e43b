#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "api/api_server.h"
#include "api/json_body.h"
#include "testing/test_database.h"

namespace finguard::api {
namespace {

// Builds the real server's router over a throwaway database.
class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = finguard::testing::NewTestDatabase("sqlite");
    auto dir =
        std::filesystem::temp_directory_path() / ("fg_api_" + finguard::testing::UniqueSuffix());
    keys_ = std::move(security::KeyStore::OpenOrCreate((dir / "k").string())).value();
    cipher_ = std::make_unique<security::FieldCipher>(*keys_);
    audit_ = std::make_unique<security::AuditLog>(*keys_, clock_);
    auth_ = std::make_unique<security::AuthService>(*db_, *audit_, clock_, security::AuthPolicy{});
    store_ = std::make_unique<customers::CustomerStore>(*cipher_);
    customers_ = std::make_unique<customers::CustomerService>(*db_, *store_, *audit_, clock_);
    server_ = std::make_unique<ApiServer>(
        ApiServices{*db_, *auth_, *audit_, *customers_, clock_, config_});
  }
  FakeClock clock_{Instant::FromSeconds(1767225600)};
  Config config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<security::KeyStore> keys_;
  std::unique_ptr<security::FieldCipher> cipher_;
  std::unique_ptr<security::AuditLog> audit_;
  std::unique_ptr<security::AuthService> auth_;
  std::unique_ptr<customers::CustomerStore> store_;
  std::unique_ptr<customers::CustomerService> customers_;
  std::unique_ptr<ApiServer> server_;
};

TEST_F(OpenApiTest, EveryRouteIsDocumentedWithExistingSchemas) {
  nlohmann::json doc = OpenApiDocument(server_->router());
  const nlohmann::json& schemas = doc["components"]["schemas"];
  ASSERT_GE(server_->router().routes().size(), 15u);
  for (const Route& r : server_->router().routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    SCOPED_TRACE(r.method + " " + r.path);
    ASSERT_TRUE(doc["paths"].contains(r.path));
    ASSERT_TRUE(doc["paths"][r.path].contains(method));
    EXPECT_FALSE(r.doc.summary.empty()) << "undocumented route";
    EXPECT_FALSE(r.doc.tag.empty());
    if (!r.doc.request.empty()) {
      EXPECT_TRUE(schemas.contains(r.doc.request)) << r.doc.request;
    }
    if (!r.doc.response.empty()) {
      EXPECT_TRUE(schemas.contains(r.doc.response)) << r.doc.response;
    }
    if (r.doc.success_status != 204) {
      EXPECT_FALSE(r.doc.response.empty());
    }
    if (r.method == "POST" || r.method == "PATCH") {
      EXPECT_TRUE(!r.doc.request.empty() || r.path == "/api/v1/auth/logout" ||
                  r.path == "/api/v1/audit/verify");
    }
  }
  // Every $ref in the document resolves.
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        EXPECT_TRUE(schemas.contains(ref.substr(ref.rfind('/') + 1))) << ref;
      }
      for (const auto& [k, v] : j.items()) walk(v);
    } else if (j.is_array()) {
      for (const auto& v : j) walk(v);
    }
  };
  walk(doc);
  EXPECT_EQ(doc["openapi"], "3.1.0");
}

TEST(JsonBodyTest, ReportsEveryProblemWithPointers) {
  auto body = JsonBody::Parse(R"({"name": 5, "roles": ["a", 7], "type": "alien", "extra": true})");
  ASSERT_TRUE(body.ok());
  body->String("name", kRequired);
  body->StringArray("roles", kRequired);
  body->Enum("type", {"individual", "corporate"}, kRequired);
  body->String("missing", kRequired);
  Status s = body->Finish();
  std::vector<std::string> fields;
  for (const auto& f : s.fields()) fields.push_back(f.field);
  EXPECT_THAT(fields, ::testing::ElementsAre("/name", "/roles/1", "/type", "/missing", "/extra"));
  EXPECT_EQ(JsonBody::Parse("{").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(JsonBody::Parse("[1]").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace finguard::api
