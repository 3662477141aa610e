#!/usr/bin/env bash
# Runs each fuzz target once over every input under fuzz/regressions/TARGET/
# and says which still fail. Exit status 1 if any does.
#
#   fuzz/replay.sh                 every target
#   fuzz/replay.sh batch_csv       one target
#   FUZZ_FLAGS="-s none --target-dir /tmp/fuzz" fuzz/replay.sh
#
# A file's name says what it caught; the failures are listed in the README.
set -uo pipefail
cd "$(dirname "$0")/.."

read -r -a flags <<< "${FUZZ_FLAGS:-}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in fuzz/regressions/*/; do
        targets+=("$(basename "$dir")")
    done
fi

failed=0
for target in "${targets[@]}"; do
    if ! build=$(cargo +nightly fuzz build "${flags[@]}" "$target" 2>&1); then
        echo "$build" >&2
        exit 2
    fi
    for input in fuzz/regressions/"$target"/*; do
        # -runs=1 over one file: libFuzzer runs it once and exits non-zero on a panic.
        if log=$(cargo +nightly fuzz run "${flags[@]}" "$target" "$input" -- -runs=1 2>&1); then
            echo "ok    $input"
        else
            failed=1
            message=$(grep -A1 -m1 -E 'panicked at|ERROR: ' <<< "$log" | tail -n 1)
            echo "FAIL  $input: ${message:0:200}"
        fi
    done
done
exit "$failed"
