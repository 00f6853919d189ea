//! Free names: identifiers that no declaration of the module binds and that the compiler does
//! not resolve itself (a built-in global, a namespace, a refused name). JavaScript looks such a
//! name up on the global object when it runs, so a module that has one loads the global object
//! (`internal/global.js`) at each of their positions, and the name reads, writes or deletes a
//! property of it:
//!
//! ```text
//! globalThis.counter = 1; counter   → 1 (a property of the global object)
//! typeof counter                    → "undefined" before anything stored it, no ReferenceError
//! counter = 5                       → sloppy code: creates the property; strict code and ES
//!                                     modules: ReferenceError unless it exists
//! missing                           → ReferenceError: missing is not defined
//! ```
//!
//! Declared bindings never come here: they are resolved by `scope.rs` and stay Rust locals.
//! The finder also lists the names a module *writes* to the global object (an assignment to a
//! free name, `globalThis.x = …`, `global["x"] ??= …`, `Object.defineProperty(globalThis, "x",
//! …)`), so that reading a name nothing ever stores still warns as a probable typo.

use swc_core::common::BytePos;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::globals;
use crate::scope::Scopes;

/// The free names of one module.
#[derive(Default)]
pub(crate) struct FreeNames {
    /// Where a free name is read, written, deleted or tested with `typeof`.
    pub(crate) positions: Vec<BytePos>,
    /// The names the module stores on the global object.
    pub(crate) writes: Vec<String>,
}

/// Finds the free names of `module`, whose scope analysis is `scopes`; `esm` says whether it
/// is an ES module.
pub(crate) fn find(module: &Module, scopes: &Scopes, esm: bool) -> FreeNames {
    let mut finder = Finder {
        scopes,
        esm,
        out: FreeNames::default(),
    };
    module.visit_with(&mut finder);
    finder.out
}

struct Finder<'a> {
    scopes: &'a Scopes,
    esm: bool,
    out: FreeNames,
}

impl Finder<'_> {
    /// Whether `ident` is a free name looked up on the global object.
    fn is_free(&self, ident: &Ident) -> bool {
        self.scopes.binding_of(ident).is_none()
            && !globals::resolves_free_name(&ident.sym)
            // A CommonJS module's own location (`lower/module_location.rs`); an ES module has
            // none, so there they are free names as in Node (a ReferenceError when absent).
            && (self.esm || !matches!(&*ident.sym, "__dirname" | "__filename"))
    }

    /// Records `ident` if it is free.
    fn reference(&mut self, ident: &Ident) {
        if self.is_free(ident) {
            self.out.positions.push(ident.span.lo);
        }
    }

    /// Whether `expr` names the global object itself (`globalThis`, `global`, undeclared).
    fn is_global_object(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Ident(ident) => {
                matches!(ident.sym.as_str(), "globalThis" | "global")
                    && self.scopes.binding_of(ident).is_none()
            }
            Expr::Paren(paren) => self.is_global_object(&paren.expr),
            _ => false,
        }
    }

    /// The name a write to `member` stores on the global object, if it is one with a static key.
    fn global_member_name(&self, member: &MemberExpr) -> Option<String> {
        if !self.is_global_object(&member.obj) {
            return None;
        }
        match &member.prop {
            MemberProp::Ident(name) => Some(name.sym.to_string()),
            MemberProp::Computed(computed) => match &*computed.expr {
                Expr::Lit(Lit::Str(text)) => Some(text.value.to_atom_lossy().to_string()),
                _ => None,
            },
            MemberProp::PrivateName(_) => None,
        }
    }

    /// Records the name an assignment or update target stores on the global object.
    fn written(&mut self, target: &SimpleAssignTarget) {
        let name = match target {
            SimpleAssignTarget::Ident(binding) if self.is_free(&binding.id) => {
                Some(binding.id.sym.to_string())
            }
            SimpleAssignTarget::Member(member) => self.global_member_name(member),
            SimpleAssignTarget::Paren(paren) => match &*paren.expr {
                Expr::Ident(ident) if self.is_free(ident) => Some(ident.sym.to_string()),
                Expr::Member(member) => self.global_member_name(member),
                _ => None,
            },
            _ => None,
        };
        self.out.writes.extend(name);
    }
}

impl Visit for Finder<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if let Expr::Ident(ident) = expr {
            self.reference(ident);
        }
        expr.visit_children_with(self);
    }

    // `{ counter }` reads `counter`.
    fn visit_prop(&mut self, prop: &Prop) {
        if let Prop::Shorthand(ident) = prop {
            self.reference(ident);
        }
        prop.visit_children_with(self);
    }

    fn visit_simple_assign_target(&mut self, target: &SimpleAssignTarget) {
        if let SimpleAssignTarget::Ident(binding) = target {
            self.reference(&binding.id);
        }
        target.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(target) = &assign.left {
            self.written(target);
        }
        assign.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        match &*update.arg {
            Expr::Ident(ident) => self.written(&SimpleAssignTarget::Ident(ident.clone().into())),
            Expr::Member(member) => self.written(&SimpleAssignTarget::Member(member.clone())),
            _ => {}
        }
        update.visit_children_with(self);
    }

    // `Object.defineProperty(globalThis, "name", …)` stores `name`.
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee
            && let Expr::Member(member) = &**callee
            && let (Expr::Ident(object), MemberProp::Ident(method)) = (&*member.obj, &member.prop)
            && object.sym == "Object"
            && method.sym == "defineProperty"
            && let [target, key, ..] = call.args.as_slice()
            && self.is_global_object(&target.expr)
            && let Expr::Lit(Lit::Str(name)) = &*key.expr
        {
            self.out.writes.push(name.value.to_atom_lossy().to_string());
        }
        call.visit_children_with(self);
    }

    // Types name no values (an interface member's key is an expression in swc's tree).
    fn visit_ts_type(&mut self, _: &TsType) {}
    fn visit_ts_expr_with_type_args(&mut self, _: &TsExprWithTypeArgs) {}
    fn visit_ts_interface_decl(&mut self, _: &TsInterfaceDecl) {}
    fn visit_ts_type_alias_decl(&mut self, _: &TsTypeAliasDecl) {}
    fn visit_ts_type_element(&mut self, _: &TsTypeElement) {}
    fn visit_ts_index_signature(&mut self, _: &TsIndexSignature) {}
    fn visit_ts_type_param_decl(&mut self, _: &TsTypeParamDecl) {}
    fn visit_ts_type_param_instantiation(&mut self, _: &TsTypeParamInstantiation) {}
    fn visit_ts_module_decl(&mut self, _: &TsModuleDecl) {}
}
