#!/usr/bin/env bash
# Benchmark for `subsidy batch` (issue: batch estimates). Generates inputs of
# 100,000 and 1,000,000 rows (one program per row), then measures, best of 5:
#   - batch end to end (rows per second),
#   - a bare csv-crate read-and-write of the same file (examples/csv_copy.rs),
#   - peak memory (max RSS) of batch at both sizes.
# With --instructions it also counts instructions per row of both on the
# 100,000-row input with valgrind (callgrind): a figure that, unlike seconds,
# does not move with the load on the machine.
# Usage: bash benches/batch.sh [--instructions]   (needs GNU time at /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin subsidy --example gen_batch --example csv_copy
bin=target/release
examples=target/release/examples
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

best() { # best of 5: prints "seconds max_rss_kb" (wall time to the millisecond)
    local cmd=$1 best_s="" best_kb="" start end s kb
    for _ in 1 2 3 4 5; do
        rm -f "$dir/out.csv" "$dir/copy.csv" # every run writes a new file, none truncates an old one
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$dir/t" bash -c "$cmd" >/dev/null 2>&1
        end=$(date +%s%N)
        s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
        read -r kb <"$dir/t"
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
        printf "%9d rows: batch %.3f s (%.0f rows/s), bare csv copy %.3f s, ratio %.1fx, peak memory %.1f MB\n",
            n, b, (b > 0 ? n / b : 0), c, (c > 0 ? b / c : 0), kb / 1024 }'
done

if [ "${1:-}" = "--instructions" ]; then
    "$examples/gen_batch" 100000 >"$dir/in.csv"
    count() { # instructions of one run, all threads
        valgrind --tool=callgrind --callgrind-out-file="$dir/cg.out" "$@" 2>&1 >/dev/null |
            awk '/refs:/ { gsub(",", "", $NF); print $NF }'
    }
    batch_i=$(count "$bin/subsidy" batch "$dir/in.csv" --as-of 2026-11-21 -o "$dir/out.csv")
    copy_i=$(count "$examples/csv_copy" <"$dir/in.csv")
    awk -v b="$batch_i" -v c="$copy_i" 'BEGIN {
        printf "instructions per row (100000 rows, all threads): batch %.0f, bare csv copy %.0f, ratio %.1fx\n",
            b / 100000, c / 100000, b / c }'
fi
