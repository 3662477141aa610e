#!/usr/bin/env bash
# Start-up benchmark (issue 14, part 5): `subsidy calc` for one program must
# take at most 1.2x the time of `subsidy --version`. Whole-process runs,
# interleaved, median of 301 each (examples/startup.rs).
# Usage: bash benches/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin subsidy --example startup
target/release/examples/startup "${1:-301}"
