//! The fresh-name allocator: every Rust identifier the lowering introduces comes from here.
//!
//! JS names keep their spelling when they are valid, unused Rust identifiers; keywords and
//! repeats get a numeric suffix, so shadowing and hygiene never depend on Rust's scoping:
//!
//! ```text
//! JS `type` → `type_1`      second binding named `post` → `post_1`      temporary → `tmp_3`
//! ```

use std::collections::HashSet;

use proc_macro2::{Ident, Span};

/// Rust keywords and names the generated code uses itself.
const RESERVED: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen", "union", "rt",
    "Value", "Ok", "Err", "Some", "None", "Result", "Option", "Vec", "String", "modules", "args",
    "this", "evaluate", "req", "ctx", "exports", "SOURCE",
];

/// Hands out unique Rust identifiers within one generated module.
#[derive(Default)]
pub(crate) struct NameAllocator {
    used: HashSet<String>,
}

impl NameAllocator {
    /// A unique identifier derived from `hint` (a JS name or a purpose like `tmp`).
    pub(crate) fn fresh(&mut self, hint: &str) -> Ident {
        let mut base: String = hint
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
            base.insert(0, '_');
        }
        if base == "_" {
            base = "unused".to_string();
        }
        let mut candidate = base.clone();
        let mut counter = 1;
        while RESERVED.contains(&candidate.as_str()) || self.used.contains(&candidate) {
            candidate = format!("{base}_{counter}");
            counter += 1;
        }
        self.used.insert(candidate.clone());
        Ident::new(&candidate, Span::call_site())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_never_keywords() {
        let mut names = NameAllocator::default();
        assert_eq!(names.fresh("post").to_string(), "post");
        assert_eq!(names.fresh("post").to_string(), "post_1");
        assert_eq!(names.fresh("type").to_string(), "type_1");
        assert_eq!(names.fresh("$el").to_string(), "_el");
        assert_eq!(names.fresh("tmp").to_string(), "tmp");
        assert_eq!(names.fresh("tmp").to_string(), "tmp_1");
    }
}
