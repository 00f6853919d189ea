//! The benchmark command works end to end on a tiny load: `backworks-bench --smoke` builds the
//! five servers, loads each workload for a second (the data workloads on SQLite and on a
//! throw-away PostgreSQL), times the compiler, and writes a report
//! whose tables are well formed. Nothing here asserts on a figure: timings belong in
//! docs/benchmarks.md, not in pass/fail.
//!
//! Needs wrk, sqlite3 and PostgreSQL 15 (`apt-get install -y wrk sqlite3 postgresql`), Node 20
//! and `npm ci` (express, fastify, bun, better-sqlite3, pg).

use std::path::Path;
use std::process::Command;

#[test]
fn the_smoke_run_writes_a_well_formed_report() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-smoke");
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new(env!("CARGO_BIN_EXE_backworks-bench"))
        .arg("--smoke")
        .arg("--out")
        .arg(&out)
        .status()
        .expect("backworks-bench runs");
    assert!(status.success(), "backworks-bench --smoke failed: {status}");

    let report = std::fs::read_to_string(out.join("benchmarks.md")).expect("benchmarks.md");
    let throughput = rows_after(&report, "### Throughput, latency, memory");
    assert_eq!(throughput.len(), 35, "7 workloads × 5 servers:\n{report}");
    for row in &throughput {
        assert_eq!(row.len(), 8, "{row:?}");
        assert!(number(&row[2]).is_some(), "req/s is a number: {row:?}");
        assert!(
            row[3].ends_with(" ms") && row[4].ends_with(" ms"),
            "{row:?}"
        );
        assert!(row[5].ends_with(" MiB"), "{row:?}");
    }
    let ratios = rows_after(&report, "### Ratios of requests/s");
    let workloads: Vec<&str> = ratios.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        workloads,
        [
            "hello", "search", "echo-10k", "crunch", "state", "report", "page"
        ]
    );
    for row in &ratios {
        assert!(
            ["Bun", "Node+Fastify", "Node+Express"].contains(&row[1].as_str()),
            "{row:?}"
        );
        for cell in &row[2..7] {
            let ratio = cell.trim_matches('*').trim_end_matches('×');
            assert!(number(ratio).is_some(), "{row:?}");
        }
        assert_eq!(row[7], "yes", "the five servers must answer alike: {row:?}");
    }
    let load = rows_after(&report, "### Machine load during the run");
    assert_eq!(load.len(), 7, "{report}");
    assert!(load.iter().all(|row| row[1].contains(" → ")), "{report}");
    let compiler = rows_after(&report, "### Compiler");
    assert!(
        compiler
            .iter()
            .any(|row| row[0].contains("500 endpoints") && row[1].ends_with(" s")),
        "{report}"
    );
    let data = rows_after(&report, "#### Data: throughput, latency, memory");
    for engine in ["sqlite", "postgres"] {
        for operation in ["get", "list", "create"] {
            let name = format!("{operation}-{engine}");
            let servers: Vec<&str> = data
                .iter()
                .filter(|row| row[0] == name)
                .map(|row| row[1].as_str())
                .collect();
            assert_eq!(servers, ["Backworks", "Bun", "Node+Fastify"], "{report}");
        }
    }
    let targets = rows_after(&report, "#### Data: Backworks against the targets");
    assert!(targets.len() >= 6, "{report}");
    for row in &targets {
        assert_eq!(row[9], "yes", "the servers must answer alike: {row:?}");
    }
    let chart = std::fs::read_to_string(out.join("benchmarks-ratios.svg")).expect("chart");
    assert!(chart.starts_with("<svg") && chart.trim_end().ends_with("</svg>"));
}

/// The body rows of the first Markdown table after `heading`, as trimmed cells.
fn rows_after(report: &str, heading: &str) -> Vec<Vec<String>> {
    let (_, rest) = report
        .split_once(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in\n{report}"));
    rest.lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

fn number(text: &str) -> Option<f64> {
    text.replace('\u{202f}', "").parse().ok()
}
