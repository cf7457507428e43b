#include "risk/credit/copula_portfolio.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <thread>

#include "common/random.h"
#include "risk/quantile.h"
#include "risk/standard_normal.h"

namespace finguard::risk::credit {
namespace {

constexpr int64_t kBlockPaths = 1024;

// xoshiro256** (Blackman and Vigna, 2018): fast, 2^256 − 1 period, passes BigCrush.
// Draws from the shared xoshiro256** (common/random.h), seeded per (seed, block) stream.
class Xoshiro256 {
 public:
  Xoshiro256(uint64_t seed, uint64_t stream) : gen_(seed ^ (stream * 0xd1b54a32d192ed03ULL)) {}
  uint64_t Next() { return gen_.Next(); }
  // Uniform in (0, 1), never 0 or 1, so G of it is finite.
  double Open01() { return (static_cast<double>(Next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  finguard::Xoshiro256 gen_;
};

// Exposures sharing (PD, ρ) share their conditional default probability on a path.
struct Group {
  double threshold;  // G(PD)
  double sqrt_rho, sqrt_one_minus_rho;
  std::vector<double> losses;  // LGD·EAD of each member
};

std::vector<Group> GroupExposures(std::span<const PortfolioExposure> exposures) {
  std::map<std::pair<double, double>, size_t> index;
  std::vector<Group> groups;
  for (const PortfolioExposure& e : exposures) {
    auto [it, inserted] = index.try_emplace({e.pd, e.correlation}, groups.size());
    if (inserted) {
      groups.push_back(
          {NormalQuantile(e.pd), std::sqrt(e.correlation), std::sqrt(1 - e.correlation), {}});
    }
    groups[it->second].losses.push_back(e.lgd * e.ead);
  }
  return groups;
}

void SimulateBlocks(const std::vector<Group>& groups, uint64_t seed, int64_t first_block,
                    int64_t last_block, int64_t paths, std::vector<double>& losses) {
  for (int64_t block = first_block; block < last_block; ++block) {
    Xoshiro256 rng(seed, static_cast<uint64_t>(block));
    const int64_t end = std::min(paths, (block + 1) * kBlockPaths);
    for (int64_t path = block * kBlockPaths; path < end; ++path) {
      const double z = NormalQuantile(rng.Open01());
      double loss = 0;
      for (const Group& g : groups) {
        const double p = NormalCdf((g.threshold - g.sqrt_rho * z) / g.sqrt_one_minus_rho);
        // Compare 53-bit integers: u < p  ⇔  (bits >> 11) < p·2^53.
        const uint64_t cut = static_cast<uint64_t>(p * 0x1.0p53);
        for (double l : g.losses) {
          if ((rng.Next() >> 11) < cut) loss += l;
        }
      }
      losses[path] = loss;
    }
  }
}

}  // namespace

Status ValidatePortfolio(std::span<const PortfolioExposure> exposures,
                         const CopulaSettings& settings) {
  std::vector<FieldError> errors;
  if (exposures.empty()) errors.push_back({"/exposures", "at least one exposure"});
  for (size_t i = 0; i < exposures.size() && errors.size() < 100; ++i) {
    const PortfolioExposure& e = exposures[i];
    std::string at = "/exposures/" + std::to_string(i);
    if (!(e.ead >= 0 && std::isfinite(e.ead)))
      errors.push_back({at + "/ead", "must not be negative"});
    if (!(e.pd > 0 && e.pd <= 1)) errors.push_back({at + "/pd", "must be in (0, 1]"});
    if (!(e.lgd >= 0 && e.lgd <= 1)) errors.push_back({at + "/lgd", "must be in [0, 1]"});
    if (!(e.correlation >= 0 && e.correlation < 1)) {
      errors.push_back({at + "/correlation", "must be in [0, 1)"});
    }
  }
  if (settings.paths < 1000 || settings.paths > 10'000'000) {
    errors.push_back({"/paths", "must be in [1000, 10000000]"});
  }
  if (!(settings.confidence > 0.5 && settings.confidence < 1)) {
    errors.push_back({"/confidence", "must be in (0.5, 1)"});
  }
  if (errors.empty()) return OkStatus();
  return InvalidArgument("invalid portfolio: " + errors[0].field + " " + errors[0].reason, errors);
}

LossDistribution SimulatePortfolioLosses(std::span<const PortfolioExposure> exposures,
                                         const CopulaSettings& settings) {
  const std::vector<Group> groups = GroupExposures(exposures);
  const int64_t paths = settings.paths;
  const int64_t blocks = (paths + kBlockPaths - 1) / kBlockPaths;
  std::vector<double> losses(static_cast<size_t>(paths));
  int threads = settings.threads > 0 ? settings.threads
                                     : static_cast<int>(std::thread::hardware_concurrency());
  threads = static_cast<int>(std::clamp<int64_t>(threads, 1, blocks));
  if (threads == 1) {
    SimulateBlocks(groups, settings.seed, 0, blocks, paths, losses);
  } else {
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back(SimulateBlocks, std::cref(groups), settings.seed, blocks * t / threads,
                           blocks * (t + 1) / threads, paths, std::ref(losses));
    }
    for (std::thread& w : workers) w.join();
  }

  LossDistribution d;
  d.paths = paths;
  for (const PortfolioExposure& e : exposures) d.expected_loss += e.pd * e.lgd * e.ead;
  // Sums in path order, so the figures do not depend on how paths were split across threads.
  double sum = std::accumulate(losses.begin(), losses.end(), 0.0);
  d.mean_loss = sum / static_cast<double>(paths);
  double squares = 0;
  for (double l : losses) squares += (l - d.mean_loss) * (l - d.mean_loss);
  d.unexpected_loss = std::sqrt(squares / static_cast<double>(paths - 1));
  std::sort(losses.begin(), losses.end());
  d.var = Quantile(losses, settings.confidence, QuantileMethod::kLower);
  const double k = std::ceil(static_cast<double>(paths) * settings.confidence - 1e-9);
  const size_t from = static_cast<size_t>(std::max(1.0, k)) - 1;
  d.expected_shortfall =
      std::accumulate(losses.begin() + static_cast<std::ptrdiff_t>(from), losses.end(), 0.0) /
      static_cast<double>(losses.size() - from);
  d.economic_capital = d.var - d.expected_loss;
  return d;
}

double VasicekLossQuantile(double pd, double lgd, double correlation, double confidence) {
  return lgd *
         NormalCdf((NormalQuantile(pd) + std::sqrt(correlation) * NormalQuantile(confidence)) /
                   std::sqrt(1 - correlation));
}

}  // namespace finguard::risk::credit
