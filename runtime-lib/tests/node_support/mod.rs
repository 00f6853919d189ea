//! Shared by the `js_*` tests that take their expected values from Node: run a script with
//! `node -e` (time zone UTC, as the runtime's local time) and read its output lines.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::process::Command;

/// Runs `script` with `node -e` and returns its stdout, line by line; panics with Node's stderr
/// if the script fails.
pub fn run_node(script: &str) -> Vec<String> {
    let output = Command::new("node")
        .arg("-e")
        .arg(script)
        .env("TZ", "UTC")
        .output()
        .expect("node is installed");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("node prints UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Evaluates each JS expression in Node and returns `JSON.stringify` of its value (`undefined`
/// when there is none), or `THROW <name>: <message>` when it throws.
pub fn node_values(expressions: &[String]) -> Vec<String> {
    let script = format!(
        "const cases = [{}];\nfor (const f of cases) {{ let out; try {{ out = JSON.stringify(f()); }} catch (e) {{ out = 'THROW ' + e.name + ': ' + e.message; }} console.log(out === undefined ? 'undefined' : out); }}",
        expressions
            .iter()
            .map(|expression| format!("() => ({expression})"))
            .collect::<Vec<_>>()
            .join(",\n")
    );
    run_node(&script)
}
