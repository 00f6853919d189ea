//! Whether a program can make BigInts at all: then arithmetic on values of unknown type may
//! give one, and `numeric.rs` must not take `a * b` for a number.
//!
//! ```text
//! let revenue = order.quantity * order.unitPrice;   no BigInt anywhere → an f64 local
//! const big = 10n ** 20n;  (in any module)           → revenue stays a Value: it may be a BigInt
//! ```
//!
//! A BigInt is only ever born from source text that names it: a literal (`1n`), the `BigInt`
//! global, or a Node API whose name says so (`process.hrtime.bigint`, `getBigInt64`,
//! `readBigUInt64LE`, `BigUint64Array`); requests, JSON and the database never produce one.
//! So a program none of whose modules has such a literal, identifier, property name or string
//! (`"bigint"` in a `typeof` test counts too) keeps every fast path it had before BigInt
//! existed. Values cross modules, hence one answer for the whole program. Not seen: a name
//! assembled at run time (`view["get" + "Big" + "Int64"]`), which no real code writes.

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// Whether `text` names a BigInt API (`BigInt`, `bigint`, `BigUint64Array`, `readBigUInt64LE`).
fn names_bigint(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("bigint") || lower.contains("biguint")
}

#[derive(Default)]
struct Finder {
    found: bool,
}

impl Visit for Finder {
    fn visit_lit(&mut self, lit: &Lit) {
        match lit {
            Lit::BigInt(_) => self.found = true,
            Lit::Str(text) if names_bigint(&text.value.to_atom_lossy()) => self.found = true,
            _ => {}
        }
    }

    fn visit_ident(&mut self, ident: &Ident) {
        if names_bigint(&ident.sym) {
            self.found = true;
        }
    }

    fn visit_ident_name(&mut self, ident: &IdentName) {
        if names_bigint(&ident.sym) {
            self.found = true;
        }
    }

    fn visit_prop_name(&mut self, name: &PropName) {
        if matches!(name, PropName::BigInt(_)) {
            self.found = true;
        }
        name.visit_children_with(self);
    }

    fn visit_tpl_element(&mut self, element: &TplElement) {
        if names_bigint(&element.raw) {
            self.found = true;
        }
    }
}

/// Whether any of `modules` may make a BigInt.
pub(crate) fn may_make_bigints<'a>(modules: impl IntoIterator<Item = &'a Module>) -> bool {
    let mut finder = Finder::default();
    for module in modules {
        module.visit_with(&mut finder);
        if finder.found {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn makes_bigints(text: &str) -> bool {
        let mut sources = backworks_diagnostics::Sources::new();
        let id = sources.add("handler.js", text);
        let Ok(parsed) = crate::parse::parse(id, text, crate::Language::JavaScript) else {
            panic!("the case parses");
        };
        may_make_bigints([&parsed.module])
    }

    #[test]
    fn only_source_that_names_a_bigint_can_make_one() {
        assert!(!makes_bigints("let total = a * b; total += c[i] * 2;"));
        assert!(makes_bigints("const big = 1n;"));
        assert!(makes_bigints("const big = BigInt(x);"));
        assert!(makes_bigints("const t = process.hrtime.bigint();"));
        assert!(makes_bigints("const v = view.getBigUint64(0);"));
        assert!(makes_bigints("const v = buf['readBigInt64LE'](0);"));
        assert!(makes_bigints("const o = { 1n: 2 };"));
        assert!(makes_bigints("if (typeof v === 'bigint') {}"));
    }
}
