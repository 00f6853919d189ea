//! Benchmarks of Backworks: the same handlers served five ways (the compiled server, Bun,
//! Node + Fastify, Node + Express, hand-written axum) and loaded alike, plus how long the
//! compiler and the generated server take to build.
//!
//! ```text
//! prepare ─▶ backworks build bench/workloads, bench/crud, bench/wait ─▶ cargo build --release
//!            (generated servers, axum baseline); seed SQLite and a throw-away PostgreSQL
//! load    ─▶ for each workload, for each round: Backworks, Bun, Fastify, Express, axum (one at a
//!            time; the CRUD workloads only the first three, each on a fresh copy of the data)
//!              start ─▶ probe (same response?) ─▶ wrk warm-up ─▶ wrk timed ─▶ peak RSS ─▶ SIGTERM
//! compile ─▶ `backworks build` of 500 endpoints, cold builds, incremental rebuild
//! report  ─▶ medians, ratios to the fastest JS runtime and to axum ─▶ benchmarks.md (between
//!            markers) + benchmarks-ratios.svg
//! ```
//!
//! Servers run one at a time and rounds alternate them, so drift of the machine over the run
//! (thermal, other tenants) spreads over all five instead of favouring one; the load average at
//! the start and end of every round goes into the report.

mod chart;
mod compile;
mod data_report;
mod data_workloads;
mod database;
mod load;
mod machine;
mod options;
mod postgres;
mod prepare;
mod probe;
mod ratios;
mod report;
mod server;
mod stats;
mod workload;
mod wrk;

use std::path::PathBuf;

pub use options::{Mode, Options};
pub use report::{DATA_BEGIN, DATA_END, RESULTS_BEGIN, RESULTS_END};
pub use workload::Group;

/// Runs everything `options` asks for and returns the path of the written report.
pub fn run(options: &Options) -> anyhow::Result<PathBuf> {
    let prepared = prepare::prepare(options)?;
    let load = load::run_all(options, &prepared)?;
    let compile = if options.only == Some(Group::Data) {
        Vec::new()
    } else {
        compile::measure(options, &prepared)?
    };
    report::write(options, &load, &compile)
}
