//! API keys: what one looks like, how it is stored, and how a request's key becomes a caller.
//!
//! ```text
//! issue:   32 random bytes (getrandom) ─▶ "bwk_" + 64 hex digits, shown once
//!          stored: SHA-256(key) in _backworks_api_keys (api_keys_store.rs)
//! request: x-api-key: bwk_9f…  ─SHA-256─▶ row ─▶ not revoked, not expired
//!          ─▶ User { id: "key:<id>", roles, claims: {"api_key": <id>, "name": …} }
//!          (and `last_used_at`, at most once a minute: api_keys_usage.rs)
//! ```
//!
//! SHA-256, not a password hash, is the right function here: a key carries 256 bits from the
//! operating system's generator, so nobody can guess it from its hash however fast the hash
//! is, and a fast hash keeps the per-request lookup cheap. argon2 exists to slow down guessing
//! of low-entropy secrets that people choose (passwords), which keys are not. The recognizable
//! `bwk_` prefix lets secret scanners find leaked keys and lets the server refuse a malformed
//! one without a database read.
//!
//! Failing closed: an unknown, revoked or expired key is a 401; a database that cannot answer
//! is a 503 (`Retry-After`), never an admission. Revocation and expiry are read on every
//! request, so they take effect on the next one.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

use super::Refusal;
use super::api_keys_store::{self, StoredKey};
use super::spec::ApiKeysSpec;
use crate::contract::User;
use crate::storage::{ErrorCode, Store};

/// Every key starts with this.
pub(crate) const PREFIX: &str = "bwk_";
/// Random bytes in a key (256 bits).
const SECRET_BYTES: usize = 32;
/// The operator token's minimum length, as for an HS256 secret.
const MIN_ADMIN_TOKEN_BYTES: usize = 32;

/// A new key's text.
pub(crate) fn generate() -> Result<String, String> {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|error| format!("the system's random generator failed: {error}"))?;
    Ok(format!("{PREFIX}{}", hex(&bytes)))
}

/// The stored form of `key`: its SHA-256, in hex.
pub(crate) fn hash(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|byte| {
            [
                DIGITS[usize::from(byte >> 4)],
                DIGITS[usize::from(byte & 15)],
            ]
        })
        .map(char::from)
        .collect()
}

/// Whether `key` has the shape of a key this server issues.
fn is_well_formed(key: &str) -> bool {
    key.strip_prefix(PREFIX).is_some_and(|secret| {
        secret.len() == 2 * SECRET_BYTES
            && secret
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
    })
}

/// What a request presents in the API key header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presented<'r> {
    /// No such header.
    Absent,
    /// One header's value (not yet verified).
    Key(&'r str),
    /// Several headers (which one would count is ambiguous) or one that is not text.
    Malformed,
}

/// The key `headers` carry in `header`.
pub(crate) fn presented<'r>(headers: &'r HeaderMap, header: &str) -> Presented<'r> {
    let mut values = headers.get_all(header).iter();
    match (values.next(), values.next()) {
        (None, _) => Presented::Absent,
        (Some(value), None) => value
            .to_str()
            .map_or(Presented::Malformed, |key| Presented::Key(key.trim())),
        (Some(_), Some(_)) => Presented::Malformed,
    }
}

/// Checks API keys against the service's database.
pub(crate) struct KeyVerifier {
    header: &'static str,
    /// SHA-256 of the operator's token, when the blueprint names one.
    admin_token: Option<[u8; 32]>,
    /// The database, when the router was given one (tests, embedders); else the installed one.
    store: Option<Store>,
    /// When each key's `last_used_at` was last written.
    usage: super::api_keys_usage::Usage,
}

impl KeyVerifier {
    /// The verifier `spec` describes, with the operator's token read through `lookup`.
    pub(crate) fn new(
        spec: &ApiKeysSpec,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<KeyVerifier, String> {
        let admin_token = match spec.admin_token_variable {
            None => None,
            Some(variable) => {
                let what = "auth.api_keys.admin_token";
                let token = lookup(variable)
                    .filter(|token| !token.trim().is_empty())
                    .ok_or_else(|| {
                        format!("the environment variable {variable} ({what}) is not set")
                    })?;
                if token.len() < MIN_ADMIN_TOKEN_BYTES {
                    return Err(format!(
                        "the environment variable {variable} ({what}) is {} bytes long; it needs at least {MIN_ADMIN_TOKEN_BYTES}",
                        token.len()
                    ));
                }
                Some(Sha256::digest(token.as_bytes()).into())
            }
        };
        Ok(KeyVerifier {
            header: spec.header,
            admin_token,
            store: None,
            usage: super::api_keys_usage::Usage::default(),
        })
    }

    /// Answers from `store` instead of the installed one.
    pub(crate) fn use_store(&mut self, store: Store) {
        self.store = Some(store);
    }

    /// The header keys are sent in.
    pub(crate) fn header(&self) -> &'static str {
        self.header
    }

    /// The database keys are kept in; none yet is a 503.
    pub(crate) fn store(&self) -> Result<Store, Refusal> {
        self.store
            .clone()
            .or_else(|| Store::installed().cloned())
            .ok_or(Refusal::Unavailable(
                "the database holding API keys is not open",
            ))
    }

    /// Whether `token` is the operator's token. Both sides are hashed first, so the
    /// comparison takes the same time whatever the token (the hashes' bytes say nothing).
    pub(crate) fn is_admin_token(&self, token: &str) -> bool {
        let Some(expected) = &self.admin_token else {
            return false;
        };
        let given: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        given
            .iter()
            .zip(expected)
            .fold(0u8, |differ, (a, b)| differ | (a ^ b))
            == 0
    }

    /// The caller `key` identifies, or why it identifies nobody.
    pub(crate) async fn verify(&self, key: &str) -> Result<User, Refusal> {
        if !is_well_formed(key) {
            return Err(Refusal::Invalid(
                "the API key is not one this service issued",
            ));
        }
        let store = self.store()?;
        let found = api_keys_store::find_by_hash(&store, &hash(key))
            .await
            .map_err(|error| {
                if error.code != ErrorCode::Unavailable {
                    tracing::error!("cannot look up an API key: {}", error.message);
                }
                Refusal::Unavailable("the database holding API keys cannot be reached")
            })?;
        let key = found.ok_or(Refusal::Invalid("the API key is not valid"))?;
        let now = now_ms();
        if key.revoked_at.is_some() {
            return Err(Refusal::Invalid("the API key has been revoked"));
        }
        if key.expires_at.is_some_and(|expires_at| expires_at <= now) {
            return Err(Refusal::Invalid("the API key has expired"));
        }
        self.usage.used(&store, &key.id, now);
        Ok(caller(&key))
    }
}

/// Milliseconds since the epoch by the system clock (never the tests' frozen handler clock:
/// expiry is a security decision).
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// The caller a key stands for.
fn caller(key: &StoredKey) -> User {
    User {
        id: Some(format!("key:{}", key.id)),
        provider: crate::contract::Provider::ApiKey,
        roles: key.roles.clone(),
        claims: serde_json::json!({ "api_key": key.id, "name": key.name }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_prefixed_and_stored_as_their_hash() {
        let one = generate().unwrap();
        let two = generate().unwrap();
        assert_ne!(one, two);
        assert!(one.starts_with(PREFIX) && one.len() == 4 + 64, "{one}");
        assert!(is_well_formed(&one));
        assert!(!is_well_formed("bwk_123"));
        assert!(!is_well_formed(&one.to_uppercase()));
        // SHA-256("abc"), FIPS 180-2's example.
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
