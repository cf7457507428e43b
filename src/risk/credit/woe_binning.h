#pragma once
// Weight-of-evidence binning of one feature against a binary target (1 = bad, 0 = good).
// WoE of a bin = ln(%good / %bad) with %good = (good_i + 0.5) / (G + 0.5·k) and %bad likewise
// (k = number of bins): the 0.5 smoothing keeps a bin without goods or bads finite. IV =
// Σ (%good − %bad)·WoE over the same smoothed shares. A larger WoE means a better (less risky) bin.
//
// Numeric: quantile pre-bins (`pre_bins`, upper-inclusive cut points at the distinct values at
// ranks ⌊q·n/pre_bins⌋), then adjacent bins merged until every bin holds at least `min_share` of
// the non-missing rows and the WoE is monotonic in the value (its direction taken from the first
// and last bins). Categorical: one pre-bin per category, ordered by WoE, then merged the same way.
// Missing values (empty or "NA") always form their own bin, exempt from the share rule.
// Pure functions; thread-safe.
//   FeatureBinning b = BinNumeric("age", ages, is_bad, {});
//   double w = b.WoeOf(Value::Number(37));
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace finguard::risk::credit {

struct BinningOptions {
  int pre_bins = 20;
  double min_share = 0.05;
};

struct WoeBin {
  bool missing = false;
  double upper = std::numeric_limits<double>::infinity();  // numeric: x <= upper (above previous)
  std::vector<std::string> categories;                     // categorical
  double good = 0, bad = 0;
  double woe = 0, iv = 0;
};

struct FeatureBinning {
  std::string name;
  bool categorical = false;
  std::vector<WoeBin> bins;  // numeric: ascending upper; the missing bin, if any, last
  double iv = 0;

  // WoE of a value (nullopt = missing). A missing value without a missing bin, or a category not
  // seen in training, gets WoE 0 (neutral evidence).
  double WoeOfNumber(std::optional<double> x) const;
  double WoeOfCategory(const std::optional<std::string>& c) const;
};

// Smoothed WoE/IV of bins whose good/bad counts are set (fills woe, iv; returns total IV).
double ComputeWoe(std::vector<WoeBin>& bins);

FeatureBinning BinNumeric(const std::string& name, const std::vector<std::optional<double>>& x,
                          const std::vector<int>& is_bad, const BinningOptions& options);
FeatureBinning BinCategorical(const std::string& name,
                              const std::vector<std::optional<std::string>>& x,
                              const std::vector<int>& is_bad, const BinningOptions& options);

}  // namespace finguard::risk::credit
