#include "app/commands.h"

namespace finguard::app {

void AddRiskMarketCommands(CLI::App&, CommandRunner&) {}

}  // namespace finguard::app
