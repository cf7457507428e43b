#!/usr/bin/env bash
# Runs every FinGuard test against real parts: a throwaway PostgreSQL (scripts/pg.sh), the
# finguard server on SQLite and on PostgreSQL, and Debian's Chromium. Expects `make build
# build-dev build-asan web` to have run (the Makefile's `test` target does that first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/finguard-test.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/pg.sh stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

section() { printf '\n=== %s ===\n' "$1"; }

section "PostgreSQL"
pg_url=$(scripts/pg.sh start "$work/pg")
echo "started $pg_url"
export FINGUARD_TEST_PG_URL="$pg_url"

# The market-risk unit tests compare against the numpy peer on a slice of the shared data set,
# built here rather than committed.
export FINGUARD_MARKET_HISTORY="$work/market_history.csv"
/usr/bin/python3 bench/peers/market_var_peer.py history \
  --sp500 "$root/../shared/data/market/sp500_1950_2018.csv" \
  --usdcny "$root/../shared/data/market/fred_usdcny_daily.csv" --since 2015-01-01 >"$FINGUARD_MARKET_HISTORY"

# FINGUARD_SKIP_UNIT=1 skips the unit stages while iterating on the server tests (never in CI).
if [ -z "${FINGUARD_SKIP_UNIT:-}" ]; then
  section "unit tests (dev build, SQLite + PostgreSQL)"
  ctest --preset dev -j 2 --timeout 300

  section "unit tests under ASan + UBSan"
  ASAN_OPTIONS=detect_leaks=1 ctest --preset asan -j 2 --timeout 600
fi

bin="$root/build/release/finguard"
admin_password='Integration-Test-Pw1!'

# start_server NAME DB_URL -> sets url; creates the admin user first.
start_server() {
  local name=$1 db=$2 dir="$work/$1"
  mkdir -p "$dir"
  local common=(--db "$db" --key-file "$dir/finguard.keys")
  "$bin" "${common[@]}" migrate >/dev/null
  printf '%s\n' "$admin_password" | "$bin" "${common[@]}" user create --username admin \
    --display-name "Administrator" --role admin >/dev/null
  FINGUARD_LOG_REQUESTS=false FINGUARD_MAX_BODY_BYTES=1048576 \
    "$bin" "${common[@]}" serve --port 0 --web-dir "$root/web/dist" >"$dir/server.out" 2>"$dir/server.log" &
  pids+=($!)
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/server.out" 2>/dev/null | head -1 || true)
    [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "server $name did not start"; cat "$dir/server.log"; exit 1; }
  echo "$name server at $url"
}

for backend in sqlite postgres; do
  section "integration tests on $backend"
  if [ "$backend" = sqlite ]; then db="sqlite:$work/$backend/finguard.db"; else
    psql "$pg_url" -qc "CREATE DATABASE it_pg" >/dev/null; db="${pg_url%/*}/it_pg"; fi
  start_server "$backend" "$db"
  FINGUARD_URL=$url FINGUARD_ADMIN_PASSWORD=$admin_password FINGUARD_BIN=$bin \
    FINGUARD_DB=$db FINGUARD_KEY_FILE="$work/$backend/finguard.keys" FINGUARD_BACKEND=$backend \
    FINGUARD_SHARED_DATA="$root/../shared/data" \
    node --test --test-concurrency=1 tests/integration/
done

section "browser tests (Chromium)"
demo_dir="$work/demo"
mkdir -p "$demo_dir"
(cd "$demo_dir" && "$bin" demo --customers 300 --seed 7 --no-serve >demo.out)
demo_password=$(sed -n 's/^Password (shown once): //p' "$demo_dir/demo.out")
(cd "$demo_dir" && FINGUARD_LOG_REQUESTS=false "$bin" serve --port 0 --web-dir "$root/web/dist" \
  >server.out 2>server.log) &
pids+=($!)
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$demo_dir/server.out" 2>/dev/null | head -1 || true)
  [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null && break
  sleep 0.1
done
FINGUARD_URL=$url FINGUARD_ADMIN_PASSWORD=$demo_password node --test tests/e2e/

section "all tests passed"
