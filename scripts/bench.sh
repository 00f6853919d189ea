#!/usr/bin/env bash
# Benchmarks Backworks against Node + Express and hand-written axum (docs/benchmarks.md).
#   scripts/bench.sh           full run (about 15 minutes on 2 cores); rewrites docs/benchmarks.md
#   scripts/bench.sh --quick   one short round, no cold builds; report in target/bench/report/
# Needs wrk (apt-get install -y wrk), Node 20 and `npm ci` (for express). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --release -p backworks-bench -- "$@"
