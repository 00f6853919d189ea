//! Checks on Node's `process` global that the lowering of its members cannot make alone.
//!
//! ```text
//! process.env.MODE = "test";      → error: `process.env` is a fresh copy on each read, a write would be lost
//! ```
//!
//! The supported members are lowered as other globals (`process.env` → `rt::static_value`,
//! `process.nextTick(…)` → `rt::call_static`; see `runtime-lib/src/js/process.rs`).

use swc_core::common::Span;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// `process.env` or `process.env.X` / `process.env[x]`, when `process` is the global.
fn is_env(expr: &Expr, scopes: &crate::scope::Scopes) -> bool {
    let Expr::Member(member) = expr else {
        return false;
    };
    let env = |expr: &Expr| {
        matches!(expr, Expr::Member(inner)
            if matches!(&*inner.obj, Expr::Ident(object) if object.sym == "process" && scopes.binding_of(object).is_none())
                && matches!(&inner.prop, MemberProp::Ident(prop) if prop.sym == "env"))
    };
    env(expr) || env(&member.obj)
}

struct Finder<'a> {
    scopes: &'a crate::scope::Scopes,
    found: Vec<(Span, &'static str, &'static str)>,
}

const ENV_HELP: &str = "`process.env` is the server's environment, read-only in handlers; keep the value in a module-level variable";

impl Visit for Finder<'_> {
    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
            && is_env(&Expr::Member(member.clone()), self.scopes)
        {
            self.found
                .push((member.span, "a write to `process.env`", ENV_HELP));
        }
        assign.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if is_env(&update.arg, self.scopes) {
            self.found
                .push((update.span, "a write to `process.env`", ENV_HELP));
        }
        update.visit_children_with(self);
    }

    fn visit_unary_expr(&mut self, unary: &UnaryExpr) {
        if unary.op == UnaryOp::Delete && is_env(&unary.arg, self.scopes) {
            self.found
                .push((unary.span, "a `delete` from `process.env`", ENV_HELP));
        }
        unary.visit_children_with(self);
    }
}

/// The uses of `process` the subset refuses: what, where and what to write instead.
pub(crate) fn refused(
    module: &Module,
    scopes: &crate::scope::Scopes,
) -> Vec<(Span, &'static str, &'static str)> {
    let mut finder = Finder {
        scopes,
        found: Vec::new(),
    };
    module.visit_with(&mut finder);
    finder.found
}
