//! Statements, blocks and loops, with function-declaration hoisting.
//!
//! ```text
//! if (!post) return notFound();      →   if !rt::truthy(&…) { return Ok(…); }
//! for (const word of words) {…}      →   let mut iter = rt::ForOf::new(&words)?;
//!                                        while let Some(item) = iter.step()? { let mut word: Value = item; … }
//!                                        iter.finish()?;
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
use super::jumps::Jump;
use crate::scope::pattern_idents;

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
            if let Stmt::Decl(Decl::Class(class)) = stmt
                && let Some(id) = self.cx.scopes.binding_of(&class.ident)
                && self.is_cell(id)
                && !self.predeclared.contains(&id)
            {
                let rust = self.binding_ident(id);
                lines.push(quote!(let #rust = rt::Var::new(Value::Undefined);));
            }
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
            Stmt::Decl(Decl::Class(class)) => self.class_declaration(class),
            Stmt::Decl(Decl::Using(using)) => {
                let stream = self.unsupported(using.span, "`using`", "use `const`");
                quote!(let _ = #stream;)
            }
            // Enums and namespaces are TypeScript constructs with run-time values.
            Stmt::Decl(Decl::TsEnum(ts_enum)) => {
                let stream = self.unsupported(
                    ts_enum.span,
                    "a TypeScript `enum`",
                    "use a union of string literals (`type Color = \"red\" | \"blue\"`) or a frozen object",
                );
                quote!(let _ = #stream;)
            }
            Stmt::Decl(Decl::TsModule(module)) => {
                let stream = self.unsupported(
                    module.span,
                    "a TypeScript `namespace`",
                    "use module-level declarations",
                );
                quote!(let _ = #stream;)
            }
            // Interfaces and type aliases have no run-time existence.
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
                self.return_value(value)
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
            Stmt::While(stmt) => self.while_loop(stmt, None),
            Stmt::DoWhile(stmt) => self.do_while(stmt, None),
            Stmt::For(stmt) => self.for_loop(stmt, None),
            Stmt::ForOf(stmt) => self.for_of(stmt, None),
            Stmt::ForIn(stmt) => self.for_in(stmt, None),
            Stmt::Labeled(labeled) => {
                let name = labeled.label.sym.to_string();
                match &*labeled.body {
                    Stmt::For(stmt) => self.for_loop(stmt, Some(name)),
                    Stmt::ForOf(stmt) => self.for_of(stmt, Some(name)),
                    Stmt::ForIn(stmt) => self.for_in(stmt, Some(name)),
                    Stmt::While(stmt) => self.while_loop(stmt, Some(name)),
                    Stmt::DoWhile(stmt) => self.do_while(stmt, Some(name)),
                    Stmt::Switch(stmt) => self.switch_statement(stmt, Some(name)),
                    other => {
                        // `label: { … break label; … }`: a labelled Rust block.
                        self.enter_target(Some(name), false, false);
                        let body = self.block(other);
                        let label = self.leave_target();
                        quote!(#label #body)
                    }
                }
            }
            Stmt::Break(stmt) => self.jump(
                Jump::Break,
                stmt.label.as_ref().map(|label| label.sym.as_str()),
            ),
            Stmt::Continue(stmt) => self.jump(
                Jump::Continue,
                stmt.label.as_ref().map(|label| label.sym.as_str()),
            ),
            Stmt::Switch(switch) => self.switch_statement(switch, None),
            Stmt::Try(stmt) => self.try_statement(stmt),
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
        if let Some(statement) = self.numeric_write_statement(expr) {
            return statement;
        }
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
                // Dropped without the drop glue when it owns nothing (`Value::release`).
                quote!(Value::release(#value);)
            }
        }
    }

    fn var_decl(&mut self, var: &VarDecl) -> TokenStream {
        let mut lines = Vec::new();
        for declarator in &var.decls {
            match &declarator.init {
                Some(init) => {
                    if let Some(declaration) = self.numeric_declaration(&declarator.name, init) {
                        lines.push(declaration);
                        continue;
                    }
                    let value = match &declarator.name {
                        Pat::Ident(binding) => self.named_expr(init, binding.id.sym.as_str()),
                        _ => self.expr(init),
                    };
                    if matches!(declarator.name, Pat::Object(_) | Pat::Array(_)) {
                        self.pattern_source = self.destructured_source(init);
                    }
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

    fn while_loop(&mut self, stmt: &WhileStmt, js_label: Option<String>) -> TokenStream {
        let test = self.condition(&stmt.test);
        self.enter_target(js_label, true, false);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        quote!(#label while #test { rt::tick()?; #body })
    }

    fn do_while(&mut self, stmt: &DoWhileStmt, js_label: Option<String>) -> TokenStream {
        let first = self.temp("first");
        let test = self.condition(&stmt.test);
        self.enter_target(js_label, true, false);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        quote!({
            let mut #first = true;
            #label loop {
                if !#first && !(#test) { break; }
                #first = false;
                rt::tick()?;
                #body
            }
        })
    }

    fn for_loop(&mut self, stmt: &ForStmt, js_label: Option<String>) -> TokenStream {
        // `for (let i …)` variables a closure captures get a fresh cell per iteration, as in JS:
        // each iteration's closures keep that iteration's value.
        let mut per_iteration = Vec::new();
        let init = match &stmt.init {
            Some(VarDeclOrExpr::VarDecl(var)) => {
                let mut lines = Vec::new();
                for declarator in &var.decls {
                    if let Some(init) = &declarator.init
                        && let Some(declaration) = self.numeric_declaration(&declarator.name, init)
                    {
                        lines.push(declaration);
                        continue;
                    }
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
                    if var.kind != VarDeclKind::Var {
                        let mut names = Vec::new();
                        pattern_idents(&declarator.name, &mut names);
                        for ident in names {
                            if let Some(id) = self.cx.scopes.binding_of(&ident)
                                && self.is_cell(id)
                            {
                                per_iteration.push(self.binding_ident(id));
                            }
                        }
                    }
                }
                let rebind: Vec<TokenStream> = per_iteration
                    .iter()
                    .map(|cell| quote!(let mut #cell = #cell;))
                    .collect();
                quote!(#(#lines)* #(#rebind)*)
            }
            Some(VarDeclOrExpr::Expr(expr)) => self.expression_statement(expr),
            None => quote!(),
        };
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
        self.enter_target(js_label, true, false);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        let copies: Vec<TokenStream> = per_iteration
            .iter()
            .map(|cell| quote!(#cell = rt::Var::new(#cell.get());))
            .collect();
        quote!({
            #init
            let mut #first = true;
            #label loop {
                if !#first { #(#copies)* #update }
                #first = false;
                #test
                rt::tick()?;
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
        if stmt.is_await && !self.in_async {
            let stream = self.unsupported(
                stmt.span,
                "`for await` outside an async function",
                "move the loop into an async function",
            );
            return quote!(let _ = #stream;);
        }
        let iterable = self.expr(&stmt.right);
        if stmt.is_await {
            return self.for_await(stmt, iterable, js_label);
        }
        let iter = self.temp("iter");
        let item = self.temp("item");
        self.enter_target(js_label, true, false);
        let bind = self.loop_head(&stmt.left, &item);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        // `finish` runs after the loop ends, which is after a `break` too: it closes a user
        // iterator that is not done (`return()`). A `return` or a throw out of the body skips
        // it, and dropping the loop closes the iterator then.
        // V8 names a value that is not iterable by its source text (a call by its callee).
        let opened = match &*stmt.right {
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                ..
            }) => {
                let message = format!(
                    "{} is not a function or its return value is not iterable",
                    self.source_of(swc_core::common::Spanned::span(&**callee))
                );
                quote!(rt::ForOf::new_described(&#iterable, #message)?)
            }
            right if is_dotted_path(right) => {
                let message = format!(
                    "{} is not iterable",
                    self.source_of(swc_core::common::Spanned::span(&*stmt.right))
                );
                quote!(rt::ForOf::new_described(&#iterable, #message)?)
            }
            _ => quote!(rt::ForOf::new(&#iterable)?),
        };
        quote!({
            let mut #iter = #opened;
            #label while let Some(#item) = #iter.step()? {
                rt::tick()?;
                #bind
                #body
            }
            #iter.finish()?;
        })
    }

    /// `for await (… of iterable)` in an async body: each step awaits (runtime
    /// `async_generator.rs`, `ForAwait`), and a `break` awaits the iterator's `return()`.
    fn for_await(
        &mut self,
        stmt: &ForOfStmt,
        iterable: TokenStream,
        js_label: Option<String>,
    ) -> TokenStream {
        let shown = self.source_of(swc_core::common::Spanned::span(&*stmt.right));
        let iter = self.temp("iter");
        let item = self.temp("item");
        self.enter_target(js_label, true, false);
        let bind = self.loop_head(&stmt.left, &item);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        quote!({
            let mut #iter = rt::ForAwait::new(&#iterable, #shown)?;
            #label while let Some(#item) = #iter.step().await? {
                rt::tick()?;
                #bind
                #body
            }
            #iter.finish().await?;
        })
    }

    fn for_in(&mut self, stmt: &ForInStmt, js_label: Option<String>) -> TokenStream {
        let object = self.expr(&stmt.right);
        let item = self.temp("key");
        self.enter_target(js_label, true, false);
        let bind = self.loop_head(&stmt.left, &item);
        let body = self.block(&stmt.body);
        let label = self.leave_target();
        quote!({
            #label for #item in rt::for_in_keys(&#object)? {
                rt::tick()?;
                #bind
                #body
            }
        })
    }
}

/// Whether `expr` is a name or a chain of `.name` reads (`o`, `o.a.b`), which V8 quotes as
/// written in its "is not iterable" message.
fn is_dotted_path(expr: &Expr) -> bool {
    match expr {
        Expr::Ident(_) => true,
        Expr::Member(MemberExpr {
            obj,
            prop: MemberProp::Ident(_),
            ..
        }) => is_dotted_path(obj),
        _ => false,
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
