#!/usr/bin/env bash
# A short fuzzing run of the JavaScript compiler: any input must end in a program or in
# diagnostics, never in a panic. Usage: scripts/fuzz.sh [seconds] (default 60).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# cargo fuzz needs nightly-only compiler flags; the stable toolchain accepts them this way.
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/compile_handler
cargo fuzz run compile_handler corpus/compile_handler ../examples/blog-api/handlers -- \
  -max_total_time="${1:-60}" -max_len=4096
