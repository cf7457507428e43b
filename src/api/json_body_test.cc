#include "api/json_body.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace finguard::api {
namespace {

TEST(JsonBodyNumberTest, ReadsNumbersIntegersAndNestedObjects) {
  auto body = JsonBody::Parse(R"({"pd":0.01,"n":3,"big":1e400,"s":"1","f":2.5,"curve":[0.01,0.03],)"
                              R"("items":[{"pd":0.5},{"pd":"x","extra":1}]})");
  // 1e400 overflows a double: either the parser or Number rejects it, never a silent inf.
  if (body.ok()) {
    EXPECT_EQ(body->Number("big", kRequired), std::nullopt);
  }
  body = JsonBody::Parse(R"({"pd":0.01,"n":3,"s":"1","f":2.5,"neg":-4,"curve":[0.01,0.03],)"
                         R"("items":[{"pd":0.5},{"pd":"x","extra":1}]})");
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->Number("pd", kRequired), 0.01);
  EXPECT_EQ(body->Integer("n", kRequired, 0, 10), 3);
  EXPECT_EQ(body->Number("s", kRequired), std::nullopt);          // a string is not a number
  EXPECT_EQ(body->Integer("f", kRequired, 0, 10), std::nullopt);  // 2.5 is not an integer
  EXPECT_EQ(body->Integer("neg", kRequired, 0, 10), std::nullopt);
  EXPECT_EQ(body->NumberArray("curve", kRequired), (std::vector<double>{0.01, 0.03}));
  EXPECT_EQ(body->Number("missing", kOptional), std::nullopt);
  auto items = body->ObjectArray("items", kRequired, 10);
  ASSERT_TRUE(items.has_value());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].Number("pd", kRequired), 0.5);
  EXPECT_EQ((*items)[1].Number("pd", kRequired), std::nullopt);
  for (JsonBody& item : *items) body->Include(item);
  Status s = body->Finish();
  std::vector<std::string> fields;
  for (const FieldError& e : s.fields()) fields.push_back(e.field + " " + e.reason);
  EXPECT_THAT(fields, ::testing::ElementsAre(
                          "/s must be a number", "/f must be an integer", "/neg must be in [0, 10]",
                          "/items/1/pd must be a number", "/items/1/extra unknown field"));
}

}  // namespace
}  // namespace finguard::api
