#pragma once
// Roles and the permissions they grant, as DESIGN.md's "Who uses it" table assigns departments
// to roles. Every API endpoint names one permission; a user holds the union of their roles'.
// `pii.read` unmasks personal data (and each such read is audited). Immutable data; thread-safe.
//   if (!HasPermission(user.roles, kPiiRead)) value = MaskName(value);
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace finguard::security {

inline constexpr std::string_view kCustomersRead = "customers.read";
inline constexpr std::string_view kCustomersWrite = "customers.write";
inline constexpr std::string_view kPiiRead = "pii.read";
inline constexpr std::string_view kProductsRead = "products.read";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kAuditVerify = "audit.verify";
inline constexpr std::string_view kUsersManage = "users.manage";
inline constexpr std::string_view kKeysManage = "keys.manage";

struct RoleDefinition {
  std::string name;
  std::string department_zh;
  std::string department_en;
  std::vector<std::string> permissions;
};

// All roles, in DESIGN.md's order.
const std::vector<RoleDefinition>& Roles();
bool IsKnownRole(std::string_view role);
// Union of the permissions of `roles` (unknown roles grant nothing).
std::set<std::string> PermissionsOf(const std::vector<std::string>& roles);

}  // namespace finguard::security
