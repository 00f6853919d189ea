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
    let variable = match key {
        "public_key" => "JWT_PUBLIC_KEY",
        "admin_token" => "BACKWORKS_ADMIN_TOKEN",
        _ => "JWT_SECRET",
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

/// Both `secret` and `public_key`, or neither and no `issuer` to discover keys from.
pub fn key_choice(source: SourceId, range: Range<usize>, both: bool) -> Diagnostic {
    let message = if both {
        "`auth.jwt` has both `secret` and `public_key`"
    } else {
        "`auth.jwt` has no key: neither `secret`, `public_key` nor an `issuer` to discover keys from"
    };
    Diagnostic::error("jwt-key", message)
        .with_label(span(source, range), "tokens need exactly one source of keys")
        .with_help("write `issuer: ${OIDC_ISSUER}` (the provider's published keys, by OpenID Connect discovery), `secret: ${JWT_SECRET}` (HS256) or `public_key: ${JWT_PUBLIC_KEY}` with `algorithm: RS256 | ES256 | EdDSA`")
}

/// A key of `auth.jwt` that belongs to the other way of finding keys (`jwks_url` or
/// `algorithms` beside a fixed key, `algorithm` with discovered keys).
pub fn misplaced_jwt_key(
    source: SourceId,
    range: Range<usize>,
    key: &str,
    discovered: bool,
) -> Diagnostic {
    let (message, help) = if discovered {
        (
            format!("`auth.jwt.{key}` goes with `public_key`, not with discovered keys"),
            "each published key names its own algorithm; to narrow them write `algorithms: [RS256]`",
        )
    } else {
        (
            format!("`auth.jwt.{key}` applies only to keys found from the `issuer`"),
            "remove it, or remove `secret`/`public_key` to verify with the issuer's published keys",
        )
    };
    Diagnostic::error("jwt-key", message)
        .with_label(span(source, range), "not used with this kind of key")
        .with_help(help)
}

/// An `issuer` or `jwks_url` that keys cannot be fetched from.
pub fn discovery_url(source: SourceId, range: Range<usize>, key: &str, text: &str) -> Diagnostic {
    Diagnostic::error(
        "oidc-url",
        format!("`auth.jwt.{key}` must be an https:// URL, not `{text}`"),
    )
    .with_label(span(source, range), "keys are fetched from here")
    .with_help("write an `https://` URL or `${VAR}`; plain `http://` is accepted only for a loopback host (localhost, 127.0.0.1, [::1]), where nothing on the network can alter the keys")
}

/// An entry of `algorithms` that cannot verify a published key.
pub fn discovered_algorithm(source: SourceId, range: Range<usize>, name: &str) -> Diagnostic {
    let (message, help) = if name.is_empty() {
        (
            "`auth.jwt.algorithms` is empty".to_owned(),
            "list one or more of RS256, ES256 and EdDSA, or remove the key (all three)".to_owned(),
        )
    } else if name == "HS256" {
        (
            "`HS256` cannot verify an issuer's published keys".to_owned(),
            "a published key is public; an HMAC key that anyone can read would let anyone sign. Use `secret:` for HS256".to_owned(),
        )
    } else {
        (
            format!("unknown JWT algorithm `{name}`"),
            suggest(name, ["RS256", "ES256", "EdDSA"]),
        )
    };
    Diagnostic::error("jwt-algorithm", message)
        .with_label(span(source, range), "not RS256, ES256 or EdDSA")
        .with_help(help)
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

/// `auth.api_keys.header` that is not a header a key could be sent in.
pub fn api_key_header(source: SourceId, range: Range<usize>, header: &str) -> Diagnostic {
    Diagnostic::error(
        "api-key-header",
        format!("`{header}` cannot carry an API key"),
    )
    .with_label(span(source, range), "not a usable header name")
    .with_help("name a header of letters, digits and `-`, other than `authorization` (which carries bearer tokens), e.g. `x-api-key`")
}

/// `auth.api_keys.query` naming something that is not a plain query parameter name.
pub fn api_key_query(source: SourceId, range: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::error(
        "api-key-query",
        format!("`{name}` cannot be the API key's query parameter"),
    )
    .with_label(span(source, range), "not a plain parameter name")
    .with_help("name a parameter of letters, digits, `_` and `-`, e.g. `api_key`; leave `query` out to accept keys in the header only")
}

/// `auth.api_keys` with nobody who could issue a key: no `admin_token` and no provider whose
/// callers could hold the role `admin`.
pub fn no_key_issuer(source: SourceId, range: Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "api-key-issuer",
        "nobody could issue an API key: `auth.api_keys` has no `admin_token`, and no other provider can vouch for an admin",
    )
    .with_label(span(source, range), "keys are issued by admins only")
    .with_help("add `admin_token: ${BACKWORKS_ADMIN_TOKEN}` (the operator's token for `/_backworks/api-keys`), or a `jwt:` or `users:` provider whose admins hold the role `admin`")
}
