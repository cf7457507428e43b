#include "risk/market/var_engine.h"

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <unordered_map>

#include "risk/market/mt19937_uniform.h"
#include "risk/standard_normal.h"

namespace finguard::risk::market {
namespace {

// ⌈n·p⌉ with the same tolerance as Quantile's kLower, so 500 × 0.01 counts 5 scenarios.
size_t TailCount(size_t n, double p) {
  double k = std::ceil(static_cast<double>(n) * p - 1e-9);
  return std::clamp<size_t>(k < 1 ? 1 : static_cast<size_t>(k), 1, n);
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

StatusOr<VarMethod> ParseVarMethod(std::string_view name) {
  if (name == "historical") return VarMethod::kHistorical;
  if (name == "parametric") return VarMethod::kParametric;
  if (name == "montecarlo") return VarMethod::kMonteCarlo;
  return InvalidArgument(
      "method must be historical, parametric or montecarlo, not '" + std::string(name) + "'",
      {{"method", "historical, parametric or montecarlo"}});
}

std::string_view VarMethodName(VarMethod m) {
  switch (m) {
    case VarMethod::kHistorical:
      return "historical";
    case VarMethod::kParametric:
      return "parametric";
    case VarMethod::kMonteCarlo:
      return "montecarlo";
  }
  return "historical";
}

StatusOr<McDistribution> ParseMcDistribution(std::string_view name) {
  if (name == "normal") return McDistribution::kNormal;
  if (name == "t" || name == "student-t") return McDistribution::kStudentT;
  return InvalidArgument("distribution must be normal or t, not '" + std::string(name) + "'",
                         {{"distribution", "normal or t"}});
}

std::string_view McDistributionName(McDistribution d) {
  return d == McDistribution::kNormal ? "normal" : "t";
}

Status ValidateVarOptions(const VarOptions& o) {
  std::vector<FieldError> errors;
  auto level = [&](const char* name, double v) {
    if (!(v > 0.5 && v < 1))
      errors.push_back({name, Num(v) + " is outside (0.5, 1); write 0.99 for 99%"});
  };
  level("confidence", o.confidence);
  level("es_confidence", o.es_confidence);
  if (o.window < 2) errors.push_back({"window", "must be at least 2 returns"});
  if (o.horizon_days < 1 || o.horizon_days > 250)
    errors.push_back({"horizon", "must be between 1 and 250 days"});
  if (o.method == VarMethod::kMonteCarlo) {
    if (o.paths < 100 || o.paths > 10'000'000)
      errors.push_back({"paths", "must be between 100 and 10,000,000"});
    if (o.distribution == McDistribution::kStudentT && !(o.df > 2 && o.df <= 1000))
      errors.push_back({"df", "Student-t degrees of freedom must be in (2, 1000]"});
  }
  if (errors.empty()) return OkStatus();
  std::string message = errors[0].field + ": " + errors[0].reason;
  return InvalidArgument(std::move(message), std::move(errors));
}

TailMeasures EmpiricalTail(std::vector<double>& pnl, double confidence, double es_confidence,
                           QuantileMethod method) {
  std::sort(pnl.begin(), pnl.end());
  TailMeasures t;
  t.var = -Quantile(pnl, 1.0 - confidence, method);
  size_t k;
  if (method == QuantileMethod::kLower) {
    k = TailCount(pnl.size(), 1.0 - es_confidence);
  } else {
    const double q = Quantile(pnl, 1.0 - es_confidence, method);
    k = static_cast<size_t>(std::upper_bound(pnl.begin(), pnl.end(), q) - pnl.begin());
    k = std::max<size_t>(k, 1);
  }
  double sum = 0;
  for (size_t i = 0; i < k; ++i) sum += pnl[i];
  t.es = -sum / static_cast<double>(k);
  return t;
}

StatusOr<std::vector<double>> MonteCarloPnl(const Eigen::VectorXd& mean, const Eigen::MatrixXd& cov,
                                            const Eigen::VectorXd& exposures, int paths,
                                            uint32_t seed, McDistribution distribution, double df) {
  Eigen::LLT<Eigen::MatrixXd> llt(cov);
  if (llt.info() != Eigen::Success) {
    return InvalidArgument(
        "the covariance of the factor returns is not positive definite (a factor with constant "
        "prices over the window, or factors moving in lockstep); Monte Carlo needs its Cholesky "
        "factor",
        {{"history", "covariance not positive definite"}});
  }
  // e·(μ + Lz) = e·μ + (Lᵀe)·z: the P&L needs one dot product per path, not the full L·z.
  const Eigen::VectorXd w = llt.matrixL().transpose() * exposures;
  const double mu_p = mean.dot(exposures);
  const Eigen::Index k = w.size();
  std::vector<double> pnl(static_cast<size_t>(paths));
  Mt19937Uniform uniform(seed);
  const bool student = distribution == McDistribution::kStudentT;
  const size_t width = static_cast<size_t>(k) + (student ? 1 : 0);  // uniforms per path
  // Paths in blocks: uniforms for the block, normals for the block, then one dot per path.
  const size_t block_paths = std::max<size_t>(1, 8192 / width);
  std::vector<double> u(block_paths * width), z(block_paths * width);
  for (size_t start = 0; start < pnl.size(); start += block_paths) {
    const size_t m = std::min(block_paths, pnl.size() - start);
    uniform.Fill(u.data(), m * width);
    NormalQuantiles(u.data(), z.data(), m * width);
    for (size_t i = 0; i < m; ++i) {
      const double* zi = z.data() + i * width;
      double s = 0;
      for (Eigen::Index f = 0; f < k; ++f) s += w[f] * zi[f];
      if (student) {
        const double chi2 = 2.0 * boost::math::gamma_p_inv(df / 2.0, u[i * width + width - 1]);
        s *= std::sqrt((df - 2.0) / chi2);
      }
      pnl[start + i] = mu_p + s;
    }
  }
  return pnl;
}

StatusOr<VarResult> ComputeVar(const PriceHistory& history, const std::vector<Position>& positions,
                               const VarOptions& options) {
  RETURN_IF_ERROR(ValidateVarOptions(options));
  // Exposure per factor, factors kept in history order so the simulation's stream of random
  // numbers maps to factors the same way in every implementation.
  Eigen::VectorXd all = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(history.factors.size()));
  std::vector<bool> held(history.factors.size(), false);
  std::unordered_map<std::string_view, int> factor_index;
  for (size_t i = 0; i < history.factors.size(); ++i)
    factor_index.emplace(history.factors[i], static_cast<int>(i));
  for (const Position& p : positions) {
    auto found = factor_index.find(p.factor);
    if (found == factor_index.end())
      return InvalidArgument("unknown factor '" + p.factor + "'", {{"positions", p.id}});
    const int i = found->second;
    all[i] += p.exposure;
    held[static_cast<size_t>(i)] = true;
  }
  VarResult r;
  r.options = options;
  std::vector<Eigen::Index> columns;
  for (size_t i = 0; i < held.size(); ++i) {
    if (!held[i]) continue;
    columns.push_back(static_cast<Eigen::Index>(i));
    r.factors.push_back(history.factors[i]);
  }
  const Eigen::Index k = static_cast<Eigen::Index>(columns.size());
  r.exposures.resize(k);
  for (Eigen::Index j = 0; j < k; ++j) r.exposures[j] = all[columns[static_cast<size_t>(j)]];

  const Eigen::Index total = static_cast<Eigen::Index>(history.dates.size()) - 1;
  const Eigen::Index n = std::min<Eigen::Index>(total, options.window);
  const Eigen::Index first = total - n;  // first price row of the window
  r.observations = static_cast<int>(n);
  r.window_start = history.dates[static_cast<size_t>(first + 1)];
  r.window_end = history.dates.back();

  // Scenario P&L streamed column by column (contiguous in Eigen's column-major storage): no
  // returns matrix is built, which keeps 10,000 positions x 1,000 scenarios within budget.
  std::vector<double> pnl(static_cast<size_t>(n), 0.0);
  const bool simple = options.returns == ReturnType::kSimple;
  for (Eigen::Index j = 0; j < k; ++j) {
    const double e = r.exposures[j];
    const double* p = history.prices.col(columns[static_cast<size_t>(j)]).data() + first;
    for (Eigen::Index t = 0; t < n; ++t) {
      const double ratio = p[t + 1] / p[t];  // as numpy's p[1:] / p[:-1]
      pnl[static_cast<size_t>(t)] += e * (simple ? ratio - 1.0 : std::log(ratio));
    }
  }
  // μ_p and σ_p² = eᵀΣe, the latter as the (ddof 1) variance of the P&L series: the same
  // number as through the covariance matrix, in O(n·k) instead of O(n·k²).
  double sum = 0;
  for (double x : pnl) sum += x;
  r.pnl_mean = sum / static_cast<double>(n);
  double ss = 0;
  for (double x : pnl) ss += (x - r.pnl_mean) * (x - r.pnl_mean);
  r.pnl_stdev = std::sqrt(ss / static_cast<double>(n - 1));

  switch (options.method) {
    case VarMethod::kHistorical: {
      r.one_day = EmpiricalTail(pnl, options.confidence, options.es_confidence, options.quantile);
      break;
    }
    case VarMethod::kParametric: {
      const double z = NormalQuantile(options.confidence);
      const double z_es = NormalQuantile(options.es_confidence);
      const double pdf = std::exp(-0.5 * z_es * z_es) / std::sqrt(2.0 * std::numbers::pi);
      r.one_day.var = -r.pnl_mean + r.pnl_stdev * z;
      r.one_day.es = -r.pnl_mean + r.pnl_stdev * pdf / (1.0 - options.es_confidence);
      break;
    }
    case VarMethod::kMonteCarlo: {
      Eigen::MatrixXd prices(n + 1, k);
      for (Eigen::Index j = 0; j < k; ++j)
        prices.col(j) = history.prices.col(columns[static_cast<size_t>(j)]).segment(first, n + 1);
      const Eigen::MatrixXd returns = Returns(prices, options.returns);
      const Eigen::VectorXd mean = returns.colwise().mean().transpose();
      const Eigen::MatrixXd centred = returns.rowwise() - mean.transpose();
      const Eigen::MatrixXd cov = (centred.transpose() * centred) / static_cast<double>(n - 1);
      ASSIGN_OR_RETURN(pnl, MonteCarloPnl(mean, cov, r.exposures, options.paths, options.seed,
                                          options.distribution, options.df));
      r.one_day = EmpiricalTail(pnl, options.confidence, options.es_confidence, options.quantile);
      break;
    }
  }
  const double scale = std::sqrt(static_cast<double>(options.horizon_days));
  r.horizon = {r.one_day.var * scale, r.one_day.es * scale};
  return r;
}

}  // namespace finguard::risk::market
