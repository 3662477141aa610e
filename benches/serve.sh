#!/usr/bin/env bash
# Load test of `subsidy serve` on loopback (issue 15): the JSON API and the
# page for the design card, 8 connections × 2,000 keep-alive requests each
# (bounded in requests; examples/load.rs), then the server's memory (RSS)
# before and after, and a graceful stop on SIGTERM.
# Usage: bash benches/serve.sh [CONNECTIONS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin subsidy --example load
port=$((20000 + RANDOM % 20000))
target/release/subsidy serve --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.1
done
rss() { awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$server/status"; }
echo "server memory at start: $(rss)"
card="facility=hospital&beds=250&kenshin=yes&cost=14000000&as_of=2026-11-22"
for path in "/api/v1/calc?$card" "/?$card"; do
    target/release/examples/load "127.0.0.1:$port" "$path" "${1:-8}" "${2:-2000}"
    echo "server memory after: $(rss)"
done
kill -TERM $server
wait $server && echo "stopped on SIGTERM: exit 0"
trap - EXIT
