#!/usr/bin/env bash
# Runs every check and test of the repository on a fresh machine, installing what they need.
# CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node is the reference the JavaScript differential tests compare against.
if ! command -v node >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq nodejs
  else
    echo "error: the tests need Node.js (node) on PATH" >&2
    exit 1
  fi
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The benchmark smoke test loads servers with wrk.
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk
fi

# The storage tests start throw-away PostgreSQL 15 clusters of their own (initdb + pg_ctl into a
# temporary folder); the package only provides the binaries.
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi

# `promtool check metrics` judges the servers' Prometheus page (runtime-lib/tests/monitor_*.rs,
# tests/tests/monitor_e2e.rs); Debian ships it in the `prometheus` package. Without recommends,
# so no Prometheus server is set up.
if ! command -v promtool >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus
fi

# The dashboard's and the framework packages' browser tests (tests/dashboard/browser.mjs,
# tests/tests/frameworks_browser.rs) drive Debian's chromium through playwright-core (no
# browser download).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y chromium
fi

# OpenAPI validators and the API fuzzer the tests run against every example.
python3 -m pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
npm ci --no-audit --no-fund --loglevel=error

echo "== formatting"
cargo fmt --all -- --check
echo "== lints"
cargo clippy --workspace --all-targets --quiet -- -D warnings
echo "== tests"
cargo test --workspace
