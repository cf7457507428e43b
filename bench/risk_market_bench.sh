#!/usr/bin/env bash
# Market VaR benchmarks and the numpy peer, in the same session (docs/benchmarks.md).
# Builds the benchmark target in a Release tree (default build/release: `make build` configures
# it). Usage: bench/risk_market_bench.sh [build dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
out=$build/risk_market_bench
cmake --build "$build" --target risk_market_bench >/dev/null
echo "== FinGuard (C++, $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB) =="
"$out" --benchmark_repetitions=7 --benchmark_report_aggregates_only=true
echo "== numpy peer (median of 7) =="
/usr/bin/python3 bench/peers/market_var_peer.py bench --repeat 7
