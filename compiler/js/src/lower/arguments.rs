//! `arguments` in non-arrow functions, in the forms that read it as a list of values.
//!
//! ```text
//! function sum() { return Array.from(arguments).reduce(…); }
//!   → rt::func("sum", 0, move |this, args| { let arguments: Value = rt::array(args.to_vec()); … })
//! Array.prototype.slice.call(arguments, 1)   → rt::call_method(&arguments.clone(), "slice", &[1])?
//! ```
//!
//! The object is an array of the call's arguments. That is exact for the forms accepted here:
//! `arguments.length`, `arguments[i]`, `[...arguments]`, `f(...arguments)`,
//! `Array.from(arguments)`, `f.apply(t, arguments)`, `Array.prototype.slice.call(arguments, …)`
//! and `[].slice.call(arguments, …)`; every other use (`Array.isArray(arguments)`, JSON of it,
//! writes, passing it along) would tell an array from V8's arguments object, so it is a
//! compile error at the use. Strict-mode semantics: the object is a copy, so a sloppy function
//! that both reads `arguments` and assigns a parameter (where V8 maps the two) is an error too.
//! Arrows see the enclosing function's `arguments`. Reference: ECMA-262 §10.4.4.

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
    /// Uses that are not one of the accepted forms, or outside any function: what and where.
    pub(crate) rejected: Vec<(Span, &'static str)>,
}

struct Finder {
    out: ArgumentsUse,
    /// Enclosing functions, innermost last: (key, is_arrow).
    frames: Vec<(FunctionKey, bool)>,
    /// `arguments` identifiers already accepted by their parent expression.
    accepted: HashSet<swc_core::common::BytePos>,
}

fn is_arguments(expr: &Expr) -> bool {
    matches!(expr, Expr::Ident(ident) if ident.sym == "arguments")
}

/// `Array.prototype.slice` or `[].slice`.
fn is_borrowed_slice(expr: &Expr) -> bool {
    let Expr::Member(member) = expr else {
        return false;
    };
    if !matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == "slice") {
        return false;
    }
    match &*member.obj {
        Expr::Array(array) => array.elems.is_empty(),
        Expr::Member(inner) => {
            matches!(&*inner.obj, Expr::Ident(object) if object.sym == "Array")
                && matches!(&inner.prop, MemberProp::Ident(prop) if prop.sym == "prototype")
        }
        _ => false,
    }
}

/// `Array.prototype.slice.call(arguments, …)` / `[].slice.call(arguments, …)`.
pub(crate) fn borrowed_slice_of_arguments(call: &CallExpr) -> bool {
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    let Expr::Member(member) = &**callee else {
        return false;
    };
    matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == "call")
        && is_borrowed_slice(&member.obj)
        && call
            .args
            .first()
            .is_some_and(|arg| arg.spread.is_none() && is_arguments(&arg.expr))
}

impl Finder {
    fn accept(&mut self, expr: &Expr) {
        if let Expr::Ident(ident) = expr
            && ident.sym == "arguments"
        {
            self.accepted.insert(ident.span.lo);
        }
    }

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

    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if is_arguments(&member.obj) {
            match &member.prop {
                MemberProp::Ident(prop) if prop.sym == "length" => self.accept(&member.obj),
                MemberProp::Computed(_) => self.accept(&member.obj),
                _ => {}
            }
        }
        member.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        // `arguments[0] = …`: a write, never accepted.
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
            && is_arguments(&member.obj)
        {
            self.out
                .rejected
                .push((member.span, "a write to `arguments`"));
            member.prop.visit_with(self);
            assign.right.visit_with(self);
            return;
        }
        assign.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if let Expr::Member(member) = &*update.arg
            && is_arguments(&member.obj)
        {
            self.out
                .rejected
                .push((member.span, "a write to `arguments`"));
            return;
        }
        update.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if borrowed_slice_of_arguments(call) {
            self.accept(&call.args[0].expr);
        }
        if let Callee::Expr(callee) = &call.callee {
            let from = matches!(&**callee, Expr::Member(member)
                if matches!(&*member.obj, Expr::Ident(object) if object.sym == "Array")
                    && matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == "from"));
            let apply = matches!(&**callee, Expr::Member(member)
                if matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == "apply"));
            if from && let Some(first) = call.args.first() {
                self.accept(&first.expr);
            }
            if apply && let Some(second) = call.args.get(1) {
                self.accept(&second.expr);
            }
        }
        for arg in &call.args {
            if arg.spread.is_some() {
                self.accept(&arg.expr);
            }
        }
        call.visit_children_with(self);
    }

    fn visit_new_expr(&mut self, new: &NewExpr) {
        for arg in new.args.iter().flatten() {
            if arg.spread.is_some() {
                self.accept(&arg.expr);
            }
        }
        new.visit_children_with(self);
    }

    fn visit_array_lit(&mut self, array: &ArrayLit) {
        for element in array.elems.iter().flatten() {
            if element.spread.is_some() {
                self.accept(&element.expr);
            }
        }
        array.visit_children_with(self);
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
        if !self.accepted.contains(&ident.span.lo) {
            self.out
                .rejected
                .push((ident.span, "this use of `arguments`"));
            return;
        }
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
        accepted: HashSet::new(),
    };
    module.visit_with(&mut finder);
    // A variable or parameter named `arguments` is an ordinary binding.
    finder
        .out
        .rejected
        .retain(|(span, _)| !scopes.resolved.contains_key(&span.lo));
    finder.out
}
