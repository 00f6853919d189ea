//! What a list asks for — filters, order, page, projection, count, search — and the parser of
//! its URL form, PostgREST's grammar (which Supabase's realtime filters share). `ctx.db`'s object
//! form is read by [`ListQuery::from_json`] (`query_json.rs`) into the same type.
//!
//! ```text
//! ?status=eq.published&price=not.lt.20&author=in.(1,2)&order=created_at.desc,title&limit=10
//!   ─▶ ListQuery { filter: [status = "published", NOT price < 20, author IN (1, 2)],
//!                  order: [(created_at, Desc), (title, Asc)], limit: Some(10), .. }
//! ```
//!
//! Values are typed by the column while parsing (`price=lt.abc` is a 400 naming `/query/price`),
//! so by the time SQL is built every value is a parameter of the right type. Every problem is
//! reported, not just the first.

use serde_json::Value;

use super::columns::{ColumnKind, column, is_text};
use super::error::Violation;
use super::select::Selection;
use super::spec::{FieldKind, IdKind, ResourceSpec};
use super::{time, value};

/// Rows a page holds when the request names no `limit`.
pub const DEFAULT_LIMIT: u64 = 20;
/// The largest `limit` accepted.
pub const MAX_LIMIT: u64 = 100;
/// The largest `offset` accepted: JavaScript's largest safe integer, so every client can
/// write it exactly (and PostgreSQL's `OFFSET`, a signed 64-bit integer, takes it).
pub const MAX_OFFSET: u64 = 9_007_199_254_740_991;
/// The most values an `in` list may hold (each is a parameter; engines cap those).
pub const MAX_IN_VALUES: usize = 1000;

/// A list request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// Which rows.
    pub filter: Filter,
    /// Sort keys, most significant first; `id` always breaks ties.
    pub order: Vec<(String, Direction)>,
    /// Page size ([`DEFAULT_LIMIT`] when `None`, at most [`MAX_LIMIT`]).
    pub limit: Option<u64>,
    /// Rows skipped before the page.
    pub offset: Option<u64>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// Which members of each row, and which refs to expand.
    pub select: Option<Selection>,
    /// Whether to count every matching row (`count=exact`).
    pub count: bool,
    /// Full-text search over the resource's `search` fields.
    pub search: Option<String>,
}

/// Conditions every row must meet (all of them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// The conditions, joined with AND.
    pub conditions: Vec<Condition>,
}

/// One condition on one column.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The column.
    pub field: String,
    /// The comparison.
    pub op: Op,
    /// Whether it is negated (`not.`).
    pub negated: bool,
    /// The operand, typed for the column: an array for `in`, `null`/`true`/`false` for `is`.
    pub value: Value,
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`.
    Eq,
    /// `<>`.
    Neq,
    /// `>`.
    Gt,
    /// `>=`.
    Gte,
    /// `<`.
    Lt,
    /// `<=`.
    Lte,
    /// One of a list.
    In,
    /// Case-sensitive pattern, `*` the wildcard.
    Like,
    /// Case-insensitive pattern, `*` the wildcard.
    Ilike,
    /// `IS NULL` / `IS TRUE` / `IS FALSE`.
    Is,
}

impl Op {
    /// The operator named `name` in the URL grammar.
    pub fn from_name(name: &str) -> Option<Op> {
        Some(match name {
            "eq" => Op::Eq,
            "neq" => Op::Neq,
            "gt" => Op::Gt,
            "gte" => Op::Gte,
            "lt" => Op::Lt,
            "lte" => Op::Lte,
            "in" => Op::In,
            "like" => Op::Like,
            "ilike" => Op::Ilike,
            "is" => Op::Is,
            _ => return None,
        })
    }

    /// Its name in the URL grammar.
    pub fn name(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Neq => "neq",
            Op::Gt => "gt",
            Op::Gte => "gte",
            Op::Lt => "lt",
            Op::Lte => "lte",
            Op::In => "in",
            Op::Like => "like",
            Op::Ilike => "ilike",
            Op::Is => "is",
        }
    }
}

/// A sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first; nulls last.
    Asc,
    /// Largest first; nulls first.
    Desc,
}

/// The parameter names that are not filters.
const RESERVED: [&str; 7] = [
    "select", "order", "limit", "offset", "count", "after", "search",
];

impl ListQuery {
    /// Reads a list request's query parameters; `Err` lists every problem, each under
    /// `/query/<parameter>`.
    pub fn parse(
        resource: &ResourceSpec,
        params: &[(String, String)],
    ) -> Result<ListQuery, Vec<Violation>> {
        let mut query = ListQuery::default();
        let mut violations = Vec::new();
        for (name, text) in params {
            let at = format!("/query/{name}");
            let mut problem = |message: String| violations.push(Violation::new(&at, message));
            match name.as_str() {
                "select" => match Selection::parse(resource, text) {
                    Ok(selection) => query.select = Some(selection),
                    Err(message) => problem(message),
                },
                "order" => match parse_order(resource, text) {
                    Ok(order) => query.order = order,
                    Err(message) => problem(message),
                },
                "limit" => match page_number(text, Some(MAX_LIMIT)) {
                    Ok(limit) => query.limit = Some(limit),
                    Err(message) => problem(message),
                },
                "offset" => match page_number(text, Some(MAX_OFFSET)) {
                    Ok(offset) => query.offset = Some(offset),
                    Err(message) => problem(message),
                },
                "count" if text == "exact" => query.count = true,
                "count" => problem("the only count is exact".to_owned()),
                "after" => query.after = Some(text.clone()),
                "search" if text.contains('\0') => {
                    problem(super::record::NUL_MESSAGE.to_owned());
                }
                "search" if resource.search.is_empty() => {
                    problem(format!("{} has no search fields", resource.name));
                }
                "search" => query.search = Some(text.clone()),
                _ => match parse_condition(resource, name, text) {
                    Ok(condition) => query.filter.conditions.push(condition),
                    Err(message) => problem(message),
                },
            }
        }
        if violations.is_empty() {
            Ok(query)
        } else {
            Err(violations)
        }
    }
}

/// A `limit` or `offset`: a whole number, at most `max`.
pub(crate) fn page_number(text: &str, max: Option<u64>) -> Result<u64, String> {
    let number: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a whole number, got {text:?}"))?;
    match max {
        Some(max) if number > max => Err(format!("must be at most {max}")),
        _ => Ok(number),
    }
}

/// `created_at.desc,title` ─▶ `[(created_at, Desc), (title, Asc)]`; `-created_at` also reads
/// as descending, the form `ctx.db`'s `sort` uses.
pub(crate) fn parse_order(
    resource: &ResourceSpec,
    text: &str,
) -> Result<Vec<(String, Direction)>, String> {
    let mut order = Vec::new();
    // Spaces around a key are allowed (`-a, b`); other whitespace is not, as the document says.
    for key in text.split(',').map(|key| key.trim_matches(' ')) {
        let (name, direction) = if let Some(name) = key.strip_prefix('-') {
            (name, Direction::Desc)
        } else {
            match key.split_once('.') {
                Some((name, "asc")) => (name, Direction::Asc),
                Some((name, "desc")) => (name, Direction::Desc),
                Some((_, other)) => {
                    return Err(format!("unknown direction {other:?} (asc or desc)"));
                }
                None => (key, Direction::Asc),
            }
        };
        match column(resource, name) {
            None => return Err(format!("{} has no field {name:?}", resource.name)),
            Some(column)
                if matches!(
                    column.kind,
                    ColumnKind::Field(FieldKind::Json | FieldKind::Array(_))
                ) =>
            {
                // The engines order JSON differently (text vs jsonb), so pages would disagree.
                return Err(format!("{name} holds JSON and cannot be sorted on"));
            }
            Some(_) => order.push((name.to_owned(), direction)),
        }
    }
    Ok(order)
}

/// `not.lt.20` on `price` ─▶ `NOT price < 20`.
fn parse_condition(resource: &ResourceSpec, name: &str, text: &str) -> Result<Condition, String> {
    let Some(column) = column(resource, name) else {
        return Err(if RESERVED.contains(&name) {
            format!("invalid {name}")
        } else {
            format!("{} has no field {name:?}", resource.name)
        });
    };
    let (negated, rest) = match text.strip_prefix("not.") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (op_name, operand) = rest
        .split_once('.')
        .ok_or_else(|| format!("expected operator.value, such as eq.{rest}"))?;
    let op = Op::from_name(op_name).ok_or_else(|| {
        format!("unknown operator {op_name:?} (eq neq gt gte lt lte in like ilike is)")
    })?;
    let value = match op {
        Op::In => {
            let inner = operand
                .strip_prefix('(')
                .and_then(|inner| inner.strip_suffix(')'))
                .ok_or_else(|| "expected in.(a,b,…)".to_owned())?;
            let items = split_list(inner)?
                .into_iter()
                .map(|item| Value::String(item.to_owned()))
                .collect();
            Value::Array(items)
        }
        Op::Is => match operand {
            "null" => Value::Null,
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err("is takes null, true or false".to_owned()),
        },
        _ => Value::String(operand.to_owned()),
    };
    typed_condition(column.name, column.kind, op, negated, value)
}

/// Splits `a,"b,c",d` on commas, unquoting quoted items. An item is either bare (no `"`) or
/// wholly in double quotes, where `\\` escapes the next character, as PostgREST writes them
/// (and as the document's patterns say).
fn split_list(text: &str) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    if text.is_empty() {
        return Ok(items);
    }
    let malformed = || "in.(…) items are bare or wholly in double quotes".to_owned();
    let mut chars = text.chars().peekable();
    loop {
        let mut item = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => item.push(chars.next().ok_or_else(malformed)?),
                    Some(c) => item.push(c),
                    None => return Err(malformed()),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                match c {
                    ',' => break,
                    '"' => return Err(malformed()),
                    c => item.push(c),
                }
                chars.next();
            }
        }
        items.push(item);
        match chars.next() {
            None => return Ok(items),
            Some(',') => {}
            Some(_) => return Err(malformed()),
        }
    }
}

/// Types the operand of `op` for a column of `kind`: URL text is parsed, JSON values checked.
pub(crate) fn typed_condition(
    name: &str,
    kind: ColumnKind,
    op: Op,
    negated: bool,
    operand: Value,
) -> Result<Condition, String> {
    let value = match op {
        Op::Is => match operand {
            Value::Null => Value::Null,
            Value::Bool(_) if kind == ColumnKind::Field(FieldKind::Boolean) => operand,
            Value::Bool(_) => return Err("is.true and is.false need a boolean field".to_owned()),
            _ => return Err("is takes null, true or false".to_owned()),
        },
        _ if matches!(
            kind,
            ColumnKind::Field(FieldKind::Json | FieldKind::Array(_))
        ) =>
        {
            return Err("JSON and array fields can only be filtered with is".to_owned());
        }
        Op::Like | Op::Ilike if !is_text(kind) => {
            return Err(format!("{} needs a text field", op.name()));
        }
        Op::Like | Op::Ilike => match operand {
            Value::String(text) if text.contains('\0') => {
                return Err(super::record::NUL_MESSAGE.to_owned());
            }
            Value::String(_) => operand,
            other => return Err(value::expected("string", &other)),
        },
        Op::In => match operand {
            Value::Array(items) if items.len() > MAX_IN_VALUES => {
                return Err(format!("in takes at most {MAX_IN_VALUES} values"));
            }
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|item| typed_value(kind, item))
                    .collect::<Result<_, _>>()?,
            ),
            other => return Err(value::expected("array", &other)),
        },
        _ => typed_value(kind, operand)?,
    };
    Ok(Condition {
        field: name.to_owned(),
        op,
        negated,
        value,
    })
}

/// An operand in the stored form of the column: URL text parsed (`"20"` ─▶ `20`), instants
/// made canonical.
pub(crate) fn typed_value(kind: ColumnKind, operand: Value) -> Result<Value, String> {
    if operand.is_null() {
        return Err("null is matched with is.null".to_owned());
    }
    let Value::String(text) = &operand else {
        value::to_sql(kind, &operand)?;
        return Ok(operand);
    };
    if text.contains('\0') {
        return Err(super::record::NUL_MESSAGE.to_owned());
    }
    match kind {
        // A ref holds its target's ids, so it is typed by the target's id kind.
        ColumnKind::Id(IdKind::Integer)
        | ColumnKind::Field(
            FieldKind::Integer
            | FieldKind::Ref {
                id: IdKind::Integer,
                ..
            },
        ) => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("expected integer, got {text:?}")),
        ColumnKind::Id(IdKind::Uuid)
        | ColumnKind::Field(FieldKind::Ref {
            id: IdKind::Uuid, ..
        }) => value::uuid(&operand).map(Value::String),
        ColumnKind::Field(FieldKind::Number) => match text.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(value::float(number)),
            _ => Err(format!("expected number, got {text:?}")),
        },
        ColumnKind::Field(FieldKind::Boolean) => match text.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("expected boolean, got {text:?}")),
        },
        ColumnKind::Field(FieldKind::Datetime) | ColumnKind::Timestamp => time::parse_instant(text)
            .map(|ms| Value::String(time::format_instant(ms)))
            .ok_or_else(|| format!("expected a date-time, got {text:?}")),
        ColumnKind::Field(FieldKind::Enum(values)) if !values.contains(&text.as_str()) => {
            // No row can hold another value, and the document lists these.
            Err(format!("must be one of: {}", values.join(", ")))
        }
        ColumnKind::Field(FieldKind::Date) => time::parse_date(text)
            .map(|_| operand.clone())
            .ok_or_else(|| format!("expected a date, got {text:?}")),
        _ => Ok(operand),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_unquoted_commas() {
        assert_eq!(split_list("1,2").unwrap(), ["1", "2"]);
        assert_eq!(split_list("\"a,b\",c").unwrap(), ["a,b", "c"]);
        assert_eq!(split_list("a,,\"q\\\"\"").unwrap(), ["a", "", "q\""]);
        assert!(split_list("").unwrap().is_empty());
        for malformed in ["a\"b", "\"a\"b", "\"open", "x,\"a\"\"b\""] {
            assert!(split_list(malformed).is_err(), "{malformed}");
        }
    }

    fn reference(id: IdKind) -> ColumnKind {
        ColumnKind::Field(FieldKind::Ref {
            to: "authors",
            id,
            on_delete: super::super::spec::OnDeleteKind::Restrict,
        })
    }

    #[test]
    fn a_ref_operand_is_typed_by_its_targets_ids() {
        let text = |s: &str| Value::String(s.to_owned());
        let integer = reference(IdKind::Integer);
        assert_eq!(typed_value(integer, text("7")), Ok(Value::from(7)));
        assert_eq!(
            typed_value(integer, text("x")),
            Err("expected integer, got \"x\"".to_owned())
        );
        let uuid = reference(IdKind::Uuid);
        let id = "0E4F1C2A-9B7D-4E3F-8A1B-2C3D4E5F6A7B";
        assert_eq!(typed_value(uuid, text(id)), Ok(text(&id.to_lowercase())));
        assert!(typed_value(uuid, text("7")).unwrap_err().contains("UUID"));
    }
}
