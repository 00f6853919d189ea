//! Bearer tokens over real HTTP, HS256: every way a token can fail is its own test, each
//! expecting what RFC 6750 and RFC 7519 say the server must answer (401 with a `Bearer`
//! challenge, 403 for a caller without the role), and `ctx.user` as a handler sees it.

mod auth_support;
mod http_support;

use auth_support::{AuthServer, SECRET, claims, hs256, now, unsigned};
use backworks_runtime::auth::{Access, AuthSpec, JwtSpec};
use backworks_runtime::bridge;
use backworks_runtime::contract::{HandlerCall, HandlerRequest};
use backworks_runtime::http::{RouteSpec, ServiceSpec};
use backworks_runtime::js::{access, builders};
use http_support::{Reply, request};
use serde_json::{Value as Json, json};

const ISSUER: &str = "https://id.example.com";
const AUDIENCE: &str = "notes-api";

/// A compiled handler's shape: `(req, ctx) => ({ body: { user: ctx.user } })`, through the
/// real bridge, so `ctx.user` is built exactly as for generated code.
fn whoami(req: HandlerRequest) -> HandlerCall {
    bridge::run_stateless(req, |_, _, ctx| {
        let user = access::get(&ctx.value(), "user")?;
        Ok(builders::object([(
            "body",
            builders::object([("user", user)]),
        )]))
    })
}

/// Answers the request's body length, to show a refused request never reached it.
fn echo(req: HandlerRequest) -> HandlerCall {
    bridge::run_stateless(req, |_, req, _| {
        let body = access::get(&req, "body")?;
        Ok(builders::object([(
            "body",
            builders::object([("got", body)]),
        )]))
    })
}

const fn route(
    method: &'static str,
    path: &'static str,
    auth: Access,
    handler: backworks_runtime::contract::Handler,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        endpoint: path,
        timeout_ms: 5_000,
        handler,
        operation: None,
        typed_params: &[],
        auth,
    }
}

static AUTH: AuthSpec = AuthSpec {
    jwt: Some(JwtSpec {
        issuer: Some(ISSUER),
        audience: Some(AUDIENCE),
        roles_claim: "realm_access.roles",
        ..auth_support::HS256_JWT
    }),
    ..auth_support::HS256_AUTH_FIELDS
};

static SERVICE: ServiceSpec = ServiceSpec {
    name: "auth-test",
    version: "0.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 1024,
    global_headers: &[],
    routes: &[
        route("GET", "/me", Access::Required { roles: &[] }, whoami),
        route(
            "GET",
            "/report",
            Access::Required {
                roles: &["admin", "auditor"],
            },
            whoami,
        ),
        route("GET", "/feed", Access::Optional, whoami),
        route("GET", "/open", Access::Public, whoami),
        route("POST", "/echo", Access::Required { roles: &[] }, echo),
    ],
    openapi: None,
    data: None,
    auth: Some(&AUTH),
    transport: None,
    dashboard: None,
};

/// Claims this service accepts: right issuer and audience, valid for an hour.
fn good(extra: Json) -> Json {
    let mut extra = extra;
    let base = json!({ "iss": ISSUER, "aud": AUDIENCE });
    if let (Some(extra), Json::Object(base)) = (extra.as_object_mut(), base) {
        for (key, value) in base {
            extra.entry(key).or_insert(value);
        }
    }
    claims("user-42", extra)
}

fn get(server: &AuthServer, path: &str, token: Option<&str>) -> Reply {
    let bearer = token.map(|token| format!("Bearer {token}"));
    let headers: Vec<(&str, &str)> = bearer
        .iter()
        .map(|value| ("authorization", value.as_str()))
        .collect();
    request("GET", &server.url(path), &headers, None)
}

fn json_body(reply: &Reply) -> Json {
    assert_eq!(
        reply.header("content-type"),
        Some("application/json"),
        "{reply:?}"
    );
    serde_json::from_slice(&reply.body).expect("a JSON body")
}

/// RFC 6750 §3.1: a refused token is a 401 `invalid_token` challenge and an `unauthorized` body.
fn assert_invalid_token(reply: &Reply) {
    assert_eq!(reply.status, 401, "{reply:?}");
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer error="invalid_token""#)
    );
    let body = json_body(reply);
    assert_eq!(body["error"], "unauthorized");
    assert!(body["message"].is_string());
}

fn server() -> AuthServer {
    AuthServer::start(&SERVICE, SECRET)
}

#[test]
fn a_valid_token_reaches_the_handler_as_ctx_user() {
    let server = server();
    let token = hs256(
        &good(json!({ "realm_access": { "roles": ["reader", "admin"] }, "name": "Ada" })),
        SECRET,
    );
    let reply = get(&server, "/me", Some(&token));
    assert_eq!(reply.status, 200, "{reply:?}");
    let user = &json_body(&reply)["user"];
    assert_eq!(user["id"], "user-42");
    assert_eq!(user["roles"], json!(["reader", "admin"]));
    assert_eq!(user["claims"]["name"], "Ada");
    assert_eq!(user["claims"]["iss"], ISSUER);
    assert_eq!(user["claims"]["sub"], "user-42");
}

#[test]
fn no_token_is_401_with_a_bare_bearer_challenge() {
    let server = server();
    let reply = get(&server, "/me", None);
    assert_eq!(reply.status, 401);
    // RFC 6750 §3.1: no error code when the request carried no credentials.
    assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    assert_eq!(json_body(&reply)["error"], "unauthorized");
}

#[test]
fn a_malformed_token_is_401() {
    let server = server();
    assert_invalid_token(&get(&server, "/me", Some("not-a-jwt")));
}

#[test]
fn another_authorization_scheme_is_401() {
    let server = server();
    let reply = request(
        "GET",
        &server.url("/me"),
        &[("authorization", "Basic dXNlcjpwYXNz")],
        None,
    );
    assert_invalid_token(&reply);
}

#[test]
fn an_expired_token_is_401() {
    let server = server();
    // Past the 30 s leeway.
    let token = hs256(&good(json!({ "exp": now() - 120 })), SECRET);
    assert_invalid_token(&get(&server, "/me", Some(&token)));
}

#[test]
fn a_token_expired_within_the_leeway_is_accepted() {
    let server = server();
    let token = hs256(&good(json!({ "exp": now() - 5 })), SECRET);
    assert_eq!(get(&server, "/me", Some(&token)).status, 200);
}

#[test]
fn a_token_without_exp_is_401() {
    let server = server();
    let mut claims = good(json!({}));
    claims.as_object_mut().unwrap().remove("exp");
    assert_invalid_token(&get(&server, "/me", Some(&hs256(&claims, SECRET))));
}

#[test]
fn a_token_not_valid_yet_is_401() {
    let server = server();
    let token = hs256(&good(json!({ "nbf": now() + 600 })), SECRET);
    assert_invalid_token(&get(&server, "/me", Some(&token)));
}

#[test]
fn a_token_signed_with_another_secret_is_401() {
    let server = server();
    let token = hs256(&good(json!({})), "another-secret-of-at-least-32-bytes");
    assert_invalid_token(&get(&server, "/me", Some(&token)));
}

#[test]
fn a_token_with_a_tampered_payload_is_401() {
    let server = server();
    let token = hs256(&good(json!({})), SECRET);
    let parts: Vec<&str> = token.split('.').collect();
    let forged = auth_support::base64url(good(json!({ "sub": "admin" })).to_string().as_bytes());
    let tampered = format!("{}.{forged}.{}", parts[0], parts[2]);
    assert_invalid_token(&get(&server, "/me", Some(&tampered)));
}

#[test]
fn a_token_from_another_issuer_is_401() {
    let server = server();
    let token = hs256(&good(json!({ "iss": "https://evil.example.com" })), SECRET);
    assert_invalid_token(&get(&server, "/me", Some(&token)));
}

#[test]
fn a_token_without_an_issuer_is_401() {
    let server = server();
    let mut claims = good(json!({}));
    claims.as_object_mut().unwrap().remove("iss");
    assert_invalid_token(&get(&server, "/me", Some(&hs256(&claims, SECRET))));
}

#[test]
fn a_token_for_another_audience_is_401() {
    let server = server();
    let token = hs256(&good(json!({ "aud": "billing-api" })), SECRET);
    assert_invalid_token(&get(&server, "/me", Some(&token)));
}

#[test]
fn a_token_listing_the_audience_among_others_is_accepted() {
    let server = server();
    let token = hs256(&good(json!({ "aud": ["billing-api", AUDIENCE] })), SECRET);
    assert_eq!(get(&server, "/me", Some(&token)).status, 200);
}

#[test]
fn an_unsigned_alg_none_token_is_401() {
    let server = server();
    assert_invalid_token(&get(&server, "/me", Some(&unsigned(&good(json!({}))))));
}

#[test]
fn a_caller_without_the_role_is_403() {
    let server = server();
    let token = hs256(
        &good(json!({ "realm_access": { "roles": ["reader"] } })),
        SECRET,
    );
    let reply = get(&server, "/report", Some(&token));
    assert_eq!(reply.status, 403, "{reply:?}");
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer error="insufficient_scope""#)
    );
    assert_eq!(json_body(&reply)["error"], "forbidden");
}

#[test]
fn a_caller_with_no_roles_claim_is_403() {
    let server = server();
    let reply = get(&server, "/report", Some(&hs256(&good(json!({})), SECRET)));
    assert_eq!(reply.status, 403);
}

#[test]
fn a_caller_with_one_of_the_roles_is_admitted() {
    let server = server();
    let token = hs256(
        &good(json!({ "realm_access": { "roles": ["auditor"] } })),
        SECRET,
    );
    assert_eq!(get(&server, "/report", Some(&token)).status, 200);
}

#[test]
fn an_invalid_token_on_a_route_with_roles_is_401_not_403() {
    // A bad token on a role-restricted route is a 401: identity is settled before roles.
    let server = server();
    assert_invalid_token(&get(&server, "/report", Some("x.y.z")));
}

#[test]
fn optional_auth_without_a_token_is_anonymous() {
    let server = server();
    let reply = get(&server, "/feed", None);
    assert_eq!(reply.status, 200);
    assert_eq!(json_body(&reply), json!({ "user": null }));
}

#[test]
fn optional_auth_with_a_valid_token_sees_the_user() {
    let server = server();
    let reply = get(&server, "/feed", Some(&hs256(&good(json!({})), SECRET)));
    assert_eq!(reply.status, 200);
    assert_eq!(json_body(&reply)["user"]["id"], "user-42");
}

#[test]
fn optional_auth_with_an_invalid_token_is_still_401() {
    let server = server();
    let token = hs256(&good(json!({ "exp": now() - 3600 })), SECRET);
    assert_invalid_token(&get(&server, "/feed", Some(&token)));
}

#[test]
fn a_public_route_is_open() {
    let server = server();
    let reply = get(&server, "/open", None);
    assert_eq!(reply.status, 200);
    assert_eq!(json_body(&reply), json!({ "user": null }));
}

#[test]
fn the_check_runs_before_the_body_is_read() {
    let server = server();
    // Over the 1 KiB body limit: read first, it would be a 413.
    let body = vec![b'x'; 4096];
    let reply = request(
        "POST",
        &server.url("/echo"),
        &[("content-type", "text/plain")],
        Some(&body),
    );
    assert_eq!(reply.status, 401, "{reply:?}");
}

/// A route that requires a caller in a service with no way to verify one is refused.
static UNVERIFIABLE: ServiceSpec = ServiceSpec {
    auth: None,
    routes: &[route("GET", "/me", Access::Required { roles: &[] }, whoami)],
    ..SERVICE_FIELDS
};

const SERVICE_FIELDS: ServiceSpec = ServiceSpec {
    name: "auth-test",
    version: "0.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 1024,
    global_headers: &[],
    routes: &[],
    openapi: None,
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

#[test]
fn a_route_requiring_a_caller_without_an_authenticator_is_503() {
    let server = AuthServer::start(&UNVERIFIABLE, "");
    let reply = get(&server, "/me", Some(&hs256(&good(json!({})), SECRET)));
    assert_eq!(reply.status, 503, "{reply:?}");
    assert_eq!(json_body(&reply)["error"], "auth_unavailable");
}

#[test]
fn ctx_user_is_null_without_auth() {
    static OPEN: ServiceSpec = ServiceSpec {
        routes: &[route("GET", "/open", Access::Public, whoami)],
        ..SERVICE_FIELDS
    };
    let server = AuthServer::start(&OPEN, "");
    let reply = get(&server, "/open", None);
    assert_eq!(json_body(&reply), json!({ "user": null }));
}
