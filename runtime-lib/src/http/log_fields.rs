//! The human-readable log format's field writer, with a short path for the fields every request
//! logs. tracing-subscriber's default writer formats each field through `core::fmt` and its
//! ANSI-styling wrappers even when colours are off; for a plain-text request line that was a
//! sixth of hello-world's instructions. [`PlainFields`] writes the same bytes directly for
//! printable ASCII strings, integers and booleans, and hands every other field (escapes,
//! non-ASCII text, floats, errors, `Debug` values) to the default writer, so the output is
//! unchanged: the tests below compare the two on the same events.
//!
//! Used only when colours are off; with colours the default writer's styling is kept.

use std::fmt;

use tracing::field::{Field, Visit};
use tracing_subscriber::field::{RecordFields, VisitOutput};
use tracing_subscriber::fmt::FormatFields;
use tracing_subscriber::fmt::format::{DefaultVisitor, Writer};

use crate::js::number::decimal_digits;

/// Formats event and span fields as `name=value` pairs separated by spaces, the message first
/// and bare, exactly as tracing-subscriber's `DefaultFields` does without ANSI colours.
#[derive(Debug, Default)]
pub(crate) struct PlainFields;

impl<'writer> FormatFields<'writer> for PlainFields {
    fn format_fields<R: RecordFields>(&self, writer: Writer<'writer>, fields: R) -> fmt::Result {
        let mut visitor = PlainVisitor {
            writer,
            is_empty: true,
            result: Ok(()),
        };
        fields.record(&mut visitor);
        visitor.result
    }
}

struct PlainVisitor<'writer> {
    writer: Writer<'writer>,
    is_empty: bool,
    result: fmt::Result,
}

/// Whether `text` prints the same under `{:?}` with its quotes removed, and needs no escaping
/// of terminal control sequences: printable ASCII without `"` or `\`.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|byte| (0x20..0x7f).contains(&byte) && byte != b'"' && byte != b'\\')
}

impl PlainVisitor<'_> {
    /// Writes `name=` (after a separating space unless first), or only the separator for the
    /// message, which is printed bare.
    fn start(&mut self, field: &Field) -> fmt::Result {
        if !std::mem::take(&mut self.is_empty) {
            self.writer.write_char(' ')?;
        }
        if field.name() != "message" {
            self.writer.write_str(field.name())?;
            self.writer.write_char('=')?;
        }
        Ok(())
    }

    /// The field names the short path can write as they are: `r#type` and `log.*` names get
    /// special treatment from the default writer.
    fn plain_name(field: &Field) -> bool {
        !field.name().starts_with("r#") && !field.name().starts_with("log.")
    }

    fn fallback(&mut self, record: impl FnOnce(&mut DefaultVisitor<'_>)) {
        let mut visitor = DefaultVisitor::new(self.writer.by_ref(), self.is_empty);
        record(&mut visitor);
        self.result = visitor.finish();
        self.is_empty = false;
    }

    /// A field whose `Debug` text `text` already is (integers, booleans, floats).
    fn bare(&mut self, field: &Field, text: &str) {
        if self.result.is_err() {
            return;
        }
        if !Self::plain_name(field) {
            return self.fallback(|visitor| visitor.record_debug(field, &format_args!("{text}")));
        }
        self.result = self.start(field).and_then(|()| self.writer.write_str(text));
    }
}

impl Visit for PlainVisitor<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        if self.result.is_err() {
            return;
        }
        if !Self::plain_name(field) || !is_plain(value) {
            return self.fallback(|visitor| visitor.record_str(field, value));
        }
        let quote = field.name() != "message";
        self.result = self.start(field).and_then(|()| {
            if quote {
                self.writer.write_char('"')?;
                self.writer.write_str(value)?;
                self.writer.write_char('"')
            } else {
                self.writer.write_str(value)
            }
        });
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.bare(field, decimal_digits(value, false, 1, &mut [0; 24]));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.bare(
            field,
            decimal_digits(value.unsigned_abs(), value < 0, 1, &mut [0; 24]),
        );
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.bare(field, if value { "true" } else { "false" });
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        // `{:?}` is what the default writer prints (`0.412`, `12.0`, `NaN`); formatting it here
        // skips the default writer's styling wrappers.
        let mut text = String::with_capacity(24);
        let _ = std::fmt::Write::write_fmt(&mut text, format_args!("{value:?}"));
        self.bare(field, &text);
    }

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        if self.result.is_err() {
            return;
        }
        self.fallback(|visitor| visitor.record_error(field, value));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if self.result.is_err() {
            return;
        }
        self.fallback(|visitor| visitor.record_debug(field, value));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tracing_subscriber::fmt::MakeWriter;

    use super::*;

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("unpoisoned").extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Buffer {
        type Writer = Buffer;

        fn make_writer(&'a self) -> Buffer {
            self.clone()
        }
    }

    impl Buffer {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().expect("unpoisoned")).into_owned()
        }
    }

    /// The events and spans a server logs, and fields the short path must hand over.
    fn log_everything() {
        let span = tracing::error_span!("handler", endpoint = "get_post", request_id = "a1b2");
        let _entered = span.enter();
        tracing::info!(
            target: "backworks::request",
            method = "GET",
            path = "/posts/7",
            status = 200u16,
            endpoint = "get_post",
            request_id = "a1b2",
            duration_ms = 0.412,
            "request"
        );
        tracing::warn!(status = 503u16, duration_ms = 12.0, "request");
        tracing::info!(path = "/quote\"d\\back", text = "tab\there", "escapes");
        tracing::info!(text = "héllo ☃", negative = -7i64, flag = true, "non-ASCII");
        tracing::info!(
            zero = 0u64,
            max = u64::MAX,
            min = i64::MIN,
            off = false,
            whole = 3.0,
            tiny = 1e-7,
            nan = f64::NAN,
            infinite = f64::NEG_INFINITY,
            "numbers"
        );
        tracing::info!(r#type = "raw name", "raw");
        tracing::info!("a message with \"quotes\" and \u{1b}[31m an escape");
        tracing::info!(answer = ?Some(42), shown = %"display", "debug values");
        let error = std::io::Error::other("disk full");
        tracing::error!(
            error = &error as &(dyn std::error::Error + 'static),
            "failed"
        );
        tracing::info!(target: "handler", "console line: {}", 5);
    }

    fn capture(plain: bool) -> String {
        let buffer = Buffer::default();
        let builder = tracing_subscriber::fmt()
            .with_ansi(false)
            .without_time()
            .with_writer(buffer.clone());
        if plain {
            let subscriber = builder.fmt_fields(PlainFields).finish();
            tracing::subscriber::with_default(subscriber, log_everything);
        } else {
            tracing::subscriber::with_default(builder.finish(), log_everything);
        }
        buffer.text()
    }

    #[test]
    fn writes_exactly_what_the_default_field_formatter_writes() {
        let expected = capture(false);
        assert!(
            expected.contains("method=\"GET\" path=\"/posts/7\" status=200"),
            "{expected}"
        );
        assert_eq!(capture(true), expected);
    }
}
