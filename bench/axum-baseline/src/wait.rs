//! `GET /wait` (bench/wait/handlers/wait.js): waits 20 ms on tokio's timer, then answers a small
//! JSON body, the reference for the waiting workload: 64 connections each waiting 20 ms allow
//! at most 3 200 requests per second, and a server that queues nothing comes close.

use std::time::Duration;

use axum::Json;
use serde_json::{Value, json};

pub(crate) async fn wait() -> Json<Value> {
    tokio::time::sleep(Duration::from_millis(20)).await;
    Json(json!({ "waited": 20 }))
}
