//! Public-key providers over real HTTP (RS256, ES256, EdDSA, with key pairs made by `openssl`
//! at test time), algorithm confusion, and the start-up refusals for keys the environment lacks
//! or holds in an unusable form.

mod auth_support;
mod http_support;

use auth_support::{AuthServer, claims, ec, ed25519, eddsa, es256, hs256, rs256, rsa, rsa_other};
use backworks_runtime::auth::{Access, AuthSpec, Authenticator, JwtAlgorithm, JwtKeys, JwtSpec};
use backworks_runtime::contract::{HandlerCall, HandlerRequest, HandlerResponse, ResponseBody};
use backworks_runtime::http::{RouteSpec, ServiceSpec};
use http_support::{Reply, request};
use serde_json::json;

fn ok(_: HandlerRequest) -> HandlerCall {
    HandlerCall::Ready(Ok(HandlerResponse {
        status: 200,
        headers: vec![],
        body: ResponseBody::Text("admitted".into()),
    }))
}

const ROUTES: &[RouteSpec] = &[RouteSpec {
    method: "GET",
    path: "/me",
    endpoint: "me",
    timeout_ms: 5_000,
    handler: ok,
    operation: None,
    typed_params: &[],
    auth: Access::Required { roles: &[] },
}];

const fn jwt(algorithm: JwtAlgorithm, key_variable: &'static str) -> JwtSpec {
    JwtSpec {
        keys: JwtKeys::Fixed {
            algorithm,
            variable: key_variable,
        },
        issuer: None,
        audience: None,
        roles_claim: "roles",
        leeway_s: 30,
    }
}

const fn service(auth: &'static AuthSpec) -> ServiceSpec {
    ServiceSpec {
        name: "auth-keys-test",
        version: "0.0.0",
        default_port: 0,
        default_host: "127.0.0.1",
        body_limit: 1024,
        global_headers: &[],
        routes: ROUTES,
        openapi: None,
        data: None,
        auth: Some(auth),
        transport: None,
        dashboard: None,
    }
}

static RS256_AUTH: AuthSpec = AuthSpec {
    jwt: Some(jwt(JwtAlgorithm::Rs256, "JWT_PUBLIC_KEY")),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};
static RS256: ServiceSpec = service(&RS256_AUTH);

static ES256_AUTH: AuthSpec = AuthSpec {
    jwt: Some(jwt(JwtAlgorithm::Es256, "JWT_PUBLIC_KEY")),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};
static ES256: ServiceSpec = service(&ES256_AUTH);

static EDDSA_AUTH: AuthSpec = AuthSpec {
    jwt: Some(jwt(JwtAlgorithm::EdDsa, "JWT_PUBLIC_KEY")),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};
static EDDSA: ServiceSpec = service(&EDDSA_AUTH);

static HS256_AUTH: AuthSpec = AuthSpec {
    jwt: Some(jwt(JwtAlgorithm::Hs256, "JWT_SECRET")),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

fn get(server: &AuthServer, token: &str) -> Reply {
    let bearer = format!("Bearer {token}");
    request(
        "GET",
        &server.url("/me"),
        &[("authorization", &bearer)],
        None,
    )
}

fn assert_invalid_token(reply: &Reply) {
    assert_eq!(reply.status, 401, "{reply:?}");
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer error="invalid_token""#)
    );
}

#[test]
fn rs256_accepts_a_token_signed_with_the_private_key() {
    let server = AuthServer::start(&RS256, &rsa().public_pem);
    let reply = get(&server, &rs256(&claims("u1", json!({})), rsa()));
    assert_eq!(
        (reply.status, reply.body.as_slice()),
        (200, b"admitted".as_slice())
    );
}

#[test]
fn rs256_refuses_a_token_signed_with_another_key() {
    let server = AuthServer::start(&RS256, &rsa().public_pem);
    assert_invalid_token(&get(&server, &rs256(&claims("u1", json!({})), rsa_other())));
}

#[test]
fn rs256_refuses_an_hs256_token_signed_with_the_public_key_as_secret() {
    // Algorithm confusion: a verifier that let the token's `alg` choose would take the public
    // PEM (which the attacker knows) as an HMAC secret and accept this.
    let server = AuthServer::start(&RS256, &rsa().public_pem);
    let forged = hs256(&claims("admin", json!({})), &rsa().public_pem);
    assert_invalid_token(&get(&server, &forged));
}

#[test]
fn rs256_refuses_an_expired_token() {
    let server = AuthServer::start(&RS256, &rsa().public_pem);
    let token = rs256(
        &claims("u1", json!({ "exp": auth_support::now() - 3600 })),
        rsa(),
    );
    assert_invalid_token(&get(&server, &token));
}

#[test]
fn a_pem_written_with_escaped_newlines_is_accepted() {
    let escaped = rsa().public_pem.trim_end().replace('\n', "\\n");
    let server = AuthServer::start(&RS256, &escaped);
    assert_eq!(
        get(&server, &rs256(&claims("u1", json!({})), rsa())).status,
        200
    );
}

#[test]
fn es256_accepts_a_token_signed_with_the_private_key() {
    let server = AuthServer::start(&ES256, &ec().public_pem);
    assert_eq!(
        get(&server, &es256(&claims("u1", json!({})), ec())).status,
        200
    );
}

#[test]
fn es256_refuses_an_rs256_token() {
    let server = AuthServer::start(&ES256, &ec().public_pem);
    assert_invalid_token(&get(&server, &rs256(&claims("u1", json!({})), rsa())));
}

#[test]
fn eddsa_accepts_a_token_signed_with_the_private_key() {
    let server = AuthServer::start(&EDDSA, &ed25519().public_pem);
    assert_eq!(
        get(&server, &eddsa(&claims("u1", json!({})), ed25519())).status,
        200
    );
}

#[test]
fn eddsa_refuses_a_token_signed_with_another_algorithm() {
    let server = AuthServer::start(&EDDSA, &ed25519().public_pem);
    assert_invalid_token(&get(&server, &es256(&claims("u1", json!({})), ec())));
}

fn start_error(spec: &AuthSpec, value: Option<&str>) -> String {
    let value = value.map(str::to_owned);
    Authenticator::with_lookup(spec, &move |_| value.clone())
        .expect_err("the authenticator refuses to build")
}

#[test]
fn a_missing_secret_variable_is_a_start_up_error_naming_it() {
    let error = start_error(&HS256_AUTH, None);
    assert!(error.contains("JWT_SECRET"), "{error}");
    assert!(!error.contains('\n'), "one line: {error}");
}

#[test]
fn a_short_hs256_secret_is_a_start_up_error_that_does_not_show_it() {
    let error = start_error(&HS256_AUTH, Some("hunter2"));
    assert!(error.contains("JWT_SECRET"), "{error}");
    assert!(!error.contains("hunter2"), "{error}");
}

#[test]
fn a_public_key_that_is_not_a_pem_is_a_start_up_error() {
    let error = start_error(&RS256_AUTH, Some("not a key"));
    assert!(error.contains("JWT_PUBLIC_KEY"), "{error}");
    assert!(!error.contains("not a key"), "{error}");
}

#[test]
fn a_public_key_of_another_algorithm_is_a_start_up_error() {
    let error = start_error(&RS256_AUTH, Some(&ec().public_pem));
    assert!(error.contains("JWT_PUBLIC_KEY"), "{error}");
}
