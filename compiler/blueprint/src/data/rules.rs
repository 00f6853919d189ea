//! A resource's `rules:` → the IR's [`Rules`]: each rule compiled by `crate::rules` against
//! the resource's columns, each problem reported at its column inside the YAML string (the
//! rule's text is found where the scalar is written; a rule spread over several lines of a
//! block scalar is pointed at as a whole).
//!
//! ```text
//! rules:
//!   get: record.owner == user.idd     ──▶  error[rule-unknown-name]: rule `get`: `user.idd` is …
//!                        ^^^ (line 12, column 34)
//! ```
//!
//! `true`/`false` are rules too (`delete: false` refuses every delete). A missing rule leaves
//! the operation to its route's `auth`.

use std::ops::Range;

use backworks_diagnostics::Span;
use backworks_ir::{CrudOperation, Field, IdStrategy, Rule, RuleExpr, Rules};

use super::DataChecker;
use crate::config::{RuleConfig, RulesConfig};
use crate::diagnostics::rules as diagnostics;
use crate::rules::{Scope, Ty, compile};
use crate::yaml::Node;

/// What `lower_rules` reads besides the rules themselves.
pub struct RuleContext<'a> {
    /// The resource's name.
    pub resource: &'a str,
    /// Its lowered fields.
    pub fields: &'a [Field],
    /// Declared fields that did not lower (their own errors are reported; naming them in a
    /// rule is no second mistake).
    pub unlowered: Vec<&'a str>,
    /// How its ids are made.
    pub id: IdStrategy,
    /// Whether it has `created_at`/`updated_at`.
    pub timestamps: bool,
    /// The blueprint's text, to find each rule's columns.
    pub blueprint: &'a str,
    /// The generated operations (a rule for another one governs nothing: a warning).
    pub operations: &'a [CrudOperation],
}

/// Compiles every rule of `config` (written at `node`, the `rules:` value).
pub fn lower_rules(
    checker: &mut DataChecker,
    context: &RuleContext,
    config: Option<&RulesConfig>,
    node: Option<&Node>,
) -> Rules {
    let (Some(config), Some(node)) = (config, node) else {
        return Rules::default();
    };
    let mut columns: Vec<(&str, Ty)> = vec![(
        "id",
        match context.id {
            IdStrategy::Integer => Ty::Id,
            IdStrategy::Uuid => Ty::Id,
        },
    )];
    columns.extend(
        context
            .fields
            .iter()
            .map(|field| (field.name.as_str(), Ty::of_field(&field.kind))),
    );
    columns.extend(context.unlowered.iter().map(|name| (*name, Ty::Any)));
    if context.timestamps {
        columns.push(("created_at", Ty::Text));
        columns.push(("updated_at", Ty::Text));
    }
    let scope = Scope {
        resource: context.resource,
        columns,
        auth: checker.auth,
    };
    let mut rule = |operation: &str, written: Option<&RuleConfig>| -> Option<Rule> {
        let at = node.get(operation)?;
        let span = Span::new(checker.source, at.span.start, at.span.end);
        let exposed = CrudOperation::parse(operation)
            .is_some_and(|operation| context.operations.contains(&operation));
        if !exposed && let Some(key) = node.key(operation) {
            checker.diagnostics.push(diagnostics::unexposed_operation(
                checker.source,
                key.span.clone(),
                context.resource,
                operation,
            ));
        }
        match written? {
            RuleConfig::Constant(value) => Some(Rule {
                text: value.to_string(),
                expr: RuleExpr::Bool(*value),
                span,
            }),
            RuleConfig::Expression(text) => match compile(&scope, text) {
                Ok(expr) => Some(Rule {
                    text: text.clone(),
                    expr,
                    span,
                }),
                Err(errors) => {
                    let base = text_start(context.blueprint, at.span.clone(), text);
                    for error in errors {
                        let range = match base {
                            Some(base) => widen(base + error.range.start..base + error.range.end),
                            None => at.span.clone(),
                        };
                        let span = Span::new(checker.source, range.start, range.end);
                        checker
                            .diagnostics
                            .push(diagnostics::invalid_rule(span, operation, error));
                    }
                    None
                }
            },
        }
    };
    Rules {
        list: rule("list", config.list.as_ref()),
        get: rule("get", config.get.as_ref()),
        create: rule("create", config.create.as_ref()),
        update: rule("update", config.update.as_ref()),
        delete: rule("delete", config.delete.as_ref()),
    }
}

/// Where the rule's text starts in the blueprint, when it is written there verbatim: a plain
/// scalar, a quoted one without escapes, or a one-line block scalar.
fn text_start(blueprint: &str, span: Range<usize>, text: &str) -> Option<usize> {
    let written = blueprint.get(span.start..)?;
    if written.starts_with(text) {
        return Some(span.start);
    }
    if written.starts_with(['"', '\'']) && written[1..].starts_with(text) {
        return Some(span.start + 1);
    }
    let line = text.trim_end();
    if line.is_empty() || line.contains('\n') || !written.starts_with(['|', '>']) {
        return None;
    }
    // A block scalar: its one content line follows the indicator.
    let mut end = written.len().min(span.len() + line.len() + 256);
    while !written.is_char_boundary(end) {
        end -= 1;
    }
    let window = &written[..end];
    window.find(line).map(|at| span.start + at)
}

/// A zero-width range (the end of a rule) as one column, for a visible caret.
fn widen(range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        range.start..range.start + 1
    } else {
        range
    }
}

#[cfg(test)]
mod tests {
    use super::text_start;

    #[test]
    fn rules_are_found_where_they_are_written() {
        let yaml = "a: x == 1\nb: \"y == 2\"\nc: |\n  z == 3\nd: \"é\\u00e9\"ééé\n";
        assert_eq!(text_start(yaml, 3..9, "x == 1"), Some(3));
        assert_eq!(text_start(yaml, 13..21, "y == 2"), Some(14));
        assert_eq!(text_start(yaml, 25..26, "z == 3\n"), Some(29));
        // Escapes: not verbatim, so the whole scalar is pointed at (and nothing panics on the
        // multi-byte text after it).
        assert_eq!(text_start(yaml, 39..51, "éé"), None);
        assert_eq!(text_start("a: |\n  é\n", 3..4, "é\n"), Some(7));
    }
}
