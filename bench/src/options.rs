//! How much to measure: the full run behind `docs/benchmarks.md`, a quick run for development,
//! and the smoke run the test suite uses to check that every piece still works.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::workload::Group;

/// Which kind of run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// 3 rounds of 8 s per server and workload, every compiler figure; writes `docs/`.
    Full,
    /// 1 round of 3 s, compiler figures without cold builds; writes `target/bench/report/`.
    Quick,
    /// 1 round of 1 s on 4 connections, debug builds, only the 500-endpoint build time.
    Smoke,
}

/// Everything a run needs to know.
#[derive(Clone, Debug)]
pub struct Options {
    /// The kind of run.
    pub mode: Mode,
    /// The Backworks checkout (the workspace root).
    pub workspace: PathBuf,
    /// Rounds per workload; each round runs all five servers once.
    pub rounds: usize,
    /// wrk's timed run per server and round.
    pub duration: Duration,
    /// wrk's untimed run just before, so JITs and allocators settle.
    pub warmup: Duration,
    /// Open connections wrk keeps (one thread).
    pub connections: u32,
    /// `release` or `dev`: the cargo profile of the servers and the `backworks` binary.
    pub profile: &'static str,
    /// Where `benchmarks.md` and `benchmarks-ratios.svg` go.
    pub out: PathBuf,
    /// Only this group of workloads (and, for the data group, no compiler timings).
    pub only: Option<Group>,
    /// Only the workloads of these names, when not empty.
    pub workloads: Vec<String>,
}

impl Options {
    /// The settings of `mode`; `out` overrides where the report goes.
    pub fn new(mode: Mode, out: Option<PathBuf>, only: Option<Group>) -> Self {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("bench/ sits in the workspace")
            .to_path_buf();
        let (rounds, duration, warmup, connections, profile) = match mode {
            // 7 workloads × 5 servers × 3 rounds × ~10.5 s keeps the load phase near 20 minutes.
            Mode::Full => (3, 8, 2, 32, "release"),
            Mode::Quick => (1, 3, 1, 32, "release"),
            Mode::Smoke => (1, 1, 1, 4, "dev"),
        };
        let out = out.unwrap_or_else(|| match mode {
            Mode::Full => workspace.join("docs"),
            Mode::Quick | Mode::Smoke => workspace.join("target/bench/report"),
        });
        Options {
            mode,
            workspace,
            rounds,
            duration: Duration::from_secs(duration),
            warmup: Duration::from_secs(warmup),
            connections,
            profile,
            out,
            only,
            workloads: Vec::new(),
        }
    }

    /// The folder cargo puts a `profile` build in (`dev` builds land in `debug/`).
    pub(crate) fn profile_dir(&self) -> &'static str {
        if self.profile == "dev" {
            "debug"
        } else {
            self.profile
        }
    }

    /// Scratch space for generated projects, scripts and cold target dirs.
    pub(crate) fn scratch(&self) -> PathBuf {
        self.workspace.join("target/bench")
    }

    /// The target dir every benchmark server shares, so dependencies compile once. The smoke
    /// run builds dev servers, as the end-to-end tests do, so it shares their folder
    /// (`target/servers`, or `BACKWORKS_SERVERS_TARGET_DIR`): the test suite then compiles
    /// the servers' dependencies once, not once for the benchmark and once for the tests.
    pub(crate) fn servers_target(&self) -> PathBuf {
        match self.mode {
            Mode::Smoke => std::env::var_os("BACKWORKS_SERVERS_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| self.workspace.join("target/servers")),
            Mode::Full | Mode::Quick => self.workspace.join("target/bench-servers"),
        }
    }
}
