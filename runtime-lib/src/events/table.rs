//! `_backworks_events`, the live events' platform table and the source of truth of
//! `/_backworks/ws`: one row per change of a resource's record (the record before and after,
//! as JSON) and per custom `ctx.emit` event, appended by the session that made the write, so
//! the event commits with the write or not at all.
//!
//! ```text
//! seq | at            | kind   | resource | record_id | action | before | after          | name | payload
//!  17 | 1796305800000 | change | notes    | 4         | update | {…}    | {"id":4,…}     |      |
//!  18 | 1796305800012 | event  |          |           |        |        |                | ping | {"n":1}
//! ```
//!
//! `seq` is the order subscribers see. On SQLite it is the row's `AUTOINCREMENT` key: the one
//! writer commits transactions one after another, so key order is commit order. On PostgreSQL
//! a key taken at `INSERT` is not commit order (transaction A takes 5, B takes 6 and commits
//! first; a reader that saw 6 and moved on would skip 5 forever), so a write leaves `seq`
//! null and the readers number committed rows afterwards, one reader at a time
//! (`sequence.rs`), whose transaction sends `NOTIFY backworks_events` when it numbered any,
//! delivered at its commit, which wakes every instance's reader.
//!
//! Why the writer does not `NOTIFY` itself: PostgreSQL serializes the commits of notifying
//! transactions on one database-wide lock held through the commit's WAL flush, so a `NOTIFY`
//! in every write turned concurrent creates into one-at-a-time commits (measured here: about
//! 1 800 creates/s became 550–800). The writing instance's reader is woken in-process
//! (`Store::committed`) and numbers the batch; one `NOTIFY` per batch then wakes the others.

use serde_json::Value;

use crate::storage::Row;
use crate::storage::engine::Session;
use crate::storage::error::StoreError;
use crate::storage::sql::Sql;
use crate::storage::system::SystemTable;
use crate::storage::time;
use crate::storage::value::SqlValue;

/// The table's name.
pub(crate) const EVENTS_TABLE: &str = "_backworks_events";

/// The PostgreSQL channel every write notifies and every reader listens on.
pub(crate) const CHANNEL: &str = "backworks_events";

/// The live events' table.
pub(crate) static EVENTS: SystemTable = SystemTable {
    name: EVENTS_TABLE,
    sqlite: r#"
CREATE TABLE IF NOT EXISTS "_backworks_events" (
    "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
    "at" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "resource" TEXT,
    "record_id" TEXT,
    "action" TEXT,
    "before" TEXT,
    "after" TEXT,
    "name" TEXT,
    "payload" TEXT
);
"#,
    postgres: r#"
CREATE TABLE IF NOT EXISTS "_backworks_events" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "seq" BIGINT UNIQUE,
    "at" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "resource" TEXT,
    "record_id" TEXT,
    "action" TEXT,
    "before" TEXT,
    "after" TEXT,
    "name" TEXT,
    "payload" TEXT
);
CREATE INDEX IF NOT EXISTS "_backworks_events_unsequenced" ON "_backworks_events" ("id") WHERE "seq" IS NULL;
"#,
};

/// What a write did to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Create,
    Update,
    Delete,
}

impl Action {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }
}

/// Appends the change of one record of `resource` through the writing `session`.
pub(crate) async fn append_change(
    session: &mut Session,
    resource: &str,
    action: Action,
    before: Option<&Row>,
    after: Option<&Row>,
) -> Result<(), StoreError> {
    let id = after
        .or(before)
        .and_then(|row| row.get("id"))
        .map(id_text)
        .map_or(SqlValue::Null, SqlValue::Text);
    let json = |row: Option<&Row>| {
        row.map_or(SqlValue::Null, |row| {
            SqlValue::Text(serde_json::to_string(row).unwrap_or_default())
        })
    };
    let values = [
        SqlValue::Text("change".to_owned()),
        SqlValue::Text(resource.to_owned()),
        id,
        SqlValue::Text(action.as_str().to_owned()),
        json(before),
        json(after),
        SqlValue::Null,
        SqlValue::Null,
    ];
    insert(session, values).await
}

/// Appends a custom event (`ctx.emit(name, payload)`), `payload` already JSON text.
pub(crate) async fn append_custom(
    session: &mut Session,
    name: &str,
    payload: String,
) -> Result<(), StoreError> {
    let values = [
        SqlValue::Text("event".to_owned()),
        SqlValue::Null,
        SqlValue::Null,
        SqlValue::Null,
        SqlValue::Null,
        SqlValue::Null,
        SqlValue::Text(name.to_owned()),
        SqlValue::Text(payload),
    ];
    insert(session, values).await
}

async fn insert(session: &mut Session, values: [SqlValue; 8]) -> Result<(), StoreError> {
    let columns = [
        "at",
        "kind",
        "resource",
        "record_id",
        "action",
        "before",
        "after",
        "name",
        "payload",
    ];
    let mut sql = Sql::new(session.dialect());
    sql.push("INSERT INTO ").ident(EVENTS_TABLE).push(" (");
    for (index, column) in columns.iter().enumerate() {
        if index > 0 {
            sql.push(", ");
        }
        sql.ident(column);
    }
    sql.push(") VALUES (").param(SqlValue::Int(time::now_ms()));
    for value in values {
        sql.push(", ").param(value);
    }
    sql.push(")");
    session.query(sql.finish()).await?;
    Ok(())
}

/// An id as the `record_id` column and the messages' `id` hold it: a number's or a UUID's text.
pub(crate) fn id_text(id: &Value) -> String {
    match id {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
