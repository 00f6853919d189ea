//! `backworks-bench`: the command behind `scripts/bench.sh`.
//!
//! ```text
//! $ scripts/bench.sh            # full run: 3 rounds × 5 servers × 7 workloads, compiler figures
//! $ scripts/bench.sh --quick    # 1 short round, no cold builds; report under target/bench/
//! $ scripts/bench.sh --only data  # only the data workloads (CRUD on SQLite and PostgreSQL, wait)
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use backworks_bench::{Group, Mode, Options, run};
use clap::{Parser, ValueEnum};

/// Serves the benchmark workloads five ways (Backworks, Bun, Node + Fastify, Node + Express,
/// hand-written axum), loads each with wrk, times the compiler, and writes the report.
#[derive(Parser)]
#[command(name = "backworks-bench")]
struct Cli {
    /// One short round and no cold builds; writes under target/bench/report unless --out is given.
    #[arg(long, conflicts_with = "smoke")]
    quick: bool,
    /// A one-second check that every piece works (what the test suite runs); debug builds.
    #[arg(long)]
    smoke: bool,
    /// Folder for benchmarks.md and benchmarks-ratios.svg (default: docs/ for a full run).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Only one group of workloads: `handlers` (with the compiler timings) or `data`.
    #[arg(long, value_enum)]
    only: Option<Only>,
    /// Only the workload of this name (repeatable), e.g. `--only data --workload wait`.
    #[arg(long = "workload")]
    workloads: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Only {
    Handlers,
    Data,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mode = if cli.smoke {
        Mode::Smoke
    } else if cli.quick {
        Mode::Quick
    } else {
        Mode::Full
    };
    let only = cli.only.map(|only| match only {
        Only::Handlers => Group::Handlers,
        Only::Data => Group::Data,
    });
    let mut options = Options::new(mode, cli.out, only);
    options.workloads = cli.workloads;
    match run(&options) {
        Ok(report) => {
            println!("wrote {}", report.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
