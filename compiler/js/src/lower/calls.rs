//! Calls: functions, methods, globals, `require` and `new`.
//!
//! ```text
//! f(a, ...xs)          → rt::call(&f.clone(), &{ let mut args = vec![a]; rt::spread_into(&mut args, &xs)?; args })?
//! s.trim()             → rt::call_method(&s.clone(), "trim", &[])?
//! Math.max(1, n)       → rt::call_static("Math.max", &[Value::Number(1), n.clone()])?
//! require("./data.js") → modules.require("data", super::data::evaluate)?
//! new Date()           → rt::construct("Date", &[])?
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::globals;

impl Lowerer<'_> {
    /// The argument list as an expression that borrows as `&[Value]`.
    pub(super) fn arguments(&mut self, args: &[ExprOrSpread]) -> TokenStream {
        let saved = self.chain_label.take();
        let lowered = if args.iter().all(|arg| arg.spread.is_none()) {
            let values: Vec<TokenStream> = args.iter().map(|arg| self.expr(&arg.expr)).collect();
            quote!([#(#values),*])
        } else {
            let list = self.temp("args");
            let mut steps = Vec::new();
            for arg in args {
                let value = self.expr(&arg.expr);
                steps.push(if arg.spread.is_some() {
                    quote!(rt::spread_into(&mut #list, &#value)?;)
                } else {
                    quote!(#list.push(#value);)
                });
            }
            quote!({ let mut #list: Vec<Value> = Vec::new(); #(#steps)* #list })
        };
        self.chain_label = saved;
        lowered
    }

    /// `receiver.prop(args)` with the receiver already lowered.
    pub(super) fn method_call(
        &mut self,
        receiver: TokenStream,
        prop: &MemberProp,
        args: TokenStream,
    ) -> TokenStream {
        match self.member_key(prop) {
            Ok(name) => quote!(rt::call_method(&#receiver, #name, &#args)?),
            Err(key) => quote!(rt::call_method_computed(&#receiver, &#key, &#args)?),
        }
    }

    /// `receiver.prop(args)` where V8 would quote `source` if the property is not a function.
    fn method_call_at(
        &mut self,
        receiver: TokenStream,
        prop: &MemberProp,
        args: TokenStream,
        source: &str,
    ) -> TokenStream {
        if let MemberProp::PrivateName(private) = prop {
            let name = format!("#{}", private.name);
            let temp = self.temp("receiver");
            return quote!({
                let #temp: Value = #receiver;
                rt::call_with_this(&rt::get_private(&#temp, #name)?, &#temp, &#args)?
            });
        }
        match self.member_key(prop) {
            Ok(name) => quote!(rt::call_method_at(&#receiver, #name, &#args, #source)?),
            Err(key) => quote!(rt::call_method_computed_at(&#receiver, &#key, &#args, #source)?),
        }
    }

    /// How V8 names a callee that is not a function: its source text, or
    /// `(intermediate value)` for literals and other computed values.
    fn callee_text(&self, callee: &Expr) -> String {
        match callee {
            Expr::Ident(_) | Expr::Member(_) | Expr::OptChain(_) => {
                self.source_of(swc_core::common::Spanned::span(callee))
            }
            Expr::Paren(paren) => match &*paren.expr {
                Expr::Seq(_) => self.source_of(paren.span),
                inner => self.callee_text(inner),
            },
            _ => "(intermediate value)".to_string(),
        }
    }

    pub(super) fn call(&mut self, call: &CallExpr) -> TokenStream {
        let callee = match &call.callee {
            Callee::Expr(callee) => callee,
            Callee::Super(_) => return self.super_call(call),
            Callee::Import(_) => return self.dynamic_import(call),
        };
        if self.chain_label.is_none() && super::optional_chaining::spine_has_chain(callee) {
            return self.chain_root(|this| this.call(call));
        }
        // `globalThis.parseInt(x)` is `parseInt(x)`.
        if let Some(global) = self.global_object_member(callee) {
            let mut direct = call.clone();
            direct.callee = Callee::Expr(Box::new(Expr::Ident(global)));
            return self.call(&direct);
        }
        match &**callee {
            Expr::Ident(ident) => {
                if let Some(id) = self.cx.scopes.binding_of(ident) {
                    if self.cx.scopes.bindings[id].kind == crate::scope::BindingKind::Module
                        && ident.sym.as_str() == "require"
                    {
                        return self.require(call);
                    }
                    let function = self.read_binding(id);
                    let args = self.arguments(&call.args);
                    let source = ident.sym.as_str();
                    return quote!(rt::call_at(&#function, &#args, #source)?);
                }
                let name = ident.sym.as_str();
                if globals::STATIC_CALLS.contains(&name) {
                    let args = self.arguments(&call.args);
                    return quote!(rt::call_static(#name, &#args)?);
                }
                // A global function implemented by a built-in module source (`fetch(url)`).
                if let Some(function) = self.module_global(ident) {
                    let args = self.arguments(&call.args);
                    return quote!(rt::call_at(&#function, &#args, #name)?);
                }
                if globals::REQUIRE_NEW.contains(&name)
                    && let Some(class) = globals::constructor(name)
                {
                    let args = self.arguments(&call.args);
                    return quote!(rt::call_at(&rt::builtin_constructor(#class), &#args, #name)?);
                }
                // Any other global (`Object(x)`, `Function("…")`, the global object's
                // members): its value, called.
                let function = self.ident(ident);
                let args = self.arguments(&call.args);
                quote!(rt::call_at(&#function, &#args, #name)?)
            }
            Expr::Member(member) => {
                if let Some(name) = self.static_member_name(member) {
                    if !globals::STATIC_CALLS.contains(&name.as_str()) {
                        let help = globals::unsupported_static(&name)
                            .unwrap_or("see ARCHITECTURE.md for the supported globals");
                        return self.unsupported(member.span, &format!("`{name}`"), help);
                    }
                    let args = self.arguments(&call.args);
                    return quote!(rt::call_static(#name, &#args)?);
                }
                let receiver = self.chain_object(&member.obj);
                let args = self.arguments(&call.args);
                let source = self.source_of(member.span);
                self.method_call_at(receiver, &member.prop, args, &source)
            }
            Expr::SuperProp(prop) => self.super_method_call(prop, call),
            other => {
                let function = self.chain_object(other);
                let args = self.arguments(&call.args);
                let source = self.callee_text(other);
                quote!(rt::call_at(&#function, &#args, #source)?)
            }
        }
    }

    pub(super) fn new_expr(&mut self, new: &NewExpr) -> TokenStream {
        if let Expr::Ident(class) = &*new.callee
            && self.cx.scopes.binding_of(class).is_none()
            && let Some(constructor) = self.module_global(class)
        {
            let args = self.arguments(new.args.as_deref().unwrap_or(&[]));
            let source = class.sym.to_string();
            return quote!(rt::new_instance(&#constructor, &#args, #source)?);
        }
        if let Expr::Ident(class) = &*new.callee
            && self.cx.scopes.binding_of(class).is_none()
        {
            let name = class.sym.as_str();
            if let Some((what, help)) = globals::forbidden(name) {
                return self.unsupported(new.span, what, help);
            }
            if !globals::is_constructor(name) {
                return self.unsupported(
                    new.span,
                    &format!("`new {name}`"),
                    "only user classes, functions, Date, Map, Set, WeakMap, WeakSet, RegExp, Array, Object, Number, String, Boolean, ArrayBuffer, Uint8Array, Buffer, TextEncoder, TextDecoder, URL, URLSearchParams, DataView, the typed arrays and the Error classes can be constructed",
                );
            }
            let args = self.arguments(new.args.as_deref().unwrap_or(&[]));
            return quote!(rt::construct(#name, &#args)?);
        }
        let callee = self.expr(&new.callee);
        let args = self.arguments(new.args.as_deref().unwrap_or(&[]));
        let source = self.callee_text(&new.callee);
        quote!(rt::new_instance(&#callee, &#args, #source)?)
    }
}
