#!/usr/bin/env bash
# The batch's many-rows agreement, at 200,000 rows, in release: rows with
# malformed rows of every kind that each format can carry lose no row,
# keep their order, flag every bad row, and give the same results from
# UTF-8, UTF-8 with a BOM, Shift_JIS and JSONL. It is the ignored test
# `batch_malformed::two_hundred_thousand_rows_agree_across_encodings_and_formats`
# of tests/suite (about two and a half minutes in a debug build, so the
# suite runs the same checks on 7,000 rows instead). Prints the test's
# result and its wall time.
# Usage: bash benches/batch_rows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --quiet --test suite --no-run
start=$(date +%s%N)
cargo test --release --quiet --test suite -- --ignored --exact \
    batch_malformed::two_hundred_thousand_rows_agree_across_encodings_and_formats
end=$(date +%s%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "200,000 rows, four inputs: %.1f s\n", (b - a) / 1e9 }'
