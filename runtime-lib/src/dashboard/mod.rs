//! The dashboard's pages: static assets the compiler wrote into the server project (embedded
//! with `include_str!` by the generated `main.rs`) and the service description they read.
//!
//! ```text
//! GET /_backworks                 ─▶ 308 to /_backworks/
//! GET /_backworks/                ─▶ index.html                       public (nothing secret)
//! GET /_backworks/assets/{*file}  ─▶ assets/… (JS, CSS, vendored uPlot) public
//! GET /_backworks/service.json    ─▶ the service as compiled           behind the monitor's Gate
//! GET /_backworks/workflows       ─▶ the caller's admin workflows      [`workflows`]
//! ANY /_backworks/w/{id}/{*path}  ─▶ a workflow's call, forwarded      [`workflows`]
//! ANY /_backworks/api/{*path}     ─▶ the service's API, on dashboard.port only  [`api`]
//! ```
//!
//! Every page response carries a `content-security-policy` allowing only this origin (no
//! inline script or style), an `ETag` and `cache-control: no-cache`, so a browser revalidates
//! and gets a 304 while the assets are unchanged. `service.json` holds handler sources, so it
//! is read under the same rule as `/_backworks/monitor/*` ([`crate::monitor`]'s access).

pub(crate) mod api;
mod assets;
pub(crate) mod workflows;

use std::sync::Arc;

use axum::extract::{Path, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use crate::http::envelope::EndpointName;
use crate::monitor::Gate;
use assets::Asset;

/// The dashboard's entry page.
pub(crate) const INDEX_PATH: &str = "/_backworks/";
/// The entry page without its slash (redirected).
pub(crate) const ROOT_PATH: &str = "/_backworks";
/// The static assets.
pub(crate) const ASSETS_PATH: &str = "/_backworks/assets/{*file}";
/// The service description.
pub(crate) const SERVICE_PATH: &str = "/_backworks/service.json";

/// What the generated `main.rs` embeds: the files of `OUT/dashboard/` by their path under it
/// (`index.html`, `assets/app.js`, …) and the service description (`service.json`).
#[derive(Debug)]
pub struct DashboardApp {
    /// The static files, paths relative to the dashboard folder.
    pub files: &'static [(&'static str, &'static str)],
    /// The service description, JSON.
    pub service: &'static str,
}

/// The routes serving `app`, `service.json` behind `gate`; `own_port` when they are served on
/// the dashboard's own port, where the page reaches the API through [`api`]'s prefix.
pub(crate) fn routes(
    app: &'static DashboardApp,
    gate: Gate,
    own_port: bool,
) -> Vec<(&'static str, MethodRouter)> {
    let files: Arc<Vec<Asset>> = Arc::new(
        app.files
            .iter()
            .map(|&(path, body)| match (path, own_port) {
                ("index.html", true) => Asset::new(path, api::on_dashboard_port(body)),
                _ => Asset::new(path, body),
            })
            .collect(),
    );
    let service = Arc::new(Asset::new("service.json", app.service));
    let index = files.clone();
    let assets = files;
    vec![
        (
            ROOT_PATH,
            get(|| async {
                named(
                    (
                        StatusCode::PERMANENT_REDIRECT,
                        [(header::LOCATION, INDEX_PATH)],
                    )
                        .into_response(),
                    "_backworks/dashboard",
                )
            }),
        ),
        (
            INDEX_PATH,
            get(move |headers: HeaderMap| async move {
                let response = match index.iter().find(|asset| asset.path == "index.html") {
                    Some(asset) => asset.respond(&headers),
                    None => StatusCode::NOT_FOUND.into_response(),
                };
                named(response, "_backworks/dashboard")
            }),
        ),
        (
            ASSETS_PATH,
            get(
                move |Path(file): Path<String>, headers: HeaderMap| async move {
                    let wanted = format!("assets/{file}");
                    let response = match assets.iter().find(|asset| asset.path == wanted) {
                        Some(asset) => asset.respond(&headers),
                        None => crate::http::errors::HttpError::NotFound {
                            method: "GET".to_owned(),
                            path: format!("/_backworks/{wanted}"),
                        }
                        .into_response(),
                    };
                    named(response, "_backworks/dashboard")
                },
            ),
        ),
        (
            SERVICE_PATH,
            get(move |req: Request| async move {
                let mut response = match gate.check(req.headers(), req.extensions()).await {
                    Ok(()) => service.respond(req.headers()),
                    Err(refused) => refused,
                };
                // Handler sources are for the signed-in reader only: never in a shared cache.
                response.headers_mut().insert(
                    header::CACHE_CONTROL,
                    axum::http::HeaderValue::from_static("private, no-cache"),
                );
                named(response, "_backworks/service.json")
            }),
        ),
    ]
}

fn named(mut response: Response, name: &'static str) -> Response {
    response.extensions_mut().insert(EndpointName(name));
    response
}
