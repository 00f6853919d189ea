//! Declared parameters and request bodies are enforced before the handler runs: a request that
//! breaks them is a 400 listing every violation with its JSON pointer; a valid one reaches the
//! handler untouched (parameters still as strings, unless the route lists `typed_params`: then
//! the JS `req` the bridge builds holds numbers and booleans).

mod http_support;

use backworks_runtime::contract::{
    HandlerCall, HandlerError, HandlerRequest, HandlerResponse, ParamKind, ParamLocation,
    ResponseBody, TypedParam,
};
use backworks_runtime::http::{RouteSpec, ServiceSpec};
use http_support::{TestServer, get, request};
use serde_json::json;

const DOCUMENT: &str = r##"{
  "openapi": "3.1.0",
  "info": { "title": "validated", "version": "1.0.0" },
  "paths": {
    "/items/{id}": {
      "post": {
        "parameters": [
          { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } },
          { "name": "mode", "in": "query", "required": true, "schema": { "type": "string", "enum": ["fast", "safe"] } },
          { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "maximum": 50 } },
          { "name": "dry", "in": "query", "required": false, "schema": { "type": "boolean" } }
        ],
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Item" } } }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Item": {
        "type": "object",
        "required": ["name"],
        "properties": {
          "name": { "type": "string", "minLength": 1 },
          "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 2 }
        },
        "additionalProperties": false
      }
    }
  }
}"##;

static VALIDATED: ServiceSpec = ServiceSpec {
    name: "validated",
    version: "1.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 4096,
    global_headers: &[],
    routes: &[
        RouteSpec {
            method: "POST",
            path: "/items/{id}",
            endpoint: "items",
            timeout_ms: 5_000,
            handler: http_support::echo,
            operation: Some("/paths/~1items~1{id}/post"),
            typed_params: &[],
            auth: backworks_runtime::auth::Access::Public,
        },
        // The same operation, declared with `typed_params: true`.
        RouteSpec {
            method: "POST",
            path: "/typed/{id}",
            endpoint: "typed",
            timeout_ms: 5_000,
            handler: js_request,
            operation: Some("/paths/~1items~1{id}/post"),
            typed_params: &[
                TypedParam {
                    location: ParamLocation::Path,
                    name: "id",
                    kind: ParamKind::Integer,
                },
                TypedParam {
                    location: ParamLocation::Query,
                    name: "limit",
                    kind: ParamKind::Integer,
                },
                TypedParam {
                    location: ParamLocation::Query,
                    name: "dry",
                    kind: ParamKind::Boolean,
                },
            ],
            auth: backworks_runtime::auth::Access::Public,
        },
    ],
    openapi: Some(DOCUMENT),
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

/// Answers with the JSON of the JS `req` object the bridge builds (`JSON.stringify(req)`),
/// so the parameters' JS types show: numbers and booleans unquoted, strings quoted.
fn js_request(req: HandlerRequest) -> HandlerCall {
    js_request_answer(req).into()
}

fn js_request_answer(req: HandlerRequest) -> Result<HandlerResponse, HandlerError> {
    let value = backworks_runtime::bridge::request_value(&req)?;
    let params = backworks_runtime::js::Value::object([
        (
            "path_params",
            backworks_runtime::js::access::get(&value, "path_params").unwrap(),
        ),
        (
            "query_params",
            backworks_runtime::js::access::get(&value, "query_params").unwrap(),
        ),
    ]);
    let text =
        backworks_runtime::js::json::stringify(&params, &backworks_runtime::js::Value::Undefined)
            .unwrap()
            .unwrap_or_default();
    Ok(HandlerResponse {
        status: 200,
        headers: vec![],
        body: ResponseBody::Json(text),
    })
}

fn post(server: &TestServer, path: &str, body: &str) -> http_support::Reply {
    request(
        "POST",
        &server.url(path),
        &[("content-type", "application/json")],
        Some(body.as_bytes()),
    )
}

#[test]
fn a_valid_request_reaches_the_handler_with_string_parameters() {
    let server = TestServer::start(&VALIDATED);
    let reply = post(
        &server,
        "/items/7?mode=fast&limit=10&dry=true",
        r#"{"name":"x","tags":["a"]}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let echoed = reply.json();
    assert_eq!(echoed["path_params"], json!([["id", "7"]]));
    assert_eq!(echoed["body"]["text"], r#"{"name":"x","tags":["a"]}"#);
}

#[test]
fn typed_params_reach_the_handler_as_numbers_and_booleans() {
    let server = TestServer::start(&VALIDATED);
    let reply = post(
        &server,
        "/typed/7?mode=fast&limit=10&dry=true",
        r#"{"name":"x"}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.text(),
        r#"{"path_params":{"id":7},"query_params":{"mode":"fast","limit":10,"dry":true}}"#
    );
    // Undeclared and string parameters stay strings; a broken one never reaches the handler.
    let reply = post(
        &server,
        "/typed/7?mode=safe&dry=false&extra=1",
        r#"{"name":"x"}"#,
    );
    assert_eq!(
        reply.text(),
        r#"{"path_params":{"id":7},"query_params":{"mode":"safe","dry":false,"extra":"1"}}"#
    );
    let reply = post(&server, "/typed/7?mode=safe&dry=yes", r#"{"name":"x"}"#);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["violations"][0]["pointer"], "/query/dry");
}

#[test]
fn every_violation_is_listed_with_its_pointer() {
    let server = TestServer::start(&VALIDATED);
    let reply = post(
        &server,
        "/items/0?limit=x&dry=maybe",
        r#"{"tags":["a",2,"c"],"extra":1}"#,
    );
    assert_eq!(reply.status, 400);
    let body = reply.json();
    assert_eq!(body["error"], "invalid_request");
    let pointers: Vec<&str> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|violation| violation["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        [
            "/path/id",
            "/query/mode",
            "/query/limit",
            "/query/dry",
            "/body/name",
            "/body/tags",
            "/body/tags/1",
            "/body/extra"
        ]
    );
    assert_eq!(body["message"], "8 problems with the request");
    assert_eq!(
        body["violations"][1]["message"],
        "required parameter is missing"
    );
}

#[test]
fn a_missing_body_or_a_text_body_is_a_violation() {
    let server = TestServer::start(&VALIDATED);
    let missing = request("POST", &server.url("/items/1?mode=safe"), &[], None);
    assert_eq!(missing.status, 400);
    assert_eq!(missing.json()["message"], "/body: a JSON body is required");
    let text = request(
        "POST",
        &server.url("/items/1?mode=safe"),
        &[("content-type", "text/plain")],
        Some(b"hi"),
    );
    assert_eq!(text.status, 400);
    assert_eq!(text.json()["violations"][0]["pointer"], "/body");
    // Other routes of the server are unaffected.
    assert_eq!(get(&server.url("/_backworks/health")).status, 200);
}
