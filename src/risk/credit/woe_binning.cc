#include "risk/credit/woe_binning.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace finguard::risk::credit {
namespace {

constexpr double kSmoothing = 0.5;

void Absorb(WoeBin& into, const WoeBin& from) {
  into.good += from.good;
  into.bad += from.bad;
  into.upper = std::max(into.upper, from.upper);
  into.categories.insert(into.categories.end(), from.categories.begin(), from.categories.end());
}

// Merges bins[i] and bins[i + 1].
void MergeAt(std::vector<WoeBin>& bins, size_t i) {
  Absorb(bins[i], bins[i + 1]);
  bins.erase(bins.begin() + static_cast<std::ptrdiff_t>(i) + 1);
}

// Merges ordered non-missing bins until each holds min_share and WoE is strictly monotonic.
void MergeOrdered(std::vector<WoeBin>& bins, double min_share) {
  double total = 0;
  for (const WoeBin& b : bins) total += b.good + b.bad;
  // Smallest bin first, into the neighbour whose WoE is closer (the merge that loses least).
  while (bins.size() > 1) {
    ComputeWoe(bins);
    size_t smallest = 0;
    for (size_t i = 1; i < bins.size(); ++i)
      if (bins[i].good + bins[i].bad < bins[smallest].good + bins[smallest].bad) smallest = i;
    if (bins[smallest].good + bins[smallest].bad >= min_share * total) break;
    size_t left;
    if (smallest == 0) {
      left = 0;
    } else if (smallest + 1 == bins.size()) {
      left = smallest - 1;
    } else {
      const double dl = std::abs(bins[smallest].woe - bins[smallest - 1].woe);
      const double dr = std::abs(bins[smallest].woe - bins[smallest + 1].woe);
      left = dl <= dr ? smallest - 1 : smallest;
    }
    MergeAt(bins, left);
  }
  // Monotonic: merge the adjacent pair that breaks the overall trend with the smallest WoE step.
  while (bins.size() > 1) {
    ComputeWoe(bins);
    const double direction = bins.back().woe >= bins.front().woe ? 1 : -1;
    std::optional<size_t> worst;
    for (size_t i = 0; i + 1 < bins.size(); ++i) {
      const double step = direction * (bins[i + 1].woe - bins[i].woe);
      // A zero step is merged too: two bins with the same WoE carry no separate evidence.
      if (step <= 0 && (!worst || step > direction * (bins[*worst + 1].woe - bins[*worst].woe)))
        worst = i;
    }
    if (!worst) break;
    MergeAt(bins, *worst);
  }
  ComputeWoe(bins);
}

FeatureBinning Finish(const std::string& name, bool categorical, std::vector<WoeBin> bins,
                      const WoeBin& missing, const BinningOptions& options) {
  MergeOrdered(bins, options.min_share);
  if (!bins.empty()) bins.back().upper = std::numeric_limits<double>::infinity();
  if (missing.good + missing.bad > 0) bins.push_back(missing);
  FeatureBinning f{.name = name, .categorical = categorical, .bins = std::move(bins)};
  f.iv = ComputeWoe(f.bins);
  return f;
}

}  // namespace

double ComputeWoe(std::vector<WoeBin>& bins) {
  double good = 0, bad = 0;
  for (const WoeBin& b : bins) {
    good += b.good;
    bad += b.bad;
  }
  const double k = static_cast<double>(bins.size());
  double iv = 0;
  for (WoeBin& b : bins) {
    const double pg = (b.good + kSmoothing) / (good + kSmoothing * k);
    const double pb = (b.bad + kSmoothing) / (bad + kSmoothing * k);
    b.woe = std::log(pg / pb);
    b.iv = (pg - pb) * b.woe;
    iv += b.iv;
  }
  return iv;
}

double FeatureBinning::WoeOfNumber(std::optional<double> x) const {
  for (const WoeBin& b : bins) {
    if (b.missing != !x.has_value()) continue;
    if (!x || *x <= b.upper) return b.woe;
  }
  return 0;
}

double FeatureBinning::WoeOfCategory(const std::optional<std::string>& c) const {
  for (const WoeBin& b : bins) {
    if (b.missing != !c.has_value()) continue;
    if (!c || std::find(b.categories.begin(), b.categories.end(), *c) != b.categories.end())
      return b.woe;
  }
  return 0;
}

FeatureBinning BinNumeric(const std::string& name, const std::vector<std::optional<double>>& x,
                          const std::vector<int>& is_bad, const BinningOptions& options) {
  WoeBin missing{.missing = true};
  std::vector<std::pair<double, int>> values;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i]) {
      values.emplace_back(*x[i], is_bad[i]);
    } else {
      (is_bad[i] ? missing.bad : missing.good) += 1;
    }
  }
  std::sort(values.begin(), values.end());
  std::vector<double> cuts;
  const size_t n = values.size();
  for (int q = 1; q < options.pre_bins && n > 0; ++q) {
    const double c =
        values[static_cast<size_t>(q) * n / static_cast<size_t>(options.pre_bins)].first;
    if (c < values.back().first && (cuts.empty() || c > cuts.back())) cuts.push_back(c);
  }
  std::vector<WoeBin> bins(cuts.size() + 1);
  for (size_t i = 0; i < cuts.size(); ++i) bins[i].upper = cuts[i];
  size_t bin = 0;
  for (const auto& [v, bad] : values) {
    while (bin < cuts.size() && v > cuts[bin]) ++bin;
    (bad ? bins[bin].bad : bins[bin].good) += 1;
  }
  if (n == 0) bins.clear();
  return Finish(name, false, std::move(bins), missing, options);
}

FeatureBinning BinCategorical(const std::string& name,
                              const std::vector<std::optional<std::string>>& x,
                              const std::vector<int>& is_bad, const BinningOptions& options) {
  WoeBin missing{.missing = true};
  std::map<std::string, WoeBin> by_category;
  for (size_t i = 0; i < x.size(); ++i) {
    WoeBin& b = x[i] ? by_category[*x[i]] : missing;
    if (x[i] && b.categories.empty()) b.categories.push_back(*x[i]);
    (is_bad[i] ? b.bad : b.good) += 1;
  }
  std::vector<WoeBin> bins;
  for (auto& [c, b] : by_category) bins.push_back(std::move(b));
  ComputeWoe(bins);
  std::stable_sort(bins.begin(), bins.end(),
                   [](const WoeBin& a, const WoeBin& b) { return a.woe < b.woe; });
  return Finish(name, true, std::move(bins), missing, options);
}

}  // namespace finguard::risk::credit
