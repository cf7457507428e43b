// `finguard risk irb|ecl|portfolio|bic|scorecard`: credit exposure figures, scorecards and the
// operational-risk BIC from flags and CSV files (docs/risk_credit.md). Every input is validated
// before anything is computed; bad input exits 2 with one line naming the flag, or the file, line
// and column.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "app/commands.h"
#include "common/csv.h"
#include "risk/credit/copula_portfolio.h"
#include "risk/credit/credit_json.h"
#include "risk/credit/ecl.h"
#include "risk/credit/exposure_csv.h"
#include "risk/credit/irb.h"
#include "risk/credit/scorecard.h"
#include "risk/operational/bic.h"

namespace finguard::app {
namespace {

using namespace risk::credit;  // NOLINT: this file is the credit module's CLI

int ReportCredit(const Status& s) {
  std::cerr << "finguard: " << s.message() << "\n";
  return s.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

// "/pd must be in (0, 1]" → "--pd: must be in (0, 1]".
Status AsFlag(const Status& s) {
  if (s.ok() || s.fields().empty()) return s;
  std::string flag = "--" + s.fields()[0].field.substr(1);
  for (char& c : flag)
    if (c == '_') c = '-';
  return InvalidArgument(flag + ": " + s.fields()[0].reason, s.fields());
}

struct IrbFlags {
  double pd = 0, lgd = 0, maturity = 2.5;
  std::string ead, currency = "CNY", asset_class = "corporate";
  std::optional<double> sales_m;
  bool json = false;
};

int RunIrb(const IrbFlags& f) {
  StatusOr<AssetClass> cls = ParseAssetClass(f.asset_class);
  if (!cls.ok()) return ReportCredit(InvalidArgument("--asset-class: " + cls.status().message()));
  StatusOr<Money> ead = Money::Parse(f.ead, f.currency);
  if (!ead.ok()) return ReportCredit(InvalidArgument("--ead: " + ead.status().message()));
  IrbInput in{
      .pd = f.pd, .lgd = f.lgd, .maturity = f.maturity, .asset_class = *cls, .sales_m = f.sales_m};
  StatusOr<IrbExposureResult> r = ComputeIrbExposure(in, *ead);
  if (!r.ok()) return ReportCredit(AsFlag(r.status()));
  nlohmann::json j = IrbJson(in, *r);
  if (f.json) {
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "correlation R          " << r->capital.correlation << "\n"
              << "maturity adjustment b  " << r->capital.maturity_adjustment << "\n"
              << "capital requirement K  " << r->capital.capital_requirement << "\n"
              << "risk weight            " << r->capital.risk_weight << "\n"
              << "RWA                    " << r->rwa.FormatGrouped() << " " << f.currency << "\n"
              << "expected loss          " << r->expected_loss.FormatGrouped() << " " << f.currency
              << "\n";
  }
  return 0;
}

struct EclFlags {
  std::string exposures, out, currency = "CNY";
  double sicr_pd_multiple = 3.0;
};

StatusOr<nlohmann::json> RunEcl(const EclFlags& f) {
  if (!(f.sicr_pd_multiple >= 1)) {
    return InvalidArgument("--sicr-pd-multiple: must be at least 1");
  }
  ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(f.exposures));
  ASSIGN_OR_RETURN(std::vector<EclExposure> book, ReadEclExposures(table, f.exposures, f.currency));
  StagingPolicy policy{.sicr_pd_multiple = f.sicr_pd_multiple};
  std::vector<EclResult> results;
  std::string csv =
      CsvLine({"id", "stage", "reason", "ead", "currency", "ecl_12m", "ecl_lifetime", "ecl"});
  for (const EclExposure& e : book) {
    ASSIGN_OR_RETURN(EclResult r, ComputeEcl(e, policy));
    csv += CsvLine({r.id, std::to_string(static_cast<int>(r.stage.stage)), r.stage.reason,
                    e.ead.ToString(), std::string(e.ead.currency()), r.ecl_12m.ToString(),
                    r.ecl_lifetime.ToString(), r.ecl.ToString()});
    results.push_back(std::move(r));
  }
  ASSIGN_OR_RETURN(nlohmann::json j, EclBookJson(book, results));
  std::ofstream out(f.out, std::ios::binary | std::ios::trunc);
  out << csv;
  out.close();
  if (!out) return Internal("cannot write " + f.out);
  nlohmann::json totals = j["totals"];
  totals["out"] = f.out;
  totals["sicr_pd_multiple"] = f.sicr_pd_multiple;
  return totals;
}

struct PortfolioFlags {
  std::string exposures, currency = "CNY";
  double correlation = 0.12;
  CopulaSettings settings;
};

StatusOr<nlohmann::json> RunPortfolio(const PortfolioFlags& f) {
  if (!(f.correlation >= 0 && f.correlation < 1)) {
    return InvalidArgument("--correlation: must be in [0, 1)");
  }
  Status settings = ValidatePortfolio(
      std::vector<PortfolioExposure>{{.ead = 1, .pd = 0.5, .lgd = 0.5}}, f.settings);
  if (!settings.ok()) return AsFlag(settings);
  ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(f.exposures));
  ASSIGN_OR_RETURN(PortfolioBook book,
                   ReadPortfolio(table, f.exposures, f.currency, f.correlation));
  double total = 0;
  for (const PortfolioExposure& e : book.exposures) total += e.ead;
  LossDistribution d = SimulatePortfolioLosses(book.exposures, f.settings);
  return PortfolioJson(d, book.currency, total, book.exposures.size(), f.settings);
}

struct ScorecardTrainFlags {
  std::string data, out, exclude;
  ScorecardSpec spec;
};

StatusOr<nlohmann::json> RunScorecardTrain(const ScorecardTrainFlags& f) {
  if (!(f.spec.test_share >= 0 && f.spec.test_share < 1)) {
    return InvalidArgument("--test-share: must be in [0, 1)");
  }
  if (!(f.spec.l2 >= 0)) return InvalidArgument("--l2: must not be negative");
  ScorecardSpec spec = f.spec;
  std::stringstream exclude(f.exclude);
  for (std::string c; std::getline(exclude, c, ',');)
    if (!c.empty()) spec.exclude.push_back(c);
  ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(f.data));
  if (table.header.empty()) return InvalidArgument(f.data + ": empty file");
  ASSIGN_OR_RETURN(TrainedScorecard t, TrainScorecard(table, f.data, spec));
  std::ofstream out(f.out, std::ios::binary | std::ios::trunc);
  out << ScorecardJson(t.model).dump(2) << "\n";
  out.close();
  if (!out) return Internal("cannot write " + f.out);
  nlohmann::json report = TrainingReportJson(t, spec);
  report["out"] = f.out;
  return report;
}

struct ScorecardScoreFlags {
  std::string model, input, out;
};

StatusOr<nlohmann::json> RunScorecardScore(const ScorecardScoreFlags& f) {
  std::ifstream in(f.model, std::ios::binary);
  if (!in) return InvalidArgument(f.model + ": cannot read");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgument(f.model + ": not JSON");
  ASSIGN_OR_RETURN(ScorecardModel model, ScorecardFromJson(j, f.model));
  ASSIGN_OR_RETURN(CsvTable table, CsvTable::ReadFile(f.input));
  if (table.header.empty()) return InvalidArgument(f.input + ": empty file");
  ASSIGN_OR_RETURN(std::vector<ScoredRow> rows, ScoreTable(model, table, f.input));
  std::string csv = CsvLine({"id", "score", "pd"});
  char score[32], pd[32];
  for (const ScoredRow& r : rows) {
    std::snprintf(score, sizeof score, "%.4f", r.score);
    std::snprintf(pd, sizeof pd, "%.10g", r.pd);
    csv += CsvLine({r.id, score, pd});
  }
  std::ofstream out(f.out, std::ios::binary | std::ios::trunc);
  out << csv;
  out.close();
  if (!out) return Internal("cannot write " + f.out);
  return nlohmann::json{{"rows", rows.size()}, {"out", f.out}};
}

// Runs a JSON-producing command: prints the document, or reports the error.
int PrintJson(const StatusOr<nlohmann::json>& j) {
  if (!j.ok()) return ReportCredit(j.status());
  std::cout << j->dump() << "\n";
  return 0;
}

}  // namespace

void AddRiskCreditCommands(CLI::App& risk, CommandRunner& run) {
  auto irb = std::make_shared<IrbFlags>();
  CLI::App* irb_cmd = risk.add_subcommand("irb", "Basel IRB capital (CRE31) of one exposure");
  irb_cmd->add_option("--pd", irb->pd, "one-year probability of default, (0, 1]")->required();
  irb_cmd->add_option("--lgd", irb->lgd, "loss given default, [0, 1]")->required();
  irb_cmd->add_option("--maturity", irb->maturity, "effective maturity in years, [1, 5]")
      ->capture_default_str();
  irb_cmd->add_option("--ead", irb->ead, "exposure at default, exact decimal")->required();
  irb_cmd->add_option("--currency", irb->currency, "ISO 4217")->capture_default_str();
  irb_cmd
      ->add_option("--asset-class", irb->asset_class,
                   "corporate|sme|bank|sovereign|mortgage|revolving|other_retail")
      ->capture_default_str();
  irb_cmd->add_option("--sales-m", irb->sales_m, "sme: annual sales in EUR million");
  irb_cmd->add_flag("--json", irb->json, "print JSON");
  irb_cmd->callback([&run, irb] { run = [irb] { return RunIrb(*irb); }; });

  auto ecl = std::make_shared<EclFlags>();
  CLI::App* ecl_cmd =
      risk.add_subcommand("ecl", "IFRS 9 stage and expected credit loss per exposure");
  ecl_cmd
      ->add_option("--exposures", ecl->exposures,
                   "CSV: id,ead,pd_12m,lgd,days_past_due,eir,remaining_years"
                   "[,origination_pd][,cumulative_pd][,currency]")
      ->required();
  ecl_cmd
      ->add_option("--out", ecl->out,
                   "CSV written: id,stage,reason,ead,currency,ecl_12m,"
                   "ecl_lifetime,ecl")
      ->required();
  ecl_cmd->add_option("--currency", ecl->currency, "currency of rows without one")
      ->capture_default_str();
  ecl_cmd
      ->add_option("--sicr-pd-multiple", ecl->sicr_pd_multiple,
                   "stage 2 when pd_12m exceeds this multiple of origination_pd")
      ->capture_default_str();
  ecl_cmd->add_flag("--json")->description("print the totals as JSON (the default)");
  ecl_cmd->callback([&run, ecl] { run = [ecl] { return PrintJson(RunEcl(*ecl)); }; });

  auto portfolio = std::make_shared<PortfolioFlags>();
  CLI::App* p_cmd = risk.add_subcommand(
      "portfolio", "portfolio credit loss distribution by one-factor Gaussian copula Monte Carlo");
  p_cmd
      ->add_option("--exposures", portfolio->exposures,
                   "CSV: id,ead,pd (or pd_12m),lgd[,correlation][,currency]")
      ->required();
  p_cmd
      ->add_option("--correlation", portfolio->correlation, "asset correlation of rows without one")
      ->capture_default_str();
  p_cmd->add_option("--paths", portfolio->settings.paths, "simulated paths")->capture_default_str();
  p_cmd->add_option("--seed", portfolio->settings.seed, "random seed")->capture_default_str();
  p_cmd->add_option("--confidence", portfolio->settings.confidence, "VaR confidence")
      ->capture_default_str();
  p_cmd->add_option("--threads", portfolio->settings.threads, "0 = all cores")
      ->capture_default_str();
  p_cmd->add_option("--currency", portfolio->currency, "currency of rows without one")
      ->capture_default_str();
  p_cmd->add_flag("--json")->description("print JSON (the default)");
  p_cmd->callback(
      [&run, portfolio] { run = [portfolio] { return PrintJson(RunPortfolio(*portfolio)); }; });

  auto bi = std::make_shared<std::string>();
  CLI::App* bic_cmd = risk.add_subcommand(
      "bic", "operational risk Business Indicator Component (Basel standardised approach)");
  bic_cmd->add_option("--bi", *bi, "Business Indicator in EUR, exact decimal")->required();
  bic_cmd->add_flag("--json")->description("print JSON (the default)");
  bic_cmd->callback([&run, bi] {
    run = [bi]() -> int {
      StatusOr<Money> m = Money::Parse(*bi, "EUR");
      if (!m.ok()) return ReportCredit(InvalidArgument("--bi: " + m.status().message()));
      StatusOr<risk::operational::BicResult> r = risk::operational::ComputeBic(*m);
      if (!r.ok()) return ReportCredit(InvalidArgument("--bi: " + r.status().message()));
      std::cout << risk::operational::BicJson(*r).dump() << "\n";
      return 0;
    };
  });

  CLI::App* sc = risk.add_subcommand("scorecard", "credit scorecard development and scoring");
  sc->require_subcommand(1);
  auto train = std::make_shared<ScorecardTrainFlags>();
  CLI::App* t_cmd = sc->add_subcommand(
      "train", "bin features (WoE/IV), fit logistic regression on WoE, scale to points");
  t_cmd->add_option("--data", train->data, "CSV with a header")->required();
  t_cmd->add_option("--target", train->spec.target, "column holding 0 (good) or 1 (bad)")
      ->required();
  t_cmd->add_option("--id", train->spec.id_column, "row id column (not a feature)");
  t_cmd->add_option("--exclude", train->exclude, "columns not used as features, C1,C2");
  t_cmd->add_option("--out", train->out, "model JSON written")->required();
  t_cmd->add_option("--min-iv", train->spec.min_iv, "feature selection threshold")
      ->capture_default_str();
  t_cmd->add_option("--l2", train->spec.l2, "L2 penalty on the slopes")->capture_default_str();
  t_cmd->add_option("--pre-bins", train->spec.binning.pre_bins, "numeric quantile pre-bins")
      ->capture_default_str();
  t_cmd->add_option("--min-bin-share", train->spec.binning.min_share, "smallest bin share")
      ->capture_default_str();
  t_cmd->add_option("--test-share", train->spec.test_share, "hold-out share")
      ->capture_default_str();
  t_cmd->add_option("--seed", train->spec.seed, "split seed")->capture_default_str();
  t_cmd->add_option("--points0", train->spec.scaling.points0, "points at odds0")
      ->capture_default_str();
  t_cmd->add_option("--odds0", train->spec.scaling.odds0, "bad:good odds at points0")
      ->capture_default_str();
  t_cmd->add_option("--pdo", train->spec.scaling.pdo, "points to double the odds")
      ->capture_default_str();
  t_cmd->callback(
      [&run, train] { run = [train] { return PrintJson(RunScorecardTrain(*train)); }; });

  auto score = std::make_shared<ScorecardScoreFlags>();
  CLI::App* s_cmd = sc->add_subcommand("score", "score a CSV with a trained model");
  s_cmd->add_option("--model", score->model, "model JSON from scorecard train")->required();
  s_cmd->add_option("--input", score->input, "CSV with the model's feature columns")->required();
  s_cmd->add_option("--out", score->out, "CSV written: id,score,pd")->required();
  s_cmd->callback(
      [&run, score] { run = [score] { return PrintJson(RunScorecardScore(*score)); }; });
}

}  // namespace finguard::app
