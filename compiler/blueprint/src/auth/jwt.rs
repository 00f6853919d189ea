//! `auth.jwt:` → the IR's [`Jwt`]: tokens issued by an external provider.
//!
//! ```text
//! auth: { jwt: { public_key: ${JWT_PUBLIC_KEY}, algorithm: RS256 } }
//!   ─▶ Jwt { keys: Fixed { algorithm: Rs256, variable: "JWT_PUBLIC_KEY" }, roles_claim: "roles", … }
//! auth: { jwt: { issuer: ${OIDC_ISSUER}, audience: notes-api } }
//!   ─▶ Jwt { keys: Discovered { jwks_url: None, algorithms: [Rs256, Es256, EdDsa] }, … }
//! ```
//!
//! Without `secret` and `public_key` the keys are the issuer's, found by OpenID Connect
//! discovery (or at `jwks_url`): the issuer is then required, and a literal one — like a
//! literal `jwks_url` — must be `https://` (plain `http://` only on a loopback host). A
//! `${VAR}` is checked by the server when it reads the variable.

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{Jwt, JwtAlgorithm, JwtKeys};

use super::variable_reference;
use crate::config::{JwtConfig, Size};
use crate::diagnostics::{self, auth as diagnostic};
use crate::quantity::{self, DURATION_UNITS};
use crate::yaml::Node;

const DEFAULT_ROLES_CLAIM: &str = "roles";
const DEFAULT_LEEWAY_MS: u64 = 30_000;

/// Lowers `auth.jwt:`, whose value is `node`; `None` after reporting what is wrong.
pub(super) fn lower_jwt(
    source: SourceId,
    jwt: &JwtConfig,
    node: &Node,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Jwt> {
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    // The `jwt:` key: where a problem with the key as a whole is shown.
    let jwt_key = root
        .get("auth")
        .and_then(|auth| auth.key("jwt"))
        .map_or(node.span.clone(), |key| key.span.clone());
    let errors_before = diagnostics.len();

    let keys = match (&jwt.secret, &jwt.public_key) {
        (Some(_), Some(_)) => {
            diagnostics.push(diagnostic::key_choice(source, jwt_key, true));
            return None;
        }
        (None, None) if jwt.issuer.is_none() => {
            diagnostics.push(diagnostic::key_choice(source, jwt_key, false));
            return None;
        }
        (None, None) => discovered_keys(source, jwt, node, diagnostics),
        (Some(secret), None) => {
            fixed_key(source, jwt, ("secret", secret), node, jwt_key, diagnostics)
        }
        (None, Some(public_key)) => fixed_key(
            source,
            jwt,
            ("public_key", public_key),
            node,
            jwt_key,
            diagnostics,
        ),
    };

    let leeway_ms = match &jwt.leeway {
        None => Some(DEFAULT_LEEWAY_MS),
        Some(Size::Number(seconds)) => seconds.checked_mul(1000),
        Some(Size::Text(text)) => {
            let parsed = quantity::parse(text, DURATION_UNITS);
            if parsed.is_none() {
                diagnostics.push(diagnostics::invalid_quantity(
                    source,
                    range("leeway"),
                    text,
                    &quantity::unit_names(DURATION_UNITS),
                ));
            }
            parsed
        }
    };

    if diagnostics.len() > errors_before {
        return None;
    }
    Some(Jwt {
        keys: keys?,
        issuer: jwt.issuer.clone(),
        audience: jwt.audience.clone(),
        roles_claim: jwt
            .roles_claim
            .clone()
            .unwrap_or_else(|| DEFAULT_ROLES_CLAIM.into()),
        // Tokens count whole seconds; a leeway is never rounded down to less than written.
        leeway_s: leeway_ms?.div_ceil(1000),
    })
}

/// A key from the environment: `secret` (HS256) or `public_key` with its `algorithm`.
fn fixed_key(
    source: SourceId,
    jwt: &JwtConfig,
    (key_name, key_value): (&str, &String),
    node: &Node,
    jwt_key: std::ops::Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<JwtKeys> {
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    for key in ["jwks_url", "algorithms"] {
        if let Some(written) = node.key(key) {
            diagnostics.push(diagnostic::misplaced_jwt_key(
                source,
                written.span.clone(),
                key,
                false,
            ));
        }
    }
    let key_variable = variable_reference(key_value);
    if key_variable.is_none() {
        // Pointed at `jwt:`, the line above: an excerpt of the value's line would print the
        // secret into whatever log holds the build output.
        diagnostics.push(diagnostic::secret_in_blueprint(
            source, jwt_key, "jwt", key_name,
        ));
    }

    let algorithm = match (jwt.algorithm.as_deref(), key_name) {
        (None, "secret") => Some(JwtAlgorithm::Hs256),
        (None, _) => {
            let anchor = node.key("public_key").unwrap_or(node);
            diagnostics.push(diagnostic::missing_algorithm(source, anchor.span.clone()));
            None
        }
        (Some(name), _) => match parse_algorithm(name) {
            None => {
                diagnostics.push(diagnostic::unknown_algorithm(
                    source,
                    range("algorithm"),
                    name,
                ));
                None
            }
            Some(algorithm) if (algorithm == JwtAlgorithm::Hs256) != (key_name == "secret") => {
                diagnostics.push(diagnostic::algorithm_key_mismatch(
                    source,
                    range("algorithm"),
                    name,
                    key_name,
                ));
                None
            }
            Some(algorithm) => Some(algorithm),
        },
    };
    Some(JwtKeys::Fixed {
        algorithm: algorithm?,
        variable: key_variable?.to_string(),
    })
}

/// The issuer's published keys: where to find them, and which algorithms they may verify.
fn discovered_keys(
    source: SourceId,
    jwt: &JwtConfig,
    node: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<JwtKeys> {
    let errors_before = diagnostics.len();
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    if let Some(written) = node.key("algorithm") {
        diagnostics.push(diagnostic::misplaced_jwt_key(
            source,
            written.span.clone(),
            "algorithm",
            true,
        ));
    }
    for (key, value) in [("issuer", &jwt.issuer), ("jwks_url", &jwt.jwks_url)] {
        if let Some(text) = value
            && variable_reference(text).is_none()
            && !is_fetchable_url(text)
        {
            diagnostics.push(diagnostic::discovery_url(source, range(key), key, text));
        }
    }
    let algorithms = match &jwt.algorithms {
        None => vec![
            JwtAlgorithm::Rs256,
            JwtAlgorithm::Es256,
            JwtAlgorithm::EdDsa,
        ],
        Some(names) => {
            let items = match node.get("algorithms").map(|n| &n.kind) {
                Some(crate::yaml::NodeKind::Sequence(items)) => items.as_slice(),
                _ => &[],
            };
            let mut algorithms = Vec::new();
            for (at, name) in names.iter().enumerate() {
                let span = items
                    .get(at)
                    .map_or_else(|| range("algorithms"), |item| item.span.clone());
                match parse_algorithm(name) {
                    Some(JwtAlgorithm::Hs256) | None => {
                        diagnostics.push(diagnostic::discovered_algorithm(source, span, name))
                    }
                    Some(algorithm) if !algorithms.contains(&algorithm) => {
                        algorithms.push(algorithm);
                    }
                    Some(_) => {}
                }
            }
            if names.is_empty() {
                diagnostics.push(diagnostic::discovered_algorithm(
                    source,
                    range("algorithms"),
                    "",
                ));
            }
            algorithms
        }
    };
    (diagnostics.len() == errors_before).then(|| JwtKeys::Discovered {
        jwks_url: jwt.jwks_url.clone(),
        algorithms,
    })
}

/// Whether keys may be fetched from `text`: `https://host…`, or `http://` on a loopback host
/// (the runtime applies the same rule to a `${VAR}`'s value).
fn is_fetchable_url(text: &str) -> bool {
    let (scheme, rest) = match text.split_once("://") {
        Some(parts) => parts,
        None => return false,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default()
    };
    match scheme {
        "https" => !host.is_empty(),
        "http" => {
            host.eq_ignore_ascii_case("localhost")
                || host == "[::1]"
                || host
                    .parse::<std::net::Ipv4Addr>()
                    .is_ok_and(|address| address.is_loopback())
        }
        _ => false,
    }
}

fn parse_algorithm(name: &str) -> Option<JwtAlgorithm> {
    match name {
        "HS256" => Some(JwtAlgorithm::Hs256),
        "RS256" => Some(JwtAlgorithm::Rs256),
        "ES256" => Some(JwtAlgorithm::Es256),
        "EdDSA" => Some(JwtAlgorithm::EdDsa),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_fetchable_url;

    #[test]
    fn keys_are_fetched_over_https_or_from_loopback() {
        assert!(is_fetchable_url("https://id.example.com"));
        assert!(is_fetchable_url("https://id.example.com/realms/notes"));
        assert!(is_fetchable_url("http://127.0.0.1:8080"));
        assert!(is_fetchable_url("http://localhost:8080/x"));
        assert!(is_fetchable_url("http://[::1]:8080"));
        assert!(!is_fetchable_url("http://id.example.com"));
        assert!(!is_fetchable_url("http://127.0.0.1.example.com"));
        assert!(!is_fetchable_url("id.example.com"));
        assert!(!is_fetchable_url("https://"));
    }
}
