//! Which database a server opens: `DATABASE_URL` when set, else the blueprint's
//! `database.url` with `${VAR}` and `${VAR:-default}` expanded from the environment.
//!
//! ```text
//! ${DATABASE_URL:-sqlite://data/bookstore.db} ─▶ Sqlite(File("data/bookstore.db"))  (relative
//!                                                to the working directory; folder created)
//! sqlite:///var/lib/app.db                    ─▶ Sqlite(File("/var/lib/app.db"))
//! sqlite::memory:                             ─▶ Sqlite(Memory)
//! postgres://app@db:5432/app                  ─▶ Postgres("postgres://app@db:5432/app")
//! ```

use std::path::PathBuf;

use super::engine::Location;

/// A database to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// SQLite at this location.
    Sqlite(Location),
    /// PostgreSQL at this connection URL.
    Postgres(String),
}

/// The target for the blueprint's `url`, honouring `DATABASE_URL`.
pub(crate) fn resolve(spec_url: &str) -> Result<Target, String> {
    let lookup = |name: &str| std::env::var(name).ok();
    let url = match lookup("DATABASE_URL").filter(|url| !url.trim().is_empty()) {
        Some(url) => url,
        None => expand(spec_url, lookup)?,
    };
    parse(url.trim())
}

/// `${VAR}` / `${VAR:-default}` replaced by the environment's values.
pub(crate) fn expand(
    text: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("unclosed ${{ in the database URL {text:?}"))?;
        let inner = &after[..end];
        let (name, default) = match inner.split_once(":-") {
            Some((name, default)) => (name, Some(default)),
            None => (inner, None),
        };
        match (lookup(name).filter(|value| !value.is_empty()), default) {
            (Some(value), _) => out.push_str(&value),
            (None, Some(default)) => out.push_str(default),
            (None, None) => {
                return Err(format!(
                    "the database URL needs the environment variable {name}, which is not set"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn parse(url: &str) -> Result<Target, String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Target::Postgres(url.to_owned()));
    }
    let Some(rest) = url.strip_prefix("sqlite:") else {
        return Err(format!(
            "unsupported database URL {url:?}: expected sqlite://PATH, sqlite::memory: or postgres://…"
        ));
    };
    if rest == ":memory:" || rest == "//:memory:" {
        return Ok(Target::Sqlite(Location::Memory));
    }
    let path = rest.strip_prefix("//").unwrap_or(rest);
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() {
        return Err(format!("the database URL {url:?} names no file"));
    }
    Ok(Target::Sqlite(Location::File(PathBuf::from(path))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_expand_with_defaults() {
        let env = |name: &str| (name == "HOST").then(|| "db".to_owned());
        assert_eq!(
            expand("postgres://${HOST}/${NAME:-app}", env).unwrap(),
            "postgres://db/app"
        );
        assert!(expand("${MISSING}", env).unwrap_err().contains("MISSING"));
        assert!(expand("${HOST", env).is_err());
    }

    #[test]
    fn urls_name_an_engine() {
        assert_eq!(
            parse("sqlite://data/x.db").unwrap(),
            Target::Sqlite(Location::File("data/x.db".into()))
        );
        assert_eq!(
            parse("sqlite:///tmp/x.db").unwrap(),
            Target::Sqlite(Location::File("/tmp/x.db".into()))
        );
        assert_eq!(
            parse("sqlite::memory:").unwrap(),
            Target::Sqlite(Location::Memory)
        );
        assert!(matches!(
            parse("postgresql://a@b/c").unwrap(),
            Target::Postgres(_)
        ));
        assert!(parse("mysql://x").is_err());
    }
}
