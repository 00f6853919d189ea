//! Shared by the `monitor_*` tests: services with hand-written handlers (one sleeps as long as
//! it is told, one logs as a handler's `console.warn` does, one fails), a server on a loopback
//! port that sees each client's address (as the generated server's accept loop does), and
//! `promtool check metrics` as the independent judge of the Prometheus page.

#![allow(dead_code)]

use std::io::Write;
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::Duration;

use backworks_runtime::auth::Access;
use backworks_runtime::contract::{
    HandlerCall, HandlerError, HandlerRequest, HandlerResponse, ResponseBody,
};
use backworks_runtime::http::{Overrides, RouteSpec, ServiceSpec, router_with};
use backworks_runtime::monitor::DashboardSpec;

pub const fn route(
    method: &'static str,
    path: &'static str,
    endpoint: &'static str,
    handler: backworks_runtime::contract::Handler,
    auth: Access,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        endpoint,
        timeout_ms: 5_000,
        handler,
        operation: None,
        typed_params: &[],
        auth,
    }
}

fn query<'a>(req: &'a HandlerRequest, name: &str) -> Option<&'a str> {
    req.query_params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

fn text(status: u16, body: &str) -> HandlerCall {
    Ok(HandlerResponse {
        status,
        headers: vec![],
        body: ResponseBody::Text(body.to_owned()),
    })
    .into()
}

/// The dashboard on, opened only by the token in `DASHBOARD_TOKEN` (no pages).
pub const TOKEN_DASHBOARD: DashboardSpec = DashboardSpec {
    enabled: true,
    port: None,
    auth_variable: Some("DASHBOARD_TOKEN"),
    app: None,
};

/// The dashboard off (`dashboard.enabled: false`).
pub const NO_DASHBOARD: DashboardSpec = DashboardSpec {
    enabled: false,
    port: None,
    auth_variable: None,
    app: None,
};

/// Answers 200, after sleeping `?ms=` milliseconds when given.
pub fn sleepy(req: HandlerRequest) -> HandlerCall {
    if let Some(ms) = query(&req, "ms").and_then(|ms| ms.parse().ok()) {
        std::thread::sleep(Duration::from_millis(ms));
    }
    text(200, "ok")
}

/// Logs two lines as a compiled handler's `console.log`/`console.warn` do, then answers.
pub fn chatty(req: HandlerRequest) -> HandlerCall {
    use backworks_runtime::js::{Value, console};
    console::log("info", &[Value::str("looking up"), Value::str(&req.path)]);
    console::log("warn", &[Value::str("not cached")]);
    text(200, "chatted")
}

/// Throws, as a handler's uncaught error does: a 500.
pub fn broken(_: HandlerRequest) -> HandlerCall {
    Err(HandlerError::Thrown {
        name: "TypeError".into(),
        message: "boom".into(),
        stack: None,
    })
    .into()
}

/// Answers the status `?status=` says.
pub fn status(req: HandlerRequest) -> HandlerCall {
    let code = query(&req, "status")
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    text(code, "as asked")
}

/// A server for `spec` on a loopback port, with `token` as the dashboard token.
pub struct MonitorServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl MonitorServer {
    pub fn start(spec: &'static ServiceSpec, overrides: Overrides) -> MonitorServer {
        MonitorServer::serve(router_with(spec, overrides))
    }

    /// Serves `app` as [`MonitorServer::start`] serves a spec's router.
    pub fn serve(app: axum::Router) -> MonitorServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener.set_nonblocking(true).expect("non-blocking");
        let addr = listener.local_addr().expect("the bound address");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("a listener");
                axum::serve(
                    listener,
                    app.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .with_graceful_shutdown(async move {
                    let _ = shutdown_rx.await;
                })
                .await
                .expect("the server runs");
            });
        });
        MonitorServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for MonitorServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs `promtool check metrics` on `page` and panics with its complaints unless it accepts
/// the page without any (promtool also lints: names, units, HELP text).
pub fn promtool_accepts(page: &str) {
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool runs (Debian: apt-get install prometheus)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(page.as_bytes())
        .expect("write the page");
    let output = child.wait_with_output().expect("promtool finishes");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success() && said.trim().is_empty(),
        "promtool refused the page: {said}\n--- page ---\n{page}"
    );
}

/// The value of the sample whose name and labels are exactly `series` (`name{a="b",…}`).
pub fn sample(page: &str, series: &str) -> Option<f64> {
    page.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map(|value| value.trim().parse().expect("a number"))
}
