//! The hand-written axum server of the benchmarks: what a Rust programmer would write for the
//! seven handler workloads and the waiting one, with no JS value model in between — the practical limit Backworks is held to.
//!
//! Each route answers exactly what the compiled handler answers (status, content type, body
//! bytes; `backworks-bench` checks this before timing). It listens on `PORT`/`HOST` and prints
//! the same `… listening on http://HOST:PORT` line as a generated server, and stops on SIGTERM.
//!
//! ```text
//! $ PORT=3901 axum-baseline
//! axum-baseline listening on http://127.0.0.1:3901
//! ```

mod handlers;
mod page;
mod report;
mod time;
mod wait;

use axum::Router;
use axum::routing::{get, post};

fn main() {
    let host = std::env::var("HOST").unwrap_or_else(|_| "127.0.0.1".to_owned());
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(3901);
    let app = Router::new()
        .route("/hello", get(handlers::hello))
        .route("/search", get(handlers::search))
        .route("/echo", post(handlers::echo))
        .route("/crunch", get(handlers::crunch))
        .route("/record", post(handlers::record))
        .route("/report", get(report::report))
        .route("/page", get(page::page))
        .route("/wait", get(wait::wait));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((host.as_str(), port))
            .await
            .unwrap_or_else(|error| panic!("cannot listen on {host}:{port}: {error}"));
        let bound = listener.local_addr().expect("bound address").port();
        // The harness waits for this line; println! flushes on the newline only for a terminal.
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "axum-baseline listening on http://{host}:{bound}");
        let _ = stdout.flush();
        drop(stdout);
        axum::serve(listener, app)
            .with_graceful_shutdown(terminated())
            .await
            .expect("server error");
    });
}

/// Completes on SIGTERM or Ctrl-C.
async fn terminated() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}
