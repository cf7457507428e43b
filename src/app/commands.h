#pragma once
// Batch subcommands contributed by modules. Each Add*Commands adds subcommands under a parent
// (e.g. `finguard risk ...`) and, when one of them is chosen on the command line, sets `run` to
// the function main() calls after parsing. Runners return the process exit code: 0 success,
// 2 bad input (one line on stderr naming file, line and column), 1 internal error.
#include <CLI/CLI.hpp>
#include <functional>

namespace finguard::app {

using CommandRunner = std::function<int()>;

void AddRiskMarketCommands(CLI::App& risk, CommandRunner& run);
void AddRiskCreditCommands(CLI::App& risk, CommandRunner& run);

}  // namespace finguard::app
