//! SQL text for both engines, built in one place: identifiers quoted, every value a parameter
//! (`?` for SQLite, `$n` for PostgreSQL), and the few places where the dialects differ —
//! pattern matching, full-text search — spelled out side by side.
//!
//! ```text
//! Sql::new(Postgres).push("SELECT * FROM ").ident("books").push(" WHERE ").ident("id")
//!     .push(" = ").param(SqlValue::Int(7))
//!   ─▶ SELECT * FROM "books" WHERE "id" = $1        params [Int(7)]
//! ```
//!
//! Names come from the compiler-validated spec and are quoted anyway; values never enter the
//! text. `translate_placeholders` turns the raw escape hatch's `?` into `$n` for PostgreSQL.

use super::columns::Column;
use super::query::Direction;
use super::value::SqlValue;

/// Which engine the text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// SQLite 3.45+ (bundled).
    Sqlite,
    /// PostgreSQL 13+.
    Postgres,
}

/// A statement: its text and parameters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    /// SQL text with placeholders.
    pub(crate) text: String,
    /// One value per placeholder, in order.
    pub(crate) params: Vec<SqlValue>,
}

/// Builds one statement.
#[derive(Debug)]
pub(crate) struct Sql {
    dialect: Dialect,
    text: String,
    params: Vec<SqlValue>,
}

impl Sql {
    /// An empty statement for `dialect`.
    pub(crate) fn new(dialect: Dialect) -> Sql {
        Sql {
            dialect,
            text: String::new(),
            params: Vec::new(),
        }
    }

    /// The engine this is for.
    pub(crate) fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Appends SQL text written in this file (never user input).
    pub(crate) fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a quoted identifier.
    pub(crate) fn ident(&mut self, name: &str) -> &mut Sql {
        self.text.push_str(&quote(name));
        self
    }

    /// Appends `"table"."column"`.
    pub(crate) fn qualified(&mut self, table: &str, column: &str) -> &mut Sql {
        self.ident(table).push(".").ident(column)
    }

    /// Appends a placeholder bound to `value`.
    pub(crate) fn param(&mut self, value: SqlValue) -> &mut Sql {
        self.params.push(value);
        match self.dialect {
            Dialect::Sqlite => self.text.push('?'),
            Dialect::Postgres => {
                self.text.push('$');
                self.text.push_str(&self.params.len().to_string());
            }
        }
        self
    }

    /// Appends the columns, comma-separated, qualified by `table` when given.
    pub(crate) fn columns(&mut self, table: Option<&str>, columns: &[Column]) -> &mut Sql {
        for (index, column) in columns.iter().enumerate() {
            if index > 0 {
                self.push(", ");
            }
            match table {
                Some(table) => self.qualified(table, column.name),
                None => self.ident(column.name),
            };
        }
        self
    }

    /// `ORDER BY` key with nulls placed as PostgreSQL does by default on both engines (nulls
    /// are the largest value), so pages agree and cursors can treat null as +∞.
    pub(crate) fn order_key(&mut self, table: &str, column: &str, direction: Direction) {
        self.qualified(table, column);
        self.push(match direction {
            Direction::Asc => " ASC NULLS LAST",
            Direction::Desc => " DESC NULLS FIRST",
        });
    }

    /// The statement.
    pub(crate) fn finish(self) -> Statement {
        Statement {
            text: self.text,
            params: self.params,
        }
    }
}

/// `name` as a quoted identifier (`"` doubled).
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A `like`/`ilike` operand (`*` the wildcard, everything else literal) as an SQL `LIKE`
/// pattern with `\` as the escape character.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '*' => pattern.push('%'),
            '%' | '_' | '\\' => {
                pattern.push('\\');
                pattern.push(c);
            }
            c => pattern.push(c),
        }
    }
    pattern
}

/// A `like` operand as an SQLite `GLOB` pattern (case-sensitive, `*` the wildcard).
pub(crate) fn glob_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '?' => pattern.push_str("[?]"),
            '[' => pattern.push_str("[[]"),
            c => pattern.push(c),
        }
    }
    pattern
}

/// A search text as an FTS5 query: each word a quoted phrase, all of them required — the
/// meaning of PostgreSQL's `plainto_tsquery`, with no FTS5 syntax left to misparse.
pub(crate) fn fts5_query(text: &str) -> String {
    text.split_whitespace()
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text PostgreSQL's search reads for a resource: its search fields joined by spaces. The
/// GIN index the migration creates is on exactly this expression (see `ARCHITECTURE.md`).
pub(crate) fn tsvector_document(fields: &[&str]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .map(|field| format!("coalesce({}, '')", quote(field)))
        .collect();
    format!("to_tsvector('simple', {})", parts.join(" || ' ' || "))
}

/// `?` placeholders outside quotes and comments turned into `$1`, `$2`, … for PostgreSQL.
pub(crate) fn translate_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut count = 0;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                count += 1;
                out.push('$');
                out.push_str(&count.to_string());
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_dialect() {
        for (dialect, expected) in [
            (Dialect::Sqlite, "SELECT \"a\"\"b\" WHERE x = ? AND y = ?"),
            (
                Dialect::Postgres,
                "SELECT \"a\"\"b\" WHERE x = $1 AND y = $2",
            ),
        ] {
            let mut sql = Sql::new(dialect);
            sql.push("SELECT ")
                .ident("a\"b")
                .push(" WHERE x = ")
                .param(SqlValue::Int(1))
                .push(" AND y = ")
                .param(SqlValue::Null);
            let statement = sql.finish();
            assert_eq!(statement.text, expected);
            assert_eq!(statement.params.len(), 2);
        }
    }

    #[test]
    fn patterns_keep_user_text_literal() {
        assert_eq!(like_pattern("*100%_\\*"), "%100\\%\\_\\\\%");
        assert_eq!(glob_pattern("a?[b]*"), "a[?][[]b]*");
        assert_eq!(
            fts5_query(" rust \"x\" OR "),
            "\"rust\" \"\"\"x\"\"\" \"OR\""
        );
    }

    #[test]
    fn raw_placeholders_skip_literals() {
        assert_eq!(
            translate_placeholders("SELECT '?', \"?\" FROM t WHERE a = ? -- ?\nAND b = ?"),
            "SELECT '?', \"?\" FROM t WHERE a = $1 -- ?\nAND b = $2"
        );
    }
}
