//! The audit log: one appended entry per write to the service's data and per identity event
//! (login, failed login, registration, API key created or revoked, roles changed), saying who,
//! when, what and in which request. Entries live in the platform table `_backworks_audit`
//! (`table.rs`) and are read by admins through `GET /_backworks/audit` (`route.rs`).
//!
//! ```text
//! POST /books {"title":"Dune"}  (caller u1, x-request-id r-7)
//!   store.create("books", row, &Origin::request(Some(&u1), "r-7", ip))
//!     BEGIN; INSERT INTO "books" …; INSERT INTO "_backworks_audit" (…, 'create', 'books', '12',
//!            '{"title":"Dune"}', 'r-7', …); COMMIT          ← one transaction, so an
//!                                                            acknowledged write has its entry
//! audit::record(&store, &origin, Event::LoginFailed { … })  ← identity events: their own
//!                                                            transaction (or `Transaction::record`)
//! ```
//!
//! Every write of [`Store`](super::Store) and [`Transaction`](super::Transaction) takes an
//! [`Origin`], so a write cannot forget to say who made it; the entry is inserted by the same
//! session, inside the same transaction, as the write it describes (`entry.rs`), so a rolled
//! back write leaves none. What an entry records of the row is bounded and never secret
//! (`entry.rs`: fields whose names mark them as secrets are left out, long values cut).
//! `read.rs` parses the route's filters and pages newest first by id. The plain types
//! ([`Origin`], [`Actor`], [`Event`]) exist without the `storage` feature too, since
//! `ctx.db`'s traits name them; the rest comes with the engines.

#[cfg(feature = "storage")]
mod entry;
#[cfg(feature = "storage")]
mod read;
#[cfg(feature = "storage")]
pub(crate) mod retention;
#[cfg(feature = "storage")]
pub(crate) mod route;
#[cfg(feature = "storage")]
pub(crate) mod table;

#[cfg(feature = "storage")]
pub use entry::{CONCEALED_FIELD_MARKERS, is_concealed};
#[cfg(feature = "storage")]
pub(crate) use entry::{append, deleted, id_text, row_changes, sql_statement};
#[cfg(feature = "storage")]
pub(crate) use read::read;
#[cfg(feature = "storage")]
pub use read::{
    AuditEntry, AuditPage, AuditQuery, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, MAX_FILTER_CHARS,
};

use std::sync::OnceLock;
use std::time::Duration;

use crate::contract::{Provider, User};

static RETENTION: OnceLock<Duration> = OnceLock::new();

/// Keeps audit entries for `period`: stores opened from now on delete older ones on a timer
/// (`retention.rs`). Called by the generated `main.rs` for `audit: { retain: … }`, before
/// serving; later calls keep the first period.
pub fn retain(period: Duration) {
    let _ = RETENTION.set(period);
}

/// How long entries are kept, when the blueprint says.
pub fn retention() -> Option<Duration> {
    RETENTION.get().copied()
}

/// What kind of caller acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A verified user (a bearer token or a built-in account).
    User,
    /// An API key.
    Key,
    /// Nobody verified (a public route, or `auth: optional` without credentials).
    Anonymous,
    /// The server itself (start-up work, timers with no request).
    System,
}

impl ActorKind {
    /// The stored text: `user`, `key`, `anonymous` or `system`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::User => "user",
            ActorKind::Key => "key",
            ActorKind::Anonymous => "anonymous",
            ActorKind::System => "system",
        }
    }
}

/// Who acted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// What kind of caller.
    pub kind: ActorKind,
    /// The user's or key's id (`None` for anonymous and system, or a token without `sub`).
    pub id: Option<String>,
}

impl Actor {
    /// The caller of a request: the verified user or API key (by the key's id, as the key
    /// routes and the audit filters name it), or anonymous.
    pub fn caller(user: Option<&User>) -> Actor {
        match user {
            Some(user) if user.provider == Provider::ApiKey => Actor {
                kind: ActorKind::Key,
                id: user
                    .id
                    .as_deref()
                    .map(|id| id.strip_prefix("key:").unwrap_or(id).to_owned()),
            },
            Some(user) => Actor {
                kind: ActorKind::User,
                id: user.id.clone(),
            },
            None => Actor {
                kind: ActorKind::Anonymous,
                id: None,
            },
        }
    }

    /// An API key, by its id (never the key itself).
    pub fn key(id: impl Into<String>) -> Actor {
        Actor {
            kind: ActorKind::Key,
            id: Some(id.into()),
        }
    }

    /// The server itself.
    pub fn system() -> Actor {
        Actor {
            kind: ActorKind::System,
            id: None,
        }
    }
}

/// Where a write comes from: who made it and in which request. Plain `Send` data, so it goes
/// with a `ctx.db` call to the I/O runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Who acted.
    pub actor: Actor,
    /// The request's `x-request-id` (`None` for work outside any request).
    pub request_id: Option<String>,
    /// The peer's address, when the server knows it.
    pub ip: Option<String>,
}

impl Origin {
    /// A write made while answering request `request_id` for `user` (`None`: anonymous).
    pub fn request(user: Option<&User>, request_id: &str, ip: Option<String>) -> Origin {
        Origin {
            actor: Actor::caller(user),
            request_id: Some(request_id.to_owned()),
            ip,
        }
    }

    /// A write the server makes on its own (no request).
    pub fn system() -> Origin {
        Origin {
            actor: Actor::system(),
            request_id: None,
            ip: None,
        }
    }
}

/// An identity event, appended with [`record`]. The built-in accounts and API keys raise
/// them; passwords, tokens and keys never travel in one (ids and roles only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// An account logged in (the origin's actor is that account).
    Login {
        /// The account's id.
        user: String,
    },
    /// A login was refused. `identifier` is what the caller typed as the account's name
    /// (an email or username), never the password; `user` is the account, when one exists.
    LoginFailed {
        /// The name the caller gave.
        identifier: String,
        /// The account it names, if any.
        user: Option<String>,
    },
    /// An account was registered.
    Register {
        /// The new account's id.
        user: String,
    },
    /// An API key was issued.
    KeyCreated {
        /// The key's id (never the key).
        key: String,
        /// The roles it carries.
        roles: Vec<String>,
    },
    /// An API key was revoked.
    KeyRevoked {
        /// The key's id.
        key: String,
    },
    /// An account's roles changed.
    RoleChanged {
        /// The account's id.
        user: String,
        /// Its roles before.
        from: Vec<String>,
        /// Its roles after.
        to: Vec<String>,
    },
}

/// The resource name identity events about accounts are filed under.
pub const USERS: &str = "users";
/// The resource name identity events about API keys are filed under.
pub const API_KEYS: &str = "api_keys";

/// One entry to append: everything but its id and time.
#[cfg(feature = "storage")]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// `create`, `update`, `delete`, `login`, …
    pub(crate) action: &'static str,
    /// The resource (table) concerned, if any.
    pub(crate) resource: Option<String>,
    /// The record's id, as text.
    pub(crate) record: Option<String>,
    /// What changed (bounded, never secret); `None` when nothing is worth saying.
    pub(crate) changed: Option<serde_json::Value>,
}

#[cfg(feature = "storage")]
impl Event {
    /// The entry this event appends.
    pub(crate) fn entry(&self) -> Entry {
        use serde_json::json;
        let about = |action, resource: &str, record: &str, changed| Entry {
            action,
            resource: Some(resource.to_owned()),
            record: Some(record.to_owned()),
            changed,
        };
        match self {
            Event::Login { user } => about("login", USERS, user, None),
            Event::LoginFailed { identifier, user } => Entry {
                action: "login_failed",
                resource: Some(USERS.to_owned()),
                record: user.clone(),
                changed: Some(json!({ "identifier": entry::bounded(json!(identifier)) })),
            },
            Event::Register { user } => about("register", USERS, user, None),
            Event::KeyCreated { key, roles } => about(
                "key_created",
                API_KEYS,
                key,
                Some(json!({ "roles": roles })),
            ),
            Event::KeyRevoked { key } => about("key_revoked", API_KEYS, key, None),
            Event::RoleChanged { user, from, to } => about(
                "role_changed",
                USERS,
                user,
                Some(json!({ "roles": { "from": from, "to": to } })),
            ),
        }
    }
}

/// Appends `event` in a transaction of its own. Use
/// [`Transaction::record`](super::Transaction::record) instead when the event goes with a
/// write (a registration that inserts the account), so both commit or neither does.
#[cfg(feature = "storage")]
pub async fn record(
    store: &super::Store,
    origin: &Origin,
    event: &Event,
) -> Result<(), super::StoreError> {
    let mut tx = store.begin().await?;
    tx.record(origin, event).await?;
    tx.commit().await
}
