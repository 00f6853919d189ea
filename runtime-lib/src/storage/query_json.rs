//! `ctx.db`'s object form of a list request, read into the same [`ListQuery`] the URL grammar
//! produces, so both behave identically.
//!
//! ```text
//! { where: { status: "published", price: { lt: 20 }, author: { in: [1, 2] },
//!            title: { ilike: "*rust*" }, published_at: null, stock: { not: { gt: 5 } } },
//!   sort: ["-created_at", "title"], limit: 10, after, select: "id,author(name)", count: true,
//!   search: "ownership" }
//! ```
//!
//! A bare value means `eq`, `null` means `is null`; an object holds operators by name, and
//! `not` holds operators to negate. Violations point into the object (`/where/price/lt`).

use serde_json::Value;

use super::columns::column;
use super::error::Violation;
use super::query::{ListQuery, MAX_LIMIT, MAX_OFFSET, Op, parse_order, typed_condition};
use super::select::Selection;
use super::spec::ResourceSpec;

impl ListQuery {
    /// Reads `ctx.db`'s list options; `Err` lists every problem.
    pub fn from_json(
        resource: &ResourceSpec,
        options: &Value,
    ) -> Result<ListQuery, Vec<Violation>> {
        let mut query = ListQuery::default();
        let mut violations = Vec::new();
        let members = match options {
            Value::Null => return Ok(query),
            Value::Object(members) => members,
            _ => {
                return Err(vec![Violation::new(
                    "",
                    "expected an object of list options",
                )]);
            }
        };
        for (name, option) in members {
            let at = format!("/{name}");
            let mut problem = |message: String| violations.push(Violation::new(&at, message));
            match (name.as_str(), option) {
                ("where", _) => read_where(resource, option, &mut query, &mut violations),
                ("sort" | "order", Value::String(text)) => match parse_order(resource, text) {
                    Ok(order) => query.order = order,
                    Err(message) => problem(message),
                },
                ("sort" | "order", Value::Array(keys)) => {
                    let texts: Option<Vec<&str>> = keys.iter().map(Value::as_str).collect();
                    match texts.map(|texts| parse_order(resource, &texts.join(","))) {
                        Some(Ok(order)) => query.order = order,
                        Some(Err(message)) => problem(message),
                        None => problem("expected an array of field names".to_owned()),
                    }
                }
                ("limit", _) => match whole(option) {
                    Some(limit) if limit <= MAX_LIMIT => query.limit = Some(limit),
                    Some(_) => problem(format!("must be at most {MAX_LIMIT}")),
                    None => problem("expected a whole number".to_owned()),
                },
                ("offset", _) => match whole(option) {
                    Some(offset) if offset <= MAX_OFFSET => query.offset = Some(offset),
                    Some(_) => problem(format!("must be at most {MAX_OFFSET}")),
                    None => problem("expected a whole number".to_owned()),
                },
                ("after", Value::String(cursor)) => query.after = Some(cursor.clone()),
                ("after", Value::Null) => {}
                ("select", Value::String(text)) => match Selection::parse(resource, text) {
                    Ok(selection) => query.select = Some(selection),
                    Err(message) => problem(message),
                },
                ("select", Value::Array(names)) => {
                    let texts: Option<Vec<&str>> = names.iter().map(Value::as_str).collect();
                    match texts.map(|texts| Selection::parse(resource, &texts.join(","))) {
                        Some(Ok(selection)) => query.select = Some(selection),
                        Some(Err(message)) => problem(message),
                        None => problem("expected an array of field names".to_owned()),
                    }
                }
                ("count", Value::Bool(count)) => query.count = *count,
                ("count", Value::String(text)) if text == "exact" => query.count = true,
                ("search", Value::String(text)) if text.contains('\0') => {
                    problem(super::record::NUL_MESSAGE.to_owned());
                }
                ("search", Value::String(text)) if !resource.search.is_empty() => {
                    query.search = Some(text.clone());
                }
                ("search", Value::String(_)) => {
                    problem(format!("{} has no search fields", resource.name));
                }
                ("sort" | "order" | "after" | "select" | "count" | "search", _) => {
                    problem("has the wrong type".to_owned());
                }
                _ => problem("unknown list option".to_owned()),
            }
        }
        if violations.is_empty() {
            Ok(query)
        } else {
            Err(violations)
        }
    }
}

fn whole(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
    })
}

fn read_where(
    resource: &ResourceSpec,
    conditions: &Value,
    query: &mut ListQuery,
    out: &mut Vec<Violation>,
) {
    let Value::Object(fields) = conditions else {
        out.push(Violation::new("/where", "expected an object of conditions"));
        return;
    };
    for (name, condition) in fields {
        let at = format!("/where/{name}");
        let Some(column) = column(resource, name) else {
            out.push(Violation::new(
                at,
                format!("{} has no field {name:?}", resource.name),
            ));
            continue;
        };
        // Operators are gathered first, then typed, so unknown ones are reported alongside.
        let mut pending: Vec<(Op, bool, &Value, String)> = Vec::new();
        match condition {
            Value::Null => pending.push((Op::Is, false, &Value::Null, at)),
            Value::Object(ops) => {
                for (op_name, operand) in ops {
                    let (negated, ops_here, base) = match (op_name.as_str(), operand) {
                        ("not", Value::Object(negated)) => (true, negated, format!("{at}/not")),
                        ("not", _) => {
                            out.push(Violation::new(
                                format!("{at}/not"),
                                "expected an object of operators",
                            ));
                            continue;
                        }
                        _ => {
                            let at = format!("{at}/{op_name}");
                            match Op::from_name(op_name) {
                                Some(op) => pending.push((op, false, operand, at)),
                                None => out.push(Violation::new(at, "unknown operator")),
                            }
                            continue;
                        }
                    };
                    for (op_name, operand) in ops_here {
                        let at = format!("{base}/{op_name}");
                        match Op::from_name(op_name) {
                            Some(op) => pending.push((op, negated, operand, at)),
                            None => out.push(Violation::new(at, "unknown operator")),
                        }
                    }
                }
            }
            operand => pending.push((Op::Eq, false, operand, at)),
        }
        for (op, negated, operand, at) in pending {
            match typed_condition(column.name, column.kind, op, negated, operand.clone()) {
                Ok(condition) => query.filter.conditions.push(condition),
                Err(message) => out.push(Violation::new(at, message)),
            }
        }
    }
}
