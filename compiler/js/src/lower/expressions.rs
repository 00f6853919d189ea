//! Expressions: the dispatcher, identifiers and member reads.
//!
//! Every JS expression lowers to a Rust expression of type `Value` (fallible steps end in `?`):
//!
//! ```text
//! post.title      → rt::get(&post.clone(), "title")?
//! items[i]        → rt::get_computed(&items.clone(), &i.clone())?
//! Math.PI         → rt::static_value("Math.PI")
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::globals;
use crate::scope::BindingKind;

/// A numeric literal as a Rust `f64` expression.
pub(super) fn number(value: f64) -> TokenStream {
    if value.is_infinite() {
        return quote!(f64::INFINITY);
    }
    if value.is_nan() {
        return quote!(f64::NAN);
    }
    let literal = proc_macro2::Literal::f64_unsuffixed(value);
    quote!(#literal)
}

/// A string literal as a `Value`.
pub(super) fn string_value(text: &str) -> TokenStream {
    quote!(Value::str(#text))
}

/// A JS string literal (which may hold lone surrogates) as a `Value`.
pub(super) fn wtf8_value(text: &swc_core::atoms::Wtf8Atom) -> TokenStream {
    match text.as_atom() {
        Some(atom) => string_value(atom.as_str()),
        None => {
            let units: Vec<u16> = text.as_wtf8().to_ill_formed_utf16().collect();
            quote!(Value::String(rt::JsString::from_units(&[#(#units),*])))
        }
    }
}

impl Lowerer<'_> {
    /// Lowers any expression to a `Value` expression.
    pub(crate) fn expr(&mut self, expr: &Expr) -> TokenStream {
        if let Some(number) = self.numeric_value(expr) {
            return number;
        }
        match expr {
            Expr::Lit(lit) => self.literal(lit),
            Expr::Ident(ident) => self.ident(ident),
            Expr::Tpl(tpl) => self.template(tpl),
            Expr::Array(array) => self.array_literal(array),
            Expr::Object(object) => self.object_literal(object),
            Expr::Fn(function) => self.function_expr(function, ""),
            Expr::Arrow(arrow) => self.arrow(arrow, ""),
            Expr::Unary(unary) => self.unary(unary),
            Expr::Update(update) => self.update(update),
            Expr::Bin(bin) => self.binary(bin),
            Expr::Assign(assign) => self.assign_expr(assign),
            Expr::Member(member) => self.member(member),
            Expr::Cond(cond) => {
                let test = self.condition(&cond.test);
                let cons = self.expr(&cond.cons);
                let alt = self.expr(&cond.alt);
                quote!({ if #test { #cons } else { #alt } })
            }
            Expr::Call(call) => self.call(call),
            Expr::New(new) => self.new_expr(new),
            Expr::Seq(seq) => {
                let (last, rest) = seq.exprs.split_last().expect("a sequence has expressions");
                let rest: Vec<TokenStream> = rest.iter().map(|expr| self.expr(expr)).collect();
                let last = self.expr(last);
                quote!({ #(let _ = #rest;)* #last })
            }
            Expr::Paren(paren) => self.expr(&paren.expr),
            Expr::Await(await_expr) => {
                let arg = self.expr(&await_expr.arg);
                if self.in_async {
                    quote!(rt::await_value(#arg).await?)
                } else {
                    // A module's top-level `await`: nothing can suspend there.
                    quote!(rt::await_now(#arg)?)
                }
            }
            Expr::OptChain(chain) => self.opt_chain(chain),
            Expr::TsAs(e) => self.expr(&e.expr),
            Expr::TsNonNull(e) => self.expr(&e.expr),
            Expr::TsSatisfies(e) => self.expr(&e.expr),
            Expr::TsConstAssertion(e) => self.expr(&e.expr),
            Expr::TsTypeAssertion(e) => self.expr(&e.expr),
            Expr::TsInstantiation(e) => self.expr(&e.expr),
            Expr::This(this) => self.this_expr(this),
            Expr::Class(class) => self.class_expr(class, ""),
            Expr::Yield(expr) if self.in_generator => {
                let arg = match &expr.arg {
                    Some(arg) => self.expr(arg),
                    None => quote!(Value::Undefined),
                };
                match (expr.delegate, self.in_async_generator) {
                    (true, false) => quote!(rt::yield_star(&#arg)?.await?),
                    (true, true) => quote!(rt::async_yield_star(#arg).await?),
                    // An async generator awaits what it yields.
                    (false, true) => quote!(rt::yield_value(rt::await_value(#arg).await?).await?),
                    (false, false) => quote!(rt::yield_value(#arg).await?),
                }
            }
            Expr::Yield(expr) => self.unsupported(
                expr.span,
                "`yield` outside a generator",
                "yield only in the body of a `function*`",
            ),
            Expr::TaggedTpl(tagged) => self.tagged_template(tagged),
            Expr::MetaProp(meta) => self.unsupported(
                meta.span,
                "`import.meta` / `new.target`",
                "read `import.meta.url`, `import.meta.dirname` or `import.meta.filename` of an ES module; handlers have no other module metadata",
            ),
            Expr::SuperProp(sup) => self.unsupported(
                sup.span,
                "reading a `super` property",
                "call the method: `super.name(…)`",
            ),
            other => self.unsupported(
                swc_core::common::Spanned::span(other),
                "this expression",
                "rewrite it with plain JavaScript expressions",
            ),
        }
    }

    /// An expression in a position the runtime only borrows (`&…`): a plain local is borrowed
    /// as is instead of cloned (`&post` rather than `&post.clone()`).
    pub(crate) fn borrowed(&mut self, expr: &Expr) -> TokenStream {
        if let Expr::Ident(ident) = expr
            && let Some(id) = self.plain_local(ident)
        {
            let rust = self.binding_ident(id);
            return quote!(#rust);
        }
        if let Expr::Paren(paren) = expr {
            return self.borrowed(&paren.expr);
        }
        if let Some(number) = self.number_operand(expr) {
            return number;
        }
        self.expr(expr)
    }

    /// The Rust local holding `expr` when `expr` names a plain (not shared, not numeric) local
    /// that is never assigned after its declaration: it can be borrowed wherever it is read,
    /// even across the evaluation of other expressions.
    pub(crate) fn fixed_local(&mut self, expr: &Expr) -> Option<proc_macro2::Ident> {
        let Expr::Ident(ident) = expr else {
            return None;
        };
        let id = self.plain_local(ident)?;
        let fixed = !self.cx.scopes.bindings[id].reassigned && !self.in_dead_zone(id, ident);
        fixed.then(|| self.binding_ident(id))
    }

    /// The binding `ident` reads when it is a plain Rust local holding a `Value` (not a shared
    /// cell, not an `f64`, not `require`), which can be borrowed as it is.
    pub(crate) fn plain_local(&self, ident: &Ident) -> Option<crate::scope::BindingId> {
        let id = self.cx.scopes.binding_of(ident)?;
        let binding = &self.cx.scopes.bindings[id];
        let plain = !binding.is_cell()
            && !self.is_numeric_binding(id)
            && binding.name != "require"
            && binding.kind != BindingKind::Import;
        plain.then_some(id)
    }

    /// Whether `ident` reads the `let`/`const`/`class` binding `id` before its declaration in
    /// the same function: JS's temporal dead zone.
    fn in_dead_zone(&self, id: crate::scope::BindingId, ident: &Ident) -> bool {
        let binding = &self.cx.scopes.bindings[id];
        matches!(binding.kind, BindingKind::Let | BindingKind::Const)
            && !binding.is_cell()
            && binding.depth == self.function_depth
            && ident.span.lo < binding.declared_end
    }

    /// An expression whose anonymous function gets `name` (JS infers `const f = () => …` as
    /// `f.name === "f"`).
    pub(crate) fn named_expr(&mut self, expr: &Expr, name: &str) -> TokenStream {
        match expr {
            Expr::Fn(function) => self.function_expr(function, name),
            Expr::Arrow(arrow) => self.arrow(arrow, name),
            Expr::Class(class) => self.class_expr(class, name),
            Expr::Paren(paren) => self.named_expr(&paren.expr, name),
            other => self.expr(other),
        }
    }

    fn literal(&mut self, lit: &Lit) -> TokenStream {
        match lit {
            Lit::Num(number_literal) => {
                let value = number(number_literal.value);
                quote!(Value::Number(#value))
            }
            Lit::Str(text) => wtf8_value(&text.value),
            Lit::Bool(flag) => {
                let value = flag.value;
                quote!(Value::Bool(#value))
            }
            Lit::Null(_) => quote!(Value::Null),
            Lit::Regex(regex) => {
                let source = regex.exp.as_str();
                let flags = regex.flags.as_str();
                quote!(rt::regexp(#source, #flags)?)
            }
            // `0x1fn`, `1_000n`: swc gives the value; the runtime builds it from its digits.
            Lit::BigInt(big) => {
                let digits = big.value.to_string();
                quote!(rt::bigint_literal(#digits))
            }
            Lit::JSXText(text) => {
                self.unsupported(text.span, "JSX", "build the value in JavaScript")
            }
        }
    }

    /// A name: a local binding, or a global the runtime provides.
    pub(crate) fn ident(&mut self, ident: &Ident) -> TokenStream {
        if let Some(id) = self.cx.scopes.binding_of(ident) {
            if self.cx.scopes.bindings[id].name == "require" {
                return self.unsupported(
                    ident.span,
                    "`require` used as a value",
                    "call `require(\"./file.js\")` directly",
                );
            }
            if self.in_dead_zone(id, ident) {
                let name = &self.cx.scopes.bindings[id].name;
                let message = format!("Cannot access '{name}' before initialization");
                return quote!({ return Err(rt::Throw::error("ReferenceError", #message)); });
            }
            return self.read_binding(id);
        }
        let name = ident.sym.as_str();
        if let Some(value) = self.module_location(ident) {
            return value;
        }
        if let Some(value) = self.module_global(ident) {
            return value;
        }
        match name {
            "undefined" => return quote!(Value::Undefined),
            // Reported by `arguments::find` when it is not in a function that provides it.
            "arguments" => {
                return match &self.arguments_ident {
                    Some(arguments) => quote!(#arguments.clone()),
                    None => quote!(Value::Undefined),
                };
            }
            _ => {}
        }
        if globals::STATIC_VALUES.contains(&name) {
            return quote!(rt::static_value(#name));
        }
        if globals::STATIC_CALLS.contains(&name) {
            return quote!(rt::static_fn(#name));
        }
        // The global object inherits `Object.prototype`, so a free `toString` is its method
        // (validator's index.js exports it so).
        if globals::OBJECT_PROTOTYPE_GLOBALS.contains(&name) {
            return quote!(rt::get(&rt::static_value("Object.prototype"), #name)?);
        }
        self.undeclared_read(ident)
    }

    /// A read of a name declared nowhere: as in Node, a property of the global object, or a
    /// `ReferenceError` when it has none (a handler may guard it, or never reach it). When no
    /// module ever stores the name there it warns now, since it is usually a typo — except in
    /// an npm package's files: packages probe their environment (`typeof define`, `self`,
    /// `navigator`), the user cannot change them, and the read answers as in Node anyway.
    pub(crate) fn undeclared_read(&mut self, ident: &Ident) -> TokenStream {
        if let Some(misuse) = self.global_misuse(ident) {
            return misuse;
        }
        let name = ident.sym.as_str();
        let global = self.global_object_for(ident);
        let in_package = self.cx.filename.is_some_and(|file| {
            std::path::Path::new(file)
                .components()
                .any(|part| part.as_os_str() == "node_modules")
        });
        if global.is_none() || (!in_package && !self.cx.global_writes.contains(name)) {
            let span = self.cx.spans.span(ident.span);
            self.diagnostics
                .push(crate::diagnostics::undeclared_read(span, name));
        }
        match global {
            Some(global) => quote!(rt::global_read(&#global, #name)?),
            None => quote!(rt::undeclared(#name)?),
        }
    }

    /// Reports a write to an identifier that is not declared and that cannot be a property of
    /// the global object here (a destructuring target, a built-in module source).
    pub(crate) fn unknown_global(&mut self, ident: &Ident) -> TokenStream {
        if let Some(misuse) = self.global_misuse(ident) {
            return misuse;
        }
        let span = self.cx.spans.span(ident.span);
        self.diagnostics
            .push(crate::diagnostics::unknown_global(span, ident.sym.as_str()));
        quote!(Value::Undefined)
    }

    /// A built-in global used in a way the subset does not support, as a diagnostic.
    fn global_misuse(&mut self, ident: &Ident) -> Option<TokenStream> {
        let name = ident.sym.as_str();
        if let Some((what, help)) = globals::forbidden(name) {
            return Some(self.unsupported(ident.span, what, help));
        }
        if let Some(constructor) = globals::constructor(name) {
            return Some(quote!(rt::builtin_constructor(#constructor)));
        }
        // `Math[method]`, `const { floor } = Math`: an object of the namespace's members.
        if matches!(name, "Math" | "JSON" | "Reflect") {
            return Some(quote!(rt::namespace_value(#name)?));
        }
        // Outside our built-in module sources `__node` is no global, as in Node.
        if globals::NAMESPACES.contains(&name) && (name != "__node" || self.cx.builtin) {
            return Some(self.unsupported(
                ident.span,
                &format!("`{name}` used as a value"),
                &format!("call one of its members directly, e.g. `{name}.…(…)`"),
            ));
        }
        None
    }

    /// The name of a global namespace member (`Math.max`) if `member` is one.
    pub(crate) fn static_member_name(&self, member: &MemberExpr) -> Option<String> {
        // `process.hrtime.bigint` is the one static member two levels deep.
        if let (Expr::Member(inner), MemberProp::Ident(prop)) = (&*member.obj, &member.prop)
            && prop.sym == "bigint"
            && self.static_member_name(inner).as_deref() == Some("process.hrtime")
        {
            return Some("process.hrtime.bigint".to_string());
        }
        // `globalThis.Math.max` is `Math.max`.
        let through_global = self.global_object_member(&member.obj);
        let object = match (&*member.obj, &through_global) {
            (_, Some(global)) => global,
            (Expr::Ident(object), None) => object,
            _ => return None,
        };
        if self.cx.scopes.binding_of(object).is_some() {
            return None;
        }
        let MemberProp::Ident(prop) = &member.prop else {
            return None;
        };
        // The runtime's intrinsics are for our built-in module sources, not for handlers.
        if object.sym == "__node" && !self.cx.builtin {
            return None;
        }
        globals::NAMESPACES
            .contains(&object.sym.as_str())
            .then(|| format!("{}.{}", object.sym, prop.sym))
    }

    /// The key of a member expression: `Ok(name)` when static, `Err(tokens)` when computed.
    pub(crate) fn member_key(&mut self, prop: &MemberProp) -> Result<String, TokenStream> {
        match prop {
            MemberProp::Ident(name) => Ok(name.sym.to_string()),
            MemberProp::Computed(computed) => match &*computed.expr {
                Expr::Lit(Lit::Str(text)) => Ok(text.value.to_atom_lossy().to_string()),
                Expr::Lit(Lit::Num(n))
                    if n.value >= 0.0 && n.value.fract() == 0.0 && n.value < 4e9 =>
                {
                    Ok(format!("{}", n.value as u64))
                }
                other => {
                    let saved = self.chain_label.take();
                    let key = self.expr(other);
                    self.chain_label = saved;
                    Err(key)
                }
            },
            MemberProp::PrivateName(private) => {
                Err(self.unsupported(private.span, "a private name", "use an ordinary property"))
            }
        }
    }

    /// `object.key` / `object[key]` given the lowered object.
    pub(crate) fn get_member(&mut self, object: TokenStream, prop: &MemberProp) -> TokenStream {
        if let MemberProp::PrivateName(private) = prop {
            let name = format!("#{}", private.name);
            return quote!(rt::get_private(&#object, #name)?);
        }
        if let Some(index) = self.numeric_key(prop) {
            return quote!(rt::get_index(&#object, #index)?);
        }
        match self.member_key(prop) {
            Ok(name) => quote!(rt::get(&#object, #name)?),
            Err(key) => quote!(rt::get_computed(&#object, &#key)?),
        }
    }

    /// A computed key proved to be a number (`items[i]`, `grid[row * size + col]`, `parts[0]`)
    /// as an `f64` expression, so element access builds no key `Value`.
    pub(crate) fn numeric_key(&mut self, prop: &MemberProp) -> Option<TokenStream> {
        let MemberProp::Computed(computed) = prop else {
            return None;
        };
        if !self.is_numeric(&computed.expr) {
            return None;
        }
        let saved = self.chain_label.take();
        let index = self.number(&computed.expr);
        self.chain_label = saved;
        Some(index)
    }

    /// `globalThis.name` (or `global.name`) read as the global `name` itself, when the global
    /// object is not shadowed and `name` is written as an identifier.
    pub(crate) fn global_object_member(&self, expr: &Expr) -> Option<Ident> {
        let Expr::Member(member) = expr else {
            return None;
        };
        let (Expr::Ident(object), MemberProp::Ident(prop)) = (&*member.obj, &member.prop) else {
            return None;
        };
        let global = matches!(object.sym.as_str(), "globalThis" | "global")
            && self.cx.scopes.binding_of(object).is_none();
        // Any other property is read from the global object itself (what a handler stored
        // there, or `undefined`).
        let name = prop.sym.as_str();
        let known = name == "undefined"
            || globals::STATIC_CALLS.contains(&name)
            || globals::STATIC_VALUES.contains(&name)
            || globals::is_constructor(name)
            || matches!(name, "Math" | "JSON")
            || (globals::NAMESPACES.contains(&name) && name != "__node");
        (global && known).then(|| Ident::new(prop.sym.clone(), prop.span, object.ctxt))
    }

    fn member(&mut self, member: &MemberExpr) -> TokenStream {
        if self.chain_label.is_none() && super::optional_chaining::spine_has_chain(&member.obj) {
            return self.chain_root(|this| this.member(member));
        }
        if let Some(global) = self.global_object_member(&Expr::Member(member.clone())) {
            return self.ident(&global);
        }
        if let Some(value) = self.import_meta_member(member) {
            return value;
        }
        if let Some(name) = self.static_member_name(member) {
            if globals::STATIC_VALUES.contains(&name.as_str()) {
                return quote!(rt::static_value(#name));
            }
            if globals::STATIC_CALLS.contains(&name.as_str()) {
                return quote!(rt::static_fn(#name));
            }
            let help = globals::unsupported_static(&name)
                .unwrap_or("see ARCHITECTURE.md for the supported globals");
            return self.unsupported(member.span, &format!("`{name}`"), help);
        }
        let object = self.chain_object(&member.obj);
        self.get_member(object, &member.prop)
    }
}
