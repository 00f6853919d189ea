//! Before any load: build the `backworks` binary (from the last commit, see
//! [`compiler_sources`]), compile `bench/workloads` (handler workloads) or `bench/crud` and
//! `bench/wait` (data workloads) with it, build the generated servers and the axum baseline
//! into the shared target dir, and check that the tools the run needs (wrk; node with express,
//! fastify, better-sqlite3 and pg, and bun, from `npm ci`) are there.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::options::{Mode, Options};
use crate::workload::{Group, WORKLOADS};

/// The binaries and files the load phase starts servers from.
pub(crate) struct Prepared {
    /// The `backworks` binary that compiled the workloads.
    pub(crate) cli: PathBuf,
    /// The generated server of `bench/workloads`.
    pub(crate) backworks: PathBuf,
    /// The generated server of `bench/crud` (the data workloads' CRUD routes).
    pub(crate) crud: PathBuf,
    /// The generated server of `bench/wait`, or why the compiler refused it.
    pub(crate) wait: Result<PathBuf, String>,
    /// The hand-written axum server.
    pub(crate) axum: PathBuf,
    /// The `bun` binary the npm package installed.
    pub(crate) bun: PathBuf,
    /// `bench/js-servers/`: the Bun, Fastify and Express adapters.
    pub(crate) js_servers: PathBuf,
    /// The route table the JavaScript adapters serve.
    pub(crate) js_routes: PathBuf,
    /// The route table of the waiting workload.
    pub(crate) wait_routes: PathBuf,
}

pub(crate) fn prepare(options: &Options) -> anyhow::Result<Prepared> {
    check_tools(options)?;
    let scratch = options.scratch();
    std::fs::create_dir_all(&scratch)?;

    let (checkout, cli_target) = compiler_sources(options)?;
    eprintln!("bench: building backworks ({})", options.profile);
    run(cargo(options, &checkout)
        .args(["-p", "backworks"])
        .env("CARGO_TARGET_DIR", &cli_target))?;
    let cli = cli_target.join(options.profile_dir()).join("backworks");

    let wants = |group| options.only.is_none_or(|only| only == group);
    if wants(Group::Handlers) {
        compile_project(options, &cli, "workloads")?;
    }
    let mut wait = Ok(());
    if wants(Group::Data) {
        compile_project(options, &cli, "crud")?;
        // The compiler may refuse timers (before the event loop lands); then only the waiting
        // workload is left out, and the report says why.
        wait = compile_project(options, &cli, "wait").map_err(|error| format!("{error:#}"));
        if let Err(reason) = &wait {
            eprintln!("bench: the waiting workload will not be measured: {reason}");
        }
    }
    eprintln!("bench: building the axum baseline");
    let baseline = options.workspace.join("bench/axum-baseline");
    run(cargo(options, &baseline).env("CARGO_TARGET_DIR", options.servers_target()))?;
    let binaries = options.servers_target().join(options.profile_dir());

    let js_routes = scratch.join("js-routes.json");
    std::fs::write(&js_routes, js_route_table(&options.workspace))?;
    let wait_routes = scratch.join("js-routes-wait.json");
    std::fs::write(&wait_routes, wait_route_table(&options.workspace))?;
    Ok(Prepared {
        cli,
        backworks: binaries.join("bench-workloads"),
        crud: binaries.join("bench-crud"),
        wait: wait.map(|()| binaries.join("bench-wait")),
        axum: binaries.join("axum-baseline"),
        bun: bun_binary(&options.workspace),
        js_servers: options.workspace.join("bench/js-servers"),
        js_routes,
        wait_routes,
    })
}

/// `backworks build bench/<name>` into the scratch folder, then its server into the shared
/// target dir. The compiler's diagnostics go to our stderr; the error says which step failed.
fn compile_project(options: &Options, cli: &Path, name: &str) -> anyhow::Result<()> {
    let out = options.scratch().join(format!("{name}-out"));
    eprintln!("bench: compiling bench/{name}");
    let built = Command::new(cli)
        .arg("build")
        .arg(options.workspace.join("bench").join(name))
        .arg("--out")
        .arg(&out)
        .output()
        .context("cannot run backworks")?;
    if !built.status.success() {
        // The first diagnostic names what the compiler refused; the report quotes it.
        let diagnostics = String::from_utf8_lossy(&built.stderr);
        let first = diagnostics
            .lines()
            .find(|line| line.starts_with("error"))
            .unwrap_or("");
        bail!("backworks build bench/{name} failed: {first}");
    }
    eprintln!("bench: building the generated server of bench/{name}");
    run(cargo(options, &out.join("server")).env("CARGO_TARGET_DIR", options.servers_target()))
}

/// Where to build the compiler from, and its target dir. A smoke run uses the working tree as
/// it is. Full and quick runs build the last commit, exported with `git archive`: other people's
/// uncommitted edits must not leak into figures that the report attributes to a commit.
fn compiler_sources(options: &Options) -> anyhow::Result<(PathBuf, PathBuf)> {
    if options.mode == Mode::Smoke {
        return Ok((options.workspace.clone(), options.workspace.join("target")));
    }
    let commit = String::from_utf8(
        Command::new("git")
            .args(["rev-parse", "HEAD"])
            .current_dir(&options.workspace)
            .output()
            .context("cannot run git")?
            .stdout,
    )?;
    let checkout = options.scratch().join("checkout");
    let stamp = checkout.join(".bench-commit");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(commit.as_str()) {
        eprintln!("bench: exporting commit {}", commit.trim());
        let _ = std::fs::remove_dir_all(&checkout);
        std::fs::create_dir_all(&checkout)?;
        let archive = Command::new("git")
            .args(["archive", "--format=tar", "HEAD"])
            .current_dir(&options.workspace)
            .stdout(Stdio::piped())
            .spawn()
            .context("cannot run git archive")?;
        run(Command::new("tar")
            .args(["-x", "-C"])
            .arg(&checkout)
            .stdin(archive.stdout.context("git archive's output")?))?;
        std::fs::write(&stamp, &commit)?;
    }
    Ok((checkout, options.workspace.join("target/bench-cli")))
}

/// `cargo build` in `dir` with the run's profile.
pub(crate) fn cargo(options: &Options, dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(dir)
        .args(["build", "--quiet", "--profile", options.profile]);
    command
}

/// Runs `command` to completion; its output goes to our stderr.
pub(crate) fn run(command: &mut Command) -> anyhow::Result<()> {
    let status = command
        .stdout(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed ({status})");
    }
    Ok(())
}

fn check_tools(options: &Options) -> anyhow::Result<()> {
    let wrk = Command::new("wrk").arg("--version").output();
    if wrk.is_err() {
        bail!("wrk is not installed (Debian: apt-get install -y wrk)");
    }
    for package in ["express", "fastify", "better-sqlite3", "pg"] {
        let manifest = options
            .workspace
            .join(format!("node_modules/{package}/package.json"));
        if !manifest.exists() {
            bail!(
                "{package} is not installed: run `npm ci` in the repository root (needs Node 20)"
            );
        }
    }
    let bun = Command::new(bun_binary(&options.workspace))
        .arg("--version")
        .output();
    if !bun.is_ok_and(|output| output.status.success()) {
        bail!(
            "bun does not run: run `npm ci` in the repository root (the bun package's install \
             script puts its binary in node_modules/.bin; it must not be skipped)"
        );
    }
    Ok(())
}

/// The binary the `bun` npm package installs.
pub(crate) fn bun_binary(workspace: &Path) -> PathBuf {
    workspace.join("node_modules/.bin/bun")
}

/// `[{ "method", "path", "module" }]` for the JavaScript adapters: the same handler files the
/// blueprint names, by absolute path.
fn js_route_table(workspace: &Path) -> String {
    let routes: Vec<serde_json::Value> = WORKLOADS
        .iter()
        .map(|workload| {
            serde_json::json!({
                "method": workload.method,
                "path": workload.route,
                "module": workspace.join("bench/workloads/handlers").join(workload.handler),
            })
        })
        .collect();
    serde_json::to_string_pretty(&routes).expect("plain JSON")
}

/// The route table of the waiting workload: `bench/wait`'s one handler file.
fn wait_route_table(workspace: &Path) -> String {
    let route = serde_json::json!([{
        "method": "GET",
        "path": "/wait",
        "module": workspace.join("bench/wait/handlers/wait.js"),
    }]);
    serde_json::to_string_pretty(&route).expect("plain JSON")
}
