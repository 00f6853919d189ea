//! Reading the audit log: the filters of `GET /_backworks/audit`, newest first, one page at a
//! time with a keyset cursor (the last entry's id), so a page costs the same however deep it
//! is and entries appended meanwhile never shift it.
//!
//! ```text
//! ?action=update&resource=books&since=2026-12-01T00:00:00Z&limit=2
//!   ─▶ SELECT … FROM "_backworks_audit" WHERE "action" = ? AND "resource" = ? AND "at" >= ?
//!      ORDER BY "id" DESC LIMIT 3                       (one more than asked: is there a next?)
//!   ─▶ { items: [#41, #38], next: "38" }   ?after=38 ─▶ … AND "id" < 38 …
//! ```

use serde_json::{Map, Value, json};

use super::super::engine::{RawRow, Session};
use super::super::error::{StoreError, Violation};
use super::super::sql::Sql;
use super::super::time;
use super::super::value::{SqlValue, plain};
use super::table::AUDIT_TABLE;
use super::{Actor, ActorKind};

/// Entries per page unless `limit` says otherwise.
pub const DEFAULT_AUDIT_LIMIT: u32 = 50;
/// The most entries one page holds.
pub const MAX_AUDIT_LIMIT: u32 = 500;
/// The longest text a filter may hold (PostgreSQL's `text` cannot hold U+0000 at all).
pub const MAX_FILTER_CHARS: usize = 512;

/// Which entries to read: every filter given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// The actor's id.
    pub actor: Option<String>,
    /// The actor's kind.
    pub actor_kind: Option<ActorKind>,
    /// The action (`create`, `login_failed`, …).
    pub action: Option<String>,
    /// The resource.
    pub resource: Option<String>,
    /// The record's id.
    pub record: Option<String>,
    /// Entries at or after this instant (ms since the epoch).
    pub since: Option<i64>,
    /// Entries before this instant.
    pub until: Option<i64>,
    /// The request's `x-request-id`.
    pub request_id: Option<String>,
    /// Entries older than this one (the previous page's `next`).
    pub after: Option<i64>,
    /// How many entries, at most.
    pub limit: u32,
}

/// One page, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditPage {
    /// The entries.
    pub items: Vec<AuditEntry>,
    /// The cursor of the next (older) page; `None` on the last.
    pub next: Option<String>,
}

/// One entry as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Its position in the log (only grows).
    pub id: i64,
    /// When, as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    pub at: String,
    /// Who.
    pub actor: Actor,
    /// What was done.
    pub action: String,
    /// To which resource.
    pub resource: Option<String>,
    /// To which record.
    pub record: Option<String>,
    /// The changed fields (see `entry.rs`), or `null`.
    pub changed: Value,
    /// In which request.
    pub request_id: Option<String>,
    /// From which address.
    pub ip: Option<String>,
}

impl AuditEntry {
    /// The entry as the route answers it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "at": self.at,
            "actor": { "kind": self.actor.kind.as_str(), "id": self.actor.id },
            "action": self.action,
            "resource": self.resource,
            "record": self.record,
            "changed": self.changed,
            "request_id": self.request_id,
            "ip": self.ip,
        })
    }
}

impl AuditPage {
    /// `{ items, next }`, as the route answers it.
    pub fn to_json(&self) -> Value {
        json!({
            "items": self.items.iter().map(AuditEntry::to_json).collect::<Vec<_>>(),
            "next": self.next,
        })
    }
}

impl AuditQuery {
    /// Reads the route's query parameters; every problem is a violation at `/query/<name>`.
    pub fn parse(params: &[(String, String)]) -> Result<AuditQuery, Vec<Violation>> {
        let mut query = AuditQuery {
            limit: DEFAULT_AUDIT_LIMIT,
            ..AuditQuery::default()
        };
        let mut violations = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in params {
            let pointer = format!("/query/{name}");
            if seen.contains(&name.as_str()) {
                violations.push(Violation::new(pointer, "given more than once"));
                continue;
            }
            seen.push(name);
            let mut text = || {
                if value.contains('\0') || value.chars().count() > MAX_FILTER_CHARS {
                    violations.push(Violation::new(
                        pointer.clone(),
                        format!(
                            "expected text of at most {MAX_FILTER_CHARS} characters, without U+0000"
                        ),
                    ));
                    return None;
                }
                Some(value.clone())
            };
            let instant = |violations: &mut Vec<Violation>| {
                let parsed = time::parse_instant(value);
                if parsed.is_none() {
                    violations.push(Violation::new(
                        pointer.clone(),
                        "expected a date-time such as 2026-12-04T13:50:00Z",
                    ));
                }
                parsed
            };
            match name.as_str() {
                "actor" => query.actor = text(),
                "action" => query.action = text(),
                "resource" => query.resource = text(),
                "record" => query.record = text(),
                "request_id" => query.request_id = text(),
                "actor_kind" => {
                    query.actor_kind = match value.as_str() {
                        "user" => Some(ActorKind::User),
                        "key" => Some(ActorKind::Key),
                        "anonymous" => Some(ActorKind::Anonymous),
                        "system" => Some(ActorKind::System),
                        _ => {
                            violations.push(Violation::new(
                                pointer,
                                "expected one of user, key, anonymous, system",
                            ));
                            None
                        }
                    }
                }
                "since" => query.since = instant(&mut violations),
                "until" => query.until = instant(&mut violations),
                "limit" => match value.parse::<u32>() {
                    Ok(limit) if (1..=MAX_AUDIT_LIMIT).contains(&limit) => query.limit = limit,
                    _ => violations.push(Violation::new(
                        pointer,
                        format!("expected an integer from 1 to {MAX_AUDIT_LIMIT}"),
                    )),
                },
                "after" => match value.parse::<i64>() {
                    Ok(after) if after > 0 => query.after = Some(after),
                    _ => violations.push(Violation::new(
                        pointer,
                        "expected the `next` of a previous page",
                    )),
                },
                _ => violations.push(Violation::new(
                    pointer,
                    "unknown parameter (expected actor, actor_kind, action, resource, record, \
                     since, until, request_id, limit or after)",
                )),
            }
        }
        if violations.is_empty() {
            Ok(query)
        } else {
            Err(violations)
        }
    }
}

/// One page of entries matching `query`.
pub(crate) async fn read(
    session: &mut Session,
    query: &AuditQuery,
) -> Result<AuditPage, StoreError> {
    let mut sql = Sql::new(session.dialect());
    sql.push(
        r#"SELECT "id", "at", "actor_kind", "actor", "action", "resource", "record", "changed", "request_id", "ip" FROM "#,
    )
    .ident(AUDIT_TABLE)
    .push(" WHERE 1 = 1");
    let texts = [
        ("actor", &query.actor),
        ("action", &query.action),
        ("resource", &query.resource),
        ("record", &query.record),
        ("request_id", &query.request_id),
    ];
    for (column, value) in texts {
        if let Some(value) = value {
            sql.push(" AND ")
                .ident(column)
                .push(" = ")
                .param(SqlValue::Text(value.clone()));
        }
    }
    if let Some(kind) = query.actor_kind {
        sql.push(" AND ")
            .ident("actor_kind")
            .push(" = ")
            .param(SqlValue::Text(kind.as_str().to_owned()));
    }
    if let Some(since) = query.since {
        sql.push(" AND ")
            .ident("at")
            .push(" >= ")
            .param(SqlValue::Instant(since));
    }
    if let Some(until) = query.until {
        sql.push(" AND ")
            .ident("at")
            .push(" < ")
            .param(SqlValue::Instant(until));
    }
    if let Some(after) = query.after {
        sql.push(" AND ")
            .ident("id")
            .push(" < ")
            .param(SqlValue::Int(after));
    }
    sql.push(" ORDER BY ")
        .ident("id")
        .push(" DESC LIMIT ")
        .param(SqlValue::Int(i64::from(query.limit) + 1));
    let mut rows = session.query(sql.finish()).await?;
    let more = rows.len() > query.limit as usize;
    rows.truncate(query.limit as usize);
    let items: Vec<AuditEntry> = rows.into_iter().map(decode).collect();
    let next = if more {
        items.last().map(|entry| entry.id.to_string())
    } else {
        None
    };
    Ok(AuditPage { items, next })
}

fn decode(raw: RawRow) -> AuditEntry {
    let mut cells: Map<String, Value> = raw
        .into_iter()
        .map(|(name, cell)| (name, plain(cell)))
        .collect();
    let mut take = |name: &str| cells.remove(name).unwrap_or(Value::Null);
    let text = |value: Value| match value {
        Value::String(text) => Some(text),
        Value::Null => None,
        other => Some(other.to_string()),
    };
    let id = take("id").as_i64().unwrap_or_default();
    let at = text(take("at")).unwrap_or_default();
    let kind = match take("actor_kind").as_str() {
        Some("user") => ActorKind::User,
        Some("key") => ActorKind::Key,
        Some("system") => ActorKind::System,
        _ => ActorKind::Anonymous,
    };
    let actor = Actor {
        kind,
        id: text(take("actor")),
    };
    // SQLite keeps the JSON as text; PostgreSQL's JSONB comes back parsed.
    let changed = match take("changed") {
        Value::String(json) => serde_json::from_str(&json).unwrap_or(Value::String(json)),
        other => other,
    };
    AuditEntry {
        id,
        at,
        actor,
        action: text(take("action")).unwrap_or_default(),
        resource: text(take("resource")),
        record: text(take("record")),
        changed,
        request_id: text(take("request_id")),
        ip: text(take("ip")),
    }
}
