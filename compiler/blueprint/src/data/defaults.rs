//! A field's `default:` → [`FieldDefault`], checked against the field it belongs to.
//!
//! A plain `now` on a `datetime`/`date` field is the current instant, a plain `uuid` on a
//! `string` field a fresh UUID and a plain `user.id` on a `string`, `text` or `ref` field the
//! calling user's id; quoted, they are the texts themselves. Any other default is a
//! literal the field's own rules must accept.
//!
//! ```text
//! published_at: { type: datetime, default: now }  ──▶  FieldDefault::Now
//! status: { type: enum, values: [a, b], default: c }  ──▶  error[invalid-default]: must be one of `a`, `b`, not `c`
//! ```

use backworks_ir::{Constraints, FieldDefault, FieldType, IdStrategy};

use super::DataChecker;
use super::values::ValueRules;
use crate::diagnostics::data as diagnostics;
use crate::yaml::{Node, NodeKind, ScalarStyle};

/// The lowered default of field `field`, written at `node` (the `default:` value) as `value`.
pub fn lower_default(
    checker: &mut DataChecker,
    field: &str,
    kind: &FieldType,
    constraints: &Constraints,
    ref_id: Option<IdStrategy>,
    value: &serde_json::Value,
    node: &Node,
) -> Option<FieldDefault> {
    if let NodeKind::Scalar {
        text,
        style: ScalarStyle::Plain,
    } = &node.kind
        && text == "user.id"
    {
        return caller_default(checker, field, kind, node);
    }
    let keyword = match &node.kind {
        NodeKind::Scalar {
            text,
            style: ScalarStyle::Plain,
        } if text == "now" || text == "uuid" => Some(text.as_str()),
        _ => None,
    };
    let type_name = super::fields::type_name(kind);
    let problem = match (keyword, kind) {
        (Some("now"), FieldType::Datetime | FieldType::Date) => return Some(FieldDefault::Now),
        (Some("uuid"), FieldType::String | FieldType::Text) => {
            return Some(FieldDefault::Uuid);
        }
        // An enum may well have a value called `now`.
        (Some(word), FieldType::Enum { values }) if values.iter().any(|v| v == word) => None,
        (Some(word), _) => {
            let (meaning, takers) = if word == "now" {
                ("the current instant", "`datetime` and `date` fields")
            } else {
                ("a fresh UUID", "`string` and `text` fields")
            };
            let help = if matches!(kind, FieldType::String | FieldType::Text) {
                format!("to default to the text `{word}`, quote it: `default: \"{word}\"`")
            } else {
                let value = crate::diagnostics::article(&format!("`{type_name}`"));
                format!("give {value} value, or remove the default")
            };
            Some((
                format!("is `{word}`, {meaning}, which only {takers} take"),
                help,
            ))
        }
        (None, _) => None,
    };
    let problem = problem.or_else(|| {
        let rules = ValueRules::new(kind, constraints, ref_id);
        rules.violations(value).into_iter().next().map(|violation| {
            (
                violation,
                "change the default, or the field's type or constraints".to_string(),
            )
        })
    });
    match problem {
        Some((problem, help)) => {
            checker.diagnostics.push(diagnostics::invalid_default(
                checker.source,
                node.span.clone(),
                field,
                &problem,
                &help,
            ));
            None
        }
        None => Some(FieldDefault::Value(value.clone())),
    }
}

/// `default: user.id`: the caller's id, for fields that can hold it, in a service that has
/// callers.
fn caller_default(
    checker: &mut DataChecker,
    field: &str,
    kind: &FieldType,
    node: &Node,
) -> Option<FieldDefault> {
    let problem = if !matches!(
        kind,
        FieldType::String | FieldType::Text | FieldType::Ref { .. }
    ) {
        Some((
            format!(
                "a caller's id is text, and this is {} field",
                crate::diagnostics::article(&format!("`{}`", super::fields::type_name(kind)))
            ),
            "give `default: user.id` to a `string` or `ref` field".to_string(),
        ))
    } else if !checker.auth {
        Some((
            "the service declares no `auth:`, so there is never a caller".to_string(),
            "declare `auth:`, or remove the default".to_string(),
        ))
    } else {
        None
    };
    match problem {
        Some((problem, help)) => {
            checker
                .diagnostics
                .push(crate::diagnostics::rules::caller_default(
                    checker.source,
                    node.span.clone(),
                    field,
                    &problem,
                    &help,
                ));
            None
        }
        None => Some(FieldDefault::CallerId),
    }
}
