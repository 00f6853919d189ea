//! The messages of `/_backworks/ws` (JSON text frames), as `ARCHITECTURE.md`'s "Live events"
//! fixes them: what a client may send ([`Incoming`]) and what the server sends.
//!
//! ```text
//! {"type":"subscribe","sub":"s1","resource":"notes","filter":"shared=is.true","since":16}
//! {"type":"change","sub":"s1","seq":17,"resource":"notes","action":"leave","id":4}
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// A client's message.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum Incoming {
    /// Credentials: a bearer token or an API key.
    Auth {
        token: Option<String>,
        api_key: Option<String>,
    },
    /// A subscription to a resource (optionally one record, or a filter) or a custom event.
    Subscribe {
        sub: String,
        resource: Option<String>,
        id: Option<Value>,
        filter: Option<String>,
        event: Option<String>,
        /// `"requests"`: the dashboard's stream of finished requests (`requests.rs`).
        stream: Option<String>,
        since: Option<i64>,
    },
    /// Ends a subscription.
    Unsubscribe { sub: String },
    /// Asks for a `pong`.
    Ping,
}

/// What goes into a connection's outbox.
#[derive(Debug)]
pub(crate) enum Outgoing {
    /// A message to send.
    Message(String),
    /// A last message, then the connection closes.
    Close(String),
}

impl Outgoing {
    /// Its text's length, what it weighs in an outbox.
    pub(crate) fn size(&self) -> usize {
        match self {
            Outgoing::Message(text) | Outgoing::Close(text) => text.len(),
        }
    }
}

/// `{"type":"change",…}`.
#[derive(Serialize)]
pub(crate) struct ChangeMessage<'a> {
    pub(crate) sub: &'a str,
    pub(crate) seq: i64,
    pub(crate) resource: &'a str,
    pub(crate) action: &'a str,
    pub(crate) id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) record: Option<&'a crate::storage::Row>,
}

impl ChangeMessage<'_> {
    pub(crate) fn to_text(&self) -> String {
        tagged("change", self)
    }
}

/// `{"type":"event",…}`.
#[derive(Serialize)]
pub(crate) struct EventMessage<'a> {
    pub(crate) sub: &'a str,
    pub(crate) seq: i64,
    pub(crate) name: &'a str,
    pub(crate) payload: &'a Value,
}

impl EventMessage<'_> {
    pub(crate) fn to_text(&self) -> String {
        tagged("event", self)
    }
}

/// `value`'s JSON object with `"type"` first.
fn tagged(kind: &str, value: &impl Serialize) -> String {
    let mut object = serde_json::Map::new();
    object.insert("type".to_owned(), Value::String(kind.to_owned()));
    if let Ok(Value::Object(members)) = serde_json::to_value(value) {
        object.extend(members);
    }
    Value::Object(object).to_string()
}

/// Why a subscription (or credentials) is refused: the `error` message's status, code and text.
#[derive(Debug)]
pub(crate) struct Refused {
    pub(crate) status: u16,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

impl Refused {
    pub(crate) fn new(status: u16, code: &'static str, message: impl Into<String>) -> Refused {
        Refused {
            status,
            code,
            message: message.into(),
        }
    }
}

impl From<crate::auth::Refusal> for Refused {
    fn from(refusal: crate::auth::Refusal) -> Refused {
        use crate::auth::Refusal;
        match refusal {
            Refusal::Missing => Refused::new(401, "unauthorized", "sign in to subscribe to this"),
            Refusal::Invalid(why) => Refused::new(401, "unauthorized", why),
            Refusal::Forbidden(roles) => Refused::new(
                403,
                "forbidden",
                format!("this needs one of the roles {}", roles.join(", ")),
            ),
            Refusal::Unverifiable => {
                Refused::new(503, "auth_unavailable", "the service cannot verify callers")
            }
            Refusal::Unavailable(why) => Refused::new(503, "auth_unavailable", why),
        }
    }
}

impl From<crate::monitor::Denied> for Refused {
    fn from(denied: crate::monitor::Denied) -> Refused {
        match denied {
            crate::monitor::Denied::Auth(refusal) => Refused::from(refusal),
            crate::monitor::Denied::Gate {
                status,
                code,
                message,
            } => Refused::new(status.as_u16(), code, message),
        }
    }
}

/// `{"type":"error",…}`; `sub` when the error concerns one subscription.
pub(crate) fn error(sub: Option<&str>, status: u16, code: &str, message: &str) -> String {
    let mut object = serde_json::Map::new();
    object.insert("type".to_owned(), json!("error"));
    if let Some(sub) = sub {
        object.insert("sub".to_owned(), json!(sub));
    }
    object.insert("status".to_owned(), json!(status));
    object.insert("error".to_owned(), json!(code));
    object.insert("message".to_owned(), json!(message));
    Value::Object(object).to_string()
}

/// The error sent when the subscriber's credentials have expired (the connection then closes).
pub(crate) fn expired() -> String {
    error(
        None,
        401,
        "unauthorized",
        "the credentials have expired; reconnect with fresh ones",
    )
}

/// `{"type":"subscribed",…}`.
pub(crate) fn subscribed(sub: &str, seq: i64) -> String {
    json!({ "type": "subscribed", "sub": sub, "seq": seq }).to_string()
}

/// `{"type":"reset",…}`.
pub(crate) fn reset(sub: &str) -> String {
    json!({ "type": "reset", "sub": sub }).to_string()
}

/// `{"type":"auth",…}`.
pub(crate) fn authenticated(user: &crate::contract::User) -> String {
    json!({ "type": "auth", "user": { "id": user.id, "roles": user.roles } }).to_string()
}

/// `{"type":"request","sub":…,"entry":{…}}`: one finished request, as one item of
/// `GET /_backworks/monitor/requests`.
pub(crate) fn request(sub: &str, entry: &crate::monitor::RequestEntry) -> String {
    json!({ "type": "request", "sub": sub, "entry": entry.to_json() }).to_string()
}

/// `{"type":"auth","dashboard":true}`: the dashboard token was accepted (it names no user).
pub(crate) fn dashboard_token_accepted() -> String {
    json!({ "type": "auth", "dashboard": true }).to_string()
}

/// `{"type":"pong"}`.
pub(crate) fn pong() -> String {
    json!({ "type": "pong" }).to_string()
}
