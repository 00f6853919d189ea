//! Running the server: what `main` calls ([`serve`]) and what tests and embedders call
//! ([`serve_on`]).
//!
//! `serve` sets up logging, reads `HOST` and `PORT`, binds, prints exactly one line on stdout —
//! `<name> listening on http://HOST:PORT`, which `backworks dev` and tests wait for — and serves
//! until SIGTERM or Ctrl-C. Shutdown is graceful: the listener closes at once, so new connections
//! are refused, while requests already in flight run to completion.
//!
//! ```text
//! $ PORT=8080 ./blog-api
//! blog-api listening on http://127.0.0.1:8080
//! ```
//!
//! A service with data opens its database (connect, migrate, seed) before binding, so a server
//! that announces itself can answer. Start-up failures (a bad `PORT`, a port in use, an
//! inconsistent spec, a database that cannot be opened or is newer than the server) are one
//! `error:` line on stderr and exit code 1, never a panic trace.

use std::future::Future;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

use std::time::Duration;

use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use super::ServiceSpec;
use super::client_addr::{ClientAddr, TrustedProxies};
use super::connections::ConnectionCounts;
use super::logging;
use super::routes::{router, routers_with};
use super::transport::TransportSpec;

/// Runs the service until SIGTERM or Ctrl-C; what the generated `main` returns.
pub fn serve(spec: &'static ServiceSpec) -> ExitCode {
    crate::tune_allocator();
    logging::init();
    match run(spec) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {}: {message}", spec.name);
            ExitCode::FAILURE
        }
    }
}

fn run(spec: &'static ServiceSpec) -> Result<(), String> {
    let host = std::env::var("HOST").unwrap_or_else(|_| spec.default_host.to_owned());
    let port = match std::env::var("PORT") {
        Ok(text) => text
            .trim()
            .parse::<u16>()
            .map_err(|_| format!("PORT={text:?} is not a port number (0 to 65535)"))?,
        Err(_) => spec.default_port,
    };
    // Read before anything else starts, so a missing key is the one-line start-up error; a
    // server that cannot verify callers never listens.
    let authenticator = spec
        .auth
        .map(|auth| {
            crate::auth::Authenticator::from_environment(auth)
                .map_err(|error| format!("auth: {error}"))
        })
        .transpose()?;
    let dashboard = spec
        .dashboard
        .unwrap_or(&crate::monitor::DashboardSpec::DEFAULT);
    dashboard
        .token(&|name| std::env::var(name).ok())
        .map_err(|error| format!("dashboard: {error}"))?;
    let dashboard_port = dashboard.separate_port()?;
    let (app, dashboard_app) = checked_router(spec, authenticator)?;
    logging::route_panics_to_tracing();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the async runtime: {error}"))?;
    runtime.block_on(async {
        open_store(spec).await?;
        let listener = TcpListener::bind((host.as_str(), port))
            .await
            .map_err(|error| format!("cannot listen on {}: {error}", address(&host, port)))?;
        let bound = listener
            .local_addr()
            .map_err(|error| format!("cannot read the bound address: {error}"))?;
        // Both listeners stop together, on the one signal.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let until_stopped = move || {
            let mut stopped = stopped.clone();
            async move {
                let _ = stopped.wait_for(|stop| *stop).await.map(drop);
            }
        };
        let dashboard = match (dashboard_app, dashboard_port) {
            (Some(dashboard_app), Some(port)) => {
                let listener = TcpListener::bind((host.as_str(), port))
                    .await
                    .map_err(|error| {
                        format!(
                            "cannot listen on {} (dashboard.port): {error}",
                            address(&host, port)
                        )
                    })?;
                let bound = listener
                    .local_addr()
                    .map_err(|error| format!("cannot read the bound address: {error}"))?;
                announce_dashboard(spec, &host, bound.port());
                Some(tokio::spawn(run_until(
                    listener,
                    dashboard_app,
                    spec,
                    until_stopped(),
                )))
            }
            _ => None,
        };
        announce(spec, &host, bound.port());
        tokio::spawn(async move {
            shutdown_signal().await;
            let _ = stop.send(true);
        });
        let served = run_until(listener, app, spec, until_stopped()).await;
        if let Some(dashboard) = dashboard {
            let _ = dashboard.await;
        }
        served.map_err(|error| format!("server error: {error}"))
    })
}

/// Tells on stderr where the dashboard's own port is (stdout carries only the start-up line).
fn announce_dashboard(spec: &ServiceSpec, host: &str, port: u16) {
    tracing::info!(
        target: "backworks::server",
        "{} dashboard and metrics on http://{}/_backworks/",
        spec.name,
        address(host, port)
    );
}

/// Builds the router, turning a spec error (a panic in `router`) into a one-line message: the
/// default panic hook is silenced meanwhile so no trace is printed. Start-up is single-threaded,
/// so swapping the process-wide hook here races with nothing.
fn checked_router(
    spec: &'static ServiceSpec,
    authenticator: Option<crate::auth::Authenticator>,
) -> Result<(axum::Router, Option<axum::Router>), String> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let overrides = super::Overrides::authenticated_by(authenticator);
    let built = catch_unwind(AssertUnwindSafe(|| routers_with(spec, overrides)));
    std::panic::set_hook(previous_hook);
    built.map_err(|payload| format!("invalid routes: {}", logging::panic_text(payload.as_ref())))
}

/// Opens and installs the store of `spec.data` (connect, migrate, seed) unless one is
/// installed already; a failure is the one-line start-up error.
async fn open_store(spec: &'static ServiceSpec) -> Result<(), String> {
    let Some(data) = spec.data else {
        return Ok(());
    };
    #[cfg(feature = "storage")]
    {
        use crate::storage::Store;
        if Store::installed().is_none() {
            let store = Store::open(data)
                .await
                .map_err(|error| format!("database: {}", error.message))?;
            Store::install(store.clone());
            // The live events of this store, read from the start (`since` reaches back).
            crate::events::Hub::install(crate::events::Hub::start(store));
        }
        Ok(())
    }
    #[cfg(not(feature = "storage"))]
    {
        let _ = data;
        Err(
            "the service has resources but the runtime was built without the `storage` feature"
                .to_owned(),
        )
    }
}

/// Serves `spec` on an already-bound listener until `shutdown` completes, then lets in-flight
/// requests finish and returns. Logging is left to the caller. A spec with data opens and
/// installs its store first (an error to open it is `ErrorKind::Other`).
///
/// # Panics
///
/// Like [`router`], if the spec is inconsistent.
pub async fn serve_on(
    spec: &'static ServiceSpec,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    open_store(spec).await.map_err(std::io::Error::other)?;
    run_until(listener, router(spec), spec, shutdown).await
}

/// Like [`serve_on`], with the CRUD routes answered by `store` (already open) rather than the
/// process's installed store, so one process can serve several databases (tests).
///
/// # Panics
///
/// Like [`router`], if the spec is inconsistent.
#[cfg(feature = "storage")]
pub async fn serve_on_with_store(
    spec: &'static ServiceSpec,
    store: crate::storage::Store,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    run_until(
        listener,
        super::routes::router_with_store(spec, store),
        spec,
        shutdown,
    )
    .await
}

/// The accept loop: each connection is served by hyper's HTTP/1 server with a header-read
/// timeout (a client that has not sent its request's headers within `header_timeout` is
/// disconnected; this also closes idle keep-alive connections), after the per-address cap
/// admitted it. On `shutdown` the listener closes at once, every connection finishes the
/// request it is serving and closes, and this returns when the last one has.
async fn run_until(
    listener: TcpListener,
    app: axum::Router,
    spec: &'static ServiceSpec,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let transport = spec.transport.unwrap_or(&TransportSpec::DEFAULT);
    let counts = ConnectionCounts::new(transport.connections_per_ip);
    let proxies = std::sync::Arc::new(TrustedProxies::new(transport.trusted_proxies));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new());
    // 0 turns the timeout off (hyper would otherwise apply its own default of 30 s).
    http.header_read_timeout(
        (transport.header_timeout_ms > 0)
            .then(|| Duration::from_millis(transport.header_timeout_ms)),
    );
    // Connections watch `closing`; each holds a clone of `open`, so `recv` on its receiver
    // returns `None` once the last connection is gone.
    let (closing, _) = tokio::sync::watch::channel(false);
    let (open, mut all_closed) = tokio::sync::mpsc::channel::<()>(1);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    accept_failed(error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = counts.admit(peer.ip()) else {
            tracing::debug!(target: "backworks::server", client = %peer, "connection over the per-address cap closed");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let proxies = proxies.clone();
        let closing_signal = crate::events::socket::Closing {
            signal: closing.subscribe(),
            open: open.clone(),
        };
        let service = hyper::service::service_fn(move |mut req: axum::http::Request<Incoming>| {
            // The client (the peer, or whom its trusted proxies forwarded) is what rate
            // limits, login throttling and the audit log read; `ConnectInfo` stays the peer.
            let client = proxies.client(peer, req.headers());
            req.extensions_mut().insert(ClientAddr(client));
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            // Live-event WebSockets outlive their request: they close when the server does,
            // and shutdown waits for them as for any connection.
            req.extensions_mut().insert(closing_signal.clone());
            tower::ServiceExt::oneshot(app.clone(), req)
        });
        // Upgrades stay possible (the live-event WebSocket), as under `axum::serve`.
        let connection = http
            .serve_connection(TokioIo::new(stream), service)
            .with_upgrades();
        let mut closing = closing.subscribe();
        let open = open.clone();
        tokio::spawn(async move {
            let _place = (slot, open);
            let mut connection = std::pin::pin!(connection);
            let closing = async move {
                // The guard `wait_for` answers with is dropped here, never held across an await.
                let _ = closing.wait_for(|closing| *closing).await.map(drop);
            };
            tokio::select! {
                _ = connection.as_mut() => {}
                () = closing => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    tracing::info!(target: "backworks::server", "shutting down; finishing in-flight requests");
    let _ = closing.send(true);
    drop(open);
    let _ = all_closed.recv().await;
    Ok(())
}

/// What to do when `accept` fails: a connection that went away before it was accepted is no
/// one's problem; anything else (out of file descriptors) is waited out briefly, as hyper's
/// and axum's servers do, rather than spinning.
async fn accept_failed(error: std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(target: "backworks::server", "cannot accept a connection: {error}");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// Prints the start-up line on stdout and flushes it, since stdout may be a pipe.
fn announce(spec: &ServiceSpec, host: &str, port: u16) {
    let mut stdout = std::io::stdout().lock();
    // A closed stdout must not stop the server; the line is for whoever is watching.
    let _ = writeln!(stdout, "{}", listening_line(spec.name, host, port));
    let _ = stdout.flush();
}

pub(crate) fn listening_line(name: &str, host: &str, port: u16) -> String {
    format!("{name} listening on http://{}", address(host, port))
}

/// `host:port`, with an IPv6 literal in brackets as URLs write it.
fn address(host: &str, port: u16) -> String {
    if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// Completes on Ctrl-C or (on Unix) SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // Without a Ctrl-C handler, rely on SIGTERM alone.
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listening_line_has_the_shape_tools_wait_for() {
        assert_eq!(
            listening_line("blog-api", "127.0.0.1", 3000),
            "blog-api listening on http://127.0.0.1:3000"
        );
        assert_eq!(
            listening_line("svc", "::1", 8080),
            "svc listening on http://[::1]:8080"
        );
    }
}
