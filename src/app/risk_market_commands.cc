// `finguard risk var` and `finguard risk backtest`: market VaR/ES and VaR backtests from CSV
// files (see docs/risk.md). Both validate every input before computing anything and exit 2 with
// the file, line and column of the first problem.
#include <iostream>
#include <memory>
#include <string>

#include "app/commands.h"
#include "common/csv.h"
#include "risk/market/backtest.h"
#include "risk/market/market_data.h"
#include "risk/market/market_json.h"
#include "risk/market/var_engine.h"

namespace finguard::app {
namespace {

using risk::market::BacktestSeries;
using risk::market::VarOptions;

int Report(const Status& s) {
  std::cerr << "finguard: " << s.message() << "\n";
  for (size_t i = 1; i < s.fields().size(); ++i)
    std::cerr << "  " << s.fields()[i].field << ": " << s.fields()[i].reason << "\n";
  return s.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

// Options named as on the command line in messages ("--confidence: ...").
Status AsFlags(const Status& s) {
  if (s.ok() || s.fields().empty()) return s;
  std::vector<FieldError> fields;
  for (const FieldError& f : s.fields()) fields.push_back({"--" + f.field, f.reason});
  std::string message = "--" + fields[0].field.substr(2) + ": " + fields[0].reason;
  for (char& c : message)
    if (c == '_') c = '-';
  return InvalidArgument(std::move(message), std::move(fields));
}

struct VarFlags {
  std::string positions, history, method = "historical", quantile = "lower", returns = "simple";
  std::string distribution = "normal";
  VarOptions options;
  bool json = false;
};

StatusOr<nlohmann::json> RunVar(const VarFlags& f) {
  VarOptions o = f.options;
  ASSIGN_OR_RETURN(o.method, risk::market::ParseVarMethod(f.method));
  ASSIGN_OR_RETURN(o.quantile, risk::ParseQuantileMethod(f.quantile));
  ASSIGN_OR_RETURN(o.returns, risk::market::ParseReturnType(f.returns));
  ASSIGN_OR_RETURN(o.distribution, risk::market::ParseMcDistribution(f.distribution));
  RETURN_IF_ERROR(AsFlags(risk::market::ValidateVarOptions(o)));
  ASSIGN_OR_RETURN(CsvTable history_csv, CsvTable::ReadFile(f.history));
  ASSIGN_OR_RETURN(risk::market::PriceHistory history,
                   risk::market::ReadPriceHistory(history_csv, f.history));
  ASSIGN_OR_RETURN(CsvTable positions_csv, CsvTable::ReadFile(f.positions));
  ASSIGN_OR_RETURN(std::vector<risk::market::Position> positions,
                   risk::market::ReadPositions(positions_csv, f.positions, history));
  ASSIGN_OR_RETURN(risk::market::VarResult r, risk::market::ComputeVar(history, positions, o));
  return risk::market::VarResultJson(r);
}

struct BacktestFlags {
  std::string pnl, var;
  double confidence = 0.99;
  int window = 250;
  bool json = false;
};

StatusOr<nlohmann::json> RunBacktest(const BacktestFlags& f) {
  RETURN_IF_ERROR(AsFlags(risk::market::ValidateBacktestOptions(f.confidence, f.window)));
  ASSIGN_OR_RETURN(CsvTable pnl_csv, CsvTable::ReadFile(f.pnl));
  ASSIGN_OR_RETURN(CsvTable var_csv, CsvTable::ReadFile(f.var));
  ASSIGN_OR_RETURN(BacktestSeries s,
                   risk::market::ReadBacktestSeries(pnl_csv, f.pnl, var_csv, f.var));
  risk::market::BacktestResult r = risk::market::RunBacktest(s, f.confidence, f.window);
  return risk::market::BacktestResultJson(r, s);
}

void PrintVar(const nlohmann::json& j) {
  std::cout << "method " << j["method"].get<std::string>() << ", " << j["observations"]
            << " returns " << j["window_start"].get<std::string>() << " .. "
            << j["window_end"].get<std::string>() << "\n"
            << "VaR " << j["confidence"] << " (" << j["horizon_days"] << "d): " << j["var"] << "\n"
            << "ES  " << j["es_confidence"] << " (" << j["horizon_days"] << "d): " << j["es"]
            << "\n";
}

void PrintBacktest(const nlohmann::json& j) {
  std::cout << j["exceptions"] << " exceptions in " << j["observations"] << " days (expected "
            << j["expected_exceptions"] << ")\n"
            << "Kupiec POF LR " << j["kupiec_pof"]["statistic"] << ", p "
            << j["kupiec_pof"]["p_value"] << "\n"
            << "Christoffersen independence p " << j["christoffersen"]["independence"]["p_value"]
            << ", conditional coverage p " << j["christoffersen"]["conditional_coverage"]["p_value"]
            << "\n";
  if (!j["traffic_light"].is_null())
    std::cout << "Basel traffic light (last 250 days): "
              << j["traffic_light"]["zone"].get<std::string>() << " ("
              << j["traffic_light"]["exceptions"] << " exceptions)\n";
}

}  // namespace

void AddRiskMarketCommands(CLI::App& risk, CommandRunner& run) {
  auto var = std::make_shared<VarFlags>();
  CLI::App* v = risk.add_subcommand("var", "market VaR and expected shortfall of linear positions");
  v->add_option("--positions", var->positions, "CSV id,factor,exposure")->required();
  v->add_option("--history", var->history, "CSV date,<factor>... of prices, ISO dates ascending")
      ->required();
  v->add_option("--method", var->method, "historical | parametric | montecarlo")
      ->capture_default_str();
  v->add_option("--confidence", var->options.confidence, "VaR level in (0.5, 1)")
      ->capture_default_str();
  v->add_option("--es-confidence", var->options.es_confidence, "ES level in (0.5, 1)")
      ->capture_default_str();
  v->add_option("--window", var->options.window, "most recent daily returns used")
      ->capture_default_str();
  v->add_option("--quantile-method", var->quantile, "lower | linear (docs/risk.md)")
      ->capture_default_str();
  v->add_option("--horizon", var->options.horizon_days, "days; figures scale by sqrt(days)")
      ->capture_default_str();
  v->add_option("--returns", var->returns, "simple | log")->capture_default_str();
  v->add_option("--paths", var->options.paths, "Monte Carlo paths")->capture_default_str();
  v->add_option("--seed", var->options.seed, "Monte Carlo seed (MT19937)")->capture_default_str();
  v->add_option("--distribution", var->distribution, "Monte Carlo: normal | t")
      ->capture_default_str();
  v->add_option("--df", var->options.df, "Student-t degrees of freedom (> 2)")
      ->capture_default_str();
  v->add_flag("--json", var->json, "print the result as JSON");
  v->callback([var, &run] {
    run = [var]() -> int {
      StatusOr<nlohmann::json> j = RunVar(*var);
      if (!j.ok()) return Report(j.status());
      if (var->json) {
        std::cout << j->dump() << "\n";
      } else {
        PrintVar(*j);
      }
      return 0;
    };
  });

  auto bt = std::make_shared<BacktestFlags>();
  CLI::App* b = risk.add_subcommand("backtest", "backtest VaR against realised P&L");
  b->add_option("--pnl", bt->pnl, "CSV date,pnl")->required();
  b->add_option("--var", bt->var, "CSV date,var (VaR as a positive loss)")->required();
  b->add_option("--confidence", bt->confidence, "VaR level in (0.5, 1)")->capture_default_str();
  b->add_option("--window", bt->window, "rolling window for exception counts, days")
      ->capture_default_str();
  b->add_flag("--json", bt->json, "print the result as JSON");
  b->callback([bt, &run] {
    run = [bt]() -> int {
      StatusOr<nlohmann::json> j = RunBacktest(*bt);
      if (!j.ok()) return Report(j.status());
      if (bt->json) {
        std::cout << j->dump() << "\n";
      } else {
        PrintBacktest(*j);
      }
      return 0;
    };
  });
}

}  // namespace finguard::app
