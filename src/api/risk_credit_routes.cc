#include "api/routes.h"

namespace finguard::api {

void AddRiskCreditRoutes(Router&, ApiServices&) {}

}  // namespace finguard::api
