//! `auth:` and the endpoints' `auth`/`roles` keys → the IR's [`Auth`] and [`Access`].
//!
//! Fails closed at compile time: with `auth:` every endpoint requires a caller unless it
//! says otherwise; without it, an endpoint asking for a caller is an error (nothing could
//! verify one). Keys are references to environment variables, never values.
//!
//! ```text
//! auth: { jwt: { public_key: ${JWT_PUBLIC_KEY}, algorithm: RS256 } }
//!   ─▶ Auth { jwt: Jwt { algorithm: Rs256, key_variable: "JWT_PUBLIC_KEY", roles_claim: "roles", leeway_s: 30, … } }
//! - { path: /open, auth: none }               ─▶ Access::Public
//! - { path: /report, roles: [admin] }          ─▶ Access::Required { roles: ["admin"] }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{Access, Auth, Jwt, JwtAlgorithm};

use crate::config::{AuthConfig, Endpoint, Size};
use crate::diagnostics::{self, auth as diagnostic};
use crate::quantity::{self, DURATION_UNITS};
use crate::yaml::Node;

const DEFAULT_ROLES_CLAIM: &str = "roles";
const DEFAULT_LEEWAY_MS: u64 = 30_000;

/// Lowers `auth:` (`config` is `None` when it is absent or malformed: its shape errors are
/// reported already).
pub fn lower_auth(
    source: SourceId,
    config: Option<&AuthConfig>,
    root: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Auth> {
    let config = config?;
    let node = root.get("auth")?.get("jwt")?;
    let jwt = &config.jwt;
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
        diagnostics.push(diagnostic::secret_in_blueprint(source, jwt_key, key_name));
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
    Some(Auth {
        jwt: Jwt {
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
        },
        resources: Access::Required { roles: Vec::new() },
    })
}

/// `VAR` of a value written exactly `${VAR}`; anything else (a literal, a default
/// `${VAR:-…}`, which would be a literal secret too) is `None`.
fn variable_reference(value: &str) -> Option<&str> {
    let name = value.trim().strip_prefix("${")?.strip_suffix('}')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    ((first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
    .then_some(name)
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

/// Who may call an endpoint. `declared` is whether the blueprint has an `auth:` key at all
/// (even a malformed one: its errors are reported, and a second "no provider" would be noise).
pub fn endpoint_access(
    source: SourceId,
    declared: bool,
    endpoint: &Endpoint,
    node: &Node,
    diagnostics: &mut Vec<Diagnostic>,
) -> Access {
    let range = |key: &str| node.get(key).map_or(node.span.clone(), |n| n.span.clone());
    let roles_key = node
        .key("roles")
        .map_or(node.span.clone(), |n| n.span.clone());
    let roles = endpoint.roles.clone();
    let word = endpoint.auth.as_deref();
    if !declared {
        if let Some(word @ ("required" | "optional")) = word {
            diagnostics.push(diagnostic::no_auth_provider(
                source,
                range("auth"),
                &format!("auth: {word}"),
            ));
        }
        if roles.is_some() {
            diagnostics.push(diagnostic::no_auth_provider(
                source,
                roles_key.clone(),
                "roles",
            ));
        }
        if let Some(other) = word.filter(|word| !matches!(*word, "required" | "optional" | "none"))
        {
            diagnostics.push(diagnostic::unknown_access(source, range("auth"), other));
        }
        return Access::Public;
    }
    match word {
        None | Some("required") => Access::Required {
            roles: roles.unwrap_or_default(),
        },
        Some(word @ ("optional" | "none")) => {
            if roles.is_some() {
                diagnostics.push(diagnostic::roles_without_caller(source, roles_key, word));
            }
            if word == "none" {
                Access::Public
            } else {
                Access::Optional
            }
        }
        Some(other) => {
            diagnostics.push(diagnostic::unknown_access(source, range("auth"), other));
            // Fail closed while the mistake is reported.
            Access::Required {
                roles: roles.unwrap_or_default(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bare_variable_reference_names_a_key() {
        assert_eq!(variable_reference("${JWT_SECRET}"), Some("JWT_SECRET"));
        assert_eq!(variable_reference(" ${_K1} "), Some("_K1"));
        assert_eq!(variable_reference("hunter2"), None);
        assert_eq!(variable_reference("${JWT_SECRET:-dev}"), None);
        assert_eq!(variable_reference("${}"), None);
        assert_eq!(variable_reference("${1X}"), None);
        assert_eq!(variable_reference("x${JWT_SECRET}"), None);
    }
}
