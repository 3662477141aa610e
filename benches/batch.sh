#!/usr/bin/env bash
# Benchmark for `subsidy batch` (issue: batch estimates). Generates inputs of
# 100,000 and 1,000,000 rows (one program per row), then measures, best of 3:
#   - batch end to end (rows per second),
#   - a bare csv-crate read-and-write of the same file (examples/csv_copy.rs),
#   - peak memory (max RSS) of batch at both sizes.
# Usage: bash benches/batch.sh   (needs GNU time at /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin subsidy --example gen_batch --example csv_copy
bin=target/release
examples=target/release/examples
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

best() { # best of 3: prints "seconds max_rss_kb"
    local cmd=$1 best_s="" best_kb=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$dir/t" bash -c "$cmd" >/dev/null 2>&1
        read -r s kb <"$dir/t"
        if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
        if [ -z "$best_kb" ] || [ "$kb" -gt "$best_kb" ]; then best_kb=$kb; fi
    done
    echo "$best_s $best_kb"
}

for rows in 100000 1000000; do
    "$examples/gen_batch" "$rows" >"$dir/in.csv"
    read -r batch_s batch_kb < <(best "$bin/subsidy batch $dir/in.csv --as-of 2026-11-21 -o $dir/out.csv")
    read -r copy_s _ < <(best "$examples/csv_copy < $dir/in.csv > $dir/copy.csv")
    awk -v n="$rows" -v b="$batch_s" -v c="$copy_s" -v kb="$batch_kb" 'BEGIN {
        printf "%9d rows: batch %.2f s (%.0f rows/s), bare csv copy %.2f s, ratio %.1fx, peak memory %.1f MB\n",
            n, b, (b > 0 ? n / b : 0), c, (c > 0 ? b / c : 0), kb / 1024 }'
done
