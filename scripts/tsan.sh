#!/usr/bin/env bash
# Runs the event-loop concurrency tests under ThreadSanitizer: requests cross from tokio's
# worker threads to the event-loop threads (js/event_loop.rs) and answers come back; TSan
# checks that no JS value (Rc/RefCell) or other memory is touched by two threads unsynchronised.
#
# Needs the nightly toolchain with rust-src (`rustup component add rust-src --toolchain nightly`):
# the standard library is rebuilt with the sanitizer (-Zbuild-std). Uses its own target folder.
#
#   scripts/tsan.sh            # the event-loop tests
#   scripts/tsan.sh --lib      # extra cargo test arguments replace the default selection
set -euo pipefail
cd "$(dirname "$0")/.."
selection=("$@")
if [ ${#selection[@]} -eq 0 ]; then
  selection=(--test event_loop --test event_loop_db)
fi
export RUSTFLAGS="-Zsanitizer=thread"
export RUSTDOCFLAGS="-Zsanitizer=thread"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target/tsan}"
# Any report fails the run (TSan's exit code), and keep going to see every report.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1}"
exec cargo +nightly test -Zbuild-std --target x86_64-unknown-linux-gnu \
  -p backworks-runtime "${selection[@]}" -- --test-threads=4
