//! The one diagnostic type of the compiler, and its rustc-style rendering.
//!
//! Every stage reports problems as [`Diagnostic`]s whose labels point into a [`Source`] by byte
//! offsets. Rendering resolves offsets to `file:line:col` and prints the source line with a caret:
//!
//! ```text
//! error[unknown-key]: unknown key `methdo`
//!   --> backworks.yaml:12:5
//!    |
//! 12 |     methdo: GET
//!    |     ^^^^^^ not a key of an endpoint
//!    |
//!    = help: did you mean `method`?
//! ```
//!
//! Handlers written inline in the blueprint are registered as *embedded* sources: their text is
//! the handler alone (so the JS parser's offsets index it directly), and rendering shifts lines and
//! columns back to where the text sits in the YAML file.

mod render;
mod source;

pub use render::{render, render_all, render_json};
pub use source::{Embedding, Location, Source, SourceId, Sources, Span};

/// How bad a diagnostic is. Only errors stop a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be compiled.
    Error,
    /// The input compiles, but probably not as the author meant.
    Warning,
}

/// A span with a short message printed under its caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where in which source.
    pub span: Span,
    /// What is wrong there, in a few words (may be empty).
    pub message: String,
}

/// One problem found in the input, with everything a person needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code, e.g. `unknown-key`; tests and tools match on it.
    pub code: &'static str,
    /// The headline, in lower case without a final period, as rustc writes them.
    pub message: String,
    /// Spans into the sources; the first is the primary location.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a code and a headline; add locations with [`Diagnostic::with_label`].
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    /// A warning with a code and a headline.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Adds a labelled span; the first one added is the primary location.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the hint printed as `= help: …`.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The primary span, if the diagnostic has a location.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.first().map(|label| label.span)
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Names the closest of `candidates` to `input`, for "did you mean" hints.
///
/// Uses the Jaro–Winkler similarity, which favours shared prefixes — typos such as `methdo` and
/// `handeler` keep their start.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(input, candidate), candidate))
        .filter(|(similarity, _)| *similarity > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let keys = ["path", "method", "methods", "handler", "description"];
        assert_eq!(closest("methdo", keys), Some("method"));
        assert_eq!(closest("handeler", keys), Some("handler"));
        assert_eq!(closest("zzz", keys), None);
    }
}
