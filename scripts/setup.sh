#!/usr/bin/env bash
# Installs every Debian and npm package FinGuard needs to build, run and test. Idempotent: a
# second run installs nothing new. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config clang-format
  libcpp-httplib-dev libssl-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libsodium-dev libicu-dev libeigen3-dev libxgboost-dev
  libnats-dev nats-server
  libcli11-dev libtomlplusplus-dev libspdlog-dev libfmt-dev libxlsxwriter-dev
  libcsv-dev libgtest-dev libgmock-dev libbenchmark-dev libboost-dev
  python3-numpy python3-scipy python3-sklearn
  nodejs npm chromium fonts-noto-cjk wrk curl
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian on developer machines; only ask apt when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Console and browser-test packages, pinned by each folder's package-lock.json.
for dir in web tests/e2e; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
echo "setup: ok"
