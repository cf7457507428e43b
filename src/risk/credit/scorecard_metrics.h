#pragma once
// Discrimination and stability measures of a credit score (docs/risk_credit.md, "Scorecards").
//  - Auc: Mann-Whitney U / (n_bad·n_good) with tied scores given their average rank; `risk` is
//    ordered so that a larger value means more likely bad (a PD, not points).
//  - Gini = 2·AUC − 1.
//  - Ks: max over thresholds of |F_bad(t) − F_good(t)|, thresholds at the distinct scores.
//  - Psi: Σ (a_i − e_i)·ln(a_i / e_i) over bins of shares, each share floored at 1e-4 so an empty
//    bin does not give an infinite index; bands < 0.10 stable, [0.10, 0.25) moderate shift,
//    ≥ 0.25 significant shift.
// Pure functions; thread-safe. Callers pass equally long vectors with both classes present.
//   double auc = Auc(pd, is_bad);
//   PsiResult p = Psi(train_shares, recent_shares);  // p.band == PsiBand::kStable
#include <string_view>
#include <vector>

namespace finguard::risk::credit {

double Auc(const std::vector<double>& risk, const std::vector<int>& is_bad);
inline double Gini(double auc) { return 2 * auc - 1; }
double Ks(const std::vector<double>& risk, const std::vector<int>& is_bad);

enum class PsiBand { kStable, kModerateShift, kSignificantShift };
std::string_view PsiBandName(PsiBand band);
PsiBand PsiBandOf(double psi);

struct PsiResult {
  double psi = 0;
  PsiBand band = PsiBand::kStable;
};

// `expected` and `actual` are shares (or counts, normalised here) of the same bins.
PsiResult Psi(const std::vector<double>& expected, const std::vector<double>& actual);

}  // namespace finguard::risk::credit
