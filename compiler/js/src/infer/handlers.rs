//! Finding the function behind each handler export, and the module's own functions that
//! handlers call.
//!
//! ```text
//! module.exports = async function search(req) {…}   → (Default, that function)
//! export function GET(req) {…}                      → (Method("GET"), GET)
//! const notFound = (id) => ({ status: 404, … });    → local function `notFound`
//! ```

use swc_core::ecma::ast::*;

use crate::ExportKind;
use crate::exports::{Access, detect};

/// A function whose `return`s are read.
#[derive(Debug, Clone)]
pub(crate) enum HandlerFn {
    /// `function f() {…}`, as a declaration or an expression.
    Function(Box<Function>),
    /// `(…) => …`.
    Arrow(ArrowExpr),
}

impl HandlerFn {
    /// The parameters' patterns.
    pub(crate) fn params(&self) -> Vec<&Pat> {
        match self {
            HandlerFn::Function(function) => {
                function.params.iter().map(|param| &param.pat).collect()
            }
            HandlerFn::Arrow(arrow) => arrow.params.iter().collect(),
        }
    }
}

/// Every handler export of `module` with its function, when it can be found statically.
pub(crate) fn find_handlers(module: &Module) -> Vec<(ExportKind, HandlerFn)> {
    let (exports, _) = detect(module);
    exports
        .into_iter()
        .filter_map(|export| {
            let value = match &export.access {
                Access::Whole => whole_export(module),
                Access::Key(key) => keyed_export(module, key),
            }?;
            Some((export.kind, value))
        })
        .collect()
}

/// The module's top-level function named `name` (a declaration or a `const` holding one).
pub(crate) fn local_function(module: &Module, name: &str) -> Option<HandlerFn> {
    for item in &module.body {
        let decl = match item {
            ModuleItem::Stmt(Stmt::Decl(decl)) => decl,
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => &export.decl,
            _ => continue,
        };
        match decl {
            Decl::Fn(function) if function.ident.sym == name => {
                return Some(HandlerFn::Function(function.function.clone()));
            }
            Decl::Var(var) => {
                for declarator in &var.decls {
                    if let Pat::Ident(binding) = &declarator.name
                        && binding.id.sym == name
                    {
                        return declarator
                            .init
                            .as_deref()
                            .and_then(|init| as_function(module, init, 0));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// A function expression, arrow, or the name of a local function.
fn as_function(module: &Module, expr: &Expr, depth: usize) -> Option<HandlerFn> {
    match expr {
        Expr::Fn(function) => Some(HandlerFn::Function(function.function.clone())),
        Expr::Arrow(arrow) => Some(HandlerFn::Arrow(arrow.clone())),
        Expr::Paren(ParenExpr { expr, .. }) => as_function(module, expr, depth),
        Expr::Ident(name) if depth < 4 => local_function(module, &name.sym),
        _ => None,
    }
}

/// What `module.exports = …` assigns (the last such assignment).
fn whole_export(module: &Module) -> Option<HandlerFn> {
    assignments(module)
        .filter(|(key, _)| key.is_none())
        .last()
        .and_then(|(_, value)| as_function(module, value, 0))
}

/// The handler exported under `key`, however it is exported.
fn keyed_export(module: &Module, key: &str) -> Option<HandlerFn> {
    for item in &module.body {
        match item {
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => match &export.decl {
                Decl::Fn(function) if function.ident.sym == key => {
                    return Some(HandlerFn::Function(function.function.clone()));
                }
                Decl::Var(_) => {
                    if let Some(found) = local_function(module, key) {
                        return Some(found);
                    }
                }
                _ => {}
            },
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(export)) if key == "default" => {
                if let DefaultDecl::Fn(function) = &export.decl {
                    return Some(HandlerFn::Function(function.function.clone()));
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(export)) if key == "default" => {
                return as_function(module, &export.expr, 0);
            }
            _ => {}
        }
    }
    // `exports.key = …`, `module.exports.key = …`, or `module.exports = { key, … }`.
    for (assigned_key, value) in assignments(module) {
        match assigned_key {
            Some(name) if name == key => return as_function(module, value, 0),
            None => {
                if let Expr::Object(object) = value {
                    for prop in &object.props {
                        let PropOrSpread::Prop(prop) = prop else {
                            continue;
                        };
                        match &**prop {
                            Prop::KeyValue(KeyValueProp { key: name, value })
                                if super::schema::prop_name(name).as_deref() == Some(key) =>
                            {
                                return as_function(module, value, 0);
                            }
                            Prop::Shorthand(name) if name.sym == key => {
                                return local_function(module, key);
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // An implicit `function handler`.
    (key == "handler")
        .then(|| local_function(module, key))
        .flatten()
}

/// Top-level `module.exports = v` (key `None`) and `exports.k = v` / `module.exports.k = v`.
fn assignments(module: &Module) -> impl Iterator<Item = (Option<String>, &Expr)> {
    module.body.iter().filter_map(|item| {
        let ModuleItem::Stmt(Stmt::Expr(ExprStmt { expr, .. })) = item else {
            return None;
        };
        let Expr::Assign(assign) = &**expr else {
            return None;
        };
        if assign.op != AssignOp::Assign {
            return None;
        }
        let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left else {
            return None;
        };
        let MemberProp::Ident(prop) = &member.prop else {
            return None;
        };
        match &*member.obj {
            Expr::Ident(object) if object.sym == "module" && prop.sym == "exports" => {
                Some((None, &*assign.right))
            }
            Expr::Ident(object) if object.sym == "exports" => {
                Some((Some(prop.sym.to_string()), &*assign.right))
            }
            Expr::Member(inner) => match (&*inner.obj, &inner.prop) {
                (Expr::Ident(object), MemberProp::Ident(name))
                    if object.sym == "module" && name.sym == "exports" =>
                {
                    Some((Some(prop.sym.to_string()), &*assign.right))
                }
                _ => None,
            },
            _ => None,
        }
    })
}
