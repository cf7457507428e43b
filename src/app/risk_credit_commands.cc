#include "app/commands.h"

namespace finguard::app {

void AddRiskCreditCommands(CLI::App&, CommandRunner&) {}

}  // namespace finguard::app
