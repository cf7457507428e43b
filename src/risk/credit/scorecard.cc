#include "risk/credit/scorecard.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include "risk/credit/logistic_regression.h"
#include "risk/credit/scorecard_metrics.h"

namespace finguard::risk::credit {
namespace {

bool IsMissing(const std::string& s) { return s.empty() || s == "NA"; }

std::optional<double> ParseNumber(const std::string& s) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s.front()))) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno != 0 || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string Where(const std::string& file, const CsvTable& t, const CsvRecord& r,
                  const std::string& column) {
  return file + ": line " + std::to_string(r.line) + ", column " +
         std::to_string(t.index.at(column) + 1) + " (" + column + ")";
}

double FeatureWoe(const FeatureBinning& b, const std::string& raw) {
  if (IsMissing(raw)) return b.categorical ? b.WoeOfCategory(std::nullopt) : b.WoeOfNumber({});
  return b.categorical ? b.WoeOfCategory(raw) : b.WoeOfNumber(ParseNumber(raw));
}

double Pd(double log_odds) { return 1 / (1 + std::exp(-log_odds)); }

SampleMetrics Measure(const std::vector<double>& pd, const std::vector<int>& bad) {
  SampleMetrics m{.rows = pd.size()};
  for (int b : bad) m.bad += b ? 1 : 0;
  if (m.bad == 0 || m.bad == m.rows) return m;
  m.auc = Auc(pd, bad);
  m.ks = Ks(pd, bad);
  m.gini = Gini(m.auc);
  return m;
}

nlohmann::json BinningJson(const FeatureBinning& f, double coefficient, double factor) {
  nlohmann::json bins = nlohmann::json::array();
  double lower = -std::numeric_limits<double>::infinity();
  for (const WoeBin& b : f.bins) {
    nlohmann::json jb = {{"good", b.good},
                         {"bad", b.bad},
                         {"woe", b.woe},
                         {"iv", b.iv},
                         {"points", -factor * coefficient * b.woe}};
    if (b.missing) {
      jb["missing"] = true;
    } else if (f.categorical) {
      jb["categories"] = b.categories;
    } else {
      // null stands for an infinite bound (JSON has no infinity).
      jb["lower"] = std::isfinite(lower) ? nlohmann::json(lower) : nlohmann::json();
      jb["upper"] = std::isfinite(b.upper) ? nlohmann::json(b.upper) : nlohmann::json();
      lower = b.upper;
    }
    bins.push_back(std::move(jb));
  }
  return {{"name", f.name},
          {"type", f.categorical ? "categorical" : "numeric"},
          {"iv", f.iv},
          {"bins", std::move(bins)}};
}

nlohmann::json MetricsJson(const SampleMetrics& m) {
  return {{"rows", m.rows}, {"bad", m.bad}, {"auc", m.auc}, {"ks", m.ks}, {"gini", m.gini}};
}

}  // namespace

double PointsScaling::Factor() const { return pdo / std::log(2.0); }
double PointsScaling::Offset() const { return points0 + Factor() * std::log(odds0); }

bool InTestSample(size_t row_index, uint64_t seed, double test_share) {
  return static_cast<double>(SplitMix64(seed + row_index) % 1000) < 1000 * test_share;
}

double ScorecardModel::LogOdds(const CsvTable& table, const CsvRecord& r) const {
  double eta = intercept;
  for (const ScorecardFeature& f : features)
    eta += f.coefficient * FeatureWoe(f.binning, table.Get(r, f.binning.name));
  return eta;
}

StatusOr<TrainedScorecard> TrainScorecard(const CsvTable& table, const std::string& file,
                                          const ScorecardSpec& spec) {
  if (table.records.empty()) return InvalidArgument(file + ": no data rows");
  for (const std::string& c : std::vector<std::string>{spec.target, spec.id_column}) {
    if (!c.empty() && !table.Has(c)) return InvalidArgument(file + ": unknown column '" + c + "'");
  }
  for (const std::string& c : spec.exclude) {
    if (!table.Has(c)) return InvalidArgument(file + ": unknown column '" + c + "' in --exclude");
  }
  std::vector<int> bad;
  for (const CsvRecord& r : table.records) {
    const std::string v = table.Get(r, spec.target);
    if (v != "0" && v != "1") {
      return InvalidArgument(Where(file, table, r, spec.target) + ": '" + v +
                             "' is not 0 (good) or 1 (bad)");
    }
    bad.push_back(v == "1");
  }
  std::vector<size_t> train_rows, test_rows;
  for (size_t i = 0; i < table.records.size(); ++i)
    (InTestSample(i, spec.seed, spec.test_share) ? test_rows : train_rows).push_back(i);
  std::vector<int> train_bad;
  for (size_t i : train_rows) train_bad.push_back(bad[i]);
  const size_t n_bad = static_cast<size_t>(std::count(train_bad.begin(), train_bad.end(), 1));
  if (n_bad == 0 || n_bad == train_bad.size()) {
    return InvalidArgument(file + ": column '" + spec.target +
                           "' needs both 0 and 1 in the training sample");
  }

  TrainedScorecard out;
  const std::set<std::string> skip(spec.exclude.begin(), spec.exclude.end());
  for (const std::string& column : table.header) {
    if (column == spec.target || column == spec.id_column || skip.count(column)) continue;
    bool numeric = true;
    for (size_t i : train_rows) {
      const std::string v = table.Get(table.records[i], column);
      if (!IsMissing(v) && !ParseNumber(v)) {
        numeric = false;
        break;
      }
    }
    if (numeric) {
      std::vector<std::optional<double>> x;
      for (size_t i : train_rows) {
        const std::string v = table.Get(table.records[i], column);
        x.push_back(IsMissing(v) ? std::nullopt : ParseNumber(v));
      }
      out.all_features.push_back(BinNumeric(column, x, train_bad, spec.binning));
    } else {
      std::vector<std::optional<std::string>> x;
      for (size_t i : train_rows) {
        const std::string v = table.Get(table.records[i], column);
        x.push_back(IsMissing(v) ? std::nullopt : std::optional<std::string>(v));
      }
      out.all_features.push_back(BinCategorical(column, x, train_bad, spec.binning));
    }
  }
  std::vector<const FeatureBinning*> selected;
  for (const FeatureBinning& f : out.all_features)
    if (f.iv >= spec.min_iv) selected.push_back(&f);
  if (selected.empty()) {
    return InvalidArgument(file + ": no feature has an information value of at least " +
                           std::to_string(spec.min_iv));
  }
  Eigen::MatrixXd x(static_cast<Eigen::Index>(train_rows.size()),
                    static_cast<Eigen::Index>(selected.size()));
  Eigen::VectorXd y(static_cast<Eigen::Index>(train_rows.size()));
  for (size_t r = 0; r < train_rows.size(); ++r) {
    const CsvRecord& rec = table.records[train_rows[r]];
    y(static_cast<Eigen::Index>(r)) = train_bad[r];
    for (size_t c = 0; c < selected.size(); ++c) {
      x(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
          FeatureWoe(*selected[c], table.Get(rec, selected[c]->name));
    }
  }
  const LogisticFit fit = FitLogistic(x, y, {.l2 = spec.l2});
  out.model.target = spec.target;
  out.model.id_column = spec.id_column;
  out.model.scaling = spec.scaling;
  out.model.intercept = fit.intercept;
  for (size_t c = 0; c < selected.size(); ++c) {
    out.model.features.push_back(
        {.binning = *selected[c], .coefficient = fit.coefficients(static_cast<Eigen::Index>(c))});
  }

  std::vector<double> pd_train, pd_test, score_train, score_test;
  std::vector<int> bad_test;
  for (size_t i : train_rows) {
    const double eta = out.model.LogOdds(table, table.records[i]);
    pd_train.push_back(Pd(eta));
    score_train.push_back(out.model.scaling.Score(eta));
  }
  for (size_t i : test_rows) {
    const double eta = out.model.LogOdds(table, table.records[i]);
    pd_test.push_back(Pd(eta));
    score_test.push_back(out.model.scaling.Score(eta));
    bad_test.push_back(bad[i]);
  }
  out.train = Measure(pd_train, train_bad);
  out.test = Measure(pd_test, bad_test);
  if (!score_test.empty()) {
    // Deciles of the training scores; each test score counted in the same bins.
    std::vector<double> sorted = score_train;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> cuts;
    for (size_t q = 1; q < 10; ++q) cuts.push_back(sorted[q * sorted.size() / 10]);
    auto bin_of = [&](double s) {
      return static_cast<size_t>(std::upper_bound(cuts.begin(), cuts.end(), s) - cuts.begin());
    };
    std::vector<double> e(10, 0), a(10, 0);
    for (double s : score_train) e[bin_of(s)] += 1;
    for (double s : score_test) a[bin_of(s)] += 1;
    out.psi_test_vs_train = Psi(e, a).psi;
  }
  return out;
}

nlohmann::json ScorecardJson(const ScorecardModel& model) {
  const double factor = model.scaling.Factor();
  nlohmann::json features = nlohmann::json::array();
  for (const ScorecardFeature& f : model.features) {
    nlohmann::json j = BinningJson(f.binning, f.coefficient, factor);
    j["coefficient"] = f.coefficient;
    features.push_back(std::move(j));
  }
  return {{"format", kScorecardFormat},
          {"target", model.target},
          {"id_column", model.id_column},
          {"scaling",
           {{"points0", model.scaling.points0},
            {"odds0", model.scaling.odds0},
            {"pdo", model.scaling.pdo},
            {"factor", factor},
            {"offset", model.scaling.Offset()}}},
          {"intercept", model.intercept},
          {"base_points", model.scaling.Offset() - factor * model.intercept},
          {"features", std::move(features)}};
}

StatusOr<ScorecardModel> ScorecardFromJson(const nlohmann::json& j, const std::string& file) {
  try {
    if (j.at("format") != kScorecardFormat) {
      return InvalidArgument(file + ": format must be '" + std::string(kScorecardFormat) + "'");
    }
    ScorecardModel m;
    m.target = j.at("target").get<std::string>();
    m.id_column = j.at("id_column").get<std::string>();
    const nlohmann::json& s = j.at("scaling");
    m.scaling = {.points0 = s.at("points0").get<double>(),
                 .odds0 = s.at("odds0").get<double>(),
                 .pdo = s.at("pdo").get<double>()};
    m.intercept = j.at("intercept").get<double>();
    for (const nlohmann::json& jf : j.at("features")) {
      ScorecardFeature f;
      f.coefficient = jf.at("coefficient").get<double>();
      f.binning.name = jf.at("name").get<std::string>();
      f.binning.categorical = jf.at("type") == "categorical";
      f.binning.iv = jf.at("iv").get<double>();
      for (const nlohmann::json& jb : jf.at("bins")) {
        WoeBin b{.good = jb.at("good").get<double>(), .bad = jb.at("bad").get<double>()};
        b.woe = jb.at("woe").get<double>();
        b.iv = jb.at("iv").get<double>();
        b.missing = jb.value("missing", false);
        if (!b.missing && f.binning.categorical) {
          b.categories = jb.at("categories").get<std::vector<std::string>>();
        } else if (!b.missing && !jb.at("upper").is_null()) {
          b.upper = jb.at("upper").get<double>();
        }
        f.binning.bins.push_back(std::move(b));
      }
      m.features.push_back(std::move(f));
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(file + ": not a scorecard model: " + e.what());
  }
}

nlohmann::json TrainingReportJson(const TrainedScorecard& t, const ScorecardSpec& spec) {
  nlohmann::json candidates = nlohmann::json::array();
  for (const FeatureBinning& f : t.all_features) {
    candidates.push_back({{"name", f.name},
                          {"type", f.categorical ? "categorical" : "numeric"},
                          {"iv", f.iv},
                          {"selected", f.iv >= spec.min_iv},
                          {"bins", f.bins.size()}});
  }
  return {{"model", ScorecardJson(t.model)},
          {"candidates", std::move(candidates)},
          {"min_iv", spec.min_iv},
          {"l2", spec.l2},
          {"split", {{"seed", spec.seed}, {"test_share", spec.test_share}}},
          {"train", MetricsJson(t.train)},
          {"test", MetricsJson(t.test)},
          {"psi_test_vs_train",
           {{"psi", t.psi_test_vs_train}, {"band", PsiBandName(PsiBandOf(t.psi_test_vs_train))}}}};
}

StatusOr<std::vector<ScoredRow>> ScoreTable(const ScorecardModel& model, const CsvTable& table,
                                            const std::string& file) {
  if (table.records.empty()) return InvalidArgument(file + ": no data rows");
  for (const ScorecardFeature& f : model.features) {
    if (!table.Has(f.binning.name)) {
      return InvalidArgument(file + ": missing column '" + f.binning.name + "' used by the model");
    }
  }
  const bool has_id = !model.id_column.empty() && table.Has(model.id_column);
  std::vector<ScoredRow> out;
  for (size_t i = 0; i < table.records.size(); ++i) {
    const CsvRecord& r = table.records[i];
    for (const ScorecardFeature& f : model.features) {
      const std::string v = table.Get(r, f.binning.name);
      if (!f.binning.categorical && !IsMissing(v) && !ParseNumber(v)) {
        return InvalidArgument(Where(file, table, r, f.binning.name) + ": '" + v +
                               "' is not a number");
      }
    }
    const double eta = model.LogOdds(table, r);
    out.push_back({.id = has_id ? table.Get(r, model.id_column) : std::to_string(i + 1),
                   .score = model.scaling.Score(eta),
                   .pd = Pd(eta)});
  }
  return out;
}

}  // namespace finguard::risk::credit
