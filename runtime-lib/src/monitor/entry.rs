//! One finished request as the recent-requests ring keeps it and the dashboard reads it
//! (`GET /_backworks/monitor/requests`), with its headers already redacted:
//!
//! ```text
//! {"seq":812,"at":"2026-12-04T20:01:02.345Z","method":"POST","path":"/login",
//!  "route":"/login","endpoint":"login","status":401,"duration_ms":0.41,
//!  "request_id":"6f1c…","client":"127.0.0.1","user":null,
//!  "headers":{"content-type":"application/json","authorization":"[redacted]"},
//!  "body":{"kind":"json","bytes":40,"preview":"{\"password\":\"[redacted]\"}","truncated":false},
//!  "logs":[{"at_ms":…,"level":"warn","text":"bad password for ann"}],"logs_dropped":0}
//! ```

use std::net::IpAddr;
use std::sync::Arc;

use axum::http::Method;
use serde_json::{Map, Value, json};

use super::recording::{Recording, cut};
use super::redact;

/// The most headers kept per request, and the longest value.
const MAX_HEADERS: usize = 32;
const MAX_HEADER_BYTES: usize = 256;
/// The longest path kept.
const MAX_PATH_BYTES: usize = 1024;

/// One finished request.
#[derive(Debug, Clone, Default)]
pub struct RequestEntry {
    /// Its number in the ring (from 1, growing); the dashboard's cursor.
    pub seq: u64,
    /// When it arrived, in milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub method: Method,
    /// The concrete path, without the query string.
    pub path: String,
    /// The route template that answered, or `(unmatched)`.
    pub route: Arc<str>,
    /// The blueprint endpoint that answered, when one did.
    pub endpoint: Option<&'static str>,
    pub status: u16,
    pub duration_us: u64,
    pub request_id: String,
    /// The client's address, when the server knows it.
    pub client: Option<IpAddr>,
    /// Request headers in arrival order, secret ones as `[redacted]`, as `name: value` lines
    /// in one string (one allocation per request rather than two per header); see
    /// [`RequestEntry::headers`].
    pub(crate) header_lines: String,
    /// What the request's code recorded (logs, body preview, caller).
    pub(crate) recording: Option<Recording>,
}

impl RequestEntry {
    /// The headers the entry keeps of `headers` as `name: value` lines: bounded, secrets
    /// hidden. Header values hold no line breaks (`HeaderValue` refuses them), so the lines
    /// split back into the headers.
    pub(crate) fn headers_of(
        headers: &axum::http::HeaderMap,
        api_key_header: Option<&str>,
    ) -> String {
        let mut lines = String::with_capacity(256);
        for (name, value) in headers.iter().take(MAX_HEADERS) {
            lines.push_str(name.as_str());
            lines.push_str(": ");
            if redact::is_secret_header(name.as_str(), api_key_header) {
                lines.push_str(redact::REDACTED);
            } else {
                // `HeaderValue` refuses line breaks, so a value is one line of the string.
                let text = String::from_utf8_lossy(value.as_bytes());
                lines.push_str(cut(&text, MAX_HEADER_BYTES).0);
            }
            lines.push('\n');
        }
        lines
    }

    /// The kept headers, in arrival order, as `(name, value)`.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.header_lines
            .lines()
            .filter_map(|line| line.split_once(": "))
    }

    /// `path` bounded for keeping.
    pub(crate) fn path_of(path: &str) -> String {
        cut(path, MAX_PATH_BYTES).0.to_owned()
    }

    /// The entry as the dashboard reads it.
    pub(crate) fn to_json(&self) -> Value {
        let recorded = self
            .recording
            .as_ref()
            .map(Recording::snapshot)
            .unwrap_or_default();
        let mut headers = Map::new();
        for (name, value) in self.headers() {
            // A repeated header shows its values joined, as HTTP allows for most.
            match headers.get_mut(name) {
                Some(Value::String(previous)) => {
                    previous.push_str(", ");
                    previous.push_str(value);
                }
                _ => {
                    headers.insert(name.to_owned(), Value::String(value.to_owned()));
                }
            }
        }
        json!({
            "seq": self.seq,
            "at": crate::js::date::to_iso_string(self.at_ms as f64),
            "method": self.method.as_str(),
            "path": self.path,
            "route": &*self.route,
            "endpoint": self.endpoint,
            "status": self.status,
            "duration_ms": self.duration_us as f64 / 1_000.0,
            "request_id": self.request_id,
            "client": self.client.map(|ip| ip.to_string()),
            "user": recorded.user,
            "headers": headers,
            "body": recorded.body,
            "logs": recorded.logs,
            "logs_dropped": recorded.logs_dropped,
        })
    }

    /// The short form sent to live observers ([`super::Monitor::subscribe`]).
    pub fn summary_json(&self) -> Value {
        json!({
            "seq": self.seq,
            "at": crate::js::date::to_iso_string(self.at_ms as f64),
            "method": self.method.as_str(),
            "path": self.path,
            "route": &*self.route,
            "status": self.status,
            "duration_ms": self.duration_us as f64 / 1_000.0,
            "request_id": self.request_id,
        })
    }

    #[cfg(test)]
    pub(crate) fn example() -> RequestEntry {
        RequestEntry {
            path: "/".into(),
            route: "/".into(),
            status: 200,
            ..RequestEntry::default()
        }
    }
}
