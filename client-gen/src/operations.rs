//! The operations of the service as the client sends them, read from the OpenAPI document
//! that `backworks-emit` builds from the IR — so the client and the server's enforcement agree
//! on every operation id, parameter, body and response (declared > annotated > inferred is
//! decided once, in `compiler/emit/src/openapi.rs`).
//!
//! ```text
//! paths./books/{id}.get { operationId: getBook, parameters: [id (path, integer)],
//!                         responses: { 200: Book, 404: Error, default: Error } }
//!   ─▶ Operation { member: getBook, method: GET, path: /books/{id},
//!                  parameters: [id], responses: [200 Book, 404 Error] }
//! ```
//!
//! `default` is not part of an operation's answers: what the document does not list by
//! status (a 500, a 504) makes a call throw, so that narrowing on `status` stays exhaustive.

use serde_json::{Map, Value};

use crate::names::{Names, camel_case, pascal_case};

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Location {
    Path,
    Query,
    Header,
}

/// One parameter of an operation.
#[derive(Debug, Clone)]
pub(crate) struct Parameter {
    /// Its name on the wire (and in the params object).
    pub(crate) name: String,
    pub(crate) location: Location,
    pub(crate) required: bool,
    pub(crate) schema: Value,
    pub(crate) description: Option<String>,
}

/// What a response carries.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    /// No body: the data is `null`.
    Empty,
    /// JSON of this schema.
    Json(Value),
    /// Text.
    Text,
    /// JSON of this schema, or text.
    JsonOrText(Value),
}

/// One documented answer.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) content: Content,
}

/// One operation of the document.
#[derive(Debug, Clone)]
pub(crate) struct Operation {
    /// Its member on the client: the operation id in camel case.
    pub(crate) member: String,
    /// `GetBookParams`, `GetBookResult`: names of its types.
    pub(crate) params_type: String,
    pub(crate) result_type: String,
    /// Upper case, e.g. `GET`.
    pub(crate) method: String,
    /// The path template, e.g. `/books/{id}`.
    pub(crate) path: String,
    pub(crate) summary: Option<String>,
    pub(crate) parameters: Vec<Parameter>,
    /// The JSON body's schema and whether it is required.
    pub(crate) body: Option<(Value, bool)>,
    /// The answers by status, in document order.
    pub(crate) responses: Vec<Response>,
    /// Whether credentials are sent: the operation's `security` names a scheme.
    pub(crate) secured: bool,
    /// Why something of it could not be typed, for a comment beside it.
    pub(crate) notes: Vec<String>,
}

impl Operation {
    /// Whether the method takes a params object (parameters or a body).
    pub(crate) fn takes_params(&self) -> bool {
        !self.parameters.is_empty() || self.body.is_some()
    }

    /// Whether calling it without a params object is valid.
    pub(crate) fn params_optional(&self) -> bool {
        self.parameters.iter().all(|parameter| !parameter.required)
            && self.body.as_ref().is_none_or(|(_, required)| !required)
    }

    /// The parameters at `location`, in document order.
    pub(crate) fn at(&self, location: Location) -> impl Iterator<Item = &Parameter> {
        self.parameters
            .iter()
            .filter(move |parameter| parameter.location == location)
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operation of `document`, in document order, with members and type names taken from
/// `members` and `types`.
pub(crate) fn operations(
    document: &Value,
    members: &mut Names,
    types: &mut Names,
) -> Vec<Operation> {
    let global_security = document.get("security");
    let mut operations = Vec::new();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return operations;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, object) in item {
            let Some(object) = object.as_object() else {
                continue;
            };
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            operations.push(operation(
                path,
                method,
                object,
                global_security,
                members,
                types,
            ));
        }
    }
    operations
}

fn operation(
    path: &str,
    method: &str,
    object: &Map<String, Value>,
    global_security: Option<&Value>,
    members: &mut Names,
    types: &mut Names,
) -> Operation {
    let id = object
        .get("operationId")
        .and_then(Value::as_str)
        .map_or_else(|| format!("{method}_{path}"), str::to_string);
    let member = members.fresh(&camel_case(&id));
    let pascal = pascal_case(&member);
    let params_type = types.fresh(&format!("{pascal}Params"));
    let result_type = types.fresh(&format!("{pascal}Result"));
    let mut notes = Vec::new();

    let mut parameters: Vec<Parameter> = Vec::new();
    for parameter in object
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = parameter.get("name").and_then(Value::as_str);
        let location = match parameter.get("in").and_then(Value::as_str) {
            Some("path") => Some(Location::Path),
            Some("query") => Some(Location::Query),
            Some("header") => Some(Location::Header),
            _ => None,
        };
        let (Some(name), Some(location)) = (name, location) else {
            notes.push(
                "a parameter that is neither a path, query nor header parameter is not sent".into(),
            );
            continue;
        };
        // Path and query parameters share the params object; a second one of a name is left out.
        let clash = location != Location::Header
            && parameters
                .iter()
                .any(|other| other.location != Location::Header && other.name == name);
        if clash || (location == Location::Query && ["body", "headers"].contains(&name)) {
            notes.push(format!(
                "the {} parameter `{name}` cannot be sent: its name is taken in the params object",
                if location == Location::Path {
                    "path"
                } else {
                    "query"
                }
            ));
            continue;
        }
        parameters.push(Parameter {
            name: name.to_string(),
            location,
            required: location == Location::Path
                || parameter.get("required").and_then(Value::as_bool) == Some(true),
            schema: parameter
                .get("schema")
                .cloned()
                .unwrap_or(Value::Object(Map::new())),
            description: parameter
                .get("description")
                .and_then(Value::as_str)
                .map(str::to_string),
        });
    }

    let body = object.get("requestBody").map(|body| {
        let schema = body
            .pointer("/content/application~1json/schema")
            .cloned()
            .unwrap_or_else(|| {
                notes.push("the request body is not JSON; it is sent as JSON".into());
                Value::Object(Map::new())
            });
        let required = body.get("required").and_then(Value::as_bool) == Some(true);
        (schema, required)
    });

    let mut responses = Vec::new();
    for (status, response) in object
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let Ok(status) = status.parse::<u16>() else {
            if status != "default" {
                notes.push(format!("the answers `{status}` are not typed"));
            }
            continue;
        };
        responses.push(Response {
            status,
            content: content(response),
        });
    }

    let security = object.get("security").or(global_security);
    let secured = security
        .and_then(Value::as_array)
        .is_some_and(|requirements| {
            requirements
                .iter()
                .any(|requirement| requirement.as_object().is_some_and(|r| !r.is_empty()))
        });

    Operation {
        member,
        params_type,
        result_type,
        method: method.to_ascii_uppercase(),
        path: path.to_string(),
        summary: object
            .get("summary")
            .and_then(Value::as_str)
            .map(str::to_string),
        parameters,
        body,
        responses,
        secured,
        notes,
    }
}

fn content(response: &Value) -> Content {
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return Content::Empty;
    };
    let json = content
        .iter()
        .find(|(media, _)| media.contains("json"))
        .map(|(_, media)| {
            media
                .get("schema")
                .cloned()
                .unwrap_or(Value::Object(Map::new()))
        });
    let text = content.keys().any(|media| media.starts_with("text/"));
    match (json, text) {
        (Some(schema), false) => Content::Json(schema),
        (Some(schema), true) => Content::JsonOrText(schema),
        (None, true) => Content::Text,
        // Another media type: read as text, or JSON when the server says JSON.
        (None, false) => Content::Json(Value::Object(Map::new())),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn operations_follow_the_document() {
        let document = json!({
            "security": [],
            "paths": {
                "/posts/{id}": {
                    "get": {
                        "operationId": "post",
                        "parameters": [
                            { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                            { "name": "id", "in": "query", "schema": { "type": "string" } }
                        ],
                        "responses": {
                            "200": { "description": "", "content": { "application/json": { "schema": {} } } },
                            "204": { "description": "" },
                            "default": { "description": "" }
                        },
                        "security": [{ "bearerAuth": [] }, {}]
                    }
                }
            }
        });
        let found = operations(&document, &mut Names::members(), &mut Names::types());
        assert_eq!(found.len(), 1);
        let post = &found[0];
        assert_eq!(
            (post.member.as_str(), post.method.as_str()),
            ("post", "GET")
        );
        assert_eq!(
            post.parameters.len(),
            1,
            "the clashing query parameter is left out"
        );
        assert_eq!(post.notes.len(), 1);
        assert_eq!(
            post.responses.iter().map(|r| r.status).collect::<Vec<_>>(),
            [200, 204]
        );
        assert!(post.secured);
        assert!(!post.params_optional());
    }
}
