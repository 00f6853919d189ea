//! Statements, blocks and loops, with function-declaration hoisting.
//!
//! ```text
//! if (!post) return notFound();      →   if !rt::truthy(&…) { return Ok(…); }
//! for (const word of words) {…}      →   let mut iter = rt::ForOf::new(&words)?;
//!                                        while let Some(item) = iter.next() { let mut word: Value = item; … }
//! for (let i = 0; i < n; i++) {…}    →   { let mut i = …; let mut first = true;
//!                                          loop { if !first { i++ } first = false; if !(i < n) { break } … } }
//! ```
//!
//! At the start of each block, function declarations are created first (hoisting) and the
//! cells of its `let`/`const` declarations exist before them, so a hoisted function can refer
//! to a variable declared further down, as in JS.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::VisitWith;

use super::Lowerer;
use super::destructuring::Mode;
use crate::scope::{BindingKind, pattern_idents};

impl Lowerer<'_> {
    /// `var` declarations of a function body, declared up front (they are function-scoped).
    pub(super) fn function_prelude(&mut self, statements: &[Stmt]) -> TokenStream {
        let mut vars = Vec::new();
        for stmt in statements {
            stmt.visit_with(&mut VarNames(&mut vars));
        }
        let mut lines = Vec::new();
        let mut seen = Vec::new();
        for ident in vars {
            let Some(id) = self.cx.scopes.binding_of(&ident) else {
                continue;
            };
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let rust = self.binding_ident(id);
            lines.push(if self.is_cell(id) {
                quote!(let #rust = rt::Var::new(Value::Undefined);)
            } else {
                quote!(let mut #rust: Value = Value::Undefined;)
            });
        }
        quote!(#(#lines)*)
    }

    /// Hoisting at the start of a block: cells of its lexical declarations, then its functions.
    pub(super) fn block_prelude<'s>(
        &mut self,
        statements: impl Iterator<Item = &'s Stmt> + Clone,
    ) -> TokenStream {
        let mut lines = Vec::new();
        for stmt in statements.clone() {
            if let Stmt::Decl(Decl::Var(var)) = stmt {
                if var.kind == VarDeclKind::Var {
                    continue;
                }
                for declarator in &var.decls {
                    let mut names = Vec::new();
                    pattern_idents(&declarator.name, &mut names);
                    for ident in names {
                        if let Some(id) = self.cx.scopes.binding_of(&ident)
                            && self.is_cell(id)
                        {
                            let rust = self.binding_ident(id);
                            lines.push(quote!(let #rust = rt::Var::new(Value::Undefined);));
                        }
                    }
                }
            }
        }
        let functions: Vec<&FnDecl> = statements
            .filter_map(|stmt| match stmt {
                Stmt::Decl(Decl::Fn(function)) => Some(function),
                _ => None,
            })
            .collect();
        lines.push(self.hoist_functions(&functions));
        quote!(#(#lines)*)
    }

    /// Creates hoisted function declarations: all cells first, then every function value.
    pub(crate) fn hoist_functions(&mut self, functions: &[&FnDecl]) -> TokenStream {
        let mut cells = Vec::new();
        let mut values = Vec::new();
        for function in functions {
            let Some(id) = self.cx.scopes.binding_of(&function.ident) else {
                continue;
            };
            let rust = self.binding_ident(id);
            let value = self.function(function.ident.sym.as_str(), &function.function);
            if self.is_cell(id) {
                cells.push(quote!(let #rust = rt::Var::new(Value::Undefined);));
                values.push(quote!(#rust.set(#value);));
            } else {
                values.push(quote!(let #rust: Value = #value;));
            }
        }
        quote!(#(#cells)* #(#values)*)
    }

    /// A statement list (the caller has emitted the block prelude).
    pub(crate) fn statements(&mut self, statements: &[Stmt]) -> TokenStream {
        let prelude = self.block_prelude(statements.iter());
        let lowered: Vec<TokenStream> =
            statements.iter().map(|stmt| self.statement(stmt)).collect();
        quote!(#prelude #(#lowered)*)
    }

    fn block(&mut self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Block(block) => {
                let inner = self.statements(&block.stmts);
                quote!({ #inner })
            }
            other => {
                let inner = self.statements(std::slice::from_ref(other));
                quote!({ #inner })
            }
        }
    }

    /// Lowers one statement.
    pub(crate) fn statement(&mut self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Expr(expr) => self.expression_statement(&expr.expr),
            Stmt::Decl(Decl::Var(var)) => self.var_decl(var),
            Stmt::Decl(Decl::Fn(_)) => quote!(),
            Stmt::Decl(Decl::Class(class)) => {
                let stream = self.unsupported(
                    class.class.span,
                    "a class",
                    "use object literals and functions",
                );
                quote!(let _ = #stream;)
            }
            Stmt::Decl(Decl::Using(using)) => {
                let stream = self.unsupported(using.span, "`using`", "use `const`");
                quote!(let _ = #stream;)
            }
            Stmt::Decl(_) => quote!(),
            Stmt::Block(block) => {
                let inner = self.statements(&block.stmts);
                quote!({ #inner })
            }
            Stmt::Empty(_) => quote!(),
            Stmt::Return(ret) => {
                if self.function_depth == 0 {
                    let stream = self.unsupported(
                        ret.span,
                        "`return` at the top level",
                        "return from the handler function",
                    );
                    return quote!(let _ = #stream;);
                }
                let value = match &ret.arg {
                    Some(arg) => self.expr(arg),
                    None => quote!(Value::Undefined),
                };
                quote!(return Ok(#value);)
            }
            Stmt::If(stmt) => {
                let test = self.condition(&stmt.test);
                let cons = self.block(&stmt.cons);
                match &stmt.alt {
                    Some(alt) => {
                        let alt = match &**alt {
                            Stmt::If(_) => {
                                let nested = self.statement(alt);
                                quote!({ #nested })
                            }
                            other => self.block(other),
                        };
                        quote!(if #test #cons else #alt)
                    }
                    None => quote!(if #test #cons),
                }
            }
            Stmt::Throw(throw) => {
                let value = self.expr(&throw.arg);
                quote!(return Err(rt::throw(#value));)
            }
            Stmt::While(stmt) => {
                let test = self.condition(&stmt.test);
                let body = self.block(&stmt.body);
                quote!(while #test #body)
            }
            Stmt::DoWhile(stmt) => {
                let first = self.temp("first");
                let test = self.condition(&stmt.test);
                let body = self.block(&stmt.body);
                quote!({
                    let mut #first = true;
                    loop {
                        if !#first && !(#test) { break; }
                        #first = false;
                        #body
                    }
                })
            }
            Stmt::For(stmt) => self.for_loop(stmt, None),
            Stmt::ForOf(stmt) => self.for_of(stmt, None),
            Stmt::ForIn(stmt) => self.for_in(stmt, None),
            Stmt::Labeled(labeled) => {
                let name = labeled.label.sym.to_string();
                match &*labeled.body {
                    Stmt::For(stmt) => self.for_loop(stmt, Some(name)),
                    Stmt::ForOf(stmt) => self.for_of(stmt, Some(name)),
                    Stmt::ForIn(stmt) => self.for_in(stmt, Some(name)),
                    Stmt::While(stmt) => {
                        let label = self.loop_label(Some(name));
                        let label_tokens = Self::labelled(&label);
                        let test = self.condition(&stmt.test);
                        let body = self.block(&stmt.body);
                        self.labels.pop();
                        quote!(#label_tokens while #test #body)
                    }
                    _ => {
                        let stream = self.unsupported(
                            labeled.span,
                            "a label on a statement that is not a loop",
                            "label the loop itself",
                        );
                        quote!(let _ = #stream;)
                    }
                }
            }
            Stmt::Break(stmt) => match &stmt.label {
                Some(label) => match self.find_label(label.sym.as_str()) {
                    Some(rust) => quote!(break #rust;),
                    None => quote!(break;),
                },
                None => quote!(break;),
            },
            Stmt::Continue(stmt) => match &stmt.label {
                Some(label) => match self.find_label(label.sym.as_str()) {
                    Some(rust) => quote!(continue #rust;),
                    None => quote!(continue;),
                },
                None => quote!(continue;),
            },
            Stmt::Switch(switch) => {
                let stream = self.unsupported(switch.span, "`switch`", "use `if … else if …`");
                quote!(let _ = #stream;)
            }
            Stmt::Try(stmt) => {
                let stream = self.unsupported(
                    stmt.span,
                    "`try`/`catch`",
                    "check the values before using them; a thrown error becomes a 500 response",
                );
                quote!(let _ = #stream;)
            }
            Stmt::With(with) => {
                let stream = self.unsupported(
                    with.span,
                    "`with`",
                    "use a local variable for the object instead",
                );
                quote!(let _ = #stream;)
            }
            Stmt::Debugger(_) => quote!(),
        }
    }

    fn expression_statement(&mut self, expr: &Expr) -> TokenStream {
        match expr {
            Expr::Assign(assign) => {
                let lowered = self.assignment(assign, true);
                quote!(#lowered)
            }
            Expr::Update(update) => {
                let lowered = self.update_with(update, true);
                quote!(#lowered)
            }
            Expr::Paren(paren) => self.expression_statement(&paren.expr),
            other => {
                let value = self.expr(other);
                quote!(let _ = #value;)
            }
        }
    }

    fn var_decl(&mut self, var: &VarDecl) -> TokenStream {
        let mut lines = Vec::new();
        for declarator in &var.decls {
            match &declarator.init {
                Some(init) => {
                    let value = match &declarator.name {
                        Pat::Ident(binding) => self.named_expr(init, binding.id.sym.as_str()),
                        _ => self.expr(init),
                    };
                    lines.push(self.bind_pattern(&declarator.name, value, Mode::Declare));
                }
                // `var x;` keeps the hoisted value; `let x;` is `undefined`.
                None if var.kind == VarDeclKind::Var => {}
                None => lines.push(self.bind_pattern(
                    &declarator.name,
                    quote!(Value::Undefined),
                    Mode::Declare,
                )),
            }
        }
        quote!(#(#lines)*)
    }

    fn loop_label(&mut self, js: Option<String>) -> Option<syn::Lifetime> {
        let js = js?;
        let label = self.label(&format!("loop_{js}"));
        self.labels.push((js, label.clone()));
        Some(label)
    }

    fn find_label(&self, js: &str) -> Option<syn::Lifetime> {
        self.labels
            .iter()
            .rev()
            .find(|(name, _)| name == js)
            .map(|(_, label)| label.clone())
    }

    fn labelled(label: &Option<syn::Lifetime>) -> TokenStream {
        match label {
            Some(label) => quote!(#label:),
            None => quote!(),
        }
    }

    fn for_loop(&mut self, stmt: &ForStmt, js_label: Option<String>) -> TokenStream {
        let init = match &stmt.init {
            Some(VarDeclOrExpr::VarDecl(var)) => {
                for declarator in &var.decls {
                    let mut names = Vec::new();
                    pattern_idents(&declarator.name, &mut names);
                    for ident in names {
                        if let Some(id) = self.cx.scopes.binding_of(&ident) {
                            let binding = &self.cx.scopes.bindings[id];
                            if binding.captured && binding.kind != BindingKind::Var {
                                let stream = self.unsupported(
                                    ident.span,
                                    "a closure capturing a `for (let …)` loop variable",
                                    "copy the variable into a `const` inside the loop body and capture that",
                                );
                                return quote!(let _ = #stream;);
                            }
                        }
                    }
                }
                let mut lines = Vec::new();
                for declarator in &var.decls {
                    let value = match &declarator.init {
                        Some(init) => self.expr(init),
                        None => quote!(Value::Undefined),
                    };
                    let mode = if var.kind == VarDeclKind::Var {
                        Mode::Declare
                    } else {
                        Mode::DeclareFresh
                    };
                    lines.push(self.bind_pattern(&declarator.name, value, mode));
                }
                quote!(#(#lines)*)
            }
            Some(VarDeclOrExpr::Expr(expr)) => self.expression_statement(expr),
            None => quote!(),
        };
        let label = self.loop_label(js_label);
        let label_tokens = Self::labelled(&label);
        let first = self.temp("first");
        let test = match &stmt.test {
            Some(test) => {
                let test = self.condition(test);
                quote!(if !(#test) { break; })
            }
            None => quote!(),
        };
        let update = match &stmt.update {
            Some(update) => self.expression_statement(update),
            None => quote!(),
        };
        let body = self.block(&stmt.body);
        if label.is_some() {
            self.labels.pop();
        }
        quote!({
            #init
            let mut #first = true;
            #label_tokens loop {
                if !#first { #update }
                #first = false;
                #test
                #body
            }
        })
    }

    fn loop_head(&mut self, head: &ForHead, item: &proc_macro2::Ident) -> TokenStream {
        match head {
            ForHead::VarDecl(var) => {
                let Some(declarator) = var.decls.first() else {
                    return quote!();
                };
                let mode = if var.kind == VarDeclKind::Var {
                    Mode::Declare
                } else {
                    Mode::DeclareFresh
                };
                self.bind_pattern(&declarator.name, quote!(#item), mode)
            }
            ForHead::Pat(pat) => self.bind_pattern(pat, quote!(#item), Mode::Assign),
            ForHead::UsingDecl(using) => {
                let stream = self.unsupported(using.span, "`using`", "use `const`");
                quote!(let _ = #stream;)
            }
        }
    }

    fn for_of(&mut self, stmt: &ForOfStmt, js_label: Option<String>) -> TokenStream {
        if stmt.is_await {
            let stream = self.unsupported(stmt.span, "`for await`", "use `for … of` over an array");
            return quote!(let _ = #stream;);
        }
        let iterable = self.expr(&stmt.right);
        let iter = self.temp("iter");
        let item = self.temp("item");
        let label = self.loop_label(js_label);
        let label_tokens = Self::labelled(&label);
        let bind = self.loop_head(&stmt.left, &item);
        let body = self.block(&stmt.body);
        if label.is_some() {
            self.labels.pop();
        }
        quote!({
            let mut #iter = rt::ForOf::new(&#iterable)?;
            #label_tokens while let Some(#item) = #iter.next() {
                #bind
                #body
            }
        })
    }

    fn for_in(&mut self, stmt: &ForInStmt, js_label: Option<String>) -> TokenStream {
        let object = self.expr(&stmt.right);
        let item = self.temp("key");
        let label = self.loop_label(js_label);
        let label_tokens = Self::labelled(&label);
        let bind = self.loop_head(&stmt.left, &item);
        let body = self.block(&stmt.body);
        if label.is_some() {
            self.labels.pop();
        }
        quote!({
            #label_tokens for #item in rt::for_in_keys(&#object)? {
                #bind
                #body
            }
        })
    }
}

/// Collects the identifiers of `var` declarations without entering nested functions.
struct VarNames<'a>(&'a mut Vec<Ident>);

impl swc_core::ecma::visit::Visit for VarNames<'_> {
    fn visit_var_decl(&mut self, decl: &VarDecl) {
        if decl.kind == VarDeclKind::Var {
            for declarator in &decl.decls {
                pattern_idents(&declarator.name, self.0);
            }
        }
        decl.visit_children_with(self);
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
}
