//! Functions: declarations, expressions, arrows and methods → `rt::func` closures.
//!
//! ```text
//! (post) => post.published   →   { rt::func("", 1, move |this: &Value, args: &[Value]| -> Result<Value, rt::Throw> {
//!                                      let mut post: Value = rt::arg(args, 0);
//!                                      Ok(rt::get(&post, "published")?)
//!                                  }) }
//! async function f() { … }   →   the body runs at once; its result is wrapped by `rt::settle`
//! ```
//!
//! Parameters are read from `args` (missing ones are `undefined`), defaults apply to
//! `undefined`, `...rest` collects the remainder.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use super::destructuring::Mode;

/// A function body: statements, or an arrow's expression.
pub(super) enum Body<'a> {
    Block(&'a [Stmt]),
    Expr(&'a Expr),
}

impl Lowerer<'_> {
    pub(super) fn function_expr(&mut self, function: &FnExpr, inferred: &str) -> TokenStream {
        let name = function
            .ident
            .as_ref()
            .map(|ident| ident.sym.to_string())
            .unwrap_or_else(|| inferred.to_string());
        // A named function expression that refers to itself: its name is a cell that exists
        // before the closure is created and holds the closure afterwards.
        let own = function
            .ident
            .as_ref()
            .and_then(|ident| self.cx.scopes.binding_of(ident))
            .filter(|id| self.cx.scopes.bindings[*id].captured);
        match own {
            Some(id) => {
                let cell = self.binding_ident(id);
                let value = self.function(&name, &function.function);
                let temp = self.temp("function");
                quote!({
                    let #cell = rt::Var::new(Value::Undefined);
                    let #temp: Value = #value;
                    #cell.set(#temp.clone());
                    #temp
                })
            }
            None => self.function(&name, &function.function),
        }
    }

    /// A `function` (declaration, expression or method).
    pub(super) fn function(&mut self, name: &str, function: &Function) -> TokenStream {
        if function.is_generator {
            return self.unsupported(
                function.span,
                "a generator function",
                "return an array of the values instead of yielding them",
            );
        }
        let Some(body) = &function.body else {
            return self.unsupported(function.span, "a function without a body", "write its body");
        };
        let params: Vec<&Pat> = function.params.iter().map(|param| &param.pat).collect();
        self.closure(
            name,
            &params,
            Body::Block(&body.stmts),
            function.is_async,
            (function.span.lo, function.span.hi),
        )
    }

    pub(super) fn arrow(&mut self, arrow: &ArrowExpr, name: &str) -> TokenStream {
        if arrow.is_generator {
            return self.unsupported(arrow.span, "a generator", "return an array instead");
        }
        let params: Vec<&Pat> = arrow.params.iter().collect();
        let body = match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => Body::Block(&block.stmts),
            ArrowFunctionBody::Expr(expr) => Body::Expr(expr),
        };
        self.closure(
            name,
            &params,
            body,
            arrow.is_async,
            (arrow.span.lo, arrow.span.hi),
        )
    }

    fn closure(
        &mut self,
        name: &str,
        params: &[&Pat],
        body: Body<'_>,
        is_async: bool,
        key: crate::scope::FunctionKey,
    ) -> TokenStream {
        let clones = self.capture_clones(key);
        let saved_chain = self.chain_label.take();
        let saved_labels = std::mem::take(&mut self.labels);
        self.function_depth += 1;

        let length = params
            .iter()
            .take_while(|pat| !matches!(pat, Pat::Assign(_) | Pat::Rest(_)))
            .count();
        let length = proc_macro2::Literal::u32_unsuffixed(length as u32);
        let mut prologue = Vec::new();
        for (index, pat) in params.iter().enumerate() {
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            let value = match pat {
                Pat::Rest(_) => quote!(rt::rest_args(args, #index)),
                _ => quote!(rt::arg(args, #index)),
            };
            let target = match pat {
                Pat::Rest(rest) => &*rest.arg,
                other => other,
            };
            prologue.push(self.bind_pattern(target, value, Mode::DeclareFresh));
        }
        let statements = match body {
            Body::Block(block) => {
                let prelude = self.function_prelude(block);
                let statements = self.statements(block);
                quote!(#prelude #statements Ok(Value::Undefined))
            }
            Body::Expr(expr) => {
                let value = self.expr(expr);
                quote!(Ok(#value))
            }
        };
        let body = if is_async {
            quote!(rt::settle((|| -> Result<Value, rt::Throw> { #statements })()))
        } else {
            statements
        };

        self.function_depth -= 1;
        self.labels = saved_labels;
        self.chain_label = saved_chain;
        quote!({
            #(#clones)*
            rt::func(#name, #length, move |this: &Value, args: &[Value]| -> Result<Value, rt::Throw> {
                #(#prologue)*
                #body
            })
        })
    }
}
