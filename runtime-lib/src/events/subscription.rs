//! Admitting a `subscribe` message as the HTTP route it mirrors would admit the request: a
//! resource subscription like `GET /<resource>` (or `GET /<resource>/{id}` with an `id`) —
//! the endpoint's access from `crud_access`, checked by `auth::admit` against the
//! connection's credentials — and its `filter` read by the list endpoint's own parser.
//!
//! ```text
//! {"resource":"notes","filter":"shared=is.true"}  ─▶ Target::Resource { lens: notes, rule: list, filter }
//! {"resource":"nope"}                             ─▶ 404      {"filter":"limit=2"} ─▶ 400
//! anonymous, `auth.resources: required`           ─▶ 401      wrong role          ─▶ 403
//! {"event":"chat"}                                ─▶ Target::Event("chat")  (a verified caller when the service has `auth:`)
//! ```
//!
//! A custom event declares no readers, so with `auth:` it is given to verified callers only
//! (failing closed); without `auth:` everything is public, as the HTTP routes are.

use axum::http::{Extensions, HeaderMap, Method};
use serde_json::Value;

pub(crate) use super::protocol::Refused;
use super::view::Lens;
use crate::auth::{Access, Authenticator, admit};
use crate::contract::User;
use crate::http::ServiceSpec;
use crate::storage::CrudOp;
use crate::storage::ops::id_value;
use crate::storage::query::ListQuery;

/// The longest `sub` name.
pub(crate) const MAX_SUB_CHARS: usize = 128;

/// One admitted subscription.
#[derive(Debug)]
pub(crate) struct Subscription {
    /// The client's name for it.
    pub(crate) sub: String,
    pub(crate) target: Target,
}

/// What a subscription follows.
#[derive(Debug)]
pub(crate) enum Target {
    /// Changes of a resource's records; `key` is equal for subscriptions whose views are
    /// the same (same resource, id, filter, rule and subscriber), so they share one condition.
    Resource { lens: Lens, key: String },
    /// A custom event by name.
    Event(String),
}

/// What a `subscribe` message asks for.
pub(crate) struct Request {
    pub(crate) sub: String,
    pub(crate) resource: Option<String>,
    pub(crate) id: Option<Value>,
    pub(crate) filter: Option<String>,
    pub(crate) event: Option<String>,
}

/// Admits `request` for the caller whose credentials are `credentials` (the upgrade's headers
/// or those an `auth` message made).
pub(crate) async fn admit_subscription(
    spec: &'static ServiceSpec,
    authenticator: Option<&Authenticator>,
    credentials: &HeaderMap,
    request: Request,
) -> Result<Subscription, Refused> {
    let Request {
        sub,
        resource,
        id,
        filter,
        event,
    } = request;
    if sub.is_empty() || sub.chars().count() > MAX_SUB_CHARS {
        return Err(Refused::new(
            400,
            "invalid_request",
            format!("sub must be 1 to {MAX_SUB_CHARS} characters"),
        ));
    }
    let target = match (resource, event) {
        (Some(_), Some(_)) | (None, None) => {
            return Err(Refused::new(
                400,
                "invalid_request",
                "subscribe to either a resource or an event",
            ));
        }
        (None, Some(name)) => {
            if id.is_some() || filter.is_some() {
                return Err(Refused::new(
                    400,
                    "invalid_request",
                    "id and filter apply to resources only",
                ));
            }
            let access = if spec.auth.is_some() {
                Access::Required { roles: &[] }
            } else {
                Access::Public
            };
            admit(authenticator, access, credentials, &Extensions::new()).await?;
            Target::Event(name)
        }
        (Some(name), None) => {
            resource_target(spec, authenticator, credentials, &name, id, filter).await?
        }
    };
    Ok(Subscription { sub, target })
}

async fn resource_target(
    spec: &'static ServiceSpec,
    authenticator: Option<&Authenticator>,
    credentials: &HeaderMap,
    name: &str,
    id: Option<Value>,
    filter: Option<String>,
) -> Result<Target, Refused> {
    let resource = spec
        .data
        .and_then(|data| data.resources.iter().find(|resource| resource.name == name))
        .ok_or_else(|| Refused::new(404, "not_found", format!("there is no resource {name:?}")))?;
    let item = id.is_some();
    let (operation, route) = if item {
        (CrudOp::Get, format!("GET /{name}/{{id}}"))
    } else {
        (CrudOp::List, format!("GET /{name}"))
    };
    if !resource.operations.contains(&operation) {
        return Err(Refused::new(
            404,
            "not_found",
            format!("{route} is not served, so it cannot be subscribed to"),
        ));
    }
    if item && filter.is_some() {
        return Err(Refused::new(
            400,
            "invalid_request",
            "a subscription names an id or a filter, not both",
        ));
    }
    let access = crate::http::routes::crud_access(spec, Some(resource), item, &Method::GET);
    let user: Option<User> = admit(authenticator, access, credentials, &Extensions::new()).await?;
    let id = match id {
        Some(id) => Some(id_value(resource, &id).map_err(|violation| {
            Refused::new(400, "invalid_request", format!("id: {}", violation.message))
        })?),
        None => None,
    };
    let filter_text = filter.unwrap_or_default();
    let filter = parse_filter(resource, &filter_text)?;
    let rule = if item {
        resource.rules.get
    } else {
        resource.rules.list
    };
    let key = serde_json::json!([
        name,
        id,
        filter_text,
        item,
        user.as_ref()
            .map(|user| (&user.id, &user.roles, &user.claims)),
    ])
    .to_string();
    Ok(Target::Resource {
        lens: Lens {
            resource,
            id,
            filter,
            rule,
            user,
        },
        key,
    })
}

/// A list endpoint's query string, read by the list's own parser; only filters are allowed.
fn parse_filter(
    resource: &crate::storage::ResourceSpec,
    text: &str,
) -> Result<crate::storage::query::Filter, Refused> {
    let bad = |message: String| Refused::new(400, "invalid_request", message);
    if text.is_empty() {
        return Ok(Default::default());
    }
    // The parser axum's `Query` uses for the list's query string; unlike a URI it also takes
    // characters a client left unencoded (`"`, spaces), decoding `%xx` and `+` alike.
    let params: Vec<(String, String)> = serde_urlencoded::from_str(text)
        .map_err(|error| bad(format!("filter: not a query string: {error}")))?;
    let query = ListQuery::parse(resource, &params).map_err(|violations| {
        let text: Vec<String> = violations
            .iter()
            .map(|violation| {
                let at = violation.pointer.trim_start_matches("/query");
                format!("filter{at}: {}", violation.message)
            })
            .collect();
        bad(text.join("; "))
    })?;
    let ListQuery {
        filter,
        order,
        limit,
        offset,
        after,
        select,
        count,
        search,
    } = query;
    if !order.is_empty()
        || limit.is_some()
        || offset.is_some()
        || after.is_some()
        || select.is_some()
        || count
        || search.is_some()
    {
        return Err(bad(
            "filter: only field conditions (no order, limit, offset, after, select, count or search)"
                .to_owned(),
        ));
    }
    Ok(filter)
}
