//! Verifies one bearer token: the signature with the configured algorithm and key only, then
//! `exp` (required) and `nbf` with the leeway, `iss` and `aud` when the blueprint names them.
//! What comes out is the caller as plain data ([`User`]); what fails is a [`Rejection`] whose
//! message tells the client what was wrong with its token and nothing about the key.
//!
//! ```text
//! header {"alg":"HS256"} + RS256 configured  ─▶ Rejection("the token is not signed with RS256")
//! header {"alg":"none"}                      ─▶ Rejection("the token is malformed")
//! exp < now - leeway                         ─▶ Rejection("the token has expired")
//! ```

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

use super::roles::roles;
use super::spec::{JwtAlgorithm, JwtSpec};
use crate::contract::User;

/// Why a token was refused, as the client is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejection(pub(crate) &'static str);

/// A token checker for one provider, built once at start.
pub(crate) struct Verifier {
    key: DecodingKey,
    validation: Validation,
    algorithm: JwtAlgorithm,
    roles_claim: &'static str,
}

impl Verifier {
    pub(crate) fn new(spec: &JwtSpec, key: DecodingKey) -> Verifier {
        // One algorithm only: the token's `alg` header selects nothing (no `none`, no HS256
        // token checked against an RSA public key used as an HMAC secret).
        let mut validation = Validation::new(match spec.algorithm {
            JwtAlgorithm::Hs256 => Algorithm::HS256,
            JwtAlgorithm::Rs256 => Algorithm::RS256,
            JwtAlgorithm::Es256 => Algorithm::ES256,
            JwtAlgorithm::EdDsa => Algorithm::EdDSA,
        });
        validation.leeway = spec.leeway_s;
        validation.validate_nbf = true;
        let mut required = vec!["exp"];
        if let Some(issuer) = spec.issuer {
            validation.set_issuer(&[issuer]);
            required.push("iss");
        }
        // Without a configured audience any `aud` is accepted: the crate would refuse every
        // token that names one.
        validation.validate_aud = spec.audience.is_some();
        if let Some(audience) = spec.audience {
            validation.set_audience(&[audience]);
            required.push("aud");
        }
        validation.set_required_spec_claims(&required);
        Verifier {
            key,
            validation,
            algorithm: spec.algorithm,
            roles_claim: spec.roles_claim,
        }
    }

    /// The caller `token` identifies, or why it identifies nobody.
    pub(crate) fn verify(&self, token: &str) -> Result<User, Rejection> {
        let data = jsonwebtoken::decode::<Value>(token, &self.key, &self.validation)
            .map_err(|error| self.rejection(error.kind()))?;
        let claims = data.claims;
        if !claims.is_object() {
            return Err(Rejection("the token's claims are not a JSON object"));
        }
        Ok(User {
            id: claims.get("sub").and_then(Value::as_str).map(str::to_owned),
            roles: roles(&claims, self.roles_claim),
            claims: claims.to_string(),
        })
    }

    fn rejection(&self, kind: &ErrorKind) -> Rejection {
        Rejection(match kind {
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
            ErrorKind::InvalidAlgorithm => match self.algorithm {
                JwtAlgorithm::Hs256 => "the token is not signed with HS256",
                JwtAlgorithm::Rs256 => "the token is not signed with RS256",
                JwtAlgorithm::Es256 => "the token is not signed with ES256",
                JwtAlgorithm::EdDsa => "the token is not signed with EdDSA",
            },
            ErrorKind::InvalidClaimFormat(_) => "a claim of the token has the wrong type",
            _ => "the token is malformed",
        })
    }
}
