//! Whether a handler looks at its second argument (`ctx`): when it provably does not, the
//! entry point calls it with `req` alone and the bridge never builds `ctx` (its `env` copies
//! the whole process environment, the largest fixed cost of a small request).
//!
//! ```text
//! export function GET(req) {…}                 → no ctx
//! function handler(req, res) { … req … }       → no ctx: `res` is never read
//! module.exports = (req, ctx) => ctx.env.X     → ctx
//! module.exports = makeHandler()               → ctx (cannot tell)
//! ```

use swc_core::ecma::ast::*;

use crate::exports::Access;
use crate::scope::Scopes;

/// Whether the handler that `access` finds in `module.exports` may read its second argument.
pub(crate) fn uses_context(module: &Module, access: &Access, scopes: &Scopes) -> bool {
    let Some(params) = handler_params(module, access) else {
        return true;
    };
    match params.get(1) {
        None => params.iter().any(|param| matches!(param, Pat::Rest(_))),
        Some(Pat::Ident(binding)) => is_read(&binding.id, scopes),
        Some(_) => true,
    }
}

/// Whether the parameter declared by `ident` is referenced anywhere (declarations and
/// references share `Scopes::resolved`).
fn is_read(ident: &Ident, scopes: &Scopes) -> bool {
    let Some(id) = scopes.binding_of(ident) else {
        return true;
    };
    scopes
        .resolved
        .iter()
        .any(|(position, binding)| *binding == id && *position != ident.span.lo)
}

fn params_of_function(function: &Function) -> Vec<Pat> {
    function
        .params
        .iter()
        .map(|param| param.pat.clone())
        .collect()
}

fn params_of_expr(module: &Module, expr: &Expr) -> Option<Vec<Pat>> {
    match expr {
        Expr::Fn(function) => Some(params_of_function(&function.function)),
        Expr::Arrow(arrow) => Some(arrow.params.clone()),
        Expr::Paren(paren) => params_of_expr(module, &paren.expr),
        Expr::Ident(ident) => top_level_function(module, ident.sym.as_str()),
        _ => None,
    }
}

/// The parameters of a top-level `function name` or `const name = (…) => …`.
fn top_level_function(module: &Module, name: &str) -> Option<Vec<Pat>> {
    module.body.iter().find_map(|item| {
        let decl = match item {
            ModuleItem::Stmt(Stmt::Decl(decl)) => decl,
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => &export.decl,
            _ => return None,
        };
        match decl {
            Decl::Fn(function) if function.ident.sym == name => {
                Some(params_of_function(&function.function))
            }
            Decl::Var(var) => var
                .decls
                .iter()
                .find_map(|declarator| match &declarator.name {
                    Pat::Ident(binding) if binding.id.sym == name => declarator
                        .init
                        .as_deref()
                        .and_then(|init| params_of_expr(module, init)),
                    _ => None,
                }),
            _ => None,
        }
    })
}

/// `module.exports` (`None`) or `module.exports.key`/`exports.key` (`Some(key)`) assigned by a
/// statement, with the value assigned.
fn export_assignment(stmt: &Stmt) -> Option<(Option<String>, &Expr)> {
    let Stmt::Expr(statement) = stmt else {
        return None;
    };
    let Expr::Assign(assign) = &*statement.expr else {
        return None;
    };
    let target = crate::exports::export_target(&assign.left)?;
    Some((target, &assign.right))
}

/// The parameters of the function behind `key` in an object literal.
fn params_in_object(module: &Module, object: &ObjectLit, key: &str) -> Option<Vec<Pat>> {
    object.props.iter().rev().find_map(|prop| {
        let PropOrSpread::Prop(prop) = prop else {
            return None;
        };
        let named = |name: &PropName| match name {
            PropName::Ident(ident) => ident.sym == key,
            PropName::Str(text) => text.value.to_atom_lossy().as_ref() == key,
            _ => false,
        };
        match &**prop {
            Prop::Method(method) if named(&method.key) => {
                Some(params_of_function(&method.function))
            }
            Prop::KeyValue(pair) if named(&pair.key) => params_of_expr(module, &pair.value),
            Prop::Shorthand(ident) if ident.sym == key => top_level_function(module, key),
            _ => None,
        }
    })
}

/// The parameters of the handler `access` designates, when the module shows them.
fn handler_params(module: &Module, access: &Access) -> Option<Vec<Pat>> {
    let key = match access {
        Access::Whole => None,
        Access::Key(key) => Some(key.as_str()),
    };
    // The last assignment wins, as it does when the module runs.
    let mut found = None;
    for item in &module.body {
        match item {
            ModuleItem::Stmt(stmt) => match export_assignment(stmt) {
                Some((None, value)) => {
                    found = match (key, value) {
                        (None, value) => params_of_expr(module, value),
                        (Some(key), Expr::Object(object)) => params_in_object(module, object, key),
                        (Some(_), _) => None,
                    };
                }
                Some((Some(name), value)) if Some(name.as_str()) == key => {
                    found = params_of_expr(module, value);
                }
                _ => {}
            },
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(_)) if key.is_some() => {
                if let Some(params) = key.and_then(|key| top_level_function(module, key)) {
                    found = Some(params);
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(export))
                if key == Some("default") =>
            {
                if let DefaultDecl::Fn(function) = &export.decl {
                    found = Some(params_of_function(&function.function));
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(export))
                if key == Some("default") =>
            {
                found = params_of_expr(module, &export.expr);
            }
            _ => {}
        }
    }
    // A script's implicit `function handler(req, res)`.
    if found.is_none() && key == Some("handler") {
        found = top_level_function(module, "handler");
    }
    found
}
