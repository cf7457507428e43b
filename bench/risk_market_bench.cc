// Google Benchmark programs for market VaR (docs/benchmarks.md, "Market risk"):
//   BM_HistoricalVarEs   10,000 positions (one factor each) x 1,000 scenarios, VaR 99% + ES 97.5%
//                        from prices: returns, scenario P&L, sort, tail measures.
//   BM_MonteCarloVar     100 factors x 100,000 paths, correlated normals via Cholesky.
// Built and run against the Release libraries by bench/risk_market_bench.sh, which also runs
// the numpy peer in the same session.
#include <benchmark/benchmark.h>

#include <random>

#include "risk/market/var_engine.h"

namespace finguard::risk::market {
namespace {

PriceHistory RandomHistory(int dates, int factors, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> ret(0.0003, 0.01);
  PriceHistory h;
  h.prices.resize(dates, factors);
  for (int d = 0; d < dates; ++d) h.dates.push_back(CivilDate{2000, 1, 1}.AddDays(d));
  for (int f = 0; f < factors; ++f) {
    h.factors.push_back("F" + std::to_string(f));
    double p = 100;
    for (int d = 0; d < dates; ++d) {
      h.prices(d, f) = p;
      p *= 1 + ret(rng);
    }
  }
  return h;
}

std::vector<Position> OnePositionPerFactor(const PriceHistory& h, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> exposure(-1e6, 1e6);
  std::vector<Position> p;
  for (const std::string& f : h.factors) p.push_back({"P-" + f, f, exposure(rng)});
  return p;
}

void BM_HistoricalVarEs(benchmark::State& state) {
  const PriceHistory h = RandomHistory(1001, 10000, 1);
  const std::vector<Position> p = OnePositionPerFactor(h, 2);
  VarOptions o{.method = VarMethod::kHistorical, .window = 1000};
  for (auto _ : state) {
    StatusOr<VarResult> r = ComputeVar(h, p, o);
    benchmark::DoNotOptimize(r->one_day.es);
  }
}
BENCHMARK(BM_HistoricalVarEs)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(7)
    ->ReportAggregatesOnly();

void BM_MonteCarloVar(benchmark::State& state) {
  // A dense, positive-definite covariance as the peer's bench builds it.
  std::mt19937_64 rng(3);
  std::normal_distribution<double> n01;
  Eigen::MatrixXd a(100, 100);
  for (int i = 0; i < 100; ++i)
    for (int j = 0; j < 100; ++j) a(i, j) = n01(rng);
  Eigen::MatrixXd cov =
      (a * a.transpose()) / 100 * 1e-4 + Eigen::MatrixXd::Identity(100, 100) * 1e-5;
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(100);
  Eigen::VectorXd e(100);
  for (int i = 0; i < 100; ++i) e[i] = 1e4 * (i % 7 - 3);
  for (auto _ : state) {
    StatusOr<std::vector<double>> pnl =
        MonteCarloPnl(mean, cov, e, 100000, 42, McDistribution::kNormal, 5);
    TailMeasures t = EmpiricalTail(*pnl, 0.99, 0.975, QuantileMethod::kLower);
    benchmark::DoNotOptimize(t.var);
  }
}
BENCHMARK(BM_MonteCarloVar)->Unit(benchmark::kMillisecond)->Repetitions(7)->ReportAggregatesOnly();

}  // namespace
}  // namespace finguard::risk::market

BENCHMARK_MAIN();
