#!/usr/bin/env bash
# Benchmark for `subsidy batch` (issue: batch estimates). Generates inputs of
# 100,000 and 1,000,000 rows (one program per row), then measures, best of 5:
#   - batch end to end (rows per second),
#   - a bare csv-crate read-and-write of the same file (examples/csv_copy.rs),
#   - peak memory (max RSS) of batch at both sizes.
# With --instructions it also counts instructions per row of both on the
# 100,000-row input with valgrind (callgrind): a figure that, unlike seconds,
# does not move with the load on the machine.
# Then --shape summary and xlsx output of 100,000 facilities (seconds and
# peak memory), and peak memory for wide rows (10,000 columns; 5 KB rows), which must stay
# under the batch's memory budget (256 MB) whatever the row width.
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
        rm -f "$dir/out.csv" "$dir/out.xlsx" "$dir/copy.csv" # every run writes a new file, none truncates an old one
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

# The other outputs of 100,000 facilities (issue 13): one row per facility
# (--shape summary), and an Excel workbook of each shape; peak memory stays
# flat (the workbook's rows go to a temporary file, not memory).
"$examples/gen_batch" 100000 >"$dir/in.csv"
for output in "summary csv" "long xlsx" "summary xlsx"; do
    read -r shape ext <<<"$output"
    read -r s kb < <(best "$bin/subsidy batch $dir/in.csv --as-of 2026-11-21 --shape $shape -o $dir/out.$ext")
    awk -v shape="$shape" -v ext="$ext" -v s="$s" -v kb="$kb" 'BEGIN {
        printf "   100000 rows, --shape %-7s to %-4s: %.3f s (%.0f rows/s), peak memory %.1f MB\n",
            shape, ext, s, (s > 0 ? 100000 / s : 0), kb / 1024 }'
done

# Peak memory for rows of any width stays under the budget (issue 10): a 10,000-column
# file and 5 KB rows, every program asked (about 29 results a row), written as JSONL
# (the largest output) and as CSV.
"$examples/gen_batch" wide 10000 200 >"$dir/wide.csv"
"$examples/gen_batch" long 5000 20000 >"$dir/long.csv"
for input in wide long; do
    for format in jsonl csv; do
        /usr/bin/time -f "%e %M" -o "$dir/t" "$bin/subsidy" batch "$dir/$input.csv" --as-of 2025-12-01 \
            --format "$format" -o "$dir/out.$format" 2>/dev/null || true
        read -r s kb <"$dir/t"
        awk -v name="$input" -v f="$format" -v s="$s" -v kb="$kb" -v in_b="$(stat -c %s "$dir/$input.csv")" \
            -v out_b="$(stat -c %s "$dir/out.$format")" 'BEGIN {
            printf "%-4s rows (%.0f MB in, %.0f MB %s out): %.2f s, peak memory %.1f MB (budget 256 MB)\n",
                name, in_b / 1e6, out_b / 1e6, f, s, kb / 1024 }'
    done
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
