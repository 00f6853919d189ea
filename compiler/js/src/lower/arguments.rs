//! `arguments` in non-arrow functions: which functions provide it, and which uses are refused.
//!
//! ```text
//! function sum() { return Array.from(arguments).reduce(…); }
//!   → rt::func("sum", 0, move |this, args| { let arguments: Value = rt::arguments_object(args); … })
//! ```
//!
//! The object is the runtime's `arguments` object (`runtime-lib/src/js/arguments.rs`): a value
//! like any other, stored, returned, passed on, spread, indexed, tagged `[object Arguments]`.
//! Its semantics are strict mode's (a copy of the call's arguments), so a sloppy function that
//! both reads `arguments` and assigns a parameter (where V8 maps the two) is a compile error
//! (`functions.rs`), and so is a write to one of its elements (`arguments[0] = …`, which would
//! change the parameter in sloppy code). Arrows see the enclosing function's `arguments`.
//! Reference: ECMA-262 §10.4.4.

use std::collections::HashSet;

use swc_core::common::Span;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::scope::FunctionKey;

/// Where a module reads `arguments`, and what the lowering needs to provide it.
#[derive(Default)]
pub(crate) struct ArgumentsUse {
    /// Non-arrow functions whose body (or an arrow inside) reads `arguments`.
    pub(crate) functions: HashSet<FunctionKey>,
    /// Arrows that read the enclosing function's `arguments` (they capture it).
    pub(crate) arrows: HashSet<FunctionKey>,
    /// Refused uses (element writes, `arguments` outside any function): what and where.
    pub(crate) rejected: Vec<(Span, &'static str)>,
}

struct Finder {
    out: ArgumentsUse,
    /// Enclosing functions, innermost last: (key, is_arrow).
    frames: Vec<(FunctionKey, bool)>,
}

fn is_arguments(expr: &Expr) -> bool {
    matches!(expr, Expr::Ident(ident) if ident.sym == "arguments")
}

impl Finder {
    fn function(&mut self, key: FunctionKey, is_arrow: bool, visit: impl FnOnce(&mut Self)) {
        self.frames.push((key, is_arrow));
        visit(self);
        self.frames.pop();
    }
}

impl Visit for Finder {
    fn visit_function(&mut self, function: &Function) {
        self.function((function.span.lo, function.span.hi), false, |this| {
            function.visit_children_with(this)
        });
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        self.function((arrow.span.lo, arrow.span.hi), true, |this| {
            arrow.visit_children_with(this)
        });
    }

    fn visit_class(&mut self, class: &Class) {
        // The constructor is the class's initialiser function, keyed by the class's span (see
        // `scope.rs`); a field's `arguments` is a syntax error, so it finds no frame.
        let saved = std::mem::take(&mut self.frames);
        for member in &class.body {
            match member {
                ClassMember::Method(method) => method.visit_with(self),
                ClassMember::PrivateMethod(method) => method.visit_with(self),
                ClassMember::Constructor(constructor) => {
                    self.function((class.span.lo, class.span.hi), false, |this| {
                        constructor.visit_children_with(this)
                    });
                }
                other => other.visit_with(self),
            }
        }
        if let Some(parent) = &class.super_class {
            self.frames = saved;
            parent.visit_with(self);
            return;
        }
        self.frames = saved;
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        // `arguments[0] = …`: an element write, which a sloppy function's parameter would
        // see in V8 (`arguments.length = …` and other named writes are plain properties).
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
            && is_arguments(&member.obj)
            && matches!(member.prop, MemberProp::Computed(_))
        {
            self.out
                .rejected
                .push((member.span, "a write to an element of `arguments`"));
            member.prop.visit_with(self);
            assign.right.visit_with(self);
            return;
        }
        assign.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if let Expr::Member(member) = &*update.arg
            && is_arguments(&member.obj)
            && matches!(member.prop, MemberProp::Computed(_))
        {
            self.out
                .rejected
                .push((member.span, "a write to an element of `arguments`"));
            return;
        }
        update.visit_children_with(self);
    }

    fn visit_ident(&mut self, ident: &Ident) {
        if ident.sym != "arguments" {
            return;
        }
        let Some(position) = self.frames.iter().rposition(|(_, is_arrow)| !is_arrow) else {
            self.out.rejected.push((
                ident.span,
                "`arguments` outside a function (or in a class field)",
            ));
            return;
        };
        self.out.functions.insert(self.frames[position].0);
        for (key, _) in &self.frames[position + 1..] {
            self.out.arrows.insert(*key);
        }
    }
}

/// Finds the module's uses of the unbound name `arguments` (`scopes` tells a declared one).
pub(crate) fn find(module: &Module, scopes: &crate::scope::Scopes) -> ArgumentsUse {
    let mut finder = Finder {
        out: ArgumentsUse::default(),
        frames: Vec::new(),
    };
    module.visit_with(&mut finder);
    // A variable or parameter named `arguments` is an ordinary binding.
    finder
        .out
        .rejected
        .retain(|(span, _)| !scopes.resolved.contains_key(&span.lo));
    finder.out
}
