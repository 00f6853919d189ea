//! Enforcing what the blueprint declares, before the handler runs: path and query parameters
//! and the JSON request body are checked against the operation in the service's own OpenAPI
//! document, and every violation is reported with its JSON pointer.
//!
//! ```text
//! GET /posts/abc?limit=500   with  id: integer, limit: integer ≤ 50
//!   ──▶ 400 {"error":"invalid_request","message":"2 problems with the request",
//!            "violations":[{"pointer":"/path/id","message":"expected integer, got \"abc\""},
//!                          {"pointer":"/query/limit","message":"must be at most 50"}]}
//! ```
//!
//! Parameters still reach the handler as strings, as Node would see them, unless the endpoint
//! sets `typed_params: true` (`RouteSpec::typed_params`, converted in `crate::bridge`).

pub mod schema;

use serde_json::Value;

pub use schema::Violation;

use crate::contract::{HandlerRequest, RequestBody};

/// What the compiler inferred from a handler's code (`x-backworks-inferred`) documents the
/// handler, which answers its own refusals: it is not enforced.
const INFERRED: &str = "x-backworks-inferred";

fn inferred(declaration: &Value) -> bool {
    declaration.get(INFERRED) == Some(&Value::Bool(true))
}

/// Every way `request` breaks the declarations of `operation` (an OpenAPI operation object
/// inside `document`); parameters and bodies marked `x-backworks-inferred` are skipped.
pub fn check_request(
    document: &Value,
    operation: &Value,
    request: &HandlerRequest,
) -> Vec<Violation> {
    let mut violations = Vec::new();
    if let Some(Value::Array(parameters)) = operation.get("parameters") {
        for parameter in parameters.iter().filter(|parameter| !inferred(parameter)) {
            check_parameter(document, parameter, request, &mut violations);
        }
    }
    if let Some(body) = operation.get("requestBody").filter(|body| !inferred(body)) {
        check_body(document, body, &request.body, &mut violations);
    }
    violations
}

fn check_parameter(
    document: &Value,
    parameter: &Value,
    request: &HandlerRequest,
    out: &mut Vec<Violation>,
) {
    let (Some(name), Some(location)) = (
        parameter.get("name").and_then(Value::as_str),
        parameter.get("in").and_then(Value::as_str),
    ) else {
        return;
    };
    let pairs = match location {
        "path" => &request.path_params,
        "query" => &request.query_params,
        _ => return,
    };
    let pointer = format!("/{location}/{}", schema::escape(name));
    // As in the handler's `req.query_params`, a repeated name keeps its last value.
    let Some(text) = pairs
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
    else {
        if parameter.get("required") == Some(&Value::Bool(true)) {
            out.push(Violation {
                pointer,
                message: "required parameter is missing".to_string(),
            });
        }
        return;
    };
    let schema = parameter.get("schema").unwrap_or(&Value::Bool(true));
    let declared = schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("string");
    match typed_value(declared, text) {
        Some(value) => out.extend(schema::validate(document, schema, &value, &pointer)),
        None => out.push(Violation {
            pointer,
            message: format!("expected {declared}, got {}", Value::String(text.clone())),
        }),
    }
}

/// The parameter's text as the JSON value its declared type means, if it is one.
pub fn typed_value(declared: &str, text: &str) -> Option<Value> {
    match declared {
        "integer" => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Beyond i64 it is still an integer to JSON Schema: keep it as a float.
            text.parse::<i64>().ok().map(Value::from).or_else(|| {
                text.parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
            })
        }
        "number" => {
            let number: f64 = text.parse().ok()?;
            let plain = text
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
            (plain && number.is_finite())
                .then(|| serde_json::Number::from_f64(number).map(Value::Number))?
        }
        "boolean" => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => Some(Value::String(text.to_string())),
    }
}

fn check_body(document: &Value, declaration: &Value, body: &RequestBody, out: &mut Vec<Violation>) {
    let required = declaration.get("required") == Some(&Value::Bool(true));
    let schema = declaration.pointer("/content/application~1json/schema");
    let problem = |message: &str| Violation {
        pointer: "/body".to_string(),
        message: message.to_string(),
    };
    match body {
        RequestBody::Empty if required => out.push(problem("a JSON body is required")),
        RequestBody::Empty => {}
        RequestBody::Text(_) => out.push(problem(
            "expected a JSON body (content-type: application/json)",
        )),
        RequestBody::Json(text) => {
            // Malformed JSON is left to the handler bridge, which answers it with the same
            // `invalid_json` error (and V8's message) as for endpoints that declare nothing.
            let (Some(schema), Ok(value)) = (schema, serde_json::from_str::<Value>(text)) else {
                return;
            };
            out.extend(schema::validate(document, schema, &value, "/body"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inferred_parameters_and_bodies_are_not_enforced() {
        let operation = json!({
            "parameters": [
                { "name": "q", "in": "query", "required": true, "schema": { "type": "string" },
                  "x-backworks-inferred": true },
                { "name": "limit", "in": "query", "required": true, "schema": { "type": "integer" } }
            ],
            "requestBody": {
                "required": true,
                "content": { "application/json": { "schema": { "type": "object" } } },
                "x-backworks-inferred": true
            }
        });
        let request = HandlerRequest {
            method: "POST".into(),
            path: "/".into(),
            path_params: Vec::new(),
            query_params: Vec::new(),
            headers: Vec::new(),
            body: RequestBody::Json("5".into()),
            request_id: String::new(),
            deadline: std::time::Instant::now(),
            typed_params: &[],
            user: None,
            recording: None,
        };
        let violations = check_request(&json!({}), &operation, &request);
        let pointers: Vec<&str> = violations.iter().map(|v| v.pointer.as_str()).collect();
        assert_eq!(pointers, ["/query/limit"]);
    }

    #[test]
    fn parameter_text_becomes_typed_values() {
        assert_eq!(typed_value("integer", "-42"), Some(json!(-42)));
        assert_eq!(typed_value("integer", "4.2"), None);
        assert_eq!(typed_value("integer", "12abc"), None);
        assert_eq!(
            typed_value("integer", "99999999999999999999"),
            Some(json!(1e20))
        );
        assert_eq!(typed_value("number", "4.5e1"), Some(json!(45.0)));
        assert_eq!(typed_value("number", "Infinity"), None);
        assert_eq!(typed_value("boolean", "true"), Some(json!(true)));
        assert_eq!(typed_value("boolean", "yes"), None);
        assert_eq!(typed_value("string", "anything"), Some(json!("anything")));
    }
}
