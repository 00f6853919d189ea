//! A plan's statements for SQLite.
//!
//! SQLite's `ALTER TABLE` only adds, renames and drops columns, so any other change (a type
//! widened, `NOT NULL` changed, a foreign key's action, timestamps) rebuilds the table as the
//! SQLite documentation prescribes (<https://www.sqlite.org/lang_altertable.html#otheralter>):
//! create the new shape under a temporary name, copy the rows, drop the old table, rename, and
//! recreate its indexes and search objects. That procedure requires foreign keys off (the
//! server sets `PRAGMA foreign_keys=OFF` before `BEGIN` and runs `PRAGMA foreign_key_check`
//! before `COMMIT`); a migration with a rebuild starts with a guard that fails it otherwise.
//!
//! ```text
//! title: required → optional   ──▶  CREATE TABLE "_backworks_new_books" (…);
//!                                    INSERT INTO "_backworks_new_books" (…) SELECT … FROM "books";
//!                                    DROP TABLE "books";
//!                                    ALTER TABLE "_backworks_new_books" RENAME TO "books";
//! ```

use backworks_ir::{SchemaSnapshot, TableSnapshot};

use super::changes::{Alteration, ColumnChange, Fill, Nullability, Plan, Retype};
use super::ddl::{
    Engine, column_definition, create_index, fill_sql, id_column, indexes, is_constant, quote,
    timestamp_columns,
};
use super::order::Creation;
use super::search;

const ENGINE: Engine = Engine::Sqlite;

/// Every statement of the migration, without the final `;`.
pub(crate) fn statements(plan: &Plan, creation: &Creation) -> Vec<String> {
    let mut out = Vec::new();
    if plan.altered.iter().any(needs_rebuild) {
        out.extend(foreign_keys_off_guard());
    }
    for table in &creation.order {
        out.push(create_table(table, &table.name, plan.target));
        out.extend(
            indexes(table)
                .iter()
                .map(|index| create_index(&table.name, index)),
        );
        if !table.search.is_empty() {
            out.extend(search::sqlite_create(table, false));
        }
    }
    for alteration in &plan.altered {
        if needs_rebuild(alteration) {
            rebuild(alteration, plan.target, &mut out);
        } else {
            alter_in_place(alteration, plan.target, &mut out);
        }
    }
    for table in dropping_order(&plan.dropped) {
        if !table.search.is_empty() {
            out.extend(search::sqlite_drop(&table.name));
        }
        out.push(format!("DROP TABLE {}", quote(&table.name)));
    }
    out
}

/// Fails the migration when foreign keys are on: dropping the old table during a rebuild
/// would then delete every row referring to it (`ON DELETE CASCADE`) or fail. A failed
/// `CHECK` names what to do, where a silent cascade would lose data.
fn foreign_keys_off_guard() -> Vec<String> {
    vec![
        "CREATE TEMP TABLE \"_backworks_guard\" (\"foreign_keys\" INTEGER CONSTRAINT \"this migration rebuilds a table: apply it with PRAGMA foreign_keys=OFF before BEGIN\" CHECK (\"foreign_keys\" = 0))".to_string(),
        "INSERT INTO \"_backworks_guard\" SELECT \"foreign_keys\" FROM pragma_foreign_keys".to_string(),
        "DROP TABLE \"_backworks_guard\"".to_string(),
    ]
}

/// Dropped tables, each before the dropped tables it refers to, so that with foreign keys on
/// no drop deletes rows of another (it is the same set of tables either way).
fn dropping_order<'a>(dropped: &[&'a TableSnapshot]) -> Vec<&'a TableSnapshot> {
    let mut remaining: Vec<&TableSnapshot> = dropped.to_vec();
    let mut order = Vec::new();
    while !remaining.is_empty() {
        let unreferenced = remaining.iter().position(|table| {
            !remaining.iter().any(|other| {
                other.name != table.name
                    && super::order::references(other).any(|(_, to, _)| to == table.name)
            })
        });
        order.push(remaining.remove(unreferenced.unwrap_or(0)));
    }
    order
}

/// `CREATE TABLE "name" (…)` with `table`'s columns. SQLite accepts references to tables
/// created later, so nothing is deferred.
fn create_table(table: &TableSnapshot, name: &str, target: &SchemaSnapshot) -> String {
    let mut columns = vec![id_column(ENGINE, table.id)];
    columns.extend(
        table
            .columns
            .iter()
            .map(|column| column_definition(ENGINE, name, column, target, None, true)),
    );
    if table.timestamps {
        columns.extend(timestamp_columns(ENGINE));
    }
    format!(
        "CREATE TABLE {} (\n  {}\n)",
        quote(name),
        columns.join(",\n  ")
    )
}

/// Whether the change needs more than `ADD COLUMN` and index statements.
fn needs_rebuild(alteration: &Alteration) -> bool {
    alteration.timestamps.is_some()
        || alteration.columns.iter().any(|change| match change {
            ColumnChange::Add { column, fill } => match fill {
                None => false,
                // With `foreign_keys` on, SQLite refuses to add a reference with a non-null
                // default; the rebuild is right either way.
                Some(fill) => {
                    !is_constant(fill) || super::ddl::references_clause(&column.kind).is_some()
                }
            },
            ColumnChange::Drop { .. } => true,
            ColumnChange::Kept {
                retype,
                nullability,
                ..
            } => *retype != Retype::Same || *nullability != Nullability::Same,
        })
}

/// New columns and changed indexes and search, on the table as it is.
fn alter_in_place(alteration: &Alteration, target: &SchemaSnapshot, out: &mut Vec<String>) {
    let (old, new) = (alteration.old, alteration.new);
    let name = &new.name;
    let search_changed = old.search != new.search;
    if search_changed && !old.search.is_empty() {
        out.extend(search::sqlite_drop(name));
    }
    let before = indexes(old);
    let after = indexes(new);
    for index in before.iter().filter(|index| !after.contains(index)) {
        out.push(format!("DROP INDEX {}", quote(&index.name)));
    }
    for change in &alteration.columns {
        if let ColumnChange::Add { column, fill } = change {
            let default = fill
                .as_ref()
                .map(|fill| fill_sql(ENGINE, fill, &column.kind));
            out.push(format!(
                "ALTER TABLE {} ADD COLUMN {}",
                quote(name),
                column_definition(ENGINE, name, column, target, default.as_deref(), true)
            ));
        }
    }
    for index in after.iter().filter(|index| !before.contains(index)) {
        out.push(create_index(name, index));
    }
    if search_changed && !new.search.is_empty() {
        out.extend(search::sqlite_create(new, true));
    }
}

/// The twelve-step rebuild, copying each row into the new shape.
fn rebuild(alteration: &Alteration, target: &SchemaSnapshot, out: &mut Vec<String>) {
    let (old, new) = (alteration.old, alteration.new);
    let name = &new.name;
    let temporary = format!("_backworks_new_{name}");
    if !old.search.is_empty() {
        out.extend(search::sqlite_drop(name));
    }
    out.push(create_table(new, &temporary, target));

    let mut columns = vec![quote("id")];
    let mut values = vec![quote("id")];
    let mut conditions = Vec::new();
    for column in &new.columns {
        let quoted = quote(&column.name);
        let change = alteration.columns.iter().find(|change| match change {
            ColumnChange::Add { column: c, .. } | ColumnChange::Kept { new: c, .. } => {
                c.name == column.name
            }
            ColumnChange::Drop { .. } => false,
        });
        let fill = |fill: &Option<Fill>| {
            fill.as_ref()
                .map_or_else(|| "NULL".to_string(), |f| fill_sql(ENGINE, f, &column.kind))
        };
        let value = match change {
            None => quoted.clone(),
            Some(ColumnChange::Add { fill: f, .. }) => fill(f),
            Some(ColumnChange::Kept {
                retype: Retype::Replace { fill: f },
                ..
            }) => fill(f),
            Some(ColumnChange::Kept { nullability, .. }) => match nullability {
                Nullability::RequireFilled(f) => {
                    format!("coalesce({quoted}, {})", fill_sql(ENGINE, f, &column.kind))
                }
                Nullability::RequireDeletingNulls => {
                    conditions.push(format!("{quoted} IS NOT NULL"));
                    quoted.clone()
                }
                Nullability::Same | Nullability::Relax => quoted.clone(),
            },
            Some(ColumnChange::Drop { .. }) => quoted.clone(),
        };
        columns.push(quoted);
        values.push(value);
    }
    if new.timestamps {
        for stamp in ["created_at", "updated_at"] {
            columns.push(quote(stamp));
            values.push(if old.timestamps {
                quote(stamp)
            } else {
                fill_sql(ENGINE, &Fill::Now, &backworks_ir::FieldType::Datetime)
            });
        }
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    out.push(format!(
        "INSERT INTO {} ({}) SELECT {} FROM {}{filter}",
        quote(&temporary),
        columns.join(", "),
        values.join(", "),
        quote(name)
    ));
    out.push(format!("DROP TABLE {}", quote(name)));
    out.push(format!(
        "ALTER TABLE {} RENAME TO {}",
        quote(&temporary),
        quote(name)
    ));
    out.extend(indexes(new).iter().map(|index| create_index(name, index)));
    if !new.search.is_empty() {
        out.extend(search::sqlite_create(new, true));
    }
}
