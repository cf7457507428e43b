#!/usr/bin/env bash
# Regenerates tests/data/market/: a small joint S&P 500 / USDCNY history (2015-2018, from
# ../shared/data/market), a book of positions, and the numpy peer's VaR/ES and backtest answers
# that src/risk/market/*_test.cc compare against to 1e-9.
set -euo pipefail
cd "$(dirname "$0")/../.."
peer="/usr/bin/python3 bench/peers/market_var_peer.py"
out=tests/data/market
shared=${FINGUARD_SHARED_DATA:-../shared/data}
mkdir -p "$out"
# The history is a slice of the shared data set: built here, used, and never committed.
$peer history --sp500 "$shared/market/sp500_1950_2018.csv" \
  --usdcny "$shared/market/fred_usdcny_daily.csv" --since 2015-01-01 >"$out/history.csv"
trap 'rm -f "$out/history.csv"' EXIT
printf 'id,factor,exposure\neq-1,SPX,1000000\nfx-1,USDCNY,-2500000\neq-2,SPX,500000\n' \
  >"$out/positions.csv"
{
  echo "["
  first=1
  for method in historical parametric montecarlo; do
    for q in lower linear; do
      for ret in simple log; do
        for dist in normal t; do
          [ "$method" != montecarlo ] && [ "$dist" = t ] && continue
          args=(--method "$method" --quantile-method "$q" --returns "$ret" --window 500
                --confidence 0.99 --es-confidence 0.975 --horizon 10 --paths 20000 --seed 7
                --distribution "$dist" --df 4)
          result=$($peer var --positions "$out/positions.csv" --history "$out/history.csv" "${args[@]}")
          [ $first = 1 ] || echo ","
          first=0
          printf '{"method":"%s","quantile":"%s","returns":"%s","distribution":"%s","expected":%s}' \
            "$method" "$q" "$ret" "$dist" "$result"
        done
      done
    done
  done
  echo "]"
} >"$out/var_expected.json"
$peer rolling --positions "$out/positions.csv" --history "$out/history.csv" --window 250 \
  --confidence 0.99 >"$out/rolling.csv"
cut -d, -f1,2 "$out/rolling.csv" >"$out/pnl.csv"
cut -d, -f1,3 "$out/rolling.csv" >"$out/var.csv"
rm "$out/rolling.csv"
$peer backtest --pnl "$out/pnl.csv" --var "$out/var.csv" --confidence 0.99 >"$out/backtest_expected.json"
echo "wrote $out"
