#include "risk/credit/scorecard_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace finguard::risk::credit {

double Auc(const std::vector<double>& risk, const std::vector<int>& is_bad) {
  const size_t n = risk.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return risk[a] < risk[b]; });
  double bad_rank_sum = 0, n_bad = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && risk[order[j]] == risk[order[i]]) ++j;
    // Ranks i+1..j share their average, which is what makes tied pairs count one half.
    const double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (size_t k = i; k < j; ++k) {
      if (is_bad[order[k]]) {
        bad_rank_sum += avg_rank;
        n_bad += 1;
      }
    }
    i = j;
  }
  const double n_good = static_cast<double>(n) - n_bad;
  return (bad_rank_sum - n_bad * (n_bad + 1) / 2) / (n_bad * n_good);
}

double Ks(const std::vector<double>& risk, const std::vector<int>& is_bad) {
  const size_t n = risk.size();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return risk[a] < risk[b]; });
  double n_bad = 0;
  for (int b : is_bad) n_bad += b ? 1 : 0;
  const double n_good = static_cast<double>(n) - n_bad;
  double bad = 0, good = 0, ks = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    for (; j < n && risk[order[j]] == risk[order[i]]; ++j) (is_bad[order[j]] ? bad : good) += 1;
    ks = std::max(ks, std::abs(bad / n_bad - good / n_good));
    i = j;
  }
  return ks;
}

std::string_view PsiBandName(PsiBand band) {
  switch (band) {
    case PsiBand::kStable:
      return "stable";
    case PsiBand::kModerateShift:
      return "moderate_shift";
    case PsiBand::kSignificantShift:
      return "significant_shift";
  }
  return "stable";
}

PsiBand PsiBandOf(double psi) {
  if (psi < 0.10) return PsiBand::kStable;
  return psi < 0.25 ? PsiBand::kModerateShift : PsiBand::kSignificantShift;
}

PsiResult Psi(const std::vector<double>& expected, const std::vector<double>& actual) {
  const double e_total = std::accumulate(expected.begin(), expected.end(), 0.0);
  const double a_total = std::accumulate(actual.begin(), actual.end(), 0.0);
  constexpr double kFloor = 1e-4;
  PsiResult r;
  for (size_t i = 0; i < expected.size(); ++i) {
    const double e = std::max(expected[i] / e_total, kFloor);
    const double a = std::max(actual[i] / a_total, kFloor);
    r.psi += (a - e) * std::log(a / e);
  }
  r.band = PsiBandOf(r.psi);
  return r;
}

}  // namespace finguard::risk::credit
