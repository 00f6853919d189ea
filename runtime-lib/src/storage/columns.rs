//! A resource's columns as the storage layer reads and writes them: `id`, the declared fields,
//! then `created_at` and `updated_at` when the resource keeps timestamps. Every `SELECT` names
//! this list, so rows always come back in the same order on both engines.
//!
//! ```text
//! books { fields: [title, author] , timestamps } ─▶ [id, title, author, created_at, updated_at]
//! ```

use super::spec::{DataSpec, FieldKind, IdKind, ResourceSpec};

/// How a column's values are typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ColumnKind {
    /// The primary key.
    Id(IdKind),
    /// A declared field.
    Field(FieldKind),
    /// `created_at` or `updated_at`.
    Timestamp,
}

/// One column of a resource's table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// The column's (and JSON member's) name.
    pub(crate) name: &'static str,
    /// Its type.
    pub(crate) kind: ColumnKind,
}

/// The server-managed timestamp columns.
pub(crate) const CREATED_AT: &str = "created_at";
/// See [`CREATED_AT`].
pub(crate) const UPDATED_AT: &str = "updated_at";

/// Every column of `resource`, in table order.
pub(crate) fn columns(resource: &ResourceSpec) -> Vec<Column> {
    let mut columns = vec![Column {
        name: "id",
        kind: ColumnKind::Id(resource.id),
    }];
    columns.extend(resource.fields.iter().map(|field| Column {
        name: field.name,
        kind: ColumnKind::Field(field.kind),
    }));
    if resource.timestamps {
        for name in [CREATED_AT, UPDATED_AT] {
            columns.push(Column {
                name,
                kind: ColumnKind::Timestamp,
            });
        }
    }
    columns
}

/// The column named `name`, if `resource` has one.
pub(crate) fn column(resource: &ResourceSpec, name: &str) -> Option<Column> {
    columns(resource)
        .into_iter()
        .find(|column| column.name == name)
}

/// The resource named `name`.
pub(crate) fn resource(data: &'static DataSpec, name: &str) -> Option<&'static ResourceSpec> {
    data.resources.iter().find(|resource| resource.name == name)
}

/// Whether a column holds text that `like`/`ilike` and search can read.
pub(crate) fn is_text(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::Field(FieldKind::String | FieldKind::Text | FieldKind::Enum(_))
    )
}
