//! Class static blocks. `static { … }` runs once, in its place among the static members, with
//! `this` = the class, a `var` scope of its own, and none of `arguments`, `await` or `return`
//! (the parser refuses those in it). That is what an arrow function called at once is in a
//! static field's initialiser, so right after parsing each block's body becomes
//! `{ (() => { … })(); }`: scope analysis then gives its `var`s their own function scope, and
//! the class lowering runs it as it runs a static initialiser (`lower/classes.rs`).
//!
//! The arrow and its call take the body's span, the rewritten body the whole block's (with
//! `static`), so no two nodes that scope analysis keys by span share one.

use swc_core::common::SyntaxContext;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{VisitMut, VisitMutWith};

/// Rewrites every static block of `module` as described above.
pub(crate) fn desugar(module: &mut Module) {
    module.visit_mut_with(&mut Desugar);
}

struct Desugar;

impl VisitMut for Desugar {
    fn visit_mut_static_block(&mut self, block: &mut StaticBlock) {
        // Nested classes first, so their blocks are rewritten too.
        block.visit_mut_children_with(self);
        let body = std::mem::take(&mut block.body);
        let span = body.span;
        let arrow = ArrowExpr {
            span,
            ctxt: SyntaxContext::empty(),
            params: Vec::new(),
            body: Box::new(ArrowFunctionBody::FunctionBody(FunctionBody {
                span,
                stmts: body.stmts,
            })),
            is_async: false,
            is_generator: false,
            type_params: None,
            return_type: None,
        };
        let call = CallExpr {
            span,
            ctxt: SyntaxContext::empty(),
            callee: Callee::Expr(Box::new(Expr::Paren(ParenExpr {
                span,
                expr: Box::new(Expr::Arrow(arrow)),
            }))),
            args: Vec::new(),
            type_args: None,
        };
        block.body = BlockStmt {
            span: block.span,
            ctxt: SyntaxContext::empty(),
            stmts: vec![Stmt::Expr(ExprStmt {
                span,
                expr: Box::new(Expr::Call(call)),
            })],
        };
    }
}

/// The call a rewritten static block holds (`(() => { … })()`).
pub(crate) fn call_of(block: &StaticBlock) -> Option<&Expr> {
    match block.body.stmts.as_slice() {
        [Stmt::Expr(statement)] => Some(&statement.expr),
        _ => None,
    }
}
