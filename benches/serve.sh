#!/usr/bin/env bash
# Load test of `subsidy serve` on loopback (issues 15 and 23), with wrk:
# requests per second, p50 and p99 latency at 1, 16 and 64 keep-alive
# connections, for the JSON API (/api/v1/calc) and the page (/), each with
# the design card; the server's memory (RSS) at start and after each route;
# then a graceful stop on SIGTERM. wrk runs on the same machine, so its
# threads share the cores with the server: the figures are a floor.
# Usage: bash benches/serve.sh [SECONDS_PER_RUN]   (default 10)
# Needs wrk (Debian: apt-get install wrk); installs it with apt-get if it can.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"

if ! command -v wrk >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo_cmd=()
        if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
            sudo_cmd=(sudo)
        fi
        echo "== installing wrk (apt-get)" >&2
        "${sudo_cmd[@]}" apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq wrk >/dev/null
    else
        echo "error: wrk not found and apt-get unavailable; install wrk (https://github.com/wg/wrk)" >&2
        exit 1
    fi
fi

cargo build --release --quiet --bin subsidy
port=$((20000 + RANDOM % 20000))
target/release/subsidy serve --addr "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.1
done
rss() { awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$server/status"; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $(date +%F)"
echo "server memory at start: $(rss)"
card="facility=hospital&beds=250&kenshin=yes&cost=14000000&as_of=2026-11-22"
printf '%-14s %11s %12s %9s %9s %s\n' route connections requests/s p50 p99 errors
for route in "/api/v1/calc" "/"; do
    for connections in 1 16 64; do
        threads=$((connections < 2 ? 1 : 2))
        out=$(wrk -t "$threads" -c "$connections" -d "${seconds}s" --latency \
            "http://127.0.0.1:$port$route?$card")
        rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
        p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
        p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$out")
        printf '%-14s %11s %12s %9s %9s %s\n' "$route" "$connections" "$rps" "$p50" "$p99" "${errors:-0}"
    done
    echo "server memory after $route: $(rss)"
done
kill -TERM $server
wait $server && echo "stopped on SIGTERM: exit 0"
trap - EXIT
