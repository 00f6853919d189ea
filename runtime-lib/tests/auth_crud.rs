//! The generated CRUD routes of a service that declares `auth:` refuse anonymous callers, and
//! admit a verified one; without `auth:` they stay open.

mod auth_support;
mod http_support;
mod storage_support;

use auth_support::{AuthServer, SECRET, claims, hs256};
use backworks_runtime::http::ServiceSpec;
use http_support::request;
use serde_json::json;

use crate::auth_support::HS256_AUTH as AUTH;

static GUARDED: ServiceSpec = ServiceSpec {
    auth: Some(&AUTH),
    ..storage_support::SERVICE_FIELDS
};

fn sqlite_file(name: &str) -> &'static backworks_runtime::storage::DataSpec {
    let path =
        std::env::temp_dir().join(format!("backworks-auth-{name}-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    storage_support::schema::data_at(&format!("sqlite://{}", path.display()))
}

#[test]
fn crud_routes_refuse_anonymous_callers_when_auth_is_declared() {
    let server = AuthServer::start_with_data(&GUARDED, SECRET, Some(sqlite_file("anon")));
    let list = request("GET", &server.url("/authors"), &[], None);
    assert_eq!(list.status, 401, "{list:?}");
    assert_eq!(list.header("www-authenticate"), Some("Bearer"));
    let create = request(
        "POST",
        &server.url("/authors"),
        &[("content-type", "application/json")],
        Some(br#"{"name":"Anonymous"}"#),
    );
    assert_eq!(create.status, 401, "{create:?}");
    let one = request("DELETE", &server.url("/authors/1"), &[], None);
    assert_eq!(one.status, 401, "{one:?}");
}

#[test]
fn crud_routes_refuse_an_invalid_token() {
    let server = AuthServer::start_with_data(&GUARDED, SECRET, Some(sqlite_file("invalid")));
    let reply = request(
        "GET",
        &server.url("/authors"),
        &[("authorization", "Bearer a.b.c")],
        None,
    );
    assert_eq!(reply.status, 401);
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer error="invalid_token""#)
    );
}

#[test]
fn crud_routes_admit_a_verified_caller() {
    let server = AuthServer::start_with_data(&GUARDED, SECRET, Some(sqlite_file("admit")));
    let bearer = format!("Bearer {}", hs256(&claims("u1", json!({})), SECRET));
    let created = request(
        "POST",
        &server.url("/authors"),
        &[
            ("authorization", &bearer),
            ("content-type", "application/json"),
        ],
        Some(br#"{"name":"Ada"}"#),
    );
    assert_eq!(created.status, 201, "{created:?}");
    let list = request(
        "GET",
        &server.url("/authors"),
        &[("authorization", &bearer)],
        None,
    );
    assert_eq!(list.status, 200, "{list:?}");
}

#[test]
fn crud_routes_stay_open_without_auth() {
    let server =
        AuthServer::start_with_data(&storage_support::SERVICE, SECRET, Some(sqlite_file("open")));
    assert_eq!(
        request("GET", &server.url("/authors"), &[], None).status,
        200
    );
}
