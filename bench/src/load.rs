//! The load phase: every workload, `rounds` rounds, its servers in turn within a round.
//!
//! Each run starts a fresh server (so peak RSS and module state belong to that run alone) on a
//! fresh copy of the seeded database for the CRUD workloads (so each server writes its own),
//! probes it once, warms it up with an untimed wrk run, loads it, reads its peak RSS and stops
//! it. The first probe replies of the servers are compared byte for byte, with the values
//! of volatile fields (the clock) and the headers that hash them masked, so the table only compares servers that answered the
//! same thing. The machine's load average is read at the start and end of every round: other
//! work on a shared machine shows there.

use anyhow::Context;

use crate::Options;
use crate::database::Databases;
use crate::prepare::Prepared;
use crate::probe::{Reply, probe};
use crate::server::{Implementation, Server};
use crate::stats::median;
use crate::workload::{self, App, Workload};
use crate::wrk::{self, Figures};

/// One server's result on one workload, over all rounds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Measured {
    /// Median requests per second.
    pub(crate) rps: f64,
    /// Median of the rounds' median latency, microseconds.
    pub(crate) p50_us: f64,
    /// Median of the rounds' p99 latency, microseconds.
    pub(crate) p99_us: f64,
    /// Median of the rounds' peak RSS, MiB.
    pub(crate) rss_mib: f64,
    /// Errors over all rounds (timeouts, non-2xx responses).
    pub(crate) errors: u64,
    /// Every round's requests/s, for the report's spread column.
    pub(crate) rounds_rps: Vec<f64>,
}

/// One workload's results, one entry per server in [`Workload::servers`] order.
pub(crate) struct WorkloadResult {
    pub(crate) workload: &'static Workload,
    pub(crate) by_server: Vec<(Implementation, Measured)>,
    /// Why it was not measured (the compiler refused its handler), if it was not.
    pub(crate) skipped: Option<String>,
    /// Whether the servers' probe replies matched (status, headers, body bytes).
    pub(crate) same_reply: bool,
    /// The 1-minute load average at the start and at the end of each round.
    pub(crate) load_by_round: Vec<(f64, f64)>,
}

pub(crate) fn run_all(
    options: &Options,
    prepared: &Prepared,
) -> anyhow::Result<Vec<WorkloadResult>> {
    let scripts = options.scratch().join("wrk");
    std::fs::create_dir_all(&scripts)?;
    let mut databases = Databases::prepare(options, prepared, workload::selected(options))?;
    workload::selected(options)
        .map(|workload| {
            if let (App::Wait, Err(reason)) = (workload.app, &prepared.wait) {
                eprintln!("bench: {} not measured: {reason}", workload.name);
                return Ok(WorkloadResult {
                    workload,
                    by_server: Vec::new(),
                    skipped: Some(reason.clone()),
                    same_reply: false,
                    load_by_round: Vec::new(),
                });
            }
            let script = scripts.join(format!("{}.lua", workload.name));
            std::fs::write(&script, workload.wrk_script())?;
            run_workload(options, prepared, &mut databases, workload, &script)
                .with_context(|| format!("workload {}", workload.name))
        })
        .collect()
}

fn run_workload(
    options: &Options,
    prepared: &Prepared,
    databases: &mut Databases,
    workload: &'static Workload,
    script: &std::path::Path,
) -> anyhow::Result<WorkloadResult> {
    let servers = workload.servers;
    let connections = workload.connections.unwrap_or(options.connections);
    let mut runs: Vec<Vec<(Figures, f64)>> = vec![Vec::new(); servers.len()];
    let mut replies: Vec<Option<Reply>> = servers.iter().map(|_| None).collect();
    let mut load_by_round = Vec::new();
    for round in 1..=options.rounds {
        let load_at_start = load_average();
        for (index, implementation) in servers.iter().copied().enumerate() {
            let database = match workload.app {
                App::Crud(engine) => Some(databases.fresh(engine)?),
                App::Handlers | App::Wait => None,
            };
            let server =
                Server::start(implementation, workload.app, prepared, database.as_deref())?;
            let reply = probe(
                server.port,
                workload.method,
                workload.target,
                workload.probe_body().as_deref(),
            )
            .with_context(|| format!("probing {}", implementation.label()))?;
            replies[index].get_or_insert(comparable(reply, workload));
            let url = format!("http://127.0.0.1:{}{}", server.port, workload.target);
            wrk::load(&url, script, options.warmup, connections)?;
            let figures = wrk::load(&url, script, options.duration, connections)?;
            let rss_kib = server.peak_rss_kib().unwrap_or(0) as f64;
            drop(server);
            eprintln!(
                "bench: {:<8} round {round}/{}  {:<12} {:>9.0} req/s  p50 {:>7.0} µs  p99 {:>7.0} µs  {:>6.1} MiB{}",
                workload.name,
                options.rounds,
                implementation.label(),
                figures.rps,
                figures.p50_us,
                figures.p99_us,
                rss_kib / 1024.0,
                if figures.errors > 0 {
                    format!("  {} errors", figures.errors)
                } else {
                    String::new()
                },
            );
            runs[index].push((figures, rss_kib / 1024.0));
        }
        load_by_round.push((load_at_start, load_average()));
    }
    let same_reply = replies.windows(2).all(|pair| pair[0] == pair[1]);
    if !same_reply {
        eprintln!(
            "bench: warning: the servers answered {} differently: {replies:#?}",
            workload.name
        );
    }
    let by_server = servers
        .iter()
        .copied()
        .zip(runs)
        .map(|(implementation, rounds)| {
            let measured = Measured {
                rps: median(rounds.iter().map(|(figures, _)| figures.rps)),
                p50_us: median(rounds.iter().map(|(figures, _)| figures.p50_us)),
                p99_us: median(rounds.iter().map(|(figures, _)| figures.p99_us)),
                rss_mib: median(rounds.iter().map(|(_, rss)| *rss)),
                errors: rounds.iter().map(|(figures, _)| figures.errors).sum(),
                rounds_rps: rounds.iter().map(|(figures, _)| figures.rps).collect(),
            };
            (implementation, measured)
        })
        .collect();
    Ok(WorkloadResult {
        workload,
        by_server,
        skipped: None,
        same_reply,
        load_by_round,
    })
}

/// The 1-minute load average (`/proc/loadavg`), 0 where unavailable.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// The reply with the value of each volatile top-level field replaced by `"…"`, leaving every
/// other byte of the body as the server sent it, and without the headers that hash them.
fn comparable(mut reply: Reply, workload: &Workload) -> Reply {
    reply
        .headers
        .retain(|(name, _)| !workload.volatile_headers.contains(&name.as_str()));
    let Ok(serde_json::Value::Object(json)) = serde_json::from_str(&reply.body) else {
        return reply;
    };
    for field in workload.volatile {
        if let Some(value) = json.get(*field) {
            let key = serde_json::to_string(field).expect("a string");
            let sent = format!("{key}:{value}");
            reply.body = reply.body.replacen(&sent, &format!("{key}:\"…\""), 1);
        }
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workload::WORKLOADS;

    #[test]
    fn masks_the_creation_time_and_its_etag() {
        let create = workload::all(None)
            .find(|w| w.name == "create-sqlite")
            .unwrap();
        let reply = |etag: &str, at: &str| Reply {
            status: 201,
            headers: vec![
                ("etag".to_owned(), etag.to_owned()),
                ("location".to_owned(), "/books/100001".to_owned()),
            ],
            body: format!(
                r#"{{"id":100001,"price":12.5,"created_at":"{at}","updated_at":"{at}"}}"#
            ),
        };
        let first = comparable(reply("\"1\"", "2026-12-04T14:51:19.993Z"), create);
        let second = comparable(reply("\"2\"", "2026-12-04T14:52:33.709Z"), create);
        assert_eq!(first, second);
        assert_eq!(
            first.headers,
            [("location".to_owned(), "/books/100001".to_owned())]
        );
    }

    #[test]
    fn masks_the_clock_and_nothing_else() {
        let hello = WORKLOADS.iter().find(|w| w.name == "hello").unwrap();
        let reply = |body: &str| Reply {
            status: 200,
            headers: Vec::new(),
            body: body.to_owned(),
        };
        let masked = comparable(
            reply(r#"{"message":"Hello, world!","timestamp":"2026-12-04T13:44:42.123Z"}"#),
            hello,
        );
        assert_eq!(
            masked.body,
            r#"{"message":"Hello, world!","timestamp":"…"}"#
        );
        // A different spelling of the same JSON is a different reply.
        let spaced = comparable(
            reply(r#"{"message": "Hello, world!","timestamp":"2026-12-04T13:44:43.000Z"}"#),
            hello,
        );
        assert_ne!(masked, spaced);
    }
}
