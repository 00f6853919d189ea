//! Every diagnostic the blueprint stage reports, one constructor each, so wording and codes stay
//! consistent and can be found in one place. Those of the data keys are in [`data`], those of
//! the identity keys in [`auth`].

pub mod audit;
pub mod auth;
pub mod dashboard;
pub mod data;
pub mod rules;
pub mod transport;
pub mod users;

use std::ops::Range;
use std::path::Path;

use backworks_diagnostics::{Diagnostic, SourceId, Span, closest};

use crate::yaml::Node;

pub(crate) fn span(source: SourceId, range: Range<usize>) -> Span {
    Span::new(source, range.start, range.end)
}

/// The YAML itself does not parse.
pub fn yaml_syntax(source: SourceId, offset: usize, message: &str) -> Diagnostic {
    Diagnostic::error("yaml-syntax", format!("invalid YAML: {message}"))
        .with_label(span(source, offset..offset + 1), "here")
        .with_help("check indentation and that every `[`, `{` and quote is closed")
}

/// serde rejected a document the shape check accepted; a last line of defence.
pub fn invalid_blueprint(source: SourceId, offset: usize, message: &str) -> Diagnostic {
    Diagnostic::error("invalid-blueprint", message.to_string())
        .with_label(span(source, offset..offset + 1), "here")
        .with_help("compare with the format printed by `backworks schema`")
}

/// A key the format does not know.
pub fn unknown_key(
    source: SourceId,
    range: Range<usize>,
    key: &str,
    what: &str,
    known: &[&str],
) -> Diagnostic {
    let help = match closest(key, known.iter().copied()) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!("the keys of {} are: {}", article(what), known.join(", ")),
    };
    Diagnostic::error("unknown-key", format!("unknown key `{key}` in {what}"))
        .with_label(
            span(source, range),
            format!("not a key of {}", article(what)),
        )
        .with_help(help)
}

/// A required key is absent.
pub fn missing_key(source: SourceId, range: Range<usize>, key: &str, what: &str) -> Diagnostic {
    Diagnostic::error("missing-key", format!("{what} is missing `{key}`"))
        .with_label(span(source, range), format!("`{key}` is required here"))
        .with_help(format!("add `{key}: …` to the {what}"))
}

/// A value of the wrong type.
pub fn wrong_type(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    expected: &[String],
    found: &Node,
) -> Diagnostic {
    let expected = match expected {
        [] => "another type".to_string(),
        [one] => one.clone(),
        several => {
            let (last, rest) = several.split_last().unwrap_or((&several[0], &[]));
            format!("{} or {last}", rest.join(", "))
        }
    };
    let found_name = found.describe();
    let help = if expected.contains("a string") && found.as_str().is_some() {
        format!(
            "quote the value to make it a string: \"{}\"",
            found.as_str().unwrap_or_default()
        )
    } else {
        format!("write {what} as {expected}")
    };
    // "field `title`" already quotes its name.
    let what_shown = if what.contains('`') {
        what.to_string()
    } else {
        format!("`{what}`")
    };
    Diagnostic::error(
        "wrong-type",
        format!("{what_shown} must be {expected}, not {found_name}"),
    )
    .with_label(span(source, range), format!("this is {found_name}"))
    .with_help(help)
}

/// A number under the schema's minimum.
pub fn below_minimum(
    source: SourceId,
    range: Range<usize>,
    what: &str,
    minimum: f64,
) -> Diagnostic {
    Diagnostic::error(
        "out-of-range",
        format!("`{what}` must be at least {minimum}"),
    )
    .with_label(span(source, range), "too small")
}

/// A port outside 1..=65535.
pub fn port_out_of_range(source: SourceId, range: Range<usize>, port: i64) -> Diagnostic {
    Diagnostic::error("port-out-of-range", format!("port {port} is out of range"))
        .with_label(span(source, range), "not a TCP port")
        .with_help("use a port between 1 and 65535 (the server also reads `PORT` at start-up)")
}

/// A route path that does not start with `/`.
pub fn path_without_slash(source: SourceId, range: Range<usize>, path: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-path",
        format!("path `{path}` does not start with `/`"),
    )
    .with_label(span(source, range), "route paths are absolute")
    .with_help(format!("write `/{path}`"))
}

/// `{` without `}` or the reverse.
pub fn unbalanced_braces(source: SourceId, range: Range<usize>, path: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-path",
        format!("unbalanced braces in path `{path}`"),
    )
    .with_label(span(source, range), "every `{` needs a matching `}`")
    .with_help("write a path parameter as `{id}` or `:id`")
}

/// A parameter that is not a whole segment, or has no valid name.
pub fn invalid_param(source: SourceId, range: Range<usize>, segment: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-path",
        format!("invalid path parameter `{segment}`"),
    )
    .with_label(
        span(source, range),
        "a parameter must be a whole segment with a name",
    )
    .with_help("write `/{name}` or `/:name`, where the name uses letters, digits and `_`")
}

/// The same parameter name twice in one path.
pub fn duplicate_param(source: SourceId, range: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-param",
        format!("path parameter `{name}` is declared twice"),
    )
    .with_label(span(source, range), "in this path")
    .with_help("give each parameter of a path its own name, e.g. `{post_id}` and `{comment_id}`")
}

/// A path under `/_backworks/`, which the server reserves.
pub fn reserved_path(source: SourceId, range: Range<usize>, path: &str) -> Diagnostic {
    Diagnostic::error("reserved-path", format!("path `{path}` is reserved"))
        .with_label(span(source, range), "`/_backworks/` belongs to the server")
        .with_help("choose a path outside `/_backworks/`")
}

/// Two paths the router could not tell apart (same shape, different parameter names).
pub fn conflicting_paths(
    source: SourceId,
    range: Range<usize>,
    path: &str,
    earlier_range: Range<usize>,
    earlier: &str,
) -> Diagnostic {
    Diagnostic::error(
        "conflicting-paths",
        format!("path `{path}` conflicts with `{earlier}`"),
    )
    .with_label(span(source, range), "this path")
    .with_label(
        span(source, earlier_range),
        "matches the same requests as this one",
    )
    .with_help("use the same parameter names in both paths so they form one route")
}

/// A method name that is not an HTTP method Backworks routes.
pub fn unknown_method(source: SourceId, range: Range<usize>, method: &str) -> Diagnostic {
    const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    let upper = method.to_uppercase();
    let help = match closest(&upper, METHODS) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!("use one of {}", METHODS.join(", ")),
    };
    Diagnostic::error("unknown-method", format!("unknown HTTP method `{method}`"))
        .with_label(span(source, range), "not an HTTP method")
        .with_help(help)
}

/// `method` and `methods` together.
pub fn method_and_methods(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "ambiguous-methods",
        "endpoint has both `method` and `methods`",
    )
    .with_label(span(source, range), "this endpoint")
    .with_help("keep one: `method: GET` or `methods: [GET, POST]`")
}

/// The same method listed twice for one endpoint.
pub fn repeated_method(source: SourceId, range: Range<usize>, method: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate-route",
        format!("method `{method}` is listed twice"),
    )
    .with_label(span(source, range), "repeated here")
    .with_help("list each method once")
}

/// Two endpoints serving the same method and path.
pub fn duplicate_route(
    source: SourceId,
    range: Range<usize>,
    method: &str,
    path: &str,
    earlier: Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "duplicate-route",
        format!("`{method} {path}` is declared twice"),
    )
    .with_label(span(source, range), "declared again here")
    .with_label(span(source, earlier), "first declared here")
    .with_help("remove one, or give one of them another method or path")
}

/// Neither `handler` nor `runtime.handler`.
pub fn missing_handler(source: SourceId, range: Range<usize>, endpoint: &str) -> Diagnostic {
    Diagnostic::error(
        "missing-handler",
        format!("endpoint `{endpoint}` has no handler"),
    )
    .with_label(span(source, range), "this endpoint")
    .with_help("add `handler: ./handlers/<name>.js` or an inline `handler: |` block")
}

/// Both `handler` and `runtime.handler`.
pub fn two_handlers(source: SourceId, range: Range<usize>, endpoint: &str) -> Diagnostic {
    Diagnostic::error(
        "ambiguous-handler",
        format!("endpoint `{endpoint}` has two handlers"),
    )
    .with_label(
        span(source, range),
        "`handler` and `runtime.handler` both set",
    )
    .with_help("keep one of them")
}

/// `runtime.language` other than JavaScript or TypeScript.
pub fn unknown_language(source: SourceId, range: Range<usize>, language: &str) -> Diagnostic {
    Diagnostic::error(
        "unknown-language",
        format!("unsupported handler language `{language}`"),
    )
    .with_label(span(source, range), "not a language Backworks compiles")
    .with_help("use `javascript` or `typescript`")
}

/// A handler file that cannot be found.
pub fn handler_not_found(source: SourceId, range: Range<usize>, tried: &[&Path]) -> Diagnostic {
    let tried: Vec<String> = tried
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    Diagnostic::error("handler-not-found", "handler file does not exist")
        .with_label(span(source, range), "no such file")
        .with_help(format!(
            "looked for {}; paths are relative to the blueprint's folder",
            tried.join(" and ")
        ))
}

/// A handler file that exists but cannot be read.
pub fn handler_unreadable(source: SourceId, range: Range<usize>, error: &str) -> Diagnostic {
    Diagnostic::error(
        "handler-unreadable",
        format!("cannot read handler file: {error}"),
    )
    .with_label(span(source, range), "this file")
    .with_help("check the file's permissions and that it is UTF-8 text")
}

/// A size or duration that does not parse.
pub fn invalid_quantity(
    source: SourceId,
    range: Range<usize>,
    text: &str,
    units: &str,
) -> Diagnostic {
    Diagnostic::error("invalid-quantity", format!("cannot read `{text}`"))
        .with_label(span(source, range), "not a number with a unit")
        .with_help(format!(
            "write a number, optionally followed by one of {units}"
        ))
}

/// A global header name or value HTTP does not allow.
pub fn invalid_header(source: SourceId, range: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::error(
        "invalid-header",
        format!("`{name}` is not a valid HTTP header"),
    )
    .with_label(
        span(source, range),
        "header names are letters, digits and `-`",
    )
    .with_help("values must be visible ASCII without line breaks")
}

/// A blueprint with no endpoints.
pub fn no_endpoints(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::warning("no-endpoints", "blueprint declares no endpoints").with_label(
        span(source, range),
        "the server will only answer `/_backworks/` routes",
    )
}

/// "an endpoint", "a server", "an `enum`".
pub(crate) fn article(what: &str) -> String {
    let vowel = what
        .trim_start_matches('`')
        .starts_with(['a', 'e', 'i', 'o', 'u']);
    if vowel {
        format!("an {what}")
    } else {
        format!("a {what}")
    }
}
