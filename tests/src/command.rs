//! Running the real database tools (`sqlite3`, `psql`, `initdb`, `pg_ctl`) from tests: a
//! failure panics with everything the tool said, so a broken setup reads as one message.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `command` with `input` on stdin and returns its trimmed stdout; panics with its output
/// when it fails or writes to stderr.
pub fn run(command: &mut Command, input: &str) -> String {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success() && stderr.is_empty(),
        "{command:?} failed:\n{stderr}\n{stdout}\ninput:\n{input}"
    );
    stdout.trim_end().to_string()
}
