//! What a request's own code adds to its entry in the recent-requests ring while it runs:
//! its handler's `console` lines, a preview of its body and who called. One [`Recording`]
//! per request, made by the monitor's middleware and carried to the handler (inline, through
//! the dispatcher's thread-local; on an event-loop thread, through the request's task), so a
//! line is filed under the request that logged it even when requests share a thread.
//!
//! Everything is bounded: at most [`MAX_LINES`] lines of at most [`MAX_LINE_BYTES`] each and
//! [`MAX_LOG_BYTES`] in all, a body preview of at most [`MAX_BODY_BYTES`]. The entry keeps the recording, so a line a
//! handler logs after answering (from a timer) still appears, within the same bounds.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::SystemTime;

use serde::Serialize;

use super::redact;
use crate::contract::RequestBody;

/// The most log lines kept per request.
pub const MAX_LINES: usize = 50;
/// The longest log line kept, in bytes (longer ones are cut at a character boundary).
pub const MAX_LINE_BYTES: usize = 1024;
/// The most log text kept per request, in bytes: with the headers, path and body preview, an
/// entry of the ring stays under about 20 KiB, so a full ring under about 20 MiB.
pub const MAX_LOG_BYTES: usize = 8 * 1024;
/// The longest body preview, in bytes.
pub const MAX_BODY_BYTES: usize = 2048;

/// One request's log lines, body preview and caller; cheap to clone (shared).
#[derive(Debug, Clone, Default)]
pub struct Recording(Arc<Mutex<Recorded>>);

/// What a recording holds.
#[derive(Debug, Default, Clone, Serialize)]
pub(crate) struct Recorded {
    pub(crate) logs: Vec<LogLine>,
    /// Lines not kept because the request had logged [`MAX_LINES`] or [`MAX_LOG_BYTES`]
    /// already.
    pub(crate) logs_dropped: u32,
    /// The bytes of text in `logs`.
    #[serde(skip)]
    log_bytes: usize,
    pub(crate) body: Option<BodyPreview>,
    /// The verified caller's id (`ctx.user.id`).
    pub(crate) user: Option<String>,
}

/// One `console` line.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LogLine {
    /// Milliseconds since the Unix epoch.
    pub(crate) at_ms: u64,
    /// `info`, `warn`, `error` or `debug`.
    pub(crate) level: &'static str,
    pub(crate) text: String,
}

/// The first bytes of a request body, with secret-looking fields hidden.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BodyPreview {
    /// `json`, `form`, `text` or `other` (shown by size only).
    pub(crate) kind: &'static str,
    /// The body's size in bytes.
    pub(crate) bytes: usize,
    pub(crate) preview: String,
    /// Whether the preview stops before the body does.
    pub(crate) truncated: bool,
}

impl Recording {
    fn lock(&self) -> MutexGuard<'_, Recorded> {
        // Only this request's code and a dashboard reader ever hold it, briefly.
        self.0.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    /// Files one console line of this request.
    pub fn log(&self, level: &str, text: &str) {
        let text = cut(text, MAX_LINE_BYTES).0;
        let mut recorded = self.lock();
        if recorded.logs.len() >= MAX_LINES || recorded.log_bytes + text.len() > MAX_LOG_BYTES {
            recorded.logs_dropped = recorded.logs_dropped.saturating_add(1);
            return;
        }
        recorded.log_bytes += text.len();
        let level = match level {
            "error" => "error",
            "warn" => "warn",
            "debug" => "debug",
            _ => "info",
        };
        recorded.logs.push(LogLine {
            at_ms: now_ms(),
            level,
            text: text.to_owned(),
        });
    }

    /// Keeps a preview of the request's body, whose `Content-Type` was `content_type`: JSON
    /// and forms with secret-looking fields hidden, `text/*` as it is, anything else (binary,
    /// unknown) by its size only.
    pub(crate) fn body(&self, body: &RequestBody, content_type: Option<&[u8]>) {
        let content_type = content_type
            .map(<[u8]>::to_ascii_lowercase)
            .unwrap_or_default();
        let preview = match body {
            RequestBody::Empty => return,
            RequestBody::Json(text) => json_preview(text),
            RequestBody::Text(text)
                if content_type.starts_with(b"application/x-www-form-urlencoded") =>
            {
                text_preview("form", text, redact::form)
            }
            RequestBody::Text(text) if content_type.starts_with(b"text/") => {
                text_preview("text", text, str::to_owned)
            }
            RequestBody::Text(text) => BodyPreview {
                kind: "other",
                bytes: text.len(),
                preview: String::new(),
                truncated: !text.is_empty(),
            },
        };
        self.lock().body = Some(preview);
    }

    /// Notes who called.
    pub(crate) fn user(&self, id: Option<&str>) {
        if let Some(id) = id {
            self.lock().user = Some(cut(id, 256).0.to_owned());
        }
    }

    /// A copy of what was recorded so far.
    pub(crate) fn snapshot(&self) -> Recorded {
        self.lock().clone()
    }
}

fn json_preview(text: &str) -> BodyPreview {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(mut value) => {
            redact::json(&mut value);
            let shown = value.to_string();
            let (preview, truncated) = cut(&shown, MAX_BODY_BYTES);
            BodyPreview {
                kind: "json",
                bytes: text.len(),
                preview: preview.to_owned(),
                truncated,
            }
        }
        // Not JSON after all: nothing in it can be recognised as secret, so nothing is shown.
        Err(_) => BodyPreview {
            kind: "json",
            bytes: text.len(),
            preview: String::new(),
            truncated: !text.is_empty(),
        },
    }
}

fn text_preview(kind: &'static str, text: &str, clean: impl Fn(&str) -> String) -> BodyPreview {
    // Cleaned before cutting, so a cut never splits a name from its hidden value.
    let cleaned = clean(text);
    let (preview, truncated) = cut(&cleaned, MAX_BODY_BYTES);
    BodyPreview {
        kind,
        bytes: text.len(),
        preview: preview.to_owned(),
        truncated,
    }
}

/// `text` cut to at most `max` bytes at a character boundary, and whether it was cut.
pub(crate) fn cut(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_in_number_and_length() {
        let recording = Recording::default();
        for n in 0..MAX_LINES + 5 {
            recording.log("warn", &format!("line {n}"));
        }
        recording.log("info", &"é".repeat(MAX_LINE_BYTES));
        let recorded = recording.snapshot();
        assert_eq!(recorded.logs.len(), MAX_LINES);
        assert_eq!(recorded.logs_dropped, 6);
        assert_eq!(recorded.logs[0].text, "line 0");
        assert_eq!(recorded.logs[0].level, "warn");
        let long = Recording::default();
        for _ in 0..MAX_LINES {
            long.log("info", &"é".repeat(MAX_LINE_BYTES));
        }
        let recorded = long.snapshot();
        assert_eq!(recorded.logs[0].text.len(), MAX_LINE_BYTES);
        let kept: usize = recorded.logs.iter().map(|line| line.text.len()).sum();
        assert_eq!(
            kept, MAX_LOG_BYTES,
            "eight lines of 1 KiB, then nothing more"
        );
        assert_eq!(recorded.logs_dropped as usize, MAX_LINES - 8);
    }

    #[test]
    fn body_previews_hide_secrets_and_stay_small() {
        let recording = Recording::default();
        let body = format!(r#"{{"password":"hunter2","note":"{}"}}"#, "x".repeat(5000));
        recording.body(&RequestBody::Json(body.clone()), Some(b"application/json"));
        let preview = recording.snapshot().body.unwrap();
        assert!(!preview.preview.contains("hunter2"));
        assert!(preview.preview.starts_with(r#"{"password":"[redacted]""#));
        assert_eq!((preview.bytes, preview.truncated), (body.len(), true));
        assert_eq!(preview.preview.len(), MAX_BODY_BYTES);
        let form = Some(&b"application/x-www-form-urlencoded; charset=utf-8"[..]);
        recording.body(&RequestBody::Text("token=t&a=1".into()), form);
        assert_eq!(
            recording.snapshot().body.unwrap().preview,
            "token=[redacted]&a=1"
        );
        recording.body(&RequestBody::Json("{not json password".into()), None);
        assert_eq!(recording.snapshot().body.unwrap().preview, "");
        recording.body(
            &RequestBody::Text("plain words".into()),
            Some(b"Text/Plain"),
        );
        assert_eq!(recording.snapshot().body.unwrap().preview, "plain words");
        for content_type in [None, Some(&b"application/octet-stream"[..])] {
            recording.body(&RequestBody::Text("\u{0}binary".into()), content_type);
            let preview = recording.snapshot().body.unwrap();
            assert_eq!((preview.kind, preview.preview.as_str()), ("other", ""));
        }
    }
}
