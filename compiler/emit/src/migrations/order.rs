//! The order new tables are created in: a table after the tables it refers to, otherwise in
//! blueprint order, so the output is stable.
//!
//! ```text
//! reviews → books → authors   ──▶   CREATE authors; CREATE books; CREATE reviews
//! ```
//!
//! References in a cycle (`employees.manager → employees`, or `a.b → b`, `b.a → a`) are
//! expressible when one of them is optional: SQLite accepts a reference to a table created
//! later, and PostgreSQL gets that foreign key in an `ALTER TABLE` once both tables exist
//! ([`Creation::deferred`]). A cycle of required references is refused: no first row could ever
//! be inserted.

use std::collections::BTreeSet;

use backworks_diagnostics::Diagnostic;
use backworks_ir::{FieldType, Resource, SchemaSnapshot, TableSnapshot};

use super::changes::Plan;

/// New tables in creation order, and the references that must wait until all exist.
#[derive(Debug, Default)]
pub(crate) struct Creation<'a> {
    /// The created tables, referenced ones first.
    pub order: Vec<&'a TableSnapshot>,
    /// `(table, column)` references to a table created after `table`.
    pub deferred: BTreeSet<(String, String)>,
}

/// Orders `plan.created`, and reports cycles of required references in `target`.
pub(crate) fn creation_order<'a>(
    plan: &Plan<'a>,
    target: &SchemaSnapshot,
    resources: &[Resource],
    diagnostics: &mut Vec<Diagnostic>,
) -> Creation<'a> {
    report_required_cycles(target, resources, diagnostics);

    let created: Vec<&str> = plan
        .created
        .iter()
        .map(|table| table.name.as_str())
        .collect();
    let mut placed: Vec<&'a TableSnapshot> = Vec::new();
    let mut remaining: Vec<&'a TableSnapshot> = plan.created.clone();
    while !remaining.is_empty() {
        let ready = remaining.iter().position(|table| {
            references(table).all(|(_, to, _)| {
                to == table.name
                    || !created.contains(&to)
                    || placed.iter().any(|done| done.name == to)
            })
        });
        // In a cycle nothing is ready: take the first in blueprint order; its forward
        // references are deferred below.
        placed.push(remaining.remove(ready.unwrap_or(0)));
    }
    let mut deferred = BTreeSet::new();
    for (position, table) in placed.iter().enumerate() {
        for (column, to, _) in references(table) {
            let later = placed[position + 1..].iter().any(|next| next.name == to);
            if later {
                deferred.insert((table.name.clone(), column.to_string()));
            }
        }
    }
    Creation {
        order: placed,
        deferred,
    }
}

/// A table's references: `(column, referenced table, required)`.
pub(crate) fn references(table: &TableSnapshot) -> impl Iterator<Item = (&str, &str, bool)> {
    table
        .columns
        .iter()
        .filter_map(|column| match &column.kind {
            FieldType::Ref { to, .. } => Some((column.name.as_str(), to.as_str(), column.required)),
            _ => None,
        })
}

/// Reports each table caught in a cycle of required references, once.
fn report_required_cycles(
    target: &SchemaSnapshot,
    resources: &[Resource],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // Peel off tables that need no required reference to a table still in the set, and
    // tables no table in the set requires; what is left sits on a cycle.
    let mut left: Vec<&TableSnapshot> = target.tables.iter().collect();
    loop {
        let before = left.len();
        let names: Vec<String> = left.iter().map(|table| table.name.clone()).collect();
        left.retain(|table| {
            references(table).any(|(_, to, required)| required && names.iter().any(|n| n == to))
        });
        let kept = left.clone();
        left.retain(|table| {
            kept.iter().any(|other| {
                references(other).any(|(_, to, required)| required && to == table.name)
            })
        });
        if left.len() == before {
            break;
        }
    }
    for table in left {
        let Some(resource) = resources.iter().find(|r| r.name == table.name) else {
            continue;
        };
        let path: Vec<String> = references(table)
            .filter(|(_, _, required)| *required)
            .map(|(column, to, _)| format!("`{}.{column}` → `{to}`", table.name))
            .collect();
        diagnostics.push(
            Diagnostic::error(
                "migration-reference-cycle",
                format!(
                    "`{}` is in a cycle of required references ({}): no first row could ever be inserted",
                    table.name,
                    path.join(", ")
                ),
            )
            .with_label(resource.span, "declared here")
            .with_help("make one reference of the cycle optional (drop `required: true`)"),
        );
    }
}
