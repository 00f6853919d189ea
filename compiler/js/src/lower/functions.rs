//! Functions: declarations, expressions, arrows and methods → `rt::func` closures.
//!
//! ```text
//! (post) => post.published   →   { rt::func("", 1, move |this: &Value, args: &[Value]| -> Result<Value, rt::Throw> {
//!                                      let mut post: Value = rt::arg(args, 0);
//!                                      Ok(rt::get(&post, "published")?)
//!                                  }) }
//! async function f() { … }   →   rt::spawn_async(async move { … }): the body is a future the
//!                                 microtask queue resumes after each `await` (runtime `async_fn.rs`)
//! function* g() { yield 1; }  →   rt::generator(async move { rt::yield_value(…).await?; … }): the
//!                                 same future, resumed by `next()` (runtime `generator.rs`)
//! ```
//!
//! Parameters are read from `args` (missing ones are `undefined`), defaults apply to
//! `undefined`, `...rest` collects the remainder.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use super::destructuring::Mode;
use swc_core::ecma::visit::{Visit, VisitWith};

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

    /// A `function` (declaration or expression): callable and constructable.
    pub(super) fn function(&mut self, name: &str, function: &Function) -> TokenStream {
        self.function_of_kind(name, function, Kind::Function)
    }

    /// A method of an object literal or a class: `this` is the receiver; `new` rejects it.
    pub(super) fn method_function(&mut self, name: &str, function: &Function) -> TokenStream {
        self.function_of_kind(name, function, Kind::Method)
    }

    pub(super) fn function_of_kind(
        &mut self,
        name: &str,
        function: &Function,
        kind: Kind<'_>,
    ) -> TokenStream {
        let Some(body) = &function.body else {
            return self.unsupported(function.span, "a function without a body", "write its body");
        };
        let params: Vec<&Pat> = function.params.iter().map(|param| &param.pat).collect();
        self.closure(
            name,
            &params,
            Body::Block(&body.stmts),
            Flavor::of(function.is_async, function.is_generator),
            (function.span.lo, function.span.hi),
            kind,
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
            Flavor::of(arrow.is_async, false),
            (arrow.span.lo, arrow.span.hi),
            Kind::Arrow,
        )
    }

    /// Lowers a function of any kind to its `rt::func`/`rt::arrow`/`rt::method`/`rt::class`
    /// closure (a class also gets its `rt::class` wrapper from `classes.rs`).
    pub(super) fn closure(
        &mut self,
        name: &str,
        params: &[&Pat],
        body: Body<'_>,
        flavor: Flavor,
        key: crate::scope::FunctionKey,
        kind: Kind<'_>,
    ) -> TokenStream {
        // A generator's body is a future too (suspending at `yield`), lowered as an async
        // body is; only the wrapper differs (`rt::generator` instead of `rt::spawn_async`).
        let is_async = flavor != Flavor::Plain;
        let mut clones = self.capture_clones(key);
        let is_arrow = matches!(kind, Kind::Arrow);
        // An arrow sees the `this` (and `super`) of the function around it.
        if matches!(kind, Kind::Constructor { .. })
            && let Some(parent) = self
                .class_context
                .as_ref()
                .and_then(|class| class.parent.clone())
        {
            clones.push(quote!(let #parent = #parent.clone();));
        }
        if is_arrow
            && self.arguments_use.arrows.contains(&key)
            && let Some(arguments) = &self.arguments_ident
        {
            clones.push(quote!(let #arguments = #arguments.clone();));
        }
        let saved_arguments = self.arguments_ident.clone();
        if is_arrow {
            if let Some(this) = &self.this_ident {
                clones.push(quote!(let #this = #this.clone();));
            }
            if let Some((binding, _)) = &self.derived_this {
                clones.push(quote!(let #binding = #binding.clone();));
            }
            if let Some(parent) = self
                .class_context
                .as_ref()
                .and_then(|class| class.parent.clone())
            {
                clones.push(quote!(let #parent = #parent.clone();));
            }
        }
        let saved_chain = self.chain_label.take();
        let saved_targets = std::mem::take(&mut self.jump_targets);
        let saved_frames = std::mem::take(&mut self.try_frames);
        let saved_this = self.this_ident.clone();
        let saved_class = self.class_context.clone();
        let saved_strict = self.strict;
        if let Body::Block(block) = &body
            && super::has_use_strict(block)
        {
            self.strict = true;
        }
        let saved_async = std::mem::replace(&mut self.in_async, is_async);
        let saved_generator = std::mem::replace(
            &mut self.in_generator,
            matches!(flavor, Flavor::Generator | Flavor::AsyncGenerator),
        );
        let saved_async_generator = std::mem::replace(
            &mut self.in_async_generator,
            flavor == Flavor::AsyncGenerator,
        );
        let saved_derived = self.derived_this.clone();
        self.function_depth += 1;
        if !is_arrow {
            self.derived_this = None;
        }
        // In a derived constructor `this` exists only once `super(…)` has returned.
        let mut derived_binding = None;
        if let Kind::Constructor {
            derived: true,
            implicit_super: false,
            ..
        } = &kind
        {
            let binding = self.temp("this_binding");
            self.derived_this = Some((binding.clone(), self.function_depth));
            derived_binding = Some(binding);
        }
        let mut this_binding = quote!();
        if !is_arrow {
            let uses_this = match body {
                Body::Block(block) => block.iter().any(uses_this_or_super),
                Body::Expr(_) => true,
            } || matches!(kind, Kind::Constructor { .. });
            if uses_this {
                let this_var = self.temp("this");
                this_binding = quote!(let #this_var: Value = this.clone(););
                self.this_ident = Some(this_var);
            } else {
                self.this_ident = None;
            }
            if matches!(kind, Kind::Function) {
                self.class_context = None;
            }
        }

        let length = params
            .iter()
            .take_while(|pat| !matches!(pat, Pat::Assign(_) | Pat::Rest(_)))
            .count();
        let length = proc_macro2::Literal::u32_unsuffixed(length as u32);
        let mut prologue = vec![this_binding];
        if !is_arrow {
            self.arguments_ident = None;
            if self.arguments_use.functions.contains(&key) {
                let arguments = self.temp("arguments");
                prologue.push(quote!(let #arguments: Value = rt::arguments_object(args);));
                self.arguments_ident = Some(arguments);
                // V8 maps a sloppy function's `arguments` to its parameters; the copy here
                // only matches strict semantics, so a reassigned parameter is refused.
                let reassigned = params.iter().any(|param| {
                    let mut idents = Vec::new();
                    crate::scope::pattern_idents(param, &mut idents);
                    idents.iter().any(|ident| {
                        self.cx
                            .scopes
                            .binding_of(ident)
                            .is_some_and(|id| self.cx.scopes.bindings[id].reassigned)
                    })
                });
                if reassigned && !self.strict {
                    self.unsupported(
                        swc_core::common::Span::new(key.0, key.1),
                        "a sloppy-mode function that reads `arguments` and assigns a parameter",
                        "V8 keeps the two in sync there; add \"use strict\" to the function, or assign a local copy of the parameter",
                    );
                }
            }
        }
        if let Some(binding) = &derived_binding {
            prologue.push(quote!(let #binding = rt::ThisBinding::new();));
        }
        for (index, pat) in params.iter().enumerate() {
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            if let Some(param) = self.borrowed_param(pat, is_async) {
                prologue.push(quote!(let #param: &Value = rt::arg_ref(args, #index);));
                continue;
            }
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
        if let Kind::Constructor {
            fields,
            derived,
            implicit_super,
        } = &kind
        {
            let lowered = self.field_initialisers(fields);
            let parent = self
                .class_context
                .as_ref()
                .and_then(|class| class.parent.clone());
            match (parent, &self.this_ident) {
                // `constructor(...args) { super(...args); }`, then the fields.
                (Some(parent), Some(this)) if *implicit_super => {
                    prologue.push(quote!(rt::super_construct(&#parent, &#this, args)?; #lowered));
                }
                _ if *derived => {
                    if let Some(class) = &mut self.class_context {
                        class.fields = Some(lowered);
                    }
                }
                _ => prologue.push(lowered),
            }
        }
        let statements = match body {
            Body::Block(block) => {
                let prelude = self.function_prelude(block);
                let statements = self.statements(block);
                let end = derived_binding
                    .as_ref()
                    .map(|binding| quote!(#binding.check_return()?;));
                quote!(#prelude #statements #end Ok(Value::Undefined))
            }
            Body::Expr(expr) => {
                let value = self.expr(expr);
                quote!(Ok(#value))
            }
        };
        self.in_async = saved_async;
        self.in_generator = saved_generator;
        self.in_async_generator = saved_async_generator;
        self.arguments_ident = saved_arguments;
        self.derived_this = saved_derived;
        self.function_depth -= 1;
        self.jump_targets = saved_targets;
        self.try_frames = saved_frames;
        self.this_ident = saved_this;
        self.class_context = saved_class;
        self.chain_label = saved_chain;
        self.strict = saved_strict;
        let code = if is_async {
            // The body becomes a future that outlives this call: it owns copies of the
            // captures, `this` and the arguments. Parameters bind inside it, so a failing
            // default or destructuring rejects the promise instead of throwing, as in JS.
            let mut owned = clones.clone();
            if let Some(parent) = self
                .class_context
                .as_ref()
                .and_then(|class| class.parent.clone())
            {
                owned.push(quote!(let #parent = #parent.clone();));
            }
            let start = match flavor {
                Flavor::Generator => quote!(rt::generator),
                Flavor::AsyncGenerator => quote!(rt::async_generator),
                _ => quote!(rt::spawn_async),
            };
            // A generator binds its parameters when it is called (a failing default throws
            // there, before any `next()`); the body future takes the bound locals with it.
            let (outside, inside) = match flavor {
                Flavor::Generator | Flavor::AsyncGenerator => (prologue, Vec::new()),
                _ => (Vec::new(), prologue),
            };
            quote!(move |this: &Value, args: &[Value]| -> Result<Value, rt::Throw> {
                #(#owned)*
                #(#outside)*
                let this: Value = this.clone();
                let args: Vec<Value> = args.to_vec();
                #start(async move {
                    let this: &Value = &this;
                    let args: &[Value] = &args;
                    #(#inside)*
                    #statements
                })
            })
        } else {
            quote!(move |this: &Value, args: &[Value]| -> Result<Value, rt::Throw> {
                #(#prologue)*
                #statements
            })
        };
        let (start, end) = key;
        match kind {
            Kind::Function => {
                let function =
                    self.with_source(quote!(rt::func(#name, #length, #code)), start, end);
                quote!({ #(#clones)* #function })
            }
            Kind::Arrow => {
                let function =
                    self.with_source(quote!(rt::arrow(#name, #length, #code)), start, end);
                quote!({ #(#clones)* #function })
            }
            Kind::Method => {
                let function =
                    self.with_source(quote!(rt::method(#name, #length, #code)), start, end);
                quote!({ #(#clones)* #function })
            }
            Kind::Constructor { .. } => {
                let parent = self
                    .class_context
                    .as_ref()
                    .and_then(|class| class.parent.clone())
                    .map(|parent| quote!(#parent.clone()))
                    .unwrap_or_else(|| quote!(rt::ClassParent::None));
                quote!({ #(#clones)* rt::class(#name, #length, #parent, #code)? })
            }
        }
    }
}

/// Whether a function's body runs at once, as a future on the microtask queue (`async`), or
/// as a future resumed by `next()` (`function*`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Flavor {
    Plain,
    Async,
    Generator,
    /// `async function*`: a generator body whose `await`s suspend it too (runtime
    /// `async_generator.rs`).
    AsyncGenerator,
}

impl Flavor {
    pub(super) fn of(is_async: bool, is_generator: bool) -> Flavor {
        match (is_async, is_generator) {
            (true, true) => Flavor::AsyncGenerator,
            (false, true) => Flavor::Generator,
            (true, false) => Flavor::Async,
            (false, false) => Flavor::Plain,
        }
    }
}

/// What kind of function a closure is.
pub(super) enum Kind<'b> {
    /// `function`: its own `this`, constructable.
    Function,
    /// `=>`: the enclosing `this`.
    Arrow,
    /// A method: its own `this` and the class's `super`, not constructable.
    Method,
    /// A class constructor (written or implicit) with the instance fields it initialises.
    Constructor {
        fields: Vec<&'b ClassMember>,
        derived: bool,
        /// No constructor is written: `super(...args)` runs first.
        implicit_super: bool,
    },
}

/// Whether a statement uses `this` or `super` outside nested non-arrow functions.
pub(super) fn uses_this_or_super(stmt: &Stmt) -> bool {
    let mut finder = ThisFinder(false);
    stmt.visit_with(&mut finder);
    finder.0
}

struct ThisFinder(bool);

impl Visit for ThisFinder {
    fn visit_this_expr(&mut self, _: &ThisExpr) {
        self.0 = true;
    }
    fn visit_super(&mut self, _: &Super) {
        self.0 = true;
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_class(&mut self, class: &Class) {
        class.super_class.visit_with(self);
    }
}

impl Lowerer<'_> {
    /// The Rust local of a parameter that can borrow its argument instead of cloning it: a plain
    /// name (no default, pattern or rest), never reassigned, not shared with a closure as a
    /// cell, not an `f64` local, in a function that is not async (an async body outlives the
    /// argument slice). Reads clone from the borrow as they would from an owned local, so a
    /// callback such as `(a, b) => a - b` touches its arguments without copying them.
    fn borrowed_param(&mut self, pat: &Pat, is_async: bool) -> Option<proc_macro2::Ident> {
        let Pat::Ident(binding) = pat else {
            return None;
        };
        if is_async {
            return None;
        }
        let id = self.plain_local(&binding.id)?;
        let declared = &self.cx.scopes.bindings[id];
        let fixed = declared.kind == crate::scope::BindingKind::Param && !declared.reassigned;
        fixed.then(|| self.binding_ident(id))
    }
}
