//! The cache of an OpenID Connect issuer's public keys, by `kid`, and the rules for fetching
//! them again.
//!
//! ```text
//! first token            ─▶ fetch (discovery + JWKS) ─▶ keys {kid-1: RS256, kid-2: ES256}
//! token kid-1, fresh     ─▶ kid-1's key, no fetch
//! token kid-3 (rotated)  ─▶ fetch again (at most once per 10 s; concurrent misses share it)
//!                           ─▶ kid-3 found ─▶ its key   |  still unknown ─▶ 401
//! provider down, no keys ─▶ 503 + Retry-After, never an open door
//! ```
//!
//! Keys are fetched lazily, by the first request that carries a token, not at start: the
//! authenticator is built before the server's runtime exists, and a provider that is down
//! when the server starts must neither stop it (its other routes, health, keep working) nor
//! let tokens in — such requests get 503 until a fetch succeeds. The cache is fresh for the
//! JWKS response's `Cache-Control: max-age`, bounded to [`MIN_FRESH`]..[`MAX_FRESH`]
//! ([`DEFAULT_FRESH`] without one); a stale cache is fetched again by the next token, and if
//! that fails its keys stay usable for [`STALE_GRACE`] more (a provider's short outage is not
//! the service's outage). Fetches, whatever triggers them, start at most once per
//! [`MIN_REFETCH`]: tokens with made-up `kid`s cannot turn the server into a load generator
//! against the provider.
//!
//! The algorithm a key verifies comes from the key itself and the blueprint's list, never from
//! the token: RSA → RS256, EC P-256 → ES256, OKP Ed25519 → EdDSA; a JWK's `alg`, when given,
//! must agree. Symmetric (`oct`) keys, other curves and `use: enc` keys are ignored.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::Value;

use super::jwks_fetch::{Fetched, Fetcher};
use super::spec::JwtAlgorithm;

/// Fetches start at most this often (a rotation is picked up within it).
pub(crate) const MIN_REFETCH: Duration = Duration::from_secs(10);
/// How long keys are fresh when the provider does not say.
const DEFAULT_FRESH: Duration = Duration::from_secs(5 * 60);
/// The shortest freshness honoured (`max-age=0` would mean a fetch per token).
const MIN_FRESH: Duration = Duration::from_secs(60);
/// The longest freshness honoured, so a removed key stops verifying within a day.
const MAX_FRESH: Duration = Duration::from_secs(24 * 60 * 60);
/// How long stale keys stay usable while fetches fail.
const STALE_GRACE: Duration = Duration::from_secs(60 * 60);

/// One usable public key.
pub(crate) struct PublicKey {
    pub(crate) kid: Option<String>,
    /// The one algorithm this key verifies.
    pub(crate) algorithm: Algorithm,
    pub(crate) key: DecodingKey,
}

/// Why no key could be chosen for a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyRefusal {
    /// The token's key is not the issuer's (401).
    Unknown(&'static str),
    /// The issuer's keys cannot be fetched and none are cached (503).
    Unavailable,
}

/// The keys fetched last time, and when.
#[derive(Default)]
struct KeySet {
    keys: Vec<Arc<PublicKey>>,
    fetched_at: Option<Instant>,
    fresh_for: Duration,
}

impl KeySet {
    fn is_fresh(&self, now: Instant) -> bool {
        self.fetched_at
            .is_some_and(|at| now.saturating_duration_since(at) < self.fresh_for)
    }

    fn is_usable(&self, now: Instant) -> bool {
        self.fetched_at.is_some_and(|at| {
            now.saturating_duration_since(at) < self.fresh_for.saturating_add(STALE_GRACE)
        })
    }

    /// The key `kid` names; without a `kid`, the only key (several: which one is ambiguous).
    fn find(&self, kid: Option<&str>) -> Result<Arc<PublicKey>, KeyRefusal> {
        match kid {
            Some(kid) => self
                .keys
                .iter()
                .find(|key| key.kid.as_deref() == Some(kid))
                .cloned()
                .ok_or(KeyRefusal::Unknown(
                    "the token's key (kid) is not one of the issuer's",
                )),
            None => match self.keys.as_slice() {
                [only] => Ok(only.clone()),
                _ => Err(KeyRefusal::Unknown(
                    "the token names no key (kid) and the issuer has several",
                )),
            },
        }
    }
}

/// One issuer's keys, shared by every request.
pub(crate) struct Jwks {
    fetcher: Fetcher,
    algorithms: &'static [JwtAlgorithm],
    current: RwLock<Arc<KeySet>>,
    /// When the last fetch started; held across a fetch, so concurrent misses wait for it and
    /// then use its result instead of fetching again.
    last_fetch: tokio::sync::Mutex<Option<Instant>>,
}

impl Jwks {
    pub(crate) fn new(fetcher: Fetcher, algorithms: &'static [JwtAlgorithm]) -> Jwks {
        Jwks {
            fetcher,
            algorithms,
            current: RwLock::new(Arc::default()),
            last_fetch: tokio::sync::Mutex::new(None),
        }
    }

    /// The key for a token naming `kid`, fetching the key set when it is stale, empty, or
    /// lacks that `kid`.
    pub(crate) async fn key(&self, kid: Option<&str>) -> Result<Arc<PublicKey>, KeyRefusal> {
        let cached = self.snapshot();
        if cached.is_fresh(Instant::now()) {
            match cached.find(kid) {
                Err(KeyRefusal::Unknown(_)) if kid.is_some() => {}
                found => return found,
            }
        }
        let fetched = self.refresh().await;
        if !fetched.is_usable(Instant::now()) {
            return Err(KeyRefusal::Unavailable);
        }
        fetched.find(kid)
    }

    fn snapshot(&self) -> Arc<KeySet> {
        // A poisoned lock still holds a whole `Arc`: the writer only swaps it.
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Fetches the key set unless a fetch started less than [`MIN_REFETCH`] ago; the keys
    /// known afterwards.
    async fn refresh(&self) -> Arc<KeySet> {
        let mut last_fetch = self.last_fetch.lock().await;
        let now = Instant::now();
        if last_fetch.is_some_and(|at| now.saturating_duration_since(at) < MIN_REFETCH) {
            return self.snapshot();
        }
        *last_fetch = Some(now);
        match self
            .fetcher
            .fetch()
            .await
            .and_then(|fetched| self.usable(fetched))
        {
            Ok(set) => {
                tracing::info!(
                    keys = set.keys.len(),
                    "fetched the identity provider's keys"
                );
                *self
                    .current
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(set);
            }
            Err(error) => {
                tracing::warn!("cannot fetch the identity provider's keys: {error}");
            }
        }
        self.snapshot()
    }

    /// The keys of `fetched` this service can use; none at all is a failed fetch, so the
    /// previous keys stay.
    fn usable(&self, fetched: Fetched) -> Result<KeySet, String> {
        let keys: Vec<Arc<PublicKey>> = fetched
            .keys
            .iter()
            .filter_map(|jwk| public_key(jwk, self.algorithms))
            .map(Arc::new)
            .collect();
        if keys.is_empty() {
            return Err(format!(
                "the key set holds no key for {}",
                self.algorithms
                    .iter()
                    .map(|algorithm| algorithm.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(KeySet {
            keys,
            fetched_at: Some(Instant::now()),
            fresh_for: fetched
                .max_age
                .unwrap_or(DEFAULT_FRESH)
                .clamp(MIN_FRESH, MAX_FRESH),
        })
    }
}

/// The key `jwk` publishes, when it is a signing key for one of `allowed`.
fn public_key(jwk: &Value, allowed: &[JwtAlgorithm]) -> Option<PublicKey> {
    let jwk: Jwk = serde_json::from_value(jwk.clone()).ok()?;
    if matches!(&jwk.common.public_key_use, Some(key_use) if *key_use != PublicKeyUse::Signature) {
        return None;
    }
    let (algorithm, named) = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => (JwtAlgorithm::Rs256, KeyAlgorithm::RS256),
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
            (JwtAlgorithm::Es256, KeyAlgorithm::ES256)
        }
        AlgorithmParameters::OctetKeyPair(okp) if okp.curve == EllipticCurve::Ed25519 => {
            (JwtAlgorithm::EdDsa, KeyAlgorithm::EdDSA)
        }
        // Symmetric keys (a published HMAC secret would let anyone sign), other curves.
        _ => return None,
    };
    if jwk.common.key_algorithm.is_some_and(|alg| alg != named) || !allowed.contains(&algorithm) {
        return None;
    }
    Some(PublicKey {
        kid: jwk.common.key_id.clone(),
        algorithm: match algorithm {
            JwtAlgorithm::Rs256 => Algorithm::RS256,
            JwtAlgorithm::Es256 => Algorithm::ES256,
            _ => Algorithm::EdDSA,
        },
        key: DecodingKey::from_jwk(&jwk).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ALL: &[JwtAlgorithm] = &[
        JwtAlgorithm::Rs256,
        JwtAlgorithm::Es256,
        JwtAlgorithm::EdDsa,
    ];

    fn rsa(extra: Value) -> Value {
        let mut jwk = json!({ "kty": "RSA", "kid": "r", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB" });
        jwk.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        jwk
    }

    #[test]
    fn the_key_decides_the_algorithm_within_the_allowed_list() {
        let key = public_key(&rsa(json!({})), ALL).expect("an RSA key");
        assert_eq!(key.algorithm, Algorithm::RS256);
        assert!(public_key(&rsa(json!({ "alg": "RS256", "use": "sig" })), ALL).is_some());
        // A JWK that disagrees with itself, an encryption key, a disallowed family.
        assert!(public_key(&rsa(json!({ "alg": "ES256" })), ALL).is_none());
        assert!(public_key(&rsa(json!({ "use": "enc" })), ALL).is_none());
        assert!(public_key(&rsa(json!({})), &[JwtAlgorithm::Es256]).is_none());
        // A published symmetric key is never a verification key.
        assert!(public_key(&json!({ "kty": "oct", "k": "c2VjcmV0" }), ALL).is_none());
    }

    #[test]
    fn a_token_without_kid_needs_a_single_key() {
        let one = public_key(&rsa(json!({})), ALL).map(Arc::new).unwrap();
        let two = public_key(&rsa(json!({ "kid": "s" })), ALL)
            .map(Arc::new)
            .unwrap();
        let set = |keys: Vec<Arc<PublicKey>>| KeySet {
            keys,
            fetched_at: Some(Instant::now()),
            fresh_for: DEFAULT_FRESH,
        };
        assert!(set(vec![one.clone()]).find(None).is_ok());
        assert!(set(vec![one.clone(), two.clone()]).find(None).is_err());
        assert!(set(vec![one, two]).find(Some("s")).is_ok());
    }
}
