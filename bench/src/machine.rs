//! The machine and tool versions a report was measured with, so figures are never quoted
//! without their context.

use std::process::Command;

/// One line per fact, ready for the report.
pub(crate) fn describe(workspace: &std::path::Path) -> Vec<(String, String)> {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let kib: f64 = text
                .lines()
                .find_map(|line| line.strip_prefix("MemTotal:"))?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()?;
            Some(format!("{:.0} GiB", kib / 1024.0 / 1024.0))
        })
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    // Other work on the machine skews every figure; the report says how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" / ")
        })
        .unwrap_or_default();
    vec![
        ("CPU".to_owned(), format!("{cpu}, {cores} cores available")),
        ("memory".to_owned(), memory),
        ("kernel".to_owned(), format!("Linux {}", kernel.trim())),
        ("load average at the end (1 / 5 / 15 min)".to_owned(), load),
        ("rustc".to_owned(), first_line("rustc", &["-V"], workspace)),
        (
            "node".to_owned(),
            first_line("node", &["--version"], workspace),
        ),
        (
            "bun".to_owned(),
            first_line(
                &crate::prepare::bun_binary(workspace).to_string_lossy(),
                &["--version"],
                workspace,
            ),
        ),
        ("fastify".to_owned(), package_version(workspace, "fastify")),
        ("express".to_owned(), package_version(workspace, "express")),
        ("wrk".to_owned(), first_line("wrk", &["-v"], workspace)),
        (
            "commit".to_owned(),
            first_line("git", &["rev-parse", "--short", "HEAD"], workspace),
        ),
        (
            "date".to_owned(),
            first_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"], workspace),
        ),
    ]
}

fn first_line(program: &str, args: &[&str], dir: &std::path::Path) -> String {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .ok()
        .map(|output| {
            // wrk prints its version on stderr and exits with status 1.
            let text = [output.stdout, output.stderr].concat();
            String::from_utf8_lossy(&text)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .unwrap_or_else(|| "unavailable".to_owned())
}

/// The version of an npm package `npm ci` installed.
fn package_version(workspace: &std::path::Path, package: &str) -> String {
    std::fs::read_to_string(workspace.join(format!("node_modules/{package}/package.json")))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|json| json["version"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "unavailable".to_owned())
}
