//! Starting, watching and stopping one server under test.
//!
//! A server is ready when it prints its `… listening on http://HOST:PORT` line (all five
//! implementations print one). Peak memory is the kernel's high-water mark of resident memory
//! (`VmHWM` in `/proc/<pid>/status`), read just before the server is stopped with SIGTERM.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::prepare::Prepared;
use crate::workload::App;

/// The five ways the workloads are served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Implementation {
    /// The Backworks-compiled server.
    Backworks,
    /// Bun's `Bun.serve` running the same handler files (`bench/js-servers/bun.mjs`).
    Bun,
    /// Node 20 + Fastify 5 running the same handler files (`bench/js-servers/fastify.mjs`).
    Fastify,
    /// Node 20 + Express 5 running the same handler files (`bench/js-servers/express.mjs`).
    Express,
    /// The hand-written axum server.
    Axum,
}

impl Implementation {
    /// In the order each round runs them.
    pub(crate) const ALL: [Implementation; 5] = [
        Implementation::Backworks,
        Implementation::Bun,
        Implementation::Fastify,
        Implementation::Express,
        Implementation::Axum,
    ];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Implementation::Backworks => "Backworks",
            Implementation::Bun => "Bun",
            Implementation::Fastify => "Node+Fastify",
            Implementation::Express => "Node+Express",
            Implementation::Axum => "axum",
        }
    }

    /// Whether it runs the handler files on a JavaScript runtime (the ratios' reference).
    pub(crate) fn is_javascript(self) -> bool {
        matches!(
            self,
            Implementation::Bun | Implementation::Fastify | Implementation::Express
        )
    }

    /// The adapter file under `bench/js-servers/` that serves `app`, for the JavaScript servers.
    fn adapter(self, app: App) -> Option<&'static str> {
        let crud = matches!(app, App::Crud(_));
        match self {
            Implementation::Bun if crud => Some("crud-bun.mjs"),
            Implementation::Fastify if crud => Some("crud-fastify.mjs"),
            Implementation::Bun => Some("bun.mjs"),
            Implementation::Fastify => Some("fastify.mjs"),
            Implementation::Express => Some("express.mjs"),
            Implementation::Backworks | Implementation::Axum => None,
        }
    }
}

/// A running server; stopped (SIGTERM, then SIGKILL after 5 s) when dropped.
pub(crate) struct Server {
    child: Child,
    /// Where it listens, e.g. `http://127.0.0.1:41234`.
    pub(crate) port: u16,
}

impl Server {
    /// Starts `implementation` serving `app`, on the database at `database_url` if given.
    pub(crate) fn start(
        implementation: Implementation,
        app: App,
        prepared: &Prepared,
        database_url: Option<&str>,
    ) -> anyhow::Result<Self> {
        let port = free_port()?;
        let mut command = match (implementation, app) {
            (Implementation::Backworks, App::Handlers) => Command::new(&prepared.backworks),
            (Implementation::Backworks, App::Crud(_)) => Command::new(&prepared.crud),
            (Implementation::Backworks, App::Wait) => match &prepared.wait {
                Ok(binary) => Command::new(binary),
                Err(reason) => bail!("bench/wait did not compile: {reason}"),
            },
            (Implementation::Axum, _) => Command::new(&prepared.axum),
            (Implementation::Bun, _) => Command::new(&prepared.bun),
            (Implementation::Fastify | Implementation::Express, _) => Command::new("node"),
        };
        if let Some(adapter) = implementation.adapter(app) {
            command
                .arg(prepared.js_servers.join(adapter))
                .env("NODE_ENV", "production");
            match app {
                App::Handlers => command.arg(&prepared.js_routes),
                App::Wait => command.arg(&prepared.wait_routes),
                App::Crud(_) => &mut command,
            };
        }
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        // The compiled server logs one line per request to stderr, as shipped; the text is
        // discarded but its formatting cost is part of what is measured.
        let mut child = command
            .env("PORT", port.to_string())
            .env("HOST", "127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {command:?}"))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let (ready, announced) = mpsc::channel();
        std::thread::spawn(move || {
            // Keeps draining stdout after the announcement so the server never blocks on it.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.contains(" listening on http://") {
                    let _ = ready.send(());
                }
            }
        });
        let mut server = Server { child, port };
        if announced.recv_timeout(Duration::from_secs(30)).is_err() {
            server.stop();
            bail!(
                "{} did not announce itself within 30 s",
                implementation.label()
            );
        }
        Ok(server)
    }

    /// Peak resident memory so far, in KiB.
    pub(crate) fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port nobody listens on right now (the kernel's pick for port 0).
pub(crate) fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}
