//! Shared by the `auth_*` tests: key pairs made at test time with `openssl` (test keys only,
//! never committed), tokens signed with `jsonwebtoken` or written by hand (`alg: none`), and a
//! server started on a loopback port with an authenticator built from a given environment.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use backworks_runtime::auth::{Access, AuthSpec, Authenticator, JwtAlgorithm, JwtKeys, JwtSpec};
use backworks_runtime::http::{Overrides, ServiceSpec, router_with};
use backworks_runtime::storage::{DataSpec, Store};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::Value;

/// A 32-byte HS256 secret for the tests.
pub const SECRET: &str = "test-secret-of-at-least-32-bytes!!";

/// An external provider's HS256 tokens, keyed by `JWT_SECRET` (the tests give it [`SECRET`]),
/// roles in `roles`, no `iss` or `aud` required.
pub const HS256_JWT: JwtSpec = JwtSpec {
    keys: JwtKeys::Fixed {
        algorithm: JwtAlgorithm::Hs256,
        variable: "JWT_SECRET",
    },
    issuer: None,
    audience: None,
    roles_claim: "roles",
    leeway_s: 30,
};

/// A service that verifies [`HS256_JWT`] tokens only; its generated routes need a verified
/// caller. A constant, so a test can vary one field (`..HS256_AUTH_FIELDS`).
pub const HS256_AUTH_FIELDS: AuthSpec = AuthSpec {
    jwt: Some(HS256_JWT),
    users: None,
    api_keys: None,
    resources: Access::Required { roles: &[] },
};

/// [`HS256_AUTH_FIELDS`] as a static, for `ServiceSpec::auth`.
pub static HS256_AUTH: AuthSpec = HS256_AUTH_FIELDS;

/// A private key and its public PEM, made by `openssl genpkey`.
pub struct KeyPair {
    pub private_pem: String,
    pub public_pem: String,
}

fn key_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backworks-auth-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the key folder");
    dir
}

fn openssl(args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(output.status.success(), "openssl {args:?}: {output:?}");
}

/// A fresh key pair; `kind` is `RSA`, `EC` (P-256) or `ED25519`.
fn generate(kind: &str) -> KeyPair {
    // Each pair in files of its own: pairs are made concurrently by parallel tests.
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = key_dir();
    let private = dir.join(format!("{kind}-{n}.key"));
    let public = dir.join(format!("{kind}-{n}.pub"));
    let private_text = private.to_str().expect("a UTF-8 path");
    match kind {
        "RSA" => openssl(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            private_text,
        ]),
        "EC" => openssl(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            private_text,
        ]),
        _ => openssl(&["genpkey", "-algorithm", "ED25519", "-out", private_text]),
    }
    openssl(&[
        "pkey",
        "-in",
        private_text,
        "-pubout",
        "-out",
        public.to_str().expect("a UTF-8 path"),
    ]);
    KeyPair {
        private_pem: std::fs::read_to_string(&private).expect("read the private key"),
        public_pem: std::fs::read_to_string(&public).expect("read the public key"),
    }
}

pub fn rsa() -> &'static KeyPair {
    static KEYS: OnceLock<KeyPair> = OnceLock::new();
    KEYS.get_or_init(|| generate("RSA"))
}

pub fn rsa_other() -> &'static KeyPair {
    static KEYS: OnceLock<KeyPair> = OnceLock::new();
    KEYS.get_or_init(|| {
        let pair = generate("RSA");
        assert_ne!(pair.public_pem, rsa().public_pem);
        pair
    })
}

pub fn ec() -> &'static KeyPair {
    static KEYS: OnceLock<KeyPair> = OnceLock::new();
    KEYS.get_or_init(|| generate("EC"))
}

pub fn ed25519() -> &'static KeyPair {
    static KEYS: OnceLock<KeyPair> = OnceLock::new();
    KEYS.get_or_init(|| generate("ED25519"))
}

/// Seconds since the epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is past 1970")
        .as_secs() as i64
}

/// Claims valid for an hour from now, for subject `sub`, with `extra` members merged in.
pub fn claims(sub: &str, extra: Value) -> Value {
    let mut claims = serde_json::json!({ "sub": sub, "iat": now(), "exp": now() + 3600 });
    if let (Some(claims), Value::Object(extra)) = (claims.as_object_mut(), extra) {
        claims.extend(extra);
    }
    claims
}

pub fn hs256(claims: &Value, secret: &str) -> String {
    let key = EncodingKey::from_secret(secret.as_bytes()).expect("an HMAC key");
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &key).expect("sign HS256")
}

pub fn rs256(claims: &Value, keys: &KeyPair) -> String {
    let key = EncodingKey::from_rsa_pem(keys.private_pem.as_bytes()).expect("an RSA key");
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), claims, &key).expect("sign RS256")
}

pub fn es256(claims: &Value, keys: &KeyPair) -> String {
    let key = EncodingKey::from_ec_pem(keys.private_pem.as_bytes()).expect("an EC key");
    jsonwebtoken::encode(&Header::new(Algorithm::ES256), claims, &key).expect("sign ES256")
}

pub fn eddsa(claims: &Value, keys: &KeyPair) -> String {
    let key = EncodingKey::from_ed_pem(keys.private_pem.as_bytes()).expect("an Ed25519 key");
    jsonwebtoken::encode(&Header::new(Algorithm::EdDSA), claims, &key).expect("sign EdDSA")
}

/// base64url without padding (RFC 7515 §2), written out so unsigned tokens can be made.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, byte)| n | (u32::from(*byte) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// An unsecured JWT (RFC 7519 §6): header `{"alg":"none"}`, an empty signature.
pub fn unsigned(claims: &Value) -> String {
    format!(
        "{}.{}.",
        base64url(br#"{"alg":"none","typ":"JWT"}"#),
        base64url(claims.to_string().as_bytes())
    )
}

/// A server for `spec` whose key variable reads `key` (no process environment involved).
pub struct AuthServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl AuthServer {
    pub fn start(spec: &'static ServiceSpec, key: &str) -> AuthServer {
        AuthServer::start_with_data(spec, key, None)
    }

    /// Like [`AuthServer::start`], with the CRUD routes answered from a fresh store for `data`.
    pub fn start_with_data(
        spec: &'static ServiceSpec,
        key: &str,
        data: Option<&'static DataSpec>,
    ) -> AuthServer {
        let key = key.to_owned();
        let variable = spec
            .auth
            .and_then(|auth| auth.jwt.as_ref())
            .and_then(|jwt| jwt.key_variable());
        AuthServer::start_with_lookup(
            spec,
            move |name| (Some(name) == variable).then(|| key.clone()),
            data,
        )
    }

    /// A server for `spec` whose environment is `lookup`.
    pub fn start_with_lookup(
        spec: &'static ServiceSpec,
        lookup: impl Fn(&str) -> Option<String>,
        data: Option<&'static DataSpec>,
    ) -> AuthServer {
        let authenticator = spec.auth.map(|auth| {
            Authenticator::with_lookup(auth, &lookup).expect("the authenticator builds")
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let addr = listener.local_addr().expect("the bound address");
        let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
        let (ready, ready_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let store = match data {
                    Some(data) => Some(Store::open(data).await.expect("the store opens")),
                    None => None,
                };
                let app = router_with(
                    spec,
                    Overrides {
                        store,
                        authenticator,
                        dashboard_token: None,
                    },
                );
                let listener = tokio::net::TcpListener::from_std(listener).expect("a listener");
                let _ = ready.send(());
                axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = shutdown_rx.await;
                    })
                    .await
                    .expect("the server runs");
            });
        });
        ready_rx.recv().expect("the server starts");
        AuthServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for AuthServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A temporary folder, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("backworks-auth-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
