#pragma once
// Status and StatusOr<T>: how FinGuard reports expected failures (bad input, not found,
// conflict, unavailable) without exceptions. Modelled on absl::Status. Thread-compatible values.
//   StatusOr<Money> m = Money::Parse("12.30", "CNY");
//   if (!m.ok()) return m.status();
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace finguard {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input: 400 / CLI exit 2
  kNotFound,            // 404
  kAlreadyExists,       // 409
  kFailedPrecondition,  // 409: state does not allow it
  kUnauthenticated,     // 401
  kPermissionDenied,    // 403
  kResourceExhausted,   // 413 / 429
  kUnavailable,         // 503
  kInternal,            // 500: a bug or a broken environment
};

std::string_view StatusCodeName(StatusCode code);

// One field-level problem, addressed by a JSON pointer ("/customers/0/id_number") or, for
// files, by a location such as "line 12".
struct FieldError {
  std::string field;
  std::string reason;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  std::string ToString() const;

  // Prefixes the message with context ("customers.csv: "), keeping code and fields.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> fields_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgument(std::string m, std::vector<FieldError> f = {}) {
  return {StatusCode::kInvalidArgument, std::move(m), std::move(f)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status Unauthenticated(std::string m) {
  return {StatusCode::kUnauthenticated, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Holds either a T or a non-OK Status. Accessing value() of an error is a bug and aborts.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const T& value) : v_(value) {}
  StatusOr(T&& value) : v_(std::move(value)) {}
  StatusOr(Status status) : v_(std::move(status)) {
    if (std::get<Status>(v_).ok()) v_ = Status(StatusCode::kInternal, "OK status without value");
  }
  template <typename U>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, Status> &&
           !std::is_same_v<std::decay_t<U>, StatusOr<T>> && !std::is_same_v<std::decay_t<U>, T>)
      StatusOr(U&& u)
      : v_(T(std::forward<U>(u))) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<StatusOr*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  const T* operator->() const { return &const_cast<StatusOr*>(this)->Checked(); }
  T& operator*() & { return Checked(); }
  const T& operator*() const& { return const_cast<StatusOr*>(this)->Checked(); }
  T&& operator*() && { return std::move(Checked()); }

 private:
  T& Checked();
  std::variant<Status, T> v_;
};

[[noreturn]] void DieOnBadStatusOrAccess(const Status& s);

template <typename T>
T& StatusOr<T>::Checked() {
  if (!ok()) DieOnBadStatusOrAccess(std::get<Status>(v_));
  return std::get<T>(v_);
}

}  // namespace finguard

#define FG_CONCAT_INNER(a, b) a##b
#define FG_CONCAT(a, b) FG_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                \
  do {                                       \
    ::finguard::Status fg_status_ = (expr);  \
    if (!fg_status_.ok()) return fg_status_; \
  } while (0)

#define ASSIGN_OR_RETURN(lhs, expr) \
  FG_ASSIGN_OR_RETURN_IMPL(FG_CONCAT(fg_statusor_, __LINE__), lhs, expr)
#define FG_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
