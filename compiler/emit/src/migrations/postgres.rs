//! A plan's statements for PostgreSQL, which alters tables in place.
//!
//! ```text
//! isbn added (optional)         ALTER TABLE "books" ADD COLUMN "isbn" TEXT
//! stock added (required, 0)     ALTER TABLE "books" ADD COLUMN "stock" BIGINT NOT NULL DEFAULT 0;
//!                               ALTER TABLE "books" ALTER COLUMN "stock" DROP DEFAULT
//! price integer → number        ALTER TABLE "books" ALTER COLUMN "price" TYPE DOUBLE PRECISION
//! ```
//!
//! A `DEFAULT` only fills the rows already there and is dropped at once: the server, not the
//! database, applies the blueprint's defaults, so the two can never disagree.

use backworks_ir::{ColumnSnapshot, FieldType, SchemaSnapshot, TableSnapshot};

use super::changes::{Alteration, ColumnChange, Fill, Nullability, Plan, Retype};
use super::ddl::{
    Engine, column_definition, column_type, create_index, fill_sql, foreign_key_name, id_column,
    indexes, quote, references_clause, timestamp_columns,
};
use super::order::Creation;
use super::search;

const ENGINE: Engine = Engine::Postgres;

/// Every statement of the migration, without the final `;`.
pub(crate) fn statements(plan: &Plan, creation: &Creation) -> Vec<String> {
    let mut out = Vec::new();
    for table in &creation.order {
        out.push(create_table(table, creation, plan.target));
        out.extend(
            indexes(table)
                .iter()
                .map(|index| create_index(&table.name, index)),
        );
        if !table.search.is_empty() {
            out.push(search::postgres_create(table));
        }
    }
    // References to tables created after their own table, now that both exist.
    for table in &creation.order {
        for column in &table.columns {
            if creation
                .deferred
                .contains(&(table.name.clone(), column.name.clone()))
            {
                out.push(add_foreign_key(&table.name, column));
            }
        }
    }
    for alteration in &plan.altered {
        alter(alteration, plan.target, &mut out);
    }
    if !plan.dropped.is_empty() {
        // One statement, so references among the dropped tables need no ordering.
        let names: Vec<String> = plan.dropped.iter().map(|t| quote(&t.name)).collect();
        out.push(format!("DROP TABLE {}", names.join(", ")));
    }
    out
}

fn create_table(table: &TableSnapshot, creation: &Creation, target: &SchemaSnapshot) -> String {
    let mut columns = vec![id_column(ENGINE, table.id)];
    columns.extend(table.columns.iter().map(|column| {
        let deferred = creation
            .deferred
            .contains(&(table.name.clone(), column.name.clone()));
        column_definition(ENGINE, &table.name, column, target, None, !deferred)
    }));
    if table.timestamps {
        columns.extend(timestamp_columns(ENGINE));
    }
    format!(
        "CREATE TABLE {} (\n  {}\n)",
        quote(&table.name),
        columns.join(",\n  ")
    )
}

fn add_foreign_key(table: &str, column: &ColumnSnapshot) -> String {
    format!(
        "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) {}",
        quote(table),
        quote(&foreign_key_name(table, &column.name)),
        quote(&column.name),
        references_clause(&column.kind).unwrap_or_default()
    )
}

fn alter(alteration: &Alteration, target: &SchemaSnapshot, out: &mut Vec<String>) {
    let (old, new) = (alteration.old, alteration.new);
    let table = quote(&new.name);
    // Columns whose values are dropped: indexes over them vanish with them.
    let recreated: Vec<&str> = alteration
        .columns
        .iter()
        .filter_map(|change| match change {
            ColumnChange::Drop { column } => Some(column.name.as_str()),
            ColumnChange::Kept {
                old,
                retype: Retype::Replace { .. },
                ..
            } => Some(old.name.as_str()),
            _ => None,
        })
        .collect();
    let touches = |columns: &[String]| columns.iter().any(|c| recreated.contains(&c.as_str()));
    let search_changed = old.search != new.search || touches(&new.search);
    if search_changed && !old.search.is_empty() {
        out.push(format!(
            "DROP INDEX IF EXISTS {}",
            search::postgres_index_name(&old.name)
        ));
    }
    let before = indexes(old);
    let after = indexes(new);
    for index in before.iter().filter(|index| !after.contains(index)) {
        out.push(format!("DROP INDEX IF EXISTS {}", quote(&index.name)));
    }

    for change in &alteration.columns {
        match change {
            ColumnChange::Drop { column } => {
                out.push(format!(
                    "ALTER TABLE {table} DROP COLUMN {}",
                    quote(&column.name)
                ));
            }
            ColumnChange::Add { column, fill } => {
                add_column(&new.name, column, fill.as_ref(), target, out);
            }
            ColumnChange::Kept {
                old: previous,
                new: column,
                retype,
                nullability,
            } => {
                let name = quote(&column.name);
                match retype {
                    Retype::Same => {}
                    Retype::Widen => out.push(format!(
                        "ALTER TABLE {table} ALTER COLUMN {name} TYPE {}",
                        column_type(ENGINE, &column.kind, target)
                    )),
                    Retype::ForeignKey => {
                        out.push(format!(
                            "ALTER TABLE {table} DROP CONSTRAINT {}",
                            quote(&foreign_key_name(&new.name, &column.name))
                        ));
                        out.push(add_foreign_key(&new.name, column));
                    }
                    Retype::Replace { fill } => {
                        out.push(format!(
                            "ALTER TABLE {table} DROP COLUMN {}",
                            quote(&previous.name)
                        ));
                        add_column(&new.name, column, fill.as_ref(), target, out);
                    }
                }
                match nullability {
                    Nullability::Same => {}
                    Nullability::Relax => out.push(format!(
                        "ALTER TABLE {table} ALTER COLUMN {name} DROP NOT NULL"
                    )),
                    Nullability::RequireFilled(fill) => {
                        out.push(format!(
                            "UPDATE {table} SET {name} = {} WHERE {name} IS NULL",
                            fill_sql(ENGINE, fill, &column.kind)
                        ));
                        out.push(format!(
                            "ALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL"
                        ));
                    }
                    Nullability::RequireDeletingNulls => {
                        out.push(format!("DELETE FROM {table} WHERE {name} IS NULL"));
                        out.push(format!(
                            "ALTER TABLE {table} ALTER COLUMN {name} SET NOT NULL"
                        ));
                    }
                }
            }
        }
    }
    match alteration.timestamps {
        Some(true) => {
            for definition in timestamp_columns(ENGINE) {
                out.push(format!(
                    "ALTER TABLE {table} ADD COLUMN {definition} DEFAULT {}",
                    fill_sql(ENGINE, &Fill::Now, &FieldType::Datetime)
                ));
            }
            for stamp in ["created_at", "updated_at"] {
                out.push(format!(
                    "ALTER TABLE {table} ALTER COLUMN {} DROP DEFAULT",
                    quote(stamp)
                ));
            }
        }
        Some(false) => {
            out.push(format!(
                "ALTER TABLE {table} DROP COLUMN \"created_at\", DROP COLUMN \"updated_at\""
            ));
        }
        None => {}
    }

    for index in after
        .iter()
        .filter(|index| !before.contains(index) || touches(&index.columns))
    {
        out.push(create_index(&new.name, index));
    }
    if search_changed && !new.search.is_empty() {
        out.push(search::postgres_create(new));
    }
}

/// `ADD COLUMN`, filling existing rows through a `DEFAULT` dropped right after.
fn add_column(
    table: &str,
    column: &ColumnSnapshot,
    fill: Option<&Fill>,
    target: &SchemaSnapshot,
    out: &mut Vec<String>,
) {
    // Only a required column needs a value in existing rows; an optional one starts null.
    let fill = fill.filter(|_| column.required);
    let default = fill.map(|fill| fill_sql(ENGINE, fill, &column.kind));
    out.push(format!(
        "ALTER TABLE {} ADD COLUMN {}",
        quote(table),
        column_definition(ENGINE, table, column, target, default.as_deref(), true)
    ));
    if default.is_some() {
        out.push(format!(
            "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
            quote(table),
            quote(&column.name)
        ));
    }
}
