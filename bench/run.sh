#!/usr/bin/env bash
# Foundation benchmarks (figures go to docs/benchmarks.md):
#   1. demo institution generation time (default size: 10,000 customers, >= 1M transactions)
#   2. GET /api/v1/customers/{id} throughput and p99 with wrk (keep-alive), masked and unmasked
#      reader, SQLite; peer in the same run: nginx serving the same JSON as a static file
#   3. server resident memory after the load
#   4. login (argon2id) latency, sequential
# Usage: bench/run.sh [CUSTOMERS] [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
customers=${1:-10000}
duration=${2:-15}
bin="$root/build/release/finguard"
work=$(mktemp -d /tmp/finguard-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
[ -x /usr/sbin/nginx ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%F)"
cd "$work"
start=$(date +%s.%N)
"$bin" demo --customers "$customers" --seed 42 --no-serve > demo.out
end=$(date +%s.%N)
echo "demo generation: $(echo "$end - $start" | bc) s for $customers customers ($(grep -o '[0-9]* transactions' demo.out))"
password=$(sed -n 's/^Password (shown once): //p' demo.out)

FINGUARD_LOG_REQUESTS=false "$bin" serve --port 0 --web-dir /nonexistent > server.out 2> server.log &
server_pid=$!
pids+=($server_pid)
for _ in $(seq 1 100); do url=$(grep -o 'http://127.0.0.1:[0-9]*' server.out || true); [ -n "$url" ] && break; sleep 0.1; done
token_for() { curl -sf "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
masked_token=$(token_for demo_marketing)
clear_token=$(token_for demo_compliance_officer)
curl -sf "$url/api/v1/customers?limit=200" -H "Authorization: Bearer $masked_token" \
  | python3 -c 'import json,sys; [print(c["id"]) for c in json.load(sys.stdin)["items"]]' > ids.txt
first=$(head -1 ids.txt)
curl -sf "$url/api/v1/customers/$first" -H "Authorization: Bearer $masked_token" > customer.json

run_wrk() {  # label url token: three rounds, median of each figure
  local rps=() p99=() p50=() bad=0 out
  for _ in 1 2 3; do
    out=$(IDS_FILE=$work/ids.txt TOKEN=$3 wrk -t2 -c32 -d"${duration}s" --latency -s "$root/bench/customer_get.lua" "$2" 2>&1)
    rps+=("$(echo "$out" | awk '/Requests\/sec/{print $2}')")
    p50+=("$(echo "$out" | awk '$1=="50%"{print $2}')")
    p99+=("$(echo "$out" | awk '$1=="99%"{print $2}')")
    bad=$((bad + $(echo "$out" | sed -n 's/.*non200=\([0-9]*\).*/\1/p')))
  done
  med() { printf '%s\n' "$@" | python3 -c 'import sys,re
vals=[l.strip() for l in sys.stdin if l.strip()]
def us(v):
    m=re.match(r"([0-9.]+)(us|ms|s)?$", v); n=float(m.group(1)); u=m.group(2) or ""
    return n*{"us":1,"ms":1000,"s":1e6,"":1}[u]
vals.sort(key=us); print(vals[len(vals)//2], "(runs: " + ", ".join(vals) + ")")'; }
  echo "$1: $(med "${rps[@]}") req/s; p50 $(med "${p50[@]}"); p99 $(med "${p99[@]}"); non-200 answers: $bad"
}
run_wrk "finguard GET /customers/{id}, masked (marketing)" "$url" "$masked_token"
run_wrk "finguard GET /customers/{id}, unmasked + audited (compliance_officer)" "$url" "$clear_token"
echo "finguard RSS after load: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$server_pid/status)"

# Peer: nginx serving the same customer JSON as a static file (no auth, no database, no crypto).
mkdir -p www/api/v1/customers
while read -r id; do cp customer.json "www/api/v1/customers/$id"; done < ids.txt
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > nginx.conf <<NGINX
worker_processes 2; daemon off; pid $work/nginx.pid; error_log $work/nginx.err;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 100000; default_type application/json;
  server { listen 127.0.0.1:$port; root $work/www; } }
NGINX
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" & pids+=($!)
sleep 0.5
run_wrk "peer: nginx static file of the same JSON" "http://127.0.0.1:$port" "$masked_token"

# Login cost: 20 sequential sign-ins.
python3 - "$url" "$password" <<'PY'
import json, sys, time, urllib.request, statistics
url, pw = sys.argv[1], sys.argv[2]
times = []
for _ in range(20):
    req = urllib.request.Request(url + "/api/v1/auth/login", data=json.dumps({"username": "demo_auditor", "password": pw}).encode(),
                                 headers={"Content-Type": "application/json"})
    t = time.perf_counter(); urllib.request.urlopen(req).read(); times.append((time.perf_counter() - t) * 1000)
print(f"login (argon2id interactive): median {statistics.median(times):.0f} ms over 20 sequential sign-ins")
PY
