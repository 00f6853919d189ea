//! Rendering diagnostics for people (rustc's layout) and for tools (JSON lines).

use std::fmt::Write;

use crate::{Diagnostic, Severity, Sources};

/// Renders one diagnostic the way rustc does: headline, `-->` location, the source line with
/// carets under each label, then the help line.
pub fn render(diagnostic: &Diagnostic, sources: &Sources) -> String {
    let mut out = String::new();
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(
        out,
        "{severity}[{}]: {}",
        diagnostic.code, diagnostic.message
    );

    let Some(primary) = diagnostic.primary_span() else {
        if let Some(help) = &diagnostic.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        return out;
    };

    let mut excerpts: Vec<Excerpt> = diagnostic
        .labels
        .iter()
        .enumerate()
        .map(|(index, label)| Excerpt::new(sources, label.span, &label.message, index == 0))
        .collect();
    // Labels read top to bottom, grouped by file with the primary label's file first.
    excerpts.sort_by_key(|excerpt| {
        (
            excerpt.source != primary.source,
            excerpt.source,
            excerpt.line_number,
        )
    });
    let gutter = excerpts
        .iter()
        .map(|excerpt| excerpt.line_number.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(gutter);

    let location = sources.location(primary);
    let _ = writeln!(
        out,
        "{pad}--> {}:{}:{}",
        location.path.display(),
        location.line,
        location.column
    );
    let _ = writeln!(out, "{pad} |");
    let mut previous: Option<&Excerpt> = None;
    for excerpt in &excerpts {
        if let Some(previous) = previous {
            if previous.source != excerpt.source {
                let other = sources.location(excerpt.span);
                let _ = writeln!(
                    out,
                    "{pad}::: {}:{}:{}",
                    other.path.display(),
                    other.line,
                    other.column
                );
                let _ = writeln!(out, "{pad} |");
            } else if excerpt.line_number > previous.line_number + 1 {
                let _ = writeln!(out, "...");
            }
        }
        if previous.is_none_or(|previous| {
            previous.line_number != excerpt.line_number || previous.source != excerpt.source
        }) {
            let _ = writeln!(out, "{:>gutter$} | {}", excerpt.line_number, excerpt.line);
        }
        let marker = format!(
            "{}{}",
            " ".repeat(excerpt.caret_column),
            (if excerpt.primary { "^" } else { "-" }).repeat(excerpt.caret_width)
        );
        let message = if excerpt.message.is_empty() {
            String::new()
        } else {
            format!(" {}", excerpt.message)
        };
        let _ = writeln!(out, "{pad} | {marker}{message}");
        previous = Some(excerpt);
    }
    if let Some(help) = &diagnostic.help {
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{pad} = help: {help}");
    }
    out
}

/// Renders every diagnostic, then a summary line such as `error: 3 errors found`.
pub fn render_all(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render(diagnostic, sources));
        out.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    match errors {
        0 => {}
        1 => out.push_str("error: aborting due to 1 error\n"),
        n => {
            let _ = writeln!(out, "error: aborting due to {n} errors");
        }
    }
    out
}

/// One JSON object per diagnostic, for editors and CI annotations.
pub fn render_json(diagnostic: &Diagnostic, sources: &Sources) -> String {
    #[derive(serde::Serialize)]
    struct JsonLabel<'a> {
        file: String,
        line: u32,
        column: u32,
        message: &'a str,
    }
    #[derive(serde::Serialize)]
    struct JsonDiagnostic<'a> {
        severity: Severity,
        code: &'a str,
        message: &'a str,
        labels: Vec<JsonLabel<'a>>,
        help: Option<&'a str>,
    }
    let json = JsonDiagnostic {
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: &diagnostic.message,
        labels: diagnostic
            .labels
            .iter()
            .map(|label| {
                let location = sources.location(label.span);
                JsonLabel {
                    file: location.path.display().to_string(),
                    line: location.line,
                    column: location.column,
                    message: &label.message,
                }
            })
            .collect(),
        help: diagnostic.help.as_deref(),
    };
    serde_json::to_string(&json).unwrap_or_default()
}

/// The host-file line a label sits on, with the caret position and width in characters.
struct Excerpt<'a> {
    source: crate::SourceId,
    span: crate::Span,
    primary: bool,
    line_number: u32,
    line: String,
    caret_column: usize,
    caret_width: usize,
    message: &'a str,
}

impl<'a> Excerpt<'a> {
    fn new(sources: &Sources, span: crate::Span, message: &'a str, primary: bool) -> Self {
        let source = sources.get(span.source);
        let (line, column) = source.local_position(span.start);
        let shift = source.column_shift(line);
        let text = source.line_text(line);
        // A label spanning several lines is underlined up to the end of its first line.
        let (end_line, end_column) = source.local_position(span.end);
        let line_chars = text.chars().count();
        let end_column = if end_line == line {
            end_column
        } else {
            line_chars
        };
        let location = sources.location(span);
        Excerpt {
            source: span.source,
            span,
            primary,
            line_number: location.line,
            line: format!("{}{}", " ".repeat(shift), text),
            caret_column: column + shift,
            caret_width: end_column.saturating_sub(column).max(1),
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn secondary_labels_read_top_to_bottom() {
        let mut sources = Sources::new();
        let text = "a: GET\nb: x\nc: GET\n";
        let id = sources.add("b.yaml", text);
        let diagnostic = Diagnostic::error("duplicate-route", "twice")
            .with_label(Span::new(id, 15, 18), "again")
            .with_label(Span::new(id, 3, 6), "first");
        let expected = "\
error[duplicate-route]: twice
 --> b.yaml:3:4
  |
1 | a: GET
  |    --- first
...
3 | c: GET
  |    ^^^ again
";
        assert_eq!(render(&diagnostic, &sources), expected);
    }

    #[test]
    fn renders_like_rustc() {
        let mut sources = Sources::new();
        let id = sources.add(
            "backworks.yaml",
            "endpoints:\n  - path: /a\n    methdo: GET\n",
        );
        let start = "endpoints:\n  - path: /a\n    ".len();
        let diagnostic = Diagnostic::error("unknown-key", "unknown key `methdo`")
            .with_label(Span::new(id, start, start + 6), "not a key of an endpoint")
            .with_help("did you mean `method`?");
        let expected = "\
error[unknown-key]: unknown key `methdo`
 --> backworks.yaml:3:5
  |
3 |     methdo: GET
  |     ^^^^^^ not a key of an endpoint
  |
  = help: did you mean `method`?
";
        assert_eq!(render(&diagnostic, &sources), expected);
    }
}
