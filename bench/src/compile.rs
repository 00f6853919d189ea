//! Compiler figures: `backworks build` of a generated 500-endpoint blueprint, cold builds of the
//! generated server beside the hand-written axum project, and the rebuild after editing one
//! handler (what `backworks dev` waits for).
//!
//! ```text
//! target/bench/gen500/         backworks.yaml + handlers/e0.js … e499.js (four handler shapes)
//! target/bench/cold-*/target   fresh target dirs, deleted afterwards
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::Context;

use crate::options::{Mode, Options};
use crate::prepare::{Prepared, cargo, run};
use crate::stats::median;

/// Endpoints in the generated blueprint.
pub(crate) const ENDPOINTS: usize = 500;

/// One timed step, for the report.
pub(crate) struct Timing {
    /// What was timed, as the report's first column says it.
    pub(crate) what: String,
    /// Median over `runs` runs.
    pub(crate) seconds: f64,
    /// How many runs the median is over.
    pub(crate) runs: usize,
}

pub(crate) fn measure(options: &Options, prepared: &Prepared) -> anyhow::Result<Vec<Timing>> {
    let project = options.scratch().join("gen500");
    write_project(&project)?;
    let out = project.join("out");
    let mut timings = Vec::new();

    eprintln!("bench: timing backworks build of {ENDPOINTS} endpoints");
    let fresh = repeat(3, || {
        let _ = std::fs::remove_dir_all(&out);
        time(|| backworks_build(prepared, &project, &out))
    })?;
    timings.push(timing(
        format!("`backworks build`, {ENDPOINTS} endpoints, empty output folder"),
        &fresh,
    ));
    let unchanged = repeat(3, || time(|| backworks_build(prepared, &project, &out)))?;
    timings.push(timing(
        format!("`backworks build`, {ENDPOINTS} endpoints, nothing changed"),
        &unchanged,
    ));
    if options.mode == Mode::Smoke {
        return Ok(timings);
    }

    if options.mode == Mode::Full {
        eprintln!("bench: cold builds (fresh target dirs)");
        let server = options.scratch().join("workloads-out/server");
        let baseline = options.workspace.join("bench/axum-baseline");
        for (what, dir) in [
            (
                "generated server (bench-workloads), cold `cargo build --release`",
                &server,
            ),
            (
                "hand-written axum project, cold `cargo build --release`",
                &baseline,
            ),
        ] {
            let target = options.scratch().join("cold-target");
            let _ = std::fs::remove_dir_all(&target);
            let seconds = time(|| run(cargo(options, dir).env("CARGO_TARGET_DIR", &target)))?;
            std::fs::remove_dir_all(&target)?;
            timings.push(timing(what.to_owned(), &[seconds]));
        }
    }

    eprintln!("bench: first debug build of the {ENDPOINTS}-endpoint server (dependencies cached)");
    let server = out.join("server");
    let dev_build = || {
        run(
            Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
                .current_dir(&server)
                .args(["build", "--quiet"])
                .env("CARGO_TARGET_DIR", options.servers_target()),
        )
    };
    let first = time(dev_build)?;
    timings.push(timing(
        format!("first `cargo build` (dev) of the {ENDPOINTS}-endpoint server, dependencies already built"),
        &[first],
    ));
    eprintln!("bench: incremental rebuilds after editing one handler");
    let edited = project.join("handlers/e0.js");
    let original = std::fs::read_to_string(&edited)?;
    let mut edits = 0;
    let incremental = repeat(3, || {
        edits += 1;
        std::fs::write(&edited, original.replace("Hello", &format!("Hello{edits}")))?;
        time(|| {
            backworks_build(prepared, &project, &out)?;
            dev_build()
        })
    })?;
    std::fs::write(&edited, original)?;
    timings.push(timing(
        format!("one-handler edit → `backworks build` + `cargo build` (dev, as `backworks dev`), {ENDPOINTS}-endpoint server"),
        &incremental,
    ));

    let workloads = options.scratch().join("workloads-edit");
    copy_project(&options.workspace.join("bench/workloads"), &workloads)?;
    let workloads_out = workloads.join("out");
    let release_build = || {
        run(cargo(options, &workloads_out.join("server"))
            .env("CARGO_TARGET_DIR", options.servers_target()))
    };
    backworks_build(prepared, &workloads, &workloads_out)?;
    release_build()?;
    let hello = workloads.join("handlers/hello.js");
    let original = std::fs::read_to_string(&hello)?;
    let mut edits = 0;
    let release = repeat(3, || {
        edits += 1;
        std::fs::write(&hello, original.replace("Hello", &format!("Hello{edits}")))?;
        time(|| {
            backworks_build(prepared, &workloads, &workloads_out)?;
            release_build()
        })
    })?;
    timings.push(timing(
        format!("one-handler edit → `backworks build` + `cargo build --profile {}`, bench-workloads server", options.profile),
        &release,
    ));
    Ok(timings)
}

fn backworks_build(prepared: &Prepared, project: &Path, out: &Path) -> anyhow::Result<()> {
    run(Command::new(&prepared.cli)
        .arg("build")
        .arg(project)
        .arg("--out")
        .arg(out))
}

fn time(step: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<f64> {
    let started = Instant::now();
    step()?;
    Ok(started.elapsed().as_secs_f64())
}

fn repeat(times: usize, mut step: impl FnMut() -> anyhow::Result<f64>) -> anyhow::Result<Vec<f64>> {
    (0..times).map(|_| step()).collect()
}

fn timing(what: String, seconds: &[f64]) -> Timing {
    Timing {
        what,
        seconds: median(seconds.iter().copied()),
        runs: seconds.len(),
    }
}

/// Copies the bench project under another service name: its server shares the target dir with
/// the measured one, and under the same name its edited build would replace the binary the load
/// phase starts (cargo does not relink a fresh build whose output another package overwrote).
fn copy_project(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to.join("handlers"))?;
    let blueprint = std::fs::read_to_string(from.join("backworks.yaml"))?;
    std::fs::write(
        to.join("backworks.yaml"),
        blueprint.replacen("name: bench-workloads", "name: bench-workloads-edit", 1),
    )?;
    for entry in std::fs::read_dir(from.join("handlers"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), to.join("handlers").join(entry.file_name()))?;
    }
    Ok(())
}

/// Writes the 500-endpoint project, leaving files that already hold the same text untouched so
/// cargo's incremental state survives between runs.
fn write_project(project: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(project.join("handlers"))?;
    let mut blueprint = String::from(
        "# Generated by backworks-bench: 500 endpoints in four handler shapes.\nname: gen500\nversion: \"1.0.0\"\nendpoints:\n",
    );
    for index in 0..ENDPOINTS {
        let method = if index % 4 == 2 { "POST" } else { "GET" };
        blueprint.push_str(&format!(
            "  - path: /e{index}\n    method: {method}\n    handler: ./handlers/e{index}.js\n"
        ));
        write_if_changed(
            &project.join(format!("handlers/e{index}.js")),
            &handler(index),
        )?;
    }
    write_if_changed(&project.join("backworks.yaml"), &blueprint)
}

fn write_if_changed(path: &PathBuf, text: &str) -> anyhow::Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Handler `index`: a greeting, a filter/sort over data, a validating POST, or a stateful counter.
fn handler(index: usize) -> String {
    match index % 4 {
        0 => format!(
            "function handler(req) {{\n  const name = req.query_params.name?.trim() || \"world {index}\";\n  return {{ body: {{ message: `Hello, ${{name}}!`, at: new Date().toISOString() }} }};\n}}\n"
        ),
        1 => format!(
            "const items = [{{ id: 1, name: \"a{index}\", price: 3 }}, {{ id: 2, name: \"b{index}\", price: 1 }}, {{ id: 3, name: \"c{index}\", price: 2 }}];\n\nmodule.exports = (req) => {{\n  const max = Number(req.query_params.max) || 10;\n  const found = items.filter((item) => item.price <= max).sort((a, b) => a.price - b.price).map(({{ id, name }}) => ({{ id, name }}));\n  return {{ body: {{ count: found.length, found }} }};\n}};\n"
        ),
        2 => format!(
            "module.exports = function create(req) {{\n  const errors = [];\n  if (typeof req.body?.title !== \"string\") errors.push(\"title must be a string\");\n  if (errors.length > 0) return {{ status: 400, body: {{ errors }} }};\n  return {{ status: 201, body: {{ id: {index}, title: req.body.title.trim() }} }};\n}};\n"
        ),
        _ => format!(
            "let calls = 0;\n\nexport default function counter(req) {{\n  calls += 1;\n  return {{ body: {{ endpoint: {index}, calls }} }};\n}}\n"
        ),
    }
}
