//! The blueprint's resources reduced to what the database holds: tables, column types,
//! `NOT NULL`, unique and declared indexes, search fields. Descriptions, defaults and
//! validation constraints are the server's business and need no migration.
//!
//! ```text
//! Resource { name: "books", fields: [title: string required maxLength 200] }
//!   ──▶ TableSnapshot { name: "books", columns: [ColumnSnapshot { title, string, required }] }
//! ```

use backworks_ir::{ColumnSnapshot, Resource, SchemaSnapshot, TableSnapshot};

/// The schema the blueprint asks for (version 0: the planner numbers it).
pub fn target_snapshot(resources: &[Resource]) -> SchemaSnapshot {
    SchemaSnapshot {
        version: 0,
        tables: resources.iter().map(table).collect(),
    }
}

fn table(resource: &Resource) -> TableSnapshot {
    TableSnapshot {
        name: resource.name.clone(),
        id: resource.id,
        timestamps: resource.timestamps,
        columns: resource
            .fields
            .iter()
            .map(|field| ColumnSnapshot {
                name: field.name.clone(),
                kind: field.kind.clone(),
                required: field.required,
                unique: field.unique,
            })
            .collect(),
        indexes: resource.indexes.clone(),
        search: resource.search.clone(),
    }
}
