//! `auth.jwt:` → the IR's [`Jwt`]: tokens issued by an external provider.
//!
//! ```text
//! auth: { jwt: { public_key: ${JWT_PUBLIC_KEY}, algorithm: RS256 } }
//!   ─▶ Jwt { algorithm: Rs256, key_variable: "JWT_PUBLIC_KEY", roles_claim: "roles", leeway_s: 30, … }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{Jwt, JwtAlgorithm};

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

    let (key_name, key_value) = match (&jwt.secret, &jwt.public_key) {
        (Some(secret), None) => ("secret", secret),
        (None, Some(public_key)) => ("public_key", public_key),
        (both, _) => {
            diagnostics.push(diagnostic::key_choice(source, jwt_key, both.is_some()));
            return None;
        }
    };
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
        algorithm: algorithm?,
        key_variable: key_variable?.to_string(),
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

fn parse_algorithm(name: &str) -> Option<JwtAlgorithm> {
    match name {
        "HS256" => Some(JwtAlgorithm::Hs256),
        "RS256" => Some(JwtAlgorithm::Rs256),
        "ES256" => Some(JwtAlgorithm::Es256),
        "EdDSA" => Some(JwtAlgorithm::EdDsa),
        _ => None,
    }
}
