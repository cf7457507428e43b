#include "risk/credit/scorecard_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace finguard::risk::credit {
namespace {

// Bad scores {0.4, 0.8, 0.9}, good {0.1, 0.2, 0.4, 0.4, 0.8}: of 15 bad/good pairs the bad is
// higher in 2 + 4 + 5 = 11 and tied in 2 + 1 = 3, so AUC = (11 + 3/2) / 15 = 5/6 (also
// sklearn.metrics.roc_auc_score on the same vectors: 0.8333333333333333).
TEST(ScorecardMetricsTest, AucCountsTiesAsHalf) {
  const std::vector<double> risk = {0.1, 0.4, 0.4, 0.4, 0.8, 0.9, 0.2, 0.8};
  const std::vector<int> bad = {0, 0, 1, 0, 1, 1, 0, 0};
  EXPECT_NEAR(Auc(risk, bad), 5.0 / 6, 1e-15);
  EXPECT_NEAR(Gini(Auc(risk, bad)), 2.0 / 3, 1e-15);
}

// Cumulative shares after each distinct score: 0.1 → (0, 1/5), 0.2 → (0, 2/5),
// 0.4 → (1/3, 4/5), 0.8 → (2/3, 1), 0.9 → (1, 1); the largest gap is 4/5 − 1/3 = 7/15.
TEST(ScorecardMetricsTest, KsIsLargestGapAtDistinctScores) {
  const std::vector<double> risk = {0.1, 0.4, 0.4, 0.4, 0.8, 0.9, 0.2, 0.8};
  const std::vector<int> bad = {0, 0, 1, 0, 1, 1, 0, 0};
  EXPECT_NEAR(Ks(risk, bad), 7.0 / 15, 1e-15);
}

TEST(ScorecardMetricsTest, PerfectAndReversedRanking) {
  EXPECT_DOUBLE_EQ(Auc({1, 2, 3, 4}, {0, 0, 1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(Auc({1, 2, 3, 4}, {1, 1, 0, 0}), 0.0);
  EXPECT_DOUBLE_EQ(Ks({1, 2, 3, 4}, {0, 0, 1, 1}), 1.0);
}

// Hand-computed: Σ (a − e)·ln(a/e) over four quarters.
TEST(ScorecardMetricsTest, PsiBands) {
  const std::vector<double> e = {0.25, 0.25, 0.25, 0.25};
  PsiResult stable = Psi(e, {0.3, 0.2, 0.3, 0.2});  // 0.1·ln 1.2 + 0.1·ln 1.25
  EXPECT_NEAR(stable.psi, 0.1 * std::log(1.2) + 0.1 * std::log(1.25), 1e-15);
  EXPECT_NEAR(stable.psi, 0.040546, 1e-6);
  EXPECT_EQ(stable.band, PsiBand::kStable);
  PsiResult moderate = Psi(e, {0.4, 0.2, 0.2, 0.2});  // 0.15·ln 1.6 + 0.15·ln 1.25
  EXPECT_NEAR(moderate.psi, 0.103972, 1e-6);
  EXPECT_EQ(moderate.band, PsiBand::kModerateShift);
  PsiResult significant = Psi(e, {0.7, 0.1, 0.1, 0.1});  // 0.45·ln 2.8 + 0.45·ln 2.5
  EXPECT_NEAR(significant.psi, 0.875660, 1e-6);
  EXPECT_EQ(significant.band, PsiBand::kSignificantShift);
  EXPECT_EQ(PsiBandOf(0.0999), PsiBand::kStable);
  EXPECT_EQ(PsiBandOf(0.10), PsiBand::kModerateShift);
  EXPECT_EQ(PsiBandOf(0.25), PsiBand::kSignificantShift);
  EXPECT_EQ(PsiBandName(PsiBand::kModerateShift), "moderate_shift");
}

TEST(ScorecardMetricsTest, PsiAcceptsCountsAndFloorsEmptyBins) {
  PsiResult r = Psi({50, 50}, {100, 0});  // shares (0.5, 0.5) → (1, 1e-4 floor)
  EXPECT_NEAR(r.psi, 0.5 * std::log(2.0) + (1e-4 - 0.5) * std::log(1e-4 / 0.5), 1e-12);
}

}  // namespace
}  // namespace finguard::risk::credit
