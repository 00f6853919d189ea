#!/usr/bin/env bash
# Benchmarks the Backworks-compiled server against the same handler files on Bun (Bun.serve),
# Node 20 + Fastify 5 and Node 20 + Express 5, and against hand-written axum; and its generated
# CRUD routes on SQLite and PostgreSQL against Bun (bun:sqlite, Bun.SQL) and Node + Fastify
# (better-sqlite3 12, pg) (docs/benchmarks.md).
#   scripts/bench.sh                full run (about 45 minutes on 2 cores); rewrites docs/benchmarks.md
#   scripts/bench.sh --only data    only the data workloads (about 15 minutes), their section only
#   scripts/bench.sh --only handlers  only the handler workloads and the compiler timings
#   scripts/bench.sh --quick        one short round, no cold builds; report in target/bench/report/
# Needs wrk (apt-get install -y wrk), sqlite3 and PostgreSQL 15 (apt-get install -y sqlite3
# postgresql; a throw-away cluster is started in a temporary folder and stopped at the end),
# Node 20 and `npm ci` (installs bun, fastify, express, better-sqlite3 and pg). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --release -p backworks-bench -- "$@"
