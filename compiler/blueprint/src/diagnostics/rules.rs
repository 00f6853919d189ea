//! The diagnostics of `resources.<name>.rules`, one constructor each; the rule language's
//! own problems arrive as `RuleError`s already worded (`rules/check.rs`).

use backworks_diagnostics::{Diagnostic, SourceId, Span};

use crate::rules::RuleError;

/// A syntax, name or type error inside a rule; `span` is where in the blueprint.
pub fn invalid_rule(span: Span, operation: &str, error: RuleError) -> Diagnostic {
    Diagnostic::error(error.code, format!("rule `{operation}`: {}", error.message))
        .with_label(span, error.label)
        .with_help(error.help)
}

/// `default: user.id` on a field that cannot hold a caller's id, or without `auth:`.
pub fn caller_default(
    source: SourceId,
    range: std::ops::Range<usize>,
    field: &str,
    problem: &str,
    help: &str,
) -> Diagnostic {
    Diagnostic::error(
        "invalid-default",
        format!("field `{field}` cannot default to `user.id`: {problem}"),
    )
    .with_label(super::span(source, range), "the caller's id")
    .with_help(help.to_string())
}

/// A rule for an operation the resource does not expose: it governs nothing.
pub fn unexposed_operation(
    source: SourceId,
    range: std::ops::Range<usize>,
    resource: &str,
    operation: &str,
) -> Diagnostic {
    Diagnostic::warning(
        "rule-without-route",
        format!("rule `{operation}` governs nothing: `{resource}` has no `{operation}` endpoint"),
    )
    .with_label(super::span(source, range), "no generated route obeys this rule")
    .with_help(format!(
        "add `{operation}` to the resource's `endpoints`, or remove the rule (`ctx.db` in handlers ignores rules)"
    ))
}
