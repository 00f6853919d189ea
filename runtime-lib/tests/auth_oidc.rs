//! `auth.jwt.issuer` against a real OpenID Connect provider: `oidc-provider` (npm), started by
//! `tests/oidc/provider.mjs` on a loopback port, issues JWT access tokens through the real
//! client-credentials flow at its token endpoint; the server finds its keys by discovery and
//! the JWKS, follows a key rotation (an unknown `kid` fetches the keys again), and refuses
//! what it cannot verify — 401 for forged or foreign tokens, 503 while no key can be had.
//!
//! Needs `node` and the root `node_modules` (`npm ci`), as the rest of the suite does.

mod auth_support;
mod http_support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use auth_support::{AuthServer, TempDir, base64url, rs256, rsa};
use backworks_runtime::auth::{Access, AuthSpec, JwtAlgorithm, JwtKeys, JwtSpec};
use backworks_runtime::bridge;
use backworks_runtime::contract::{HandlerCall, HandlerRequest};
use backworks_runtime::http::{RouteSpec, ServiceSpec};
use backworks_runtime::js::{access, builders};
use http_support::{Reply, request};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

/// The resource (audience) the service accepts tokens for.
const AUDIENCE: &str = "https://api.notes.test";
/// The provider's client secret (`tests/oidc/provider.mjs`; a test value).
const CLIENT_SECRET: &str = "a-client-secret-for-the-tests-only-0123456789";
/// Fetches start at most this often (`runtime-lib/src/auth/jwks.rs`, `MIN_REFETCH`).
const MIN_REFETCH: Duration = Duration::from_secs(10);

/// `(req, ctx) => ({ body: { user: ctx.user } })`, through the real bridge.
fn whoami(req: HandlerRequest) -> HandlerCall {
    bridge::run_stateless(req, |_, _, ctx| {
        let user = access::get(&ctx.value(), "user")?;
        Ok(builders::object([(
            "body",
            builders::object([("user", user)]),
        )]))
    })
}

const fn route(path: &'static str, auth: Access) -> RouteSpec {
    RouteSpec {
        method: "GET",
        path,
        endpoint: path,
        timeout_ms: 5_000,
        handler: whoami,
        operation: None,
        typed_params: &[],
        auth,
    }
}

static AUTH: AuthSpec = AuthSpec {
    jwt: Some(JwtSpec {
        keys: JwtKeys::Discovered {
            jwks_url: None,
            algorithms: &[
                JwtAlgorithm::Rs256,
                JwtAlgorithm::Es256,
                JwtAlgorithm::EdDsa,
            ],
        },
        issuer: Some("${OIDC_ISSUER}"),
        audience: Some(AUDIENCE),
        roles_claim: "roles",
        leeway_s: 30,
    }),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

static SERVICE: ServiceSpec = ServiceSpec {
    auth: Some(&AUTH),
    ..SERVICE_FIELDS
};

/// The same service, with the key set's address given (`jwks_url`): no discovery.
static AUTH_JWKS_URL: AuthSpec = AuthSpec {
    jwt: Some(JwtSpec {
        keys: JwtKeys::Discovered {
            jwks_url: Some("${OIDC_JWKS}"),
            algorithms: &[JwtAlgorithm::Rs256],
        },
        issuer: Some("${OIDC_ISSUER}"),
        audience: Some(AUDIENCE),
        roles_claim: "roles",
        leeway_s: 30,
    }),
    ..AUTH_FIELDS
};

/// [`AUTH`]'s fields, for variants.
const AUTH_FIELDS: AuthSpec = AuthSpec {
    jwt: None,
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

static SERVICE_JWKS_URL: ServiceSpec = ServiceSpec {
    auth: Some(&AUTH_JWKS_URL),
    ..SERVICE_FIELDS
};

const SERVICE_FIELDS: ServiceSpec = ServiceSpec {
    name: "oidc-test",
    version: "0.0.0",
    default_port: 0,
    default_host: "127.0.0.1",
    body_limit: 1024,
    global_headers: &[],
    routes: &[
        route("/me", Access::Required { roles: &[] }),
        route("/report", Access::Required { roles: &["admin"] }),
        route("/open", Access::Public),
    ],
    openapi: None,
    data: None,
    auth: None,
    transport: None,
    dashboard: None,
};

/// A running `oidc-provider`; stopped on drop.
struct Provider {
    child: Child,
    issuer: String,
    port: u16,
    state: PathBuf,
}

impl Provider {
    /// A provider with fresh keys on a free port.
    fn start(state: &Path) -> Provider {
        Provider::run(state, None, false)
    }

    /// Stops this provider and starts it again on the same port (same issuer), with a new
    /// signing key first when `rotate` (the old one stays published).
    fn restart(mut self, rotate: bool) -> Provider {
        self.stop();
        Provider::run(&self.state, Some(self.port), rotate)
    }

    fn run(state: &Path, port: Option<u16>, rotate: bool) -> Provider {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert!(
            root.join("node_modules/oidc-provider").is_dir(),
            "oidc-provider is not installed: run `npm ci` at the repository root"
        );
        let mut command = Command::new("node");
        command
            .current_dir(&root)
            .arg("tests/oidc/provider.mjs")
            .arg("--state")
            .arg(state)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(port) = port {
            command.args(["--port", &port.to_string()]);
        }
        if rotate {
            command.arg("--rotate");
        }
        let mut child = command.spawn().expect("node runs");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the provider prints its issuer");
        let issuer = line
            .trim()
            .strip_prefix("issuer ")
            .unwrap_or_else(|| panic!("the provider did not start: {line:?}"))
            .to_owned();
        let port = issuer
            .rsplit(':')
            .next()
            .and_then(|port| port.parse().ok())
            .expect("the issuer names its port");
        Provider {
            child,
            issuer,
            port,
            state: state.to_owned(),
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// An access token for `client`, for `resource`, from the token endpoint.
    fn token(&self, client: &str, resource: &str) -> String {
        let form = format!(
            "grant_type=client_credentials&scope=notes&client_id={client}&client_secret={CLIENT_SECRET}&resource={}",
            resource.replace(':', "%3A").replace('/', "%2F")
        );
        let reply = request(
            "POST",
            &format!("{}/token", self.issuer),
            &[("content-type", "application/x-www-form-urlencoded")],
            Some(form.as_bytes()),
        );
        assert_eq!(reply.status, 200, "token endpoint: {}", reply.text());
        reply.json()["access_token"]
            .as_str()
            .expect("an access token")
            .to_owned()
    }

    /// The provider's published key set.
    fn jwks(&self) -> Value {
        request("GET", &format!("{}/jwks", self.issuer), &[], None).json()
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The service, trusting `issuer`.
fn server(issuer: &str) -> AuthServer {
    let issuer = issuer.to_owned();
    AuthServer::start_with_lookup(
        &SERVICE,
        move |name| (name == "OIDC_ISSUER").then(|| issuer.clone()),
        None,
    )
}

fn get(server: &AuthServer, path: &str, token: &str) -> Reply {
    request(
        "GET",
        &server.url(path),
        &[("authorization", &format!("Bearer {token}"))],
        None,
    )
}

fn kid(token: &str) -> String {
    jsonwebtoken::decode_header(token)
        .expect("a JWT")
        .kid
        .expect("the provider names its key")
}

/// The claims of `token`, unverified (to forge tokens that say the same).
fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("a JWT payload");
    let mut bytes = Vec::new();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut buffer, mut bits) = (0u32, 0);
    for c in payload.bytes() {
        let value = alphabet.iter().position(|&a| a == c).expect("base64url") as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    serde_json::from_slice(&bytes).expect("JSON claims")
}

fn assert_refused(reply: &Reply, why: &str) {
    assert_eq!(reply.status, 401, "{why}: {}", reply.text());
    assert_eq!(
        reply.header("www-authenticate"),
        Some(r#"Bearer error="invalid_token""#),
        "{why}"
    );
}

#[test]
fn a_token_from_the_provider_is_admitted_with_its_roles() {
    let state = TempDir::new("oidc-valid");
    let provider = Provider::start(&state.0);
    let server = server(&provider.issuer);

    let admin = provider.token("notes-admin", AUDIENCE);
    let me = get(&server, "/me", &admin);
    assert_eq!(me.status, 200, "{}", me.text());
    let user = &me.json()["user"];
    assert_eq!(user["id"], "notes-admin");
    assert_eq!(user["roles"], json!(["admin"]));
    assert_eq!(user["claims"]["iss"], provider.issuer.as_str());
    assert_eq!(user["claims"]["aud"], AUDIENCE);
    assert_eq!(get(&server, "/report", &admin).status, 200);

    let reader = provider.token("notes-reader", AUDIENCE);
    assert_eq!(get(&server, "/me", &reader).status, 200);
    assert_eq!(get(&server, "/report", &reader).status, 403);
}

#[test]
fn a_token_for_another_audience_is_refused() {
    let state = TempDir::new("oidc-audience");
    let provider = Provider::start(&state.0);
    let server = server(&provider.issuer);
    let foreign = provider.token("notes-admin", "https://other-api.test");
    let reply = get(&server, "/me", &foreign);
    assert_refused(&reply, "wrong audience");
    assert!(reply.text().contains("audience"), "{}", reply.text());
}

#[test]
fn a_token_signed_with_a_rotated_key_is_admitted_after_a_refetch() {
    let state = TempDir::new("oidc-rotation");
    let provider = Provider::start(&state.0);
    let server = server(&provider.issuer);
    let before = provider.token("notes-admin", AUDIENCE);
    // The first token's request fetches the keys, somewhere between these two instants.
    let fetch_earliest = Instant::now();
    assert_eq!(get(&server, "/me", &before).status, 200);
    let fetch_latest = Instant::now();

    let provider = provider.restart(true);
    let after = provider.token("notes-admin", AUDIENCE);
    assert_ne!(
        kid(&after),
        kid(&before),
        "the provider signs with its new key"
    );
    assert_eq!(provider.jwks()["keys"].as_array().map(Vec::len), Some(2));

    // Within MIN_REFETCH of the last fetch an unknown kid fetches nothing: refused.
    if fetch_earliest.elapsed() < MIN_REFETCH - Duration::from_secs(2) {
        assert_refused(
            &get(&server, "/me", &after),
            "unknown kid, fetch rate-limited",
        );
    }
    std::thread::sleep(
        MIN_REFETCH.saturating_sub(fetch_latest.elapsed()) + Duration::from_millis(200),
    );
    let me = get(&server, "/me", &after);
    assert_eq!(me.status, 200, "the new kid is fetched: {}", me.text());
    assert_eq!(me.json()["user"]["roles"], json!(["admin"]));
    // The old key is still published, so its tokens still verify.
    assert_eq!(get(&server, "/me", &before).status, 200);
}

#[test]
fn forged_tokens_are_refused() {
    let state = TempDir::new("oidc-forged");
    let provider = Provider::start(&state.0);
    let server = server(&provider.issuer);
    let genuine = provider.token("notes-admin", AUDIENCE);
    assert_eq!(get(&server, "/me", &genuine).status, 200);
    let claims = claims_of(&genuine);
    let published = provider.jwks()["keys"][0].clone();
    let real_kid = kid(&genuine);

    // Algorithm confusion: HS256 keyed with the public key's published bytes, naming its kid.
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(real_kid.clone());
    for secret in [
        published.to_string(),
        published["n"].as_str().unwrap().to_owned(),
    ] {
        let key = EncodingKey::from_secret(secret.as_bytes()).unwrap();
        let forged = jsonwebtoken::encode(&header, &claims, &key).unwrap();
        assert_refused(&get(&server, "/me", &forged), "HS256 with the public key");
    }

    // `alg: none`, naming the real kid.
    let unsigned = format!(
        "{}.{}.",
        base64url(
            json!({ "alg": "none", "typ": "JWT", "kid": real_kid })
                .to_string()
                .as_bytes()
        ),
        base64url(claims.to_string().as_bytes())
    );
    assert_refused(&get(&server, "/me", &unsigned), "alg none");

    // Signed by a key the provider never published: under the real kid, an unknown kid, none.
    let key = EncodingKey::from_rsa_pem(rsa().private_pem.as_bytes()).unwrap();
    for kid in [Some(real_kid.clone()), Some("made-up".to_owned()), None] {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = kid.clone();
        let forged = jsonwebtoken::encode(&header, &claims, &key).unwrap();
        assert_refused(
            &get(&server, "/me", &forged),
            &format!("foreign key, kid {kid:?}"),
        );
    }
    // The same foreign signature through the helpers' RS256 signer (no kid).
    assert_refused(&get(&server, "/me", &rs256(&claims, rsa())), "foreign key");
    // And the genuine token still passes: nothing above poisoned the cache.
    assert_eq!(get(&server, "/me", &genuine).status, 200);
}

#[test]
fn no_keys_while_the_provider_is_down_is_503_then_it_recovers() {
    let state = TempDir::new("oidc-down");
    let mut provider = Provider::start(&state.0);
    let token = provider.token("notes-admin", AUDIENCE);
    let issuer = provider.issuer.clone();
    provider.stop();

    // The server starts although its provider is down, serves what needs no caller, and
    // lets no token in.
    let server = server(&issuer);
    let reply = get(&server, "/me", &token);
    // The failed fetch started before this instant.
    let refused_at = Instant::now();
    assert_eq!(reply.status, 503, "{}", reply.text());
    assert!(reply.header("retry-after").is_some(), "{reply:?}");
    assert_eq!(request("GET", &server.url("/open"), &[], None).status, 200);
    assert_eq!(get(&server, "/me", &token).status, 503, "still no keys");

    // The provider comes back (same keys, same port): the next fetch lets the token in.
    let _provider = provider.restart(false);
    std::thread::sleep(
        MIN_REFETCH.saturating_sub(refused_at.elapsed()) + Duration::from_millis(200),
    );
    let me = get(&server, "/me", &token);
    assert_eq!(me.status, 200, "{}", me.text());
}

#[test]
fn a_discovery_document_naming_another_issuer_is_not_trusted() {
    // The same provider under another name: its discovery document says `127.0.0.1`, the
    // service expects `localhost` (OpenID Connect Discovery §4.3: they must be identical), so
    // its keys are never taken, and its tokens are never admitted.
    let state = TempDir::new("oidc-mixup");
    let provider = Provider::start(&state.0);
    let alias = provider.issuer.replace("127.0.0.1", "localhost");
    let discovery = request(
        "GET",
        &format!("{alias}/.well-known/openid-configuration"),
        &[],
        None,
    );
    assert_eq!(
        discovery.status, 200,
        "the provider answers under the alias"
    );
    assert_eq!(discovery.json()["issuer"], provider.issuer.as_str());
    let server = server(&alias);
    let token = provider.token("notes-admin", AUDIENCE);
    let reply = get(&server, "/me", &token);
    assert_eq!(reply.status, 503, "{}", reply.text());
}

#[test]
fn a_jwks_url_skips_discovery() {
    let state = TempDir::new("oidc-jwks-url");
    let provider = Provider::start(&state.0);
    let (issuer, jwks) = (provider.issuer.clone(), format!("{}/jwks", provider.issuer));
    let server = AuthServer::start_with_lookup(
        &SERVICE_JWKS_URL,
        move |name| match name {
            "OIDC_ISSUER" => Some(issuer.clone()),
            "OIDC_JWKS" => Some(jwks.clone()),
            _ => None,
        },
        None,
    );
    let token = provider.token("notes-reader", AUDIENCE);
    let me = get(&server, "/me", &token);
    assert_eq!(me.status, 200, "{}", me.text());
    assert_eq!(me.json()["user"]["roles"], json!(["reader"]));
}
