//! What changed between the last schema snapshot and the blueprint, table by table and
//! column by column, and whether each change is safe.
//!
//! A change that would lose data — a dropped resource or field, a narrowed type, a column made
//! required without a default — is refused with a diagnostic at the blueprint node, unless
//! `database.allow_data_loss` names it (`books`, `books.isbn`):
//!
//! ```text
//! price: number ──▶ price: integer   refused: "changing `books.price` from number to integer
//!                                     would discard its values"; allowed: the column is
//!                                     dropped and added again (empty, or filled by its default)
//! price: integer ──▶ price: number   widened: every integer is a number
//! ```

use backworks_diagnostics::{Diagnostic, Span};
use backworks_ir::{
    ColumnSnapshot, Database, FieldDefault, FieldType, Resource, ScalarType, SchemaSnapshot,
    Service, TableSnapshot,
};

/// Every change, grouped as the engines write them.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    /// Tables the blueprint adds, in blueprint order.
    pub created: Vec<&'a TableSnapshot>,
    /// Tables present before and after whose shape changed.
    pub altered: Vec<Alteration<'a>>,
    /// Tables the blueprint no longer has (dropping them is allowed).
    pub dropped: Vec<&'a TableSnapshot>,
    /// The schema after the migration (to look up referenced tables' id types).
    pub target: &'a SchemaSnapshot,
}

/// One table's change.
#[derive(Debug)]
pub(crate) struct Alteration<'a> {
    /// The table as it was.
    pub old: &'a TableSnapshot,
    /// The table as the blueprint wants it.
    pub new: &'a TableSnapshot,
    /// Column changes, dropped columns first, then the blueprint's columns in order.
    pub columns: Vec<ColumnChange<'a>>,
    /// `Some(true)` when `created_at`/`updated_at` are added, `Some(false)` when dropped.
    pub timestamps: Option<bool>,
}

impl Alteration<'_> {
    /// Whether the database sees the change (not only `schema.json`: an enum that gained a
    /// value, `string` → `text`).
    pub(crate) fn changes_storage(&self) -> bool {
        self.timestamps.is_some()
            || self.old.search != self.new.search
            || super::ddl::indexes(self.old) != super::ddl::indexes(self.new)
            || self.columns.iter().any(|change| {
                !matches!(
                    change,
                    ColumnChange::Kept {
                        retype: Retype::Same,
                        nullability: Nullability::Same,
                        ..
                    }
                )
            })
    }
}

/// One column's change.
#[derive(Debug)]
pub(crate) enum ColumnChange<'a> {
    /// A new column; `fill` is what existing rows get when it is required.
    Add {
        column: &'a ColumnSnapshot,
        fill: Option<Fill>,
    },
    /// A removed column (allowed).
    Drop { column: &'a ColumnSnapshot },
    /// A column in both, changed in type and/or nullability.
    Kept {
        old: &'a ColumnSnapshot,
        new: &'a ColumnSnapshot,
        retype: Retype,
        nullability: Nullability,
    },
}

/// How a kept column's type changes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Retype {
    /// No change in either engine (same type, or e.g. `string` → `text`, an enum that gained
    /// values: the column is `TEXT` either way).
    Same,
    /// Every old value fits the new, wider column (`integer` → `number`).
    Widen,
    /// A reference whose `on_delete` changed: the foreign key is replaced.
    ForeignKey,
    /// Narrowed with data loss allowed: the column is dropped and added again; `fill` is what
    /// existing rows get when it is required.
    Replace { fill: Option<Fill> },
}

/// How a kept column's `NOT NULL` changes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Nullability {
    /// Unchanged.
    Same,
    /// Required → optional.
    Relax,
    /// Optional → required; rows holding `null` get `fill`.
    RequireFilled(Fill),
    /// Optional → required with data loss allowed: rows holding `null` are deleted.
    RequireDeletingNulls,
}

/// A value existing rows get for a column that becomes required: the field's default.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fill {
    /// A literal JSON value.
    Literal(serde_json::Value),
    /// The migration's instant (for `datetime`, and the date of it for `date`).
    Now,
    /// A fresh UUID per row.
    Uuid,
}

/// Compares `previous` with `target`; refused changes go to `diagnostics`.
pub(crate) fn compare<'a>(
    previous: &'a SchemaSnapshot,
    target: &'a SchemaSnapshot,
    service: &'a Service,
    database: &Database,
    diagnostics: &mut Vec<Diagnostic>,
) -> Plan<'a> {
    let allowed = |name: &str| database.allow_data_loss.iter().any(|entry| entry == name);
    let mut plan = Plan {
        created: Vec::new(),
        altered: Vec::new(),
        dropped: Vec::new(),
        target,
    };
    for old in &previous.tables {
        if target.tables.iter().any(|table| table.name == old.name) {
            continue;
        }
        if allowed(&old.name) {
            plan.dropped.push(old);
        } else {
            diagnostics.push(
                Diagnostic::error(
                    "migration-data-loss",
                    format!(
                        "removing resource `{}` would drop its table and every row in it",
                        old.name
                    ),
                )
                .with_label(database.span, "the database the table is in")
                .with_help(format!(
                    "if that is intended, add `{}` to `database.allow_data_loss`; otherwise restore the resource",
                    old.name
                )),
            );
        }
    }
    for new in &target.tables {
        let resource = service
            .resources
            .iter()
            .find(|resource| resource.name == new.name);
        let Some(resource) = resource else { continue };
        match previous.tables.iter().find(|table| table.name == new.name) {
            None => plan.created.push(new),
            Some(old) if old == new => {}
            Some(old) => {
                if let Some(alteration) = alter(old, new, resource, &allowed, diagnostics) {
                    plan.altered.push(alteration);
                }
            }
        }
    }
    plan
}

fn alter<'a>(
    old: &'a TableSnapshot,
    new: &'a TableSnapshot,
    resource: &Resource,
    allowed: &dyn Fn(&str) -> bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Alteration<'a>> {
    if old.id != new.id {
        diagnostics.push(
            Diagnostic::error(
                "migration-id-change",
                format!(
                    "the ids of `{}` cannot change from {} to {}: existing rows and references hold the old ids",
                    new.name,
                    id_name(old.id),
                    id_name(new.id)
                ),
            )
            .with_label(resource.span, "declared here")
            .with_help("keep the id strategy, or declare a new resource and move the data"),
        );
        return None;
    }
    let mut columns = Vec::new();
    for column in &old.columns {
        if new.columns.iter().any(|kept| kept.name == column.name) {
            continue;
        }
        let qualified = format!("{}.{}", old.name, column.name);
        if allowed(&qualified) {
            columns.push(ColumnChange::Drop { column });
        } else {
            diagnostics.push(lost_column(
                &qualified,
                resource.span,
                "removing field",
                "would drop its column and the values in it",
            ));
        }
    }
    for column in &new.columns {
        let field = resource
            .fields
            .iter()
            .find(|field| field.name == column.name);
        let (span, default) = field.map_or((resource.span, None), |field| {
            (field.span, field.default.as_ref())
        });
        let qualified = format!("{}.{}", new.name, column.name);
        // Only a required column needs a value in existing rows; an optional one starts null.
        let fill = default.and_then(fill_of).filter(|_| column.required);
        let Some(previous) = old.columns.iter().find(|kept| kept.name == column.name) else {
            if column.required && fill.is_none() {
                diagnostics.push(required_without_default(&qualified, span));
            }
            columns.push(ColumnChange::Add { column, fill });
            continue;
        };
        if previous == column {
            continue;
        }
        let retype = match retype(&previous.kind, &column.kind) {
            Some(retype) => retype,
            None if allowed(&qualified) => {
                if column.required && fill.is_none() {
                    diagnostics.push(required_without_default(&qualified, span));
                }
                Retype::Replace { fill: fill.clone() }
            }
            None => {
                diagnostics.push(lost_column(
                    &qualified,
                    span,
                    "changing",
                    &format!(
                        "from {} to {} would discard the values the new type cannot hold (its column is recreated)",
                        type_name(&previous.kind),
                        type_name(&column.kind)
                    ),
                ));
                continue;
            }
        };
        let nullability = match (previous.required, column.required) {
            _ if matches!(retype, Retype::Replace { .. }) => Nullability::Same,
            (true, false) => Nullability::Relax,
            (false, true) => match fill {
                Some(fill) => Nullability::RequireFilled(fill),
                None if allowed(&qualified) => Nullability::RequireDeletingNulls,
                None => {
                    diagnostics.push(
                        Diagnostic::error(
                            "migration-data-loss",
                            format!(
                                "making `{qualified}` required needs a value for the rows where it is null"
                            ),
                        )
                        .with_label(span, "now required, without a default")
                        .with_help(format!(
                            "give the field a `default` for those rows, or add `{qualified}` to `database.allow_data_loss` to delete them"
                        )),
                    );
                    Nullability::Same
                }
            },
            _ => Nullability::Same,
        };
        columns.push(ColumnChange::Kept {
            old: previous,
            new: column,
            retype,
            nullability,
        });
    }
    let timestamps = match (old.timestamps, new.timestamps) {
        (false, true) => Some(true),
        (true, false) => {
            let names = [
                format!("{}.created_at", new.name),
                format!("{}.updated_at", new.name),
            ];
            if names.iter().all(|name| allowed(name)) {
                Some(false)
            } else {
                diagnostics.push(
                    Diagnostic::error(
                        "migration-data-loss",
                        format!(
                            "turning off timestamps of `{}` would drop `created_at` and `updated_at` and the values in them",
                            new.name
                        ),
                    )
                    .with_label(resource.span, "declared here")
                    .with_help(format!(
                        "if that is intended, add `{}` and `{}` to `database.allow_data_loss`",
                        names[0], names[1]
                    )),
                );
                None
            }
        }
        _ => None,
    };
    Some(Alteration {
        old,
        new,
        columns,
        timestamps,
    })
}

/// How `old` becomes `new` without losing a value, or `None` when it cannot.
fn retype(old: &FieldType, new: &FieldType) -> Option<Retype> {
    use FieldType as T;
    let text = |kind: &FieldType| matches!(kind, T::String | T::Text);
    match (old, new) {
        _ if old == new => Some(Retype::Same),
        (a, b) if text(a) && text(b) => Some(Retype::Same),
        (T::Enum { .. }, b) if text(b) => Some(Retype::Same),
        (T::Enum { values: old }, T::Enum { values: new })
            if old.iter().all(|value| new.contains(value)) =>
        {
            Some(Retype::Same)
        }
        (T::Integer, T::Number) => Some(Retype::Widen),
        (
            T::Array {
                items: ScalarType::Integer,
            },
            T::Array {
                items: ScalarType::Number,
            },
        ) => Some(Retype::Same),
        (T::Array { .. }, T::Json) => Some(Retype::Same),
        (T::Ref { to: a, .. }, T::Ref { to: b, .. }) if a == b => Some(Retype::ForeignKey),
        _ => None,
    }
}

/// The value rows get from a field's default (`None` for a `null` default).
fn fill_of(default: &FieldDefault) -> Option<Fill> {
    match default {
        FieldDefault::Value(serde_json::Value::Null) => None,
        FieldDefault::Value(value) => Some(Fill::Literal(value.clone())),
        FieldDefault::Now => Some(Fill::Now),
        FieldDefault::Uuid => Some(Fill::Uuid),
        // Existing rows have no caller to take an id from.
        FieldDefault::CallerId => None,
    }
}

fn lost_column(qualified: &str, span: Span, what: &str, consequence: &str) -> Diagnostic {
    Diagnostic::error(
        "migration-data-loss",
        format!("{what} `{qualified}` {consequence}"),
    )
    .with_label(span, "changed here")
    .with_help(format!(
        "if that is intended, add `{qualified}` to `database.allow_data_loss`; otherwise keep the field as it was"
    ))
}

fn required_without_default(qualified: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        "migration-required-without-default",
        format!(
            "the new required field `{qualified}` has no value for the rows already in the table"
        ),
    )
    .with_label(span, "required, without a default")
    .with_help("give it a `default` (existing rows get it), or make it optional")
}

fn id_name(id: backworks_ir::IdStrategy) -> &'static str {
    match id {
        backworks_ir::IdStrategy::Integer => "integer",
        backworks_ir::IdStrategy::Uuid => "uuid",
    }
}

/// A type as the blueprint writes it, for messages.
pub(crate) fn type_name(kind: &FieldType) -> String {
    match kind {
        FieldType::String => "string".into(),
        FieldType::Text => "text".into(),
        FieldType::Integer => "integer".into(),
        FieldType::Number => "number".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Datetime => "datetime".into(),
        FieldType::Date => "date".into(),
        FieldType::Json => "json".into(),
        FieldType::Enum { values } => format!("enum [{}]", values.join(", ")),
        FieldType::Array { items } => format!(
            "array of {}",
            match items {
                ScalarType::String => "string",
                ScalarType::Integer => "integer",
                ScalarType::Number => "number",
                ScalarType::Boolean => "boolean",
            }
        ),
        FieldType::Ref { to, .. } => format!("ref to {to}"),
    }
}
