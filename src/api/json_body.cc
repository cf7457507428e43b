#include "api/json_body.h"

#include <cmath>

namespace finguard::api {

StatusOr<JsonBody> JsonBody::Parse(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return InvalidArgument("request body is not valid JSON", {{"", "malformed JSON"}});
  }
  if (!j.is_object()) return InvalidArgument("request body must be a JSON object", {{"", "not an object"}});
  return JsonBody(std::move(j));
}

const nlohmann::json* JsonBody::Take(const std::string& key, bool required) {
  taken_.insert(key);
  auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) {
    if (required) Error(key, "required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonBody::String(const std::string& key, bool required, size_t max_bytes) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Error(key, "must be a string");
    return std::nullopt;
  }
  std::string s = v->get<std::string>();
  if (s.size() > max_bytes) {
    Error(key, "longer than " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (required && s.empty()) {
    Error(key, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> JsonBody::Enum(const std::string& key,
                                          std::initializer_list<std::string_view> allowed,
                                          bool required) {
  std::optional<std::string> s = String(key, required, 100);
  if (!s) return std::nullopt;
  for (auto a : allowed) {
    if (a == *s) return s;
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  Error(key, "must be one of: " + list);
  return std::nullopt;
}

std::optional<bool> JsonBody::Bool(const std::string& key, bool required) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Error(key, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> JsonBody::StringArray(const std::string& key, bool required,
                                                              size_t max_items) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    Error(key, "must be an array of strings");
    return std::nullopt;
  }
  if (v->size() > max_items) {
    Error(key, "more than " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) {
      Error(key + "/" + std::to_string(i), "must be a string");
      return std::nullopt;
    }
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

std::optional<double> JsonBody::Number(const std::string& key, bool required) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    Error(key, "must be a number");
    return std::nullopt;
  }
  double d = v->get<double>();
  if (!std::isfinite(d)) {
    Error(key, "must be a finite number");
    return std::nullopt;
  }
  return d;
}

std::optional<int64_t> JsonBody::Integer(const std::string& key, bool required, int64_t min,
                                         int64_t max) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    Error(key, "must be an integer");
    return std::nullopt;
  }
  // Unsigned values above int64 and out-of-range values both fail the bounds check.
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(max)) {
    Error(key, "must be in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return std::nullopt;
  }
  int64_t n = v->get<int64_t>();
  if (n < min || n > max) {
    Error(key, "must be in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return std::nullopt;
  }
  return n;
}

std::optional<std::vector<double>> JsonBody::NumberArray(const std::string& key, bool required,
                                                         size_t max_items) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    Error(key, "must be an array of numbers");
    return std::nullopt;
  }
  if (v->size() > max_items) {
    Error(key, "more than " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<double> out;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_number() || !std::isfinite((*v)[i].get<double>())) {
      Error(key + "/" + std::to_string(i), "must be a finite number");
      return std::nullopt;
    }
    out.push_back((*v)[i].get<double>());
  }
  return out;
}

std::optional<std::vector<JsonBody>> JsonBody::ObjectArray(const std::string& key, bool required,
                                                           size_t max_items) {
  const nlohmann::json* v = Take(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    Error(key, "must be an array of objects");
    return std::nullopt;
  }
  if (v->size() > max_items) {
    Error(key, "more than " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<JsonBody> out;
  out.reserve(v->size());
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_object()) {
      Error(key + "/" + std::to_string(i), "must be an object");
      return std::nullopt;
    }
    out.push_back(JsonBody((*v)[i], prefix_ + "/" + key + "/" + std::to_string(i)));
  }
  return out;
}

void JsonBody::CheckUnknownFields() {
  for (auto it = json_.begin(); it != json_.end(); ++it) {
    if (!taken_.count(it.key())) Error(it.key(), "unknown field");
  }
}

void JsonBody::Include(JsonBody& item) {
  item.CheckUnknownFields();
  // A body of thousands of bad items would otherwise answer with thousands of errors; the
  // first hundred say enough.
  for (FieldError& e : item.errors_) {
    if (errors_.size() >= 100) break;
    errors_.push_back(std::move(e));
  }
  item.errors_.clear();
}

Status JsonBody::Finish() {
  CheckUnknownFields();
  if (errors_.empty()) return OkStatus();
  std::string msg = "invalid request: " + errors_[0].field + " " + errors_[0].reason;
  if (errors_.size() > 1) msg += " (and " + std::to_string(errors_.size() - 1) + " more)";
  return InvalidArgument(msg, errors_);
}

}  // namespace finguard::api
