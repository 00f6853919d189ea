//! The verification key, read from the environment at start: an HS256 secret, or a PEM public
//! key for RS256, ES256 and EdDSA. A missing or unusable key stops the server before it
//! listens (it never starts open), with a one-line message that names the variable but never
//! shows its value.
//!
//! ```text
//! JWT_SECRET unset                ─▶ "the environment variable JWT_SECRET (auth.jwt.secret) is not set"
//! JWT_PUBLIC_KEY="-----BEGIN…\n…" ─▶ DecodingKey (a PEM whose newlines were written `\n` is accepted)
//! issuer: ${OIDC_ISSUER}          ─▶ the variable's value ([`setting`]; a literal stays as written)
//! ```

use jsonwebtoken::DecodingKey;

use super::spec::JwtAlgorithm;

/// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_SECRET_BYTES: usize = 32;

/// A blueprint setting that may be written `${VAR}`: the variable's value (an error naming
/// `what` when it is unset or empty), or the text itself when it is a literal.
pub(crate) fn setting(
    text: &str,
    what: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let Some(variable) = text
        .trim()
        .strip_prefix("${")
        .and_then(|rest| rest.strip_suffix('}'))
    else {
        return Ok(text.to_owned());
    };
    lookup(variable)
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
        .ok_or_else(|| format!("the environment variable {variable} ({what}) is not set"))
}

/// The key in `variable`, for `algorithm`, looked up with `lookup` (the process environment
/// when serving).
pub(crate) fn decoding_key(
    algorithm: JwtAlgorithm,
    variable: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<DecodingKey, String> {
    let what = match algorithm {
        JwtAlgorithm::Hs256 => "auth.jwt.secret",
        _ => "auth.jwt.public_key",
    };
    let value = lookup(variable)
        .filter(|value| !value.trim().is_empty())
        .ok_or_else(|| format!("the environment variable {variable} ({what}) is not set"))?;
    let unusable = |kind: &str| format!("the environment variable {variable} ({what}) {kind}");
    match algorithm {
        JwtAlgorithm::Hs256 => {
            if value.len() < MIN_SECRET_BYTES {
                return Err(unusable(&format!(
                    "is {} bytes long; an HS256 secret needs at least {MIN_SECRET_BYTES}",
                    value.len()
                )));
            }
            DecodingKey::from_secret(value.as_bytes())
                .map_err(|_| unusable("is not a usable HS256 secret"))
        }
        algorithm => {
            let pem = if value.contains('\n') {
                value
            } else {
                value.replace("\\n", "\n")
            };
            let key = match algorithm {
                JwtAlgorithm::Rs256 => DecodingKey::from_rsa_pem(pem.as_bytes()),
                JwtAlgorithm::Es256 => DecodingKey::from_ec_pem(pem.as_bytes()),
                _ => DecodingKey::from_ed_pem(pem.as_bytes()),
            };
            key.map_err(|_| {
                unusable(&format!(
                    "is not a PEM public key for {}",
                    algorithm.as_str()
                ))
            })
        }
    }
}
