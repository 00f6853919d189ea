#!/usr/bin/env bash
# Benchmarks the Backworks-compiled server against the same handler files on Bun (Bun.serve),
# Node 20 + Fastify 5 and Node 20 + Express 5, and against hand-written axum (docs/benchmarks.md).
#   scripts/bench.sh           full run (about 30 minutes on 2 cores); rewrites docs/benchmarks.md
#   scripts/bench.sh --quick   one short round, no cold builds; report in target/bench/report/
# Needs wrk (apt-get install -y wrk), Node 20 and `npm ci` (installs bun, fastify and express).
# Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --release -p backworks-bench -- "$@"
