#include "api/routes.h"

namespace finguard::api {

void AddRiskMarketRoutes(Router&, ApiServices&) {}

}  // namespace finguard::api
