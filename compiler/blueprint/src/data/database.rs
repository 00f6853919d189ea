//! `database:` → [`Database`]: the connection URL, kept as written (`${VAR}` unexpanded: the
//! server reads secrets from its environment), and checked as far as the text allows.
//!
//! ```text
//! url: ${DATABASE_URL:-sqlite://data/shop.db}   ──▶  checked on its default, `sqlite:`: ok
//! url: mysql://db/shop                          ──▶  error[invalid-database-url]
//! url: postgres://app:hunter2@db/shop           ──▶  warning[secret-in-blueprint]
//! (no url, or no `database:` but resources)     ──▶  sqlite://data/<service name>.db
//! ```

use std::ops::Range;

use backworks_diagnostics::Span;
use backworks_ir::Database;

use super::DataChecker;
use crate::config::DatabaseConfig;
use crate::diagnostics::data as diagnostics;
use crate::yaml::Node;

/// URL prefixes of the engines Backworks serves.
const SCHEMES: [&str; 3] = ["sqlite:", "postgres:", "postgresql:"];

/// The database of a blueprint whose `database:` is `config` (written at `key`), or `None`
/// when it declares neither a database nor a resource (`anchor` is then `None` too).
pub fn lower_database(
    checker: &mut DataChecker,
    config: Option<&DatabaseConfig>,
    node: Option<&Node>,
    anchor: Option<&Node>,
    service_name: &str,
) -> Option<Database> {
    let anchor = anchor?;
    let config = config.cloned().unwrap_or_default();
    let url = match &config.url {
        Some(url) => {
            let at = node
                .and_then(|node| node.get("url"))
                .map_or(anchor.span.clone(), |url| url.span.clone());
            check_url(checker, url, at);
            url.clone()
        }
        None => format!(
            "sqlite://data/{}.db",
            backworks_ir::package_name(service_name)
        ),
    };
    Some(Database {
        url,
        allow_data_loss: config.allow_data_loss,
        span: Span::new(checker.source, anchor.span.start, anchor.span.end),
    })
}

fn check_url(checker: &mut DataChecker, url: &str, at: Range<usize>) {
    let source = checker.source;
    let Some(checked) = literal_part(url) else {
        checker
            .diagnostics
            .push(diagnostics::unclosed_variable(source, at));
        return;
    };
    let Some(literal) = checked else { return };
    if !SCHEMES.iter().any(|scheme| literal.starts_with(scheme)) {
        checker
            .diagnostics
            .push(diagnostics::unsupported_database(source, at, &literal));
        return;
    }
    if has_literal_password(&literal) {
        checker
            .diagnostics
            .push(diagnostics::password_in_blueprint(source, at));
    }
}

/// The part of `url` whose text is known before the server starts: the default of a URL that
/// is exactly `${VAR:-default}`, nothing for `${VAR}` or a URL whose scheme is a variable
/// (`Some(None)`), else the URL itself. `None` when a `${` is never closed.
fn literal_part(url: &str) -> Option<Option<String>> {
    let mut rest = url;
    while let Some(open) = rest.find("${") {
        let close = rest[open..].find('}')?;
        rest = &rest[open + close + 1..];
    }
    if let Some(inner) = url.strip_prefix("${") {
        let whole = inner.find('}') == Some(inner.len() - 1);
        if whole {
            let inner = &inner[..inner.len() - 1];
            return Some(
                inner
                    .split_once(":-")
                    .map(|(_, default)| default.to_string()),
            );
        }
        // `${SCHEME}://…`: the engine is chosen at start.
        return Some(None);
    }
    Some(Some(url.to_string()))
}

/// `postgres://user:secret@host` or `…?password=secret`, where the secret is written out
/// rather than read from a `${VAR}`.
fn has_literal_password(url: &str) -> bool {
    // A `${VAR}` password is read from the environment, which is the point.
    let literal = |secret: &str| {
        let from_environment = secret.starts_with("${") && secret.ends_with('}');
        !secret.is_empty() && !from_environment
    };
    let (before_query, query) = url.split_once('?').unwrap_or((url, ""));
    let in_query = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .any(|(name, value)| name == "password" && literal(value));
    let in_userinfo = before_query
        .split_once("://")
        .and_then(|(_, rest)| rest.rsplit_once('@'))
        .and_then(|(userinfo, _)| userinfo.split_once(':'))
        .is_some_and(|(_, password)| literal(password));
    in_query || in_userinfo
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_text_skips_what_the_environment_decides() {
        assert_eq!(
            literal_part("${DATABASE_URL:-sqlite://data/a.db}"),
            Some(Some("sqlite://data/a.db".into()))
        );
        assert_eq!(literal_part("${DATABASE_URL}"), Some(None));
        assert_eq!(literal_part("${SCHEME}://db/x"), Some(None));
        assert_eq!(
            literal_part("postgres://${USER}@db/x"),
            Some(Some("postgres://${USER}@db/x".into()))
        );
        assert_eq!(literal_part("postgres://${USER@db/x"), None);
    }

    #[test]
    fn passwords_are_found_in_userinfo_and_query() {
        assert!(has_literal_password("postgres://app:hunter2@db/shop"));
        assert!(has_literal_password("postgres://db/shop?user=a&password=x"));
        assert!(!has_literal_password(
            "postgres://app:${DB_PASSWORD}@db/shop"
        ));
        assert!(!has_literal_password("postgres://app@db/shop"));
        assert!(!has_literal_password("sqlite://data/a.db"));
    }
}
