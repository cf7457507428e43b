#pragma once
// Value at risk and expected shortfall of a book of linear positions over a price history, by
// historical simulation, parametric delta-normal, or Monte Carlo (correlated normal or
// Student-t factor returns via a Cholesky factor of the sample covariance). Loss = −P&L, and
// both VaR and ES are reported as positive loss amounts. Definitions (docs/risk.md):
//   * scenarios: the last `window` daily returns (fewer if the history is shorter); the P&L of
//     scenario s is Σ_f exposure_f · r_{s,f}, exposures summed per factor over the positions.
//   * kLower: VaR = the ⌈n(1−α)⌉-th worst loss, ES = the mean of the ⌈n(1−α_ES)⌉ worst losses.
//     kLinear: VaR = −numpy.quantile(pnl, 1−α) (linear); ES = −mean of the P&Ls at or below
//     numpy.quantile(pnl, 1−α_ES).
//   * parametric: VaR = −μ_p + σ_p Φ⁻¹(α), ES = −μ_p + σ_p φ(Φ⁻¹(α_ES)) / (1 − α_ES), with μ_p and
//     σ_p the mean and (ddof 1) standard deviation of the window's P&L via the covariance matrix.
//   * horizon h days: one-day figures × √h.
// ComputeVar validates options and data and fails with kInvalidArgument (FieldErrors name the
// option: "confidence", "window", ...); ComputeVarImpl assumes valid input. Pure functions;
// thread-safe.
//   VarOptions o{.method = VarMethod::kHistorical, .confidence = 0.99};
//   ASSIGN_OR_RETURN(VarResult r, ComputeVar(history, positions, o));  // r.one_day.var
#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "risk/market/market_data.h"
#include "risk/market/returns.h"
#include "risk/quantile.h"

namespace finguard::risk::market {

enum class VarMethod { kHistorical, kParametric, kMonteCarlo };
enum class McDistribution { kNormal, kStudentT };

StatusOr<VarMethod> ParseVarMethod(std::string_view name);  // historical|parametric|montecarlo
std::string_view VarMethodName(VarMethod m);
StatusOr<McDistribution> ParseMcDistribution(std::string_view name);  // normal | t
std::string_view McDistributionName(McDistribution d);

struct VarOptions {
  VarMethod method = VarMethod::kHistorical;
  double confidence = 0.99;      // VaR level α, in (0.5, 1)
  double es_confidence = 0.975;  // ES level, in (0.5, 1)
  int window = 500;              // most recent returns used, ≥ 2
  QuantileMethod quantile = QuantileMethod::kLower;
  int horizon_days = 1;  // ≥ 1; figures scale by √h
  ReturnType returns = ReturnType::kSimple;
  // Monte Carlo only.
  int paths = 10000;
  uint32_t seed = 42;
  McDistribution distribution = McDistribution::kNormal;
  double df = 5;  // Student-t degrees of freedom, > 2
};

Status ValidateVarOptions(const VarOptions& o);

struct TailMeasures {
  double var = 0;
  double es = 0;
};

struct VarResult {
  VarOptions options;
  int observations = 0;                // returns in the window
  CivilDate window_start, window_end;  // dates of the window's first and last return
  std::vector<std::string> factors;    // factors with a position, history order
  Eigen::VectorXd exposures;           // per factor
  double pnl_mean = 0;                 // μ_p of the window's P&L
  double pnl_stdev = 0;                // σ_p (ddof 1)
  TailMeasures one_day;
  TailMeasures horizon;  // one_day × √horizon_days
};

StatusOr<VarResult> ComputeVar(const PriceHistory& history, const std::vector<Position>& positions,
                               const VarOptions& options);

// Tail measures of a P&L sample (sorted in place) under the definitions above. Sample
// non-empty, levels in (0, 1).
TailMeasures EmpiricalTail(std::vector<double>& pnl, double confidence, double es_confidence,
                           QuantileMethod method);

// Monte Carlo P&L paths: μ_p + w·z per path, w = Lᵀe with ΣLLᵀ = Σ, z standard normal from
// Mt19937Uniform(seed) through Φ⁻¹ (row-major: path by path, factor by factor); Student-t scales
// each path by √((df − 2)/W), W = 2·P⁻¹(df/2, u) a χ²(df) draw taken after the path's normals,
// so each factor keeps the sample variance. kInvalidArgument if Σ is not positive definite.
StatusOr<std::vector<double>> MonteCarloPnl(const Eigen::VectorXd& mean, const Eigen::MatrixXd& cov,
                                            const Eigen::VectorXd& exposures, int paths,
                                            uint32_t seed, McDistribution distribution, double df);

}  // namespace finguard::risk::market
