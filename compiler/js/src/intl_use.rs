//! Whether a module needs the runtime's `intl` feature (ICU4X and CLDR's data): it names
//! `Intl`, or passes locales or options to a locale-sensitive method.
//!
//! ```text
//! new Intl.NumberFormat("de")          → intl
//! n.toLocaleString("de-DE")            → intl
//! a.localeCompare(b, "de")             → intl
//! n.toLocaleString()                   → not: Node's default en-US is built into the runtime
//! const f = n.toLocaleString           → intl (it may be called with locales later)
//! ```
//!
//! Like `io_use.rs`, the scan is syntactic: a local binding named `Intl` counts too, which only
//! costs a larger server, never a wrong answer.

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// Methods whose output depends on a locale.
const LOCALE_METHODS: &[&str] = &["toLocaleString", "toLocaleDateString", "toLocaleTimeString"];

struct IntlFinder(bool);

/// The arguments at or after which a locale-sensitive method `name` takes locales.
fn locale_argument(name: &str) -> Option<usize> {
    if LOCALE_METHODS.contains(&name) {
        Some(0)
    } else if name == "localeCompare" {
        Some(1)
    } else {
        None
    }
}

impl Visit for IntlFinder {
    fn visit_ident(&mut self, ident: &Ident) {
        if ident.sym == "Intl" {
            self.0 = true;
        }
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee
            && let Expr::Member(member) = &**callee
            && let MemberProp::Ident(name) = &member.prop
            && let Some(first) = locale_argument(name.sym.as_str())
        {
            if call.args.len() > first {
                self.0 = true;
            }
            // The method itself is not read as a value here; its receiver and arguments may
            // still hold other uses.
            member.obj.visit_with(self);
            call.args.visit_with(self);
            return;
        }
        call.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, member: &MemberExpr) {
        // A locale-sensitive method read as a value (`f = n.toLocaleString`, `.call(…)`).
        if let MemberProp::Ident(name) = &member.prop
            && locale_argument(name.sym.as_str()).is_some()
        {
            self.0 = true;
        }
        member.visit_children_with(self);
    }
}

/// Whether `module` needs `Intl` from the runtime.
pub(crate) fn uses_intl(module: &Module) -> bool {
    let mut finder = IntlFinder(false);
    module.visit_with(&mut finder);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use backworks_diagnostics::Sources;

    fn needs(text: &str) -> bool {
        let mut sources = Sources::new();
        let source = sources.add("m.js", text);
        match crate::parse::parse(source, text, crate::Language::JavaScript) {
            Ok(parsed) => uses_intl(&parsed.module),
            Err(_) => panic!("{text} parses"),
        }
    }

    #[test]
    fn intl_and_locale_arguments_need_the_feature() {
        assert!(needs(
            "module.exports = () => new Intl.NumberFormat('de').format(1);"
        ));
        assert!(needs(
            "module.exports = () => Intl.getCanonicalLocales('en');"
        ));
        assert!(needs("module.exports = () => (5).toLocaleString('de');"));
        assert!(needs(
            "module.exports = () => new Date(0).toLocaleDateString(undefined, { month: 'long' });"
        ));
        assert!(needs(
            "module.exports = () => 'a'.localeCompare('b', 'de');"
        ));
        assert!(needs(
            "module.exports = () => [1].map(Number.prototype.toLocaleString.call);"
        ));
        assert!(needs(
            "const f = (5).toLocaleString; module.exports = () => f.call(5, 'de');"
        ));
    }

    #[test]
    fn default_locale_calls_do_not() {
        assert!(!needs("module.exports = () => (5).toLocaleString();"));
        assert!(!needs(
            "module.exports = () => new Date(0).toLocaleString();"
        ));
        assert!(!needs(
            "module.exports = () => ['b', 'a'].sort((x, y) => x.localeCompare(y));"
        ));
        assert!(!needs(
            "module.exports = () => 'a'.localeCompare('b'.toLocaleString());"
        ));
    }
}
