#pragma once
// JsonBody reads a request's JSON object strictly: malformed JSON, a non-object, wrong types,
// missing required fields, unknown enum values and unknown fields all become one
// kInvalidArgument Status whose fields carry JSON pointers ("/roles/1") and reasons. Reading
// never throws; call Finish() once after taking every field.
//   ASSIGN_OR_RETURN(JsonBody body, JsonBody::Parse(req.body));
//   auto name = body.String("name", kRequired);
//   RETURN_IF_ERROR(body.Finish());
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace finguard::api {

inline constexpr bool kRequired = true;
inline constexpr bool kOptional = false;

class JsonBody {
 public:
  static StatusOr<JsonBody> Parse(std::string_view text);

  std::optional<std::string> String(const std::string& key, bool required, size_t max_bytes = 1000);
  std::optional<std::string> Enum(const std::string& key, std::initializer_list<std::string_view> allowed,
                                  bool required);
  std::optional<bool> Bool(const std::string& key, bool required);
  // A finite JSON number (integer or fraction). Range checks belong to the caller.
  std::optional<double> Number(const std::string& key, bool required);
  // A JSON integer (no fraction part) within [min, max].
  std::optional<int64_t> Integer(const std::string& key, bool required, int64_t min, int64_t max);
  // An array of at most `max_items` finite numbers.
  std::optional<std::vector<double>> NumberArray(const std::string& key, bool required,
                                                 size_t max_items = 100);
  // An array of objects, each read as a nested JsonBody whose error pointers start with
  // "/key/<index>". Read each item's fields, then Include(item) to check its unknown fields
  // and collect its errors into this body's.
  std::optional<std::vector<JsonBody>> ObjectArray(const std::string& key, bool required,
                                                   size_t max_items);
  void Include(JsonBody& item);
  std::optional<std::vector<std::string>> StringArray(const std::string& key, bool required,
                                                      size_t max_items = 50);
  // Rejects unknown fields and returns every problem found, or OK.
  Status Finish();

 private:
  explicit JsonBody(nlohmann::json j, std::string prefix = "")
      : json_(std::move(j)), prefix_(std::move(prefix)) {}
  const nlohmann::json* Take(const std::string& key, bool required);
  void Error(const std::string& key, std::string reason) {
    errors_.push_back({prefix_ + "/" + key, std::move(reason)});
  }
  void CheckUnknownFields();

  nlohmann::json json_;
  std::string prefix_;  // JSON pointer of this object within the request body
  std::set<std::string> taken_;
  std::vector<FieldError> errors_;
};

}  // namespace finguard::api
