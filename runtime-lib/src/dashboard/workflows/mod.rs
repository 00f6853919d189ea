//! The dashboard's admin workflows on the server: which exist, who may use each, and the only
//! door through which the dashboard touches a workflow's data. Their descriptions are the
//! `workflows` member of the embedded `service.json` (written by the compiler's
//! `workflows_description.rs`), read once at start into a [`Catalog`]:
//!
//! ```text
//! GET /_backworks/workflows          ─▶ { theme, workflows: [those the caller may use], monitor }
//! ANY /_backworks/w/{id}/{*path}     ─▶ 404 unknown workflow · 401/403 the gate · 404 a route the
//!                                       workflow is not bound to ─▶ METHOD /{path}?{query}
//!                                       through the service's own router (forward.rs)
//! ```
//!
//! Who the caller is comes from the monitor's gate ([`crate::monitor::Gate::viewer`]): the
//! dashboard token is the operator (every workflow), a verified caller uses the workflows
//! whose `permissions` hold one of their roles, a loopback reader of a service with neither
//! `auth:` nor a token uses them all. A forwarded call then meets the route's own access,
//! rules, validation, rate limits and audit exactly as a direct call would: the workflow
//! narrows what the dashboard may reach, never widens it.

mod forward;
mod list;

pub(crate) use forward::{ForwardLayer, Forwarding};
pub(crate) use list::{WORKFLOWS_PATH, route};

use axum::http::Method;
use serde_json::Value;

/// The prefix of the forwarding routes: `/_backworks/w/<id>/<path of the bound route>`.
pub(crate) const FORWARD_PREFIX: &str = "/_backworks/w/";

/// Every workflow of the service and the theme, as described at build time.
#[derive(Debug, Default)]
pub(crate) struct Catalog {
    /// `{ "mode", "accent" }`, or `null` when the description has none.
    pub(crate) theme: Value,
    /// The workflows, in blueprint order.
    pub(crate) workflows: Vec<Workflow>,
}

/// One workflow: its description (sent to the dashboard as is) and the routes it may call.
#[derive(Debug)]
pub(crate) struct Workflow {
    pub(crate) id: String,
    pub(crate) permissions: Vec<String>,
    pub(crate) description: Value,
    /// `(method, route template)` pairs, e.g. `(GET, "/books/{id}")`.
    pub(crate) bound: Vec<(Method, String)>,
}

impl Catalog {
    /// The catalog of `service` (the text of `service.json`); empty when it holds no
    /// workflows (or is not the JSON the compiler writes, which would be a build fault: the
    /// dashboard then has no workflows rather than a server that does not start).
    pub(crate) fn from_description(service: &str) -> Catalog {
        let Ok(mut description) = serde_json::from_str::<Value>(service) else {
            return Catalog::default();
        };
        let theme = description
            .get_mut("theme")
            .map(Value::take)
            .unwrap_or(Value::Null);
        let workflows = match description.get_mut("workflows").map(Value::take) {
            Some(Value::Array(items)) => items
                .into_iter()
                .filter_map(Workflow::from_description)
                .collect(),
            _ => Vec::new(),
        };
        Catalog { theme, workflows }
    }

    /// The workflow `id`.
    pub(crate) fn find(&self, id: &str) -> Option<&Workflow> {
        self.workflows.iter().find(|workflow| workflow.id == id)
    }
}

impl Workflow {
    fn from_description(description: Value) -> Option<Workflow> {
        let id = description.get("id")?.as_str()?.to_owned();
        let permissions = description
            .get("permissions")?
            .as_array()?
            .iter()
            .filter_map(|role| role.as_str().map(str::to_owned))
            .collect();
        let bound = bound_routes(&description);
        Some(Workflow {
            id,
            permissions,
            description,
            bound,
        })
    }

    /// Whether `method path` is one of the routes this workflow is bound to.
    pub(crate) fn allows(&self, method: &Method, path: &str) -> bool {
        self.bound
            .iter()
            .any(|(allowed, template)| allowed == method && matches_template(template, path))
    }
}

/// The routes a workflow's screen calls: a crud_table its resource's generated routes and
/// the lists of the resources its refs point at (for pickers); a form its endpoint's
/// operation; a table or chart the GET of its endpoint or of its resource's list.
fn bound_routes(description: &Value) -> Vec<(Method, String)> {
    let text = |value: &Value, key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut bound = Vec::new();
    let endpoint = |endpoint: &Value, bound: &mut Vec<(Method, String)>| {
        if let (Some(method), Some(path)) = (text(endpoint, "method"), text(endpoint, "path"))
            && let Ok(method) = Method::from_bytes(method.as_bytes())
        {
            bound.push((method, path));
        }
    };
    match description.get("type").and_then(Value::as_str) {
        Some("crud_table") => {
            let Some(resource) = description.get("resource") else {
                return bound;
            };
            let Some(path) = text(resource, "path") else {
                return bound;
            };
            let item = format!("{path}/{{id}}");
            for operation in resource
                .get("operations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                match operation {
                    "list" => bound.push((Method::GET, path.clone())),
                    "get" => bound.push((Method::GET, item.clone())),
                    "create" => bound.push((Method::POST, path.clone())),
                    "update" => {
                        bound.push((Method::PATCH, item.clone()));
                        bound.push((Method::PUT, item.clone()));
                    }
                    "delete" => bound.push((Method::DELETE, item.clone())),
                    _ => {}
                }
            }
            for field in resource
                .get("fields")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(target) = field.get("ref").and_then(|r| text(r, "path")) {
                    bound.push((Method::GET, format!("{target}/{{id}}")));
                    bound.push((Method::GET, target));
                }
            }
        }
        Some("form") => {
            if let Some(binding) = description.get("endpoint") {
                endpoint(binding, &mut bound);
            }
        }
        Some("table" | "chart") => {
            let source = description.get("source");
            if let Some(binding) = source.and_then(|source| source.get("endpoint")) {
                endpoint(binding, &mut bound);
            } else if let Some(path) = source
                .and_then(|source| source.get("resource"))
                .and_then(|resource| text(resource, "path"))
            {
                bound.push((Method::GET, path));
            }
        }
        _ => {}
    }
    bound
}

/// Whether `path` fills `template` (`/books/{id}`): the same number of segments, literal ones
/// equal, a parameter any non-empty segment other than `.` and `..`.
fn matches_template(template: &str, path: &str) -> bool {
    let mut wanted = template.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(wanted), Some(given)) => {
                let parameter = wanted.starts_with('{') && wanted.ends_with('}');
                let fits = if parameter {
                    !given.is_empty() && given != "." && given != ".."
                } else {
                    wanted == given
                };
                if !fits {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_whole_segments() {
        assert!(matches_template("/books", "/books"));
        assert!(matches_template("/books/{id}", "/books/12"));
        assert!(matches_template("/books/{id}/reviews", "/books/7/reviews"));
        assert!(!matches_template("/books/{id}", "/books"));
        assert!(!matches_template("/books/{id}", "/books/"));
        assert!(!matches_template("/books/{id}", "/books/.."));
        assert!(!matches_template("/books/{id}", "/books/1/2"));
        assert!(!matches_template("/books", "/books/"));
        assert!(!matches_template("/books", "/authors"));
    }

    #[test]
    fn a_crud_table_is_bound_to_its_resource_and_its_refs_lists() {
        let catalog = Catalog::from_description(
            r#"{ "theme": { "mode": "dark", "accent": null }, "workflows": [
                 { "id": "books", "type": "crud_table", "permissions": ["admin"],
                   "resource": { "path": "/books", "operations": ["list", "get", "update"],
                     "fields": [ { "name": "author", "ref": { "path": "/authors" } } ] } },
                 { "id": "report", "type": "table", "permissions": [],
                   "source": { "endpoint": { "method": "GET", "path": "/reports/{day}" } } } ] }"#,
        );
        assert_eq!(catalog.theme["mode"], "dark");
        let books = catalog.find("books").expect("books");
        assert!(books.allows(&Method::GET, "/books"));
        assert!(books.allows(&Method::GET, "/books/3"));
        assert!(books.allows(&Method::PATCH, "/books/3"));
        assert!(books.allows(&Method::PUT, "/books/3"));
        assert!(
            !books.allows(&Method::POST, "/books"),
            "create is not exposed"
        );
        assert!(
            !books.allows(&Method::DELETE, "/books/3"),
            "delete is not exposed"
        );
        assert!(books.allows(&Method::GET, "/authors"));
        assert!(books.allows(&Method::GET, "/authors/1"));
        assert!(
            !books.allows(&Method::PATCH, "/authors/1"),
            "refs are read only"
        );
        let report = catalog.find("report").expect("report");
        assert!(report.allows(&Method::GET, "/reports/mon"));
        assert!(!report.allows(&Method::POST, "/reports/mon"));
        assert!(catalog.find("nope").is_none());
        assert!(Catalog::from_description("not json").workflows.is_empty());
    }
}
