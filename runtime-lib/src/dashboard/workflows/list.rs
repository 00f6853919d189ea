//! `GET /_backworks/workflows`: the theme, the workflows this caller may use, and whether they
//! may read the monitor too, so the dashboard shows exactly what the server would serve them.
//!
//! ```text
//! (admin)    ─▶ 200 { "theme": {…}, "workflows": [notes, report], "monitor": true }
//! (reports)  ─▶ 200 { "theme": {…}, "workflows": [report], "monitor": false }
//! (member)   ─▶ 200 { "theme": {…}, "workflows": [], "monitor": false }
//! (nobody)   ─▶ 401, as every route needing a caller answers
//! ```

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get};
use serde_json::json;

use super::Catalog;
use crate::http::envelope::EndpointName;
use crate::monitor::Gate;

/// The route listing the caller's workflows.
pub(crate) const WORKFLOWS_PATH: &str = "/_backworks/workflows";

/// The route, answering from `catalog` behind `gate`.
pub(crate) fn route(catalog: Arc<Catalog>, gate: Gate) -> (&'static str, MethodRouter) {
    let handler = move |req: Request| {
        let catalog = catalog.clone();
        let gate = gate.clone();
        async move {
            let mut response = match gate.viewer(req.headers(), req.extensions()).await {
                Ok(viewer) => {
                    let workflows: Vec<&serde_json::Value> = catalog
                        .workflows
                        .iter()
                        .filter(|workflow| viewer.may_use(&workflow.permissions))
                        .map(|workflow| &workflow.description)
                        .collect();
                    axum::Json(json!({
                        "theme": catalog.theme,
                        "workflows": workflows,
                        "monitor": viewer.reads_monitor(),
                    }))
                    .into_response()
                }
                Err(denied) => denied.into_response(),
            };
            // Per caller: never from a shared cache.
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
            response
                .extensions_mut()
                .insert(EndpointName("_backworks/workflows"));
            response
        }
    };
    (WORKFLOWS_PATH, get(handler))
}
