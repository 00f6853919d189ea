//! Verifies one bearer token: the signature with the configured key and its one algorithm — a
//! key from the environment, or the issuer's published key the token's `kid` names — then
//! `exp` (required) and `nbf` with the leeway, `iss` and `aud` when the blueprint names them.
//! What comes out is the caller as plain data ([`User`]); what fails is a [`Rejection`] whose
//! message tells the client what was wrong with its token and nothing about the key.
//!
//! ```text
//! header {"alg":"HS256"} + RS256 configured  ─▶ Invalid("the token is not signed with RS256")
//! header {"alg":"none"}                      ─▶ Invalid("the token is malformed")
//! exp < now - leeway                         ─▶ Invalid("the token has expired")
//! issuer's keys unreachable, none cached    ─▶ Unavailable(…)   (503)
//! ```

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

use super::key::{decoding_key, setting};
use super::roles::roles;
use super::spec::{JwtAlgorithm, JwtKeys, JwtSpec};
use crate::contract::User;

/// Why a token was refused, as the client is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// The token does not verify: 401.
    Invalid(&'static str),
    /// The keys that would verify it cannot be had right now: 503.
    #[cfg_attr(
        not(feature = "oidc"),
        allow(dead_code, reason = "raised only by an issuer's fetched keys")
    )]
    Unavailable(&'static str),
}

impl From<Rejection> for super::Refusal {
    fn from(rejection: Rejection) -> super::Refusal {
        match rejection {
            Rejection::Invalid(why) => super::Refusal::Invalid(why),
            Rejection::Unavailable(why) => super::Refusal::Unavailable(why),
        }
    }
}

/// Where the verifying key comes from.
enum Keys {
    /// One key from the environment, for one algorithm.
    Fixed {
        key: DecodingKey,
        algorithm: Algorithm,
    },
    /// The issuer's published keys, fetched and cached.
    #[cfg(feature = "oidc")]
    Discovered(super::jwks::Jwks),
}

/// A token checker for one provider, built once at start.
pub(crate) struct Verifier {
    keys: Keys,
    /// The required `iss`, read from the environment when written `${VAR}`.
    issuer: Option<String>,
    audience: Option<&'static str>,
    leeway_s: u64,
    roles_claim: &'static str,
}

impl Verifier {
    /// The verifier `spec` describes, its key and settings read with `lookup`; the error is
    /// one line naming what is missing.
    pub(crate) fn new(
        spec: &JwtSpec,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Verifier, String> {
        let issuer = spec
            .issuer
            .map(|issuer| setting(issuer, "auth.jwt.issuer", lookup))
            .transpose()?;
        let keys = match spec.keys {
            JwtKeys::Fixed {
                algorithm,
                variable,
            } => Keys::Fixed {
                key: decoding_key(algorithm, variable, lookup)?,
                algorithm: jsonwebtoken_algorithm(algorithm),
            },
            JwtKeys::Discovered {
                jwks_url,
                algorithms,
            } => discovered(issuer.as_deref(), jwks_url, algorithms, lookup)?,
        };
        Ok(Verifier {
            keys,
            issuer,
            audience: spec.audience,
            leeway_s: spec.leeway_s,
            roles_claim: spec.roles_claim,
        })
    }

    /// The checks of a token signed with `algorithm`. One algorithm only: the token's `alg`
    /// header selects nothing (no `none`, no HS256 token checked against an RSA public key
    /// used as an HMAC secret).
    fn validation(&self, algorithm: Algorithm) -> Validation {
        let mut validation = Validation::new(algorithm);
        validation.leeway = self.leeway_s;
        validation.validate_nbf = true;
        let mut required = vec!["exp"];
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            required.push("iss");
        }
        // Without a configured audience any `aud` is accepted: the crate would refuse every
        // token that names one.
        validation.validate_aud = self.audience.is_some();
        if let Some(audience) = self.audience {
            validation.set_audience(&[audience]);
            required.push("aud");
        }
        validation.set_required_spec_claims(&required);
        validation
    }

    /// The caller `token` identifies, or why it identifies nobody.
    pub(crate) async fn verify(&self, token: &str) -> Result<User, Rejection> {
        let data = match &self.keys {
            Keys::Fixed { key, algorithm } => {
                jsonwebtoken::decode::<Value>(token, key, &self.validation(*algorithm))
                    .map_err(|error| Rejection::Invalid(rejection(error.kind(), *algorithm)))?
            }
            #[cfg(feature = "oidc")]
            Keys::Discovered(jwks) => {
                use super::jwks::KeyRefusal;
                // The header only says which published key to look up; the algorithm is the
                // key's, and a token whose `alg` differs fails below as InvalidAlgorithm.
                let header = jsonwebtoken::decode_header(token)
                    .map_err(|_| Rejection::Invalid("the token is malformed"))?;
                let key =
                    jwks.key(header.kid.as_deref())
                        .await
                        .map_err(|refusal| match refusal {
                            KeyRefusal::Unknown(why) => Rejection::Invalid(why),
                            KeyRefusal::Unavailable => Rejection::Unavailable(
                                "the identity provider's keys cannot be fetched right now",
                            ),
                        })?;
                jsonwebtoken::decode::<Value>(token, &key.key, &self.validation(key.algorithm))
                    .map_err(|error| Rejection::Invalid(rejection(error.kind(), key.algorithm)))?
            }
        };
        let claims = data.claims;
        if !claims.is_object() {
            return Err(Rejection::Invalid(
                "the token's claims are not a JSON object",
            ));
        }
        Ok(User {
            id: claims.get("sub").and_then(Value::as_str).map(str::to_owned),
            provider: crate::contract::Provider::Jwt,
            roles: roles(&claims, self.roles_claim),
            claims: claims.to_string(),
        })
    }
}

/// The discovered-keys verifier's key source.
#[cfg(feature = "oidc")]
fn discovered(
    issuer: Option<&str>,
    jwks_url: Option<&'static str>,
    algorithms: &'static [JwtAlgorithm],
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Keys, String> {
    let issuer = issuer.ok_or("auth.jwt needs an issuer to discover its keys")?;
    let jwks_url = jwks_url
        .map(|url| setting(url, "auth.jwt.jwks_url", lookup))
        .transpose()?;
    let fetcher = super::jwks_fetch::Fetcher::new(issuer.to_owned(), jwks_url.as_deref())?;
    Ok(Keys::Discovered(super::jwks::Jwks::new(
        fetcher, algorithms,
    )))
}

#[cfg(not(feature = "oidc"))]
fn discovered(
    _: Option<&str>,
    _: Option<&'static str>,
    _: &'static [JwtAlgorithm],
    _: &dyn Fn(&str) -> Option<String>,
) -> Result<Keys, String> {
    Err(
        "auth.jwt.issuer discovers keys, but the runtime was built without the `oidc` feature"
            .into(),
    )
}

fn jsonwebtoken_algorithm(algorithm: JwtAlgorithm) -> Algorithm {
    match algorithm {
        JwtAlgorithm::Hs256 => Algorithm::HS256,
        JwtAlgorithm::Rs256 => Algorithm::RS256,
        JwtAlgorithm::Es256 => Algorithm::ES256,
        JwtAlgorithm::EdDsa => Algorithm::EdDSA,
    }
}

/// What the client is told about a token that failed `jsonwebtoken`'s checks.
fn rejection(kind: &ErrorKind, algorithm: Algorithm) -> &'static str {
    match kind {
        ErrorKind::ExpiredSignature => "the token has expired",
        ErrorKind::ImmatureSignature => "the token is not valid yet (nbf)",
        ErrorKind::InvalidSignature => "the token's signature is invalid",
        ErrorKind::InvalidIssuer => "the token's issuer (iss) is not accepted",
        ErrorKind::InvalidAudience => "the token's audience (aud) is not accepted",
        ErrorKind::MissingRequiredClaim(claim) => match claim.as_str() {
            "exp" => "the token has no expiry (exp)",
            "iss" => "the token has no issuer (iss)",
            "aud" => "the token has no audience (aud)",
            _ => "the token lacks a required claim",
        },
        ErrorKind::InvalidAlgorithm => match algorithm {
            Algorithm::HS256 => "the token is not signed with HS256",
            Algorithm::RS256 => "the token is not signed with RS256",
            Algorithm::ES256 => "the token is not signed with ES256",
            _ => "the token is not signed with EdDSA",
        },
        ErrorKind::InvalidClaimFormat(_) => "a claim of the token has the wrong type",
        _ => "the token is malformed",
    }
}
