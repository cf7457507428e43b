#pragma once
// Portfolio credit loss distribution by a one-factor Gaussian copula (Vasicek) Monte Carlo.
// Exposure i defaults on a path when √ρ_i·Z + √(1 − ρ_i)·ε_i < G(PD_i), Z the systematic factor
// shared by all exposures and ε_i idiosyncratic, all independent standard normals; the path's
// loss is Σ LGD_i·EAD_i over the defaulters. Sampled as: Z = G(U) per path, and exposure i
// defaults when an independent uniform falls below N((G(PD_i) − √ρ_i·Z)/√(1 − ρ_i)), which is
// the same event without drawing ε_i (one CDF per distinct (PD, ρ) per path).
//
// Reproducible: paths are cut into fixed blocks, each with its own xoshiro256** stream seeded
// from (seed, block) through splitmix64, so a seed gives the same losses whatever the number of
// threads. Reports: analytic EL = Σ PD·LGD·EAD, the simulated mean, unexpected loss (the
// standard deviation of the loss), VaR at `confidence` (the ⌈n·α⌉-th smallest simulated loss,
// QuantileMethod::kLower), expected shortfall (mean of the losses at or beyond that order
// statistic) and economic capital VaR − EL. Amounts are in the exposures' minor units (double).
// Not thread-safe to share a call's inputs while it runs; the function itself is reentrant.
//   std::vector<PortfolioExposure> book = {{.ead = 1e8, .pd = 0.01, .lgd = 0.45, .correlation =
//   0.12}}; RETURN_IF_ERROR(ValidatePortfolio(book, settings)); LossDistribution d =
//   SimulatePortfolioLosses(book, {.paths = 100000, .seed = 7});
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"

namespace finguard::risk::credit {

struct PortfolioExposure {
  double ead = 0;          // minor units, ≥ 0
  double pd = 0;           // (0, 1]
  double lgd = 0;          // [0, 1]
  double correlation = 0;  // asset correlation ρ, [0, 1)
};

struct CopulaSettings {
  int64_t paths = 100000;  // [1000, 10,000,000]
  uint64_t seed = 42;
  double confidence = 0.999;  // (0.5, 1)
  int threads = 0;            // 0: std::thread::hardware_concurrency()
};

struct LossDistribution {
  double expected_loss = 0;  // analytic Σ PD·LGD·EAD
  double mean_loss = 0;      // simulated
  double unexpected_loss = 0;
  double var = 0;
  double expected_shortfall = 0;
  double economic_capital = 0;  // var − expected_loss
  int64_t paths = 0;
};

// Every problem as one kInvalidArgument, fields "/exposures/7/pd", "/paths", "/confidence".
Status ValidatePortfolio(std::span<const PortfolioExposure> exposures,
                         const CopulaSettings& settings);

// Assumes valid input.
LossDistribution SimulatePortfolioLosses(std::span<const PortfolioExposure> exposures,
                                         const CopulaSettings& settings);

// The Vasicek large-portfolio loss quantile per unit of EAD for a homogeneous book:
// LGD·N((G(PD) + √ρ·G(α))/√(1 − ρ)).
double VasicekLossQuantile(double pd, double lgd, double correlation, double confidence);

}  // namespace finguard::risk::credit
