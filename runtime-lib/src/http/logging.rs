//! Logging: the tracing subscriber `serve` installs, and the one line each request writes.
//!
//! Human-readable lines by default, JSON lines when `BACKWORKS_LOG=json`; the level comes from
//! `RUST_LOG` (default `info`). Logs go to stderr so stdout carries only the start-up line that
//! `backworks dev` and tests wait for. Each request writes one event on target
//! `backworks::request`:
//!
//! ```text
//! INFO backworks::request: request method="GET" path="/posts/7" status=200 endpoint="get_post"
//!      request_id="abc" duration_ms=0.412
//! ```
//!
//! Responses with a 5xx status are logged at `warn`, the rest at `info`. `serve` also routes
//! panic messages through tracing (target `backworks::panic`), so JSON logs stay JSON lines; a
//! handler's panic is logged inside the `handler` span, which names its endpoint and request id.

use std::any::Any;
use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::Duration;

use axum::http::HeaderValue;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;

use super::request_id::RequestId;
use crate::monitor::Recording;

/// The endpoint, request id and recording (`crate::monitor`) of a handler call.
type Call = (&'static str, HeaderValue, Option<Recording>);

thread_local! {
    /// The handler call running on this thread.
    static HANDLER_CALL: RefCell<Option<Call>> = const { RefCell::new(None) };
}

/// Marks the handler call running on this thread until dropped: what it logs (console output,
/// a panic) is placed in a `handler` span naming its endpoint and request id. The span is
/// built only when something is logged: creating one per request cost more than the handler
/// of hello-world.
pub(crate) struct HandlerCall {
    previous: Option<Call>,
}

/// Starts marking a handler call (see [`HandlerCall`]); its console lines are also filed in
/// `recording`, when the monitor keeps one.
pub(crate) fn enter_handler(
    endpoint: &'static str,
    request_id: &RequestId,
    recording: Option<Recording>,
) -> HandlerCall {
    let current = (endpoint, request_id.header_value(), recording);
    HandlerCall {
        previous: HANDLER_CALL.with_borrow_mut(|call| call.replace(current)),
    }
}

impl Drop for HandlerCall {
    fn drop(&mut self) {
        let previous = self.previous.take();
        HANDLER_CALL.with_borrow_mut(|call| *call = previous);
    }
}

/// Runs `log` inside the `handler` span of the handler call running on this thread, if any.
pub(crate) fn in_handler_span(log: impl FnOnce()) {
    let span = HANDLER_CALL.with_borrow(|call| {
        call.as_ref().map(|(endpoint, request_id, _)| {
            tracing::error_span!(
                "handler",
                endpoint = *endpoint,
                request_id = request_id.to_str().unwrap_or_default()
            )
        })
    });
    match span {
        Some(span) => span.in_scope(log),
        None => log(),
    }
}

/// Files a console line in the recording of the handler call running on this thread, if any.
pub(crate) fn record_console(level: &str, line: &str) {
    HANDLER_CALL.with_borrow(|call| {
        if let Some((_, _, Some(recording))) = call {
            recording.log(level, line);
        }
    });
}

/// The fields of one request's log line.
pub(crate) struct RequestLine<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) status: u16,
    pub(crate) endpoint: &'a str,
    pub(crate) request_id: &'a str,
    pub(crate) duration: Duration,
}

/// Writes the request's log line.
pub(crate) fn request_line(line: &RequestLine<'_>) {
    let duration_ms = (line.duration.as_secs_f64() * 1_000_000.0).round() / 1_000.0;
    macro_rules! emit {
        ($level:ident) => {
            tracing::$level!(
                target: "backworks::request",
                method = line.method,
                path = line.path,
                status = line.status,
                endpoint = line.endpoint,
                request_id = line.request_id,
                duration_ms,
                "request"
            )
        };
    }
    if line.status >= 500 {
        emit!(warn);
    } else {
        emit!(info);
    }
}

/// Installs the process-wide subscriber; does nothing if one is already installed (an embedding
/// program's, or a test's).
pub(crate) fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("BACKWORKS_LOG").is_ok_and(|value| value.eq_ignore_ascii_case("json"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let colours = std::io::stderr().is_terminal();
    let installed = if json {
        builder.json().try_init()
    } else if colours {
        builder.with_ansi(true).try_init()
    } else {
        builder
            .with_ansi(false)
            .fmt_fields(super::log_fields::PlainFields)
            .with_timer(Timestamp)
            .try_init()
    };
    // An already-installed subscriber is fine: the embedding program chose its own.
    drop(installed);
}

/// The plain-text log line's timestamp, as tracing-subscriber's default timer prints it
/// (`2026-03-04T05:06:07.089123Z`), built from the runtime's own ISO date writer: the default
/// goes through `core::fmt` and cost about 2 k instructions per request line.
struct Timestamp;

impl FormatTime for Timestamp {
    fn format_time(&self, writer: &mut Writer<'_>) -> std::fmt::Result {
        match iso_timestamp(std::time::SystemTime::now()) {
            Some(text) => writer.write_str(&text),
            None => tracing_subscriber::fmt::time::SystemTime.format_time(writer),
        }
    }
}

/// `time` as `YYYY-MM-DDTHH:MM:SS.uuuuuuZ` (microseconds), for times from 1970 to year 9999;
/// `None` outside, where the default timer's own format applies.
fn iso_timestamp(time: std::time::SystemTime) -> Option<String> {
    /// 9999-12-31T23:59:59.999Z, the last time value with a four-digit year.
    const LAST_MS: u128 = 253_402_300_799_999;
    let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    let millis = since.as_millis();
    if millis > LAST_MS {
        return None;
    }
    let mut text = crate::js::date::to_iso_string(millis as f64);
    text.pop(); // the `Z`, which goes after the microseconds
    let micros = since.subsec_micros() % 1000;
    for divisor in [100, 10, 1] {
        text.push(char::from(b'0' + (micros / divisor % 10) as u8));
    }
    text.push('Z');
    Some(text)
}

/// Replaces the default panic hook (which prints to stderr) with one that logs through tracing.
pub(crate) fn route_panics_to_tracing() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|at| format!("{}:{}:{}", at.file(), at.line(), at.column()))
            .unwrap_or_default();
        in_handler_span(|| {
            tracing::error!(
                target: "backworks::panic",
                location,
                "panicked: {}",
                panic_text(info.payload())
            );
        });
    }));
}

/// The message a panic was raised with, when it is text.
pub(crate) fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn timestamps_read_as_rfc_3339_with_microseconds() {
        // The millisecond parts are Node's `new Date(ms).toISOString()` for the same instants.
        let cases = [
            (0, 0, "1970-01-01T00:00:00.000000Z"),
            (951_782_400_123, 456, "2000-02-29T00:00:00.123456Z"),
            (1_772_600_767_089, 7, "2026-03-04T05:06:07.089007Z"),
            (253_402_300_799_999, 999, "9999-12-31T23:59:59.999999Z"),
        ];
        for (millis, micros, expected) in cases {
            let time = UNIX_EPOCH + Duration::from_millis(millis) + Duration::from_micros(micros);
            assert_eq!(iso_timestamp(time).as_deref(), Some(expected));
        }
        let far = UNIX_EPOCH + Duration::from_millis(253_402_300_800_000);
        assert_eq!(iso_timestamp(far), None);
        assert_eq!(iso_timestamp(UNIX_EPOCH - Duration::from_secs(1)), None);
    }
}
