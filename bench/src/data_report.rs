//! The data workloads' part of the report: what each sends, the servers' figures, Backworks
//! against the issue's targets (at least the fastest JavaScript runtime on every CRUD
//! workload; at least 0.8 × 64 / 0.02 s on the waiting one), and the machine's load.
//!
//! ```text
//! | workload    | engine | fastest JS | Backworks / fastest JS | target          | same reply |
//! | list-sqlite | SQLite | Bun        | **1.12×**              | ≥ 1.00× met     | yes        |
//! | wait        | —      | Bun        | **1.01×**              | ≥ 2 560 req/s met | yes      |
//! ```

use std::fmt::Write as _;

use crate::data_workloads::absolute_target;
use crate::load::WorkloadResult;
use crate::options::Options;
use crate::ratios::{backworks_over, fastest_javascript, rps};
use crate::report::{load_table, ratio, thousands, throughput_table, verdict};
use crate::server::Implementation;
use crate::workload::{App, Engine};

pub(crate) fn render_data(options: &Options, data: &[&WorkloadResult]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Mode `{:?}`: {} round(s) per workload, each round running the servers in turn (fresh \
         process, and for the CRUD workloads a fresh copy of the seeded database, each run); wrk \
         with 1 thread, {} connections (the waiting workload 64), {} s warm-up then {} s timed; \
         servers built with `--profile {}`. Figures are medians over the rounds. SQLite: WAL, \
         `synchronous=FULL` in every server; PostgreSQL 15: a throw-away cluster on loopback with \
         default durability (fsync on), pools of 16 connections in every server.\n",
        options.mode,
        options.rounds,
        options.connections,
        options.warmup.as_secs(),
        options.duration.as_secs(),
        options.profile
    );

    out += "#### Data workloads\n\n| workload | request | what it exercises |\n|---|---|---|\n";
    for result in data {
        let workload = result.workload;
        let _ = writeln!(
            out,
            "| {} | `{} {}` | {} |",
            workload.name, workload.method, workload.target, workload.about
        );
    }
    for result in data {
        if let Some(reason) = &result.skipped {
            let first = reason.lines().next().unwrap_or_default();
            let _ = writeln!(
                out,
                "\n**{} was not measured**: the compiler refused its handler ({first}).",
                result.workload.name
            );
        }
    }

    out += "\n#### Data: throughput, latency, memory\n\n";
    let measured: Vec<&WorkloadResult> = data
        .iter()
        .copied()
        .filter(|result| result.skipped.is_none())
        .collect();
    throughput_table(&mut out, &measured);

    out += "\n#### Data: Backworks against the targets\n\n\
            Backworks' requests/s divided by each other server's (— where that server does not \
            run the workload: the CRUD workloads compare with the runtimes that ship the drivers \
            a user would pick).\n\n\
            | workload | engine | fastest JS runtime | Backworks / fastest JS | Backworks / Bun | Backworks / Node+Fastify | Backworks / Node+Express | Backworks / axum | target | same reply from all |\n\
            |---|---|---|---:|---:|---:|---:|---:|---|:---:|\n";
    for result in &measured {
        let Some(fastest) = fastest_javascript(result) else {
            continue;
        };
        let engine = match result.workload.app {
            App::Crud(Engine::Sqlite) => "SQLite",
            App::Crud(Engine::Postgres) => "**PostgreSQL**",
            App::Handlers | App::Wait => "—",
        };
        let target = match absolute_target(result.workload) {
            Some(floor) => {
                let ours = rps(result, Implementation::Backworks);
                format!("≥ {} req/s {}", thousands(floor), verdict(ours >= floor))
            }
            None => format!(
                "≥ 1.00× {}",
                verdict(backworks_over(result, fastest) >= 1.0)
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {engine} | {} | **{}** | {} | {} | {} | {} | {target} | {} |",
            result.workload.name,
            fastest.label(),
            ratio(result, fastest),
            ratio(result, Implementation::Bun),
            ratio(result, Implementation::Fastify),
            ratio(result, Implementation::Express),
            ratio(result, Implementation::Axum),
            if result.same_reply { "yes" } else { "**no**" }
        );
    }

    out += "\n#### Data: machine load during the run\n\n\
            The 1-minute load average at the start → end of each round. With 2 cores, a figure \
            above 2 means other processes were competing with the server, the database and wrk.\n\n";
    load_table(&mut out, &measured);
    out
}
