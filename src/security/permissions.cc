#include "security/permissions.h"

namespace finguard::security {

const std::vector<RoleDefinition>& Roles() {
  // Module permissions beyond the foundation's (monitoring.*, complaints.*, ...) are granted here
  // already so roles keep their meaning as modules land.
  static const std::vector<RoleDefinition> kRoles = {
      {"marketing",
       "市场部",
       "Marketing",
       {"customers.read", "products.read", "engagement.read", "engagement.write", "kpi.read"}},
      {"it_security",
       "信息技术部",
       "IT security",
       {"audit.read", "audit.verify", "keys.manage", "incidents.read", "incidents.write"}},
      {"admin",
       "信息技术部",
       "IT administration",
       {"users.manage", "keys.manage", "audit.read", "audit.verify", "customers.read",
        "products.read", "kpi.read"}},
      {"service_agent",
       "客服部",
       "Customer service",
       {"customers.read", "customers.write", "pii.read", "products.read", "complaints.read",
        "complaints.write", "engagement.read", "assist.read"}},
      {"service_supervisor",
       "客服部",
       "Customer service supervision",
       {"customers.read", "customers.write", "pii.read", "products.read", "complaints.read",
        "complaints.write", "complaints.supervise", "engagement.read", "assist.read",
        "assist.manage", "kpi.read"}},
      {"risk_analyst",
       "风险管理部",
       "Risk management",
       {"customers.read", "products.read", "products.write", "risk.read", "risk.write",
        "kpi.read"}},
      {"compliance_officer",
       "合规管理部",
       "Compliance",
       {"customers.read", "pii.read", "products.read", "products.write", "monitoring.read",
        "monitoring.write", "monitoring.rules", "screening.read", "screening.manage",
        "inspections.write", "kpi.read"}},
      {"compliance_reviewer",
       "合规管理部",
       "Compliance review",
       {"customers.read", "pii.read", "products.read", "monitoring.read", "monitoring.review",
        "screening.read", "kpi.read"}},
      {"advisor",
       "客户顾问",
       "Advisors",
       {"customers.read", "pii.read", "products.read", "engagement.read", "engagement.write",
        "assist.read"}},
      {"executive",
       "管理层",
       "Management",
       {"customers.read", "products.read", "kpi.read", "kpi.write", "monitoring.read",
        "complaints.read", "risk.read", "engagement.read"}},
      {"auditor",
       "审计部",
       "Audit",
       {"customers.read", "pii.read", "products.read", "audit.read", "audit.verify",
        "monitoring.read", "screening.read", "complaints.read", "risk.read", "engagement.read",
        "assist.read", "kpi.read", "incidents.read"}},
  };
  return kRoles;
}

bool IsKnownRole(std::string_view role) {
  for (const auto& r : Roles()) {
    if (r.name == role) return true;
  }
  return false;
}

std::set<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& r : Roles()) {
    for (const auto& want : roles) {
      if (r.name == want) out.insert(r.permissions.begin(), r.permissions.end());
    }
  }
  return out;
}

}  // namespace finguard::security
