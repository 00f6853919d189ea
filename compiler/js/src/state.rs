//! Which modules hold state: those decide whether entry points take the isolate lock.
//!
//! A module is *stateless* when its top level only declares functions, `const`s of primitive
//! values, `require`s of stateless modules and its exports; evaluating it again is then
//! unobservable, so its handlers run without the lock, in parallel:
//!
//! ```text
//! module.exports = function echo(req) {…}          → stateless
//! const tasks = []; export function GET() {…}      → stateful (the array outlives requests)
//! const { posts } = require("./data.js")           → stateful if data.js is
//! ```

use swc_core::ecma::ast::*;

fn is_primitive(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(Lit::Num(_) | Lit::BigInt(_) | Lit::Str(_) | Lit::Bool(_) | Lit::Null(_)) => true,
        Expr::Tpl(tpl) => tpl.exprs.is_empty(),
        Expr::Unary(unary) => unary.op == UnaryOp::Minus && is_primitive(&unary.arg),
        Expr::Paren(paren) => is_primitive(&paren.expr),
        _ => false,
    }
}

fn is_require(expr: &Expr) -> bool {
    matches!(expr, Expr::Call(call) if matches!(&call.callee, Callee::Expr(callee) if matches!(&**callee, Expr::Ident(ident) if ident.sym == "require")))
}

fn is_function(expr: &Expr) -> bool {
    matches!(expr, Expr::Fn(_) | Expr::Arrow(_) | Expr::Ident(_))
}

fn stateless_stmt(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Empty(_) => true,
        Stmt::Decl(Decl::Fn(_)) => true,
        // TypeScript types are erased: they hold nothing at run time.
        Stmt::Decl(Decl::TsInterface(_) | Decl::TsTypeAlias(_)) => true,
        Stmt::Decl(Decl::Var(var)) => {
            var.kind == VarDeclKind::Const
                && var.decls.iter().all(|declarator| match &declarator.init {
                    Some(init) if is_require(init) => true,
                    Some(init) => matches!(declarator.name, Pat::Ident(_)) && is_primitive(init),
                    None => false,
                })
        }
        Stmt::Expr(statement) => match &*statement.expr {
            Expr::Assign(assign) => {
                assign.op == AssignOp::Assign
                    && is_export_target(&assign.left)
                    && is_function(&assign.right)
            }
            _ => false,
        },
        _ => false,
    }
}

fn is_export_target(target: &AssignTarget) -> bool {
    let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = target else {
        return false;
    };
    match &*member.obj {
        Expr::Ident(object) => object.sym == "module" || object.sym == "exports",
        Expr::Member(inner) => matches!(&*inner.obj, Expr::Ident(object) if object.sym == "module"),
        _ => false,
    }
}

/// Whether the module's own top level is stateless (its requires are checked by the caller).
pub(crate) fn is_stateless(module: &Module) -> bool {
    module.body.iter().all(|item| match item {
        ModuleItem::Stmt(stmt) => stateless_stmt(stmt),
        ModuleItem::ModuleDecl(decl) => match decl {
            ModuleDecl::ExportDecl(export) => stateless_stmt(&Stmt::Decl(export.decl.clone())),
            ModuleDecl::ExportDefaultDecl(export) => matches!(
                export.decl,
                DefaultDecl::Fn(_) | DefaultDecl::TsInterfaceDecl(_)
            ),
            ModuleDecl::ExportDefaultExpr(export) => is_function(&export.expr),
            ModuleDecl::ExportNamed(named) => named.src.is_none(),
            _ => false,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    fn stateless(text: &str) -> bool {
        let mut sources = backworks_diagnostics::Sources::new();
        let id = sources.add("handler.ts", text);
        let Ok(parsed) = crate::parse::parse(id, text, Language::TypeScript) else {
            panic!("the case parses");
        };
        is_stateless(&parsed.module)
    }

    #[test]
    fn typescript_declarations_hold_no_state() {
        assert!(stateless(
            "interface A { x: number }\nexport type B = A[];\nexport function GET(req: A): B { return []; }"
        ));
        assert!(!stateless(
            "interface A { x: number }\nconst all: A[] = [];\nexport function GET(): A[] { return all; }"
        ));
    }
}
