#!/usr/bin/env bash
# Market VaR benchmarks and the numpy peer, in the same session (docs/benchmarks.md).
# Needs the Release build: cmake -S . -B build/market-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
# && cmake --build build/market-rel. Usage: bench/risk_market_bench.sh [build dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/market-rel}
out=$build/risk_market_bench
# The benchmark is compiled here, not in CMakeLists.txt, with the Release flags (-O3).
g++ -std=c++20 -O3 -DNDEBUG -Isrc -isystem /usr/include/eigen3 bench/risk_market_bench.cc \
  "$build/libfg_risk.a" "$build/libfg_customers.a" "$build/libfg_security.a" \
  "$build/libfg_storage.a" "$build/libfg_common.a" \
  -lbenchmark -lpthread -lcsv -lspdlog -lfmt -o "$out"
echo "== FinGuard (C++, $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB) =="
"$out" --benchmark_repetitions=7 --benchmark_report_aggregates_only=true
echo "== numpy peer (median of 7) =="
/usr/bin/python3 bench/peers/market_var_peer.py bench --repeat 7
