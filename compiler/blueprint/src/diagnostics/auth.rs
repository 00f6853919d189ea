//! The diagnostics of `auth:` and of the endpoints' `auth`/`roles` keys, one constructor each.
//! None of them repeats a value the blueprint wrote where a secret might be.

use std::ops::Range;

use backworks_diagnostics::Diagnostic;

use super::data::suggest;
use super::span;
use backworks_diagnostics::SourceId;

/// A secret (`auth.<provider>.<key>`) holds something other than a `${VAR}` reference;
/// `range` is the provider's key, never the value's line (an excerpt would print the secret).
pub fn secret_in_blueprint(
    source: SourceId,
    range: Range<usize>,
    provider: &str,
    key: &str,
) -> Diagnostic {
    let variable = if key == "public_key" {
        "JWT_PUBLIC_KEY"
    } else {
        "JWT_SECRET"
    };
    Diagnostic::error(
        "secret-in-blueprint",
        format!("`auth.{provider}.{key}` must name an environment variable, not hold the key"),
    )
    .with_label(
        span(source, range),
        format!("its `{key}` is written here instead of a `${{VAR}}` reference"),
    )
    .with_help(format!(
        "secrets belong in the environment: write `{key}: ${{{variable}}}` and set {variable} where the server runs"
    ))
}

/// Neither `secret` nor `public_key`, or both.
pub fn key_choice(source: SourceId, range: Range<usize>, both: bool) -> Diagnostic {
    let message = if both {
        "`auth.jwt` has both `secret` and `public_key`"
    } else {
        "`auth.jwt` has neither `secret` nor `public_key`"
    };
    Diagnostic::error("jwt-key", message)
        .with_label(span(source, range), "tokens need exactly one key to be verified with")
        .with_help("write `secret: ${JWT_SECRET}` (HS256) or `public_key: ${JWT_PUBLIC_KEY}` with `algorithm: RS256 | ES256 | EdDSA`")
}

/// `public_key` without `algorithm`.
pub fn missing_algorithm(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "jwt-algorithm",
        "`auth.jwt.public_key` needs an `algorithm`",
    )
    .with_label(span(source, range), "which algorithm signs these tokens?")
    .with_help(
        "add `algorithm: RS256`, `ES256` or `EdDSA`; a token never chooses its own algorithm",
    )
}

/// `algorithm` names no supported algorithm.
pub fn unknown_algorithm(source: SourceId, range: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::error("jwt-algorithm", format!("unknown JWT algorithm `{name}`"))
        .with_label(span(source, range), "not a supported algorithm")
        .with_help(suggest(name, ["HS256", "RS256", "ES256", "EdDSA"]))
}

/// An algorithm that does not go with the kind of key given.
pub fn algorithm_key_mismatch(
    source: SourceId,
    range: Range<usize>,
    algorithm: &str,
    key: &str,
) -> Diagnostic {
    let help = if key == "secret" {
        "a `secret` signs HS256 tokens: drop `algorithm`, or use `public_key` for RS256, ES256 or EdDSA"
    } else {
        "a `public_key` verifies RS256, ES256 or EdDSA tokens; HS256 uses `secret`"
    };
    Diagnostic::error(
        "jwt-algorithm",
        format!("`{algorithm}` does not go with `{key}`"),
    )
    .with_label(span(source, range), format!("not an algorithm for `{key}`"))
    .with_help(help)
}

/// An endpoint's `auth` is not one of the three words.
pub fn unknown_access(source: SourceId, range: Range<usize>, word: &str) -> Diagnostic {
    Diagnostic::error("unknown-auth", format!("unknown endpoint auth `{word}`"))
        .with_label(span(source, range), "not `required`, `optional` or `none`")
        .with_help(suggest(word, ["required", "optional", "none"]))
}

/// An endpoint asks for a caller but the blueprint declares no way to verify one.
pub fn no_auth_provider(source: SourceId, range: Range<usize>, key: &str) -> Diagnostic {
    Diagnostic::error(
        "no-auth-provider",
        format!("`{key}` on an endpoint, but the blueprint declares no `auth:`"),
    )
    .with_label(span(source, range), "nothing could verify the caller")
    .with_help("declare how tokens are verified, e.g. `auth: { jwt: { secret: ${JWT_SECRET} } }` at the top level")
}

/// `roles` on an endpoint that does not require a caller.
pub fn roles_without_caller(source: SourceId, range: Range<usize>, access: &str) -> Diagnostic {
    Diagnostic::error(
        "roles-without-auth",
        format!("`roles` on an endpoint with `auth: {access}`"),
    )
    .with_label(span(source, range), "no verified caller to hold a role")
    .with_help("remove `roles`, or write `auth: required` (the default with `auth:`)")
}

/// `auth:` without any provider.
pub fn no_provider(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error("no-auth-provider", "`auth:` names no provider")
        .with_label(span(source, range), "nothing here could verify a caller")
        .with_help("add `jwt:` (tokens from an identity provider), `users:` (built-in accounts) or `api_keys:`")
}
