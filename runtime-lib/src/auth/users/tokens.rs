//! The tokens of built-in accounts. Access tokens are HS256 JWTs this service signs and
//! verifies with one secret (`sub` = the account's id, `roles`, `iss` naming this service's
//! built-in provider, a short `exp`); refresh tokens are opaque random strings.
//!
//! ```text
//! sign(account) ─▶ eyJhbGciOiJIUzI1NiJ9.{"iss":"urn:backworks:notes:users","sub":"<uuid>",
//!                   "email":"a@example.com","roles":["member"],"iat":…,"exp":…+900}.<sig>
//! refresh token ─▶ 64 hex digits (256 random bits); the database keeps only its SHA-256
//! ```
//!
//! SHA-256, not a password hash, for refresh tokens: a password hash is slow to stop guessing
//! of low-entropy secrets, but a 256-bit random token cannot be guessed, so a fast digest
//! protects a leaked table just as well and lets a lookup by digest use the primary key.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::super::verify::Rejection;
use crate::contract::User;

/// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_SECRET_BYTES: usize = 32;

/// Clock difference tolerated between servers sharing the secret.
const LEEWAY_S: u64 = 5;

/// The claims of an access token.
#[derive(Debug, Serialize)]
struct Claims<'a> {
    iss: &'a str,
    sub: &'a str,
    email: &'a str,
    roles: &'a [String],
    iat: u64,
    exp: u64,
}

/// Signs and verifies this service's access tokens.
pub(crate) struct AccessTokens {
    issuer: &'static str,
    ttl_s: u64,
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl AccessTokens {
    /// Reads the secret from `variable`'s `value`; the error is one line naming the variable.
    pub(crate) fn new(
        issuer: &'static str,
        ttl_s: u64,
        variable: &str,
        value: Option<String>,
    ) -> Result<AccessTokens, String> {
        let what = "auth.users.secret";
        let secret = value
            .filter(|value| !value.trim().is_empty())
            .ok_or_else(|| format!("the environment variable {variable} ({what}) is not set"))?;
        if secret.len() < MIN_SECRET_BYTES {
            return Err(format!(
                "the environment variable {variable} ({what}) is {} bytes long; an HS256 secret needs at least {MIN_SECRET_BYTES}",
                secret.len()
            ));
        }
        let decoding = DecodingKey::from_secret(secret.as_bytes()).map_err(|_| {
            format!("the environment variable {variable} ({what}) is not a usable HS256 secret")
        })?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_S;
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.validate_aud = false;
        Ok(AccessTokens {
            issuer,
            ttl_s,
            encoding: EncodingKey::from_secret(secret.as_bytes()).map_err(|_| {
                format!("the environment variable {variable} ({what}) is not a usable HS256 secret")
            })?,
            decoding,
            validation,
        })
    }

    /// The `iss` of these tokens.
    pub(crate) fn issuer(&self) -> &'static str {
        self.issuer
    }

    /// Seconds an access token lives.
    pub(crate) fn ttl_s(&self) -> u64 {
        self.ttl_s
    }

    /// A token for the account `id`.
    pub(crate) fn sign(&self, id: &str, email: &str, roles: &[String]) -> Option<String> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            iss: self.issuer,
            sub: id,
            email,
            roles,
            iat: now,
            exp: now + self.ttl_s,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).ok()
    }

    /// The caller a token of this service names.
    pub(crate) fn verify(&self, token: &str) -> Result<User, Rejection> {
        let data = jsonwebtoken::decode::<Value>(token, &self.decoding, &self.validation).map_err(
            |error| {
                use jsonwebtoken::errors::ErrorKind;
                Rejection::Invalid(match error.kind() {
                    ErrorKind::ExpiredSignature => "the token has expired",
                    ErrorKind::InvalidSignature => "the token's signature is invalid",
                    ErrorKind::InvalidAlgorithm => "the token is not signed with HS256",
                    ErrorKind::InvalidIssuer => "the token's issuer (iss) is not accepted",
                    _ => "the token is malformed",
                })
            },
        )?;
        let claims = data.claims;
        let Some(id) = claims.get("sub").and_then(Value::as_str) else {
            return Err(Rejection::Invalid("the token names no account (sub)"));
        };
        let roles = claims
            .get("roles")
            .and_then(Value::as_array)
            .map(|roles| {
                roles
                    .iter()
                    .filter_map(|role| role.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        Ok(User {
            id: Some(id.to_owned()),
            provider: crate::contract::Provider::Users,
            roles,
            claims: claims.to_string(),
        })
    }
}

/// The unverified `iss` of a token, to pick the provider that then verifies it fully (with
/// its own one algorithm and key; what the token says chooses nothing else).
pub(crate) fn claimed_issuer(token: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Issuer {
        iss: Option<String>,
    }
    jsonwebtoken::dangerous::insecure_decode_claims::<Issuer>(token)
        .ok()?
        .iss
}

/// A fresh refresh token (256 random bits, hex), or `None` when the OS generator fails.
pub(crate) fn refresh_token() -> Option<String> {
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).ok()?;
    Some(hex(&random))
}

/// What the database keeps of a refresh token.
pub(crate) fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_token_verifies_and_names_the_account() {
        let tokens = AccessTokens::new("urn:x", 60, "S", Some(SECRET.into())).unwrap();
        let token = tokens.sign("abc", "a@b.c", &["member".into()]).unwrap();
        assert_eq!(claimed_issuer(&token).as_deref(), Some("urn:x"));
        let user = tokens.verify(&token).unwrap();
        assert_eq!(user.id.as_deref(), Some("abc"));
        assert_eq!(user.roles, ["member"]);
        let other = AccessTokens::new("urn:y", 60, "S", Some(SECRET.into())).unwrap();
        assert!(other.verify(&token).is_err());
    }

    #[test]
    fn a_short_or_missing_secret_is_a_start_up_error() {
        let short = AccessTokens::new("urn:x", 60, "S", Some("short".into()));
        assert!(short.err().unwrap().contains("5 bytes long"));
        let missing = AccessTokens::new("urn:x", 60, "S", None);
        assert!(
            missing
                .err()
                .unwrap()
                .contains("S (auth.users.secret) is not set")
        );
    }

    #[test]
    fn digests_are_sha256_hex() {
        // FIPS 180-2's "abc" vector.
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(refresh_token().unwrap().len(), 64);
    }
}
