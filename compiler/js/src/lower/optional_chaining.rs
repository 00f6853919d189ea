//! Optional chaining: `a?.b`, `a?.[k]`, `a?.b()`, `f?.()`.
//!
//! A whole chain becomes one labelled block; each `?.` tests its object and leaves the block
//! with `undefined` when it is nullish, so the rest of the chain is skipped, as in JS:
//!
//! ```text
//! req.query_params.name?.trim()   →   'chain: {
//!                                         let object = rt::get(&rt::get(&req, "query_params")?, "name")?;
//!                                         if object.is_nullish() { break 'chain Value::Undefined; }
//!                                         rt::call_method(&object, "trim", &[])?
//!                                     }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;

/// Whether an expression's object/callee spine (without parentheses) contains `?.`.
pub(super) fn spine_has_chain(expr: &Expr) -> bool {
    match expr {
        Expr::OptChain(_) => true,
        Expr::Member(member) => spine_has_chain(&member.obj),
        Expr::Call(call) => match &call.callee {
            Callee::Expr(callee) => spine_has_chain(callee),
            _ => false,
        },
        _ => false,
    }
}

impl Lowerer<'_> {
    /// Lowers `lower` as the root of a chain: inside a labelled block that `?.` can leave.
    pub(super) fn chain_root(
        &mut self,
        lower: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let label = self.label("chain");
        self.chain_label = Some(label.clone());
        let body = lower(self);
        self.chain_label = None;
        quote!({ #label: { #body } })
    }

    /// Lowers the object part of a member or call inside a chain (staying in the chain), in a
    /// position that only borrows it.
    pub(super) fn chain_object(&mut self, expr: &Expr) -> TokenStream {
        match expr {
            Expr::OptChain(chain) if self.chain_label.is_some() => self.chain_part(chain),
            other => self.borrowed(other),
        }
    }

    /// Like [`Self::chain_object`], for a value that is moved into a temporary.
    fn chain_object_owned(&mut self, expr: &Expr) -> TokenStream {
        match expr {
            Expr::OptChain(chain) if self.chain_label.is_some() => self.chain_part(chain),
            other => self.expr(other),
        }
    }

    /// `break 'chain Value::Undefined` if `value` is nullish, then `value`.
    pub(super) fn short_circuit(
        &mut self,
        value: TokenStream,
    ) -> (TokenStream, proc_macro2::Ident) {
        let label = self.chain_label.clone().expect("inside a chain");
        let temp = self.temp("object");
        (
            quote! {
                let #temp: Value = #value;
                if #temp.is_nullish() { break #label Value::Undefined; }
            },
            temp,
        )
    }

    pub(super) fn opt_chain(&mut self, chain: &OptChainExpr) -> TokenStream {
        if self.chain_label.is_some() {
            return self.chain_part(chain);
        }
        self.chain_root(|this| this.chain_part(chain))
    }

    fn chain_part(&mut self, chain: &OptChainExpr) -> TokenStream {
        match &*chain.base {
            OptChainBase::Member(member) => {
                let object = self.chain_object_owned(&member.obj);
                if chain.optional {
                    let (check, temp) = self.short_circuit(object);
                    let read = self.get_member(quote!(#temp), &member.prop);
                    quote!({ #check #read })
                } else {
                    self.get_member(object, &member.prop)
                }
            }
            OptChainBase::Call(call) => {
                // `f?.()`, `a.b?.()` and `a?.b()` (a call whose callee is a chain member).
                let args = self.arguments(&call.args);
                let (setup, receiver, member) = match &*call.callee {
                    Expr::Member(member) => {
                        let object = self.chain_object_owned(&member.obj);
                        let receiver = self.temp("receiver");
                        (
                            quote!(let #receiver: Value = #object;),
                            Some(receiver),
                            Some(&member.prop),
                        )
                    }
                    Expr::OptChain(inner) => match &*inner.base {
                        OptChainBase::Member(member) => {
                            let object = self.chain_object_owned(&member.obj);
                            let receiver = self.temp("receiver");
                            let mut setup = quote!(let #receiver: Value = #object;);
                            if inner.optional {
                                let label = self.chain_label.clone().expect("inside a chain");
                                setup = quote! {
                                    #setup
                                    if #receiver.is_nullish() { break #label Value::Undefined; }
                                };
                            }
                            (setup, Some(receiver), Some(&member.prop))
                        }
                        OptChainBase::Call(_) => {
                            let value = self.chain_part(inner);
                            let function = self.temp("function");
                            (quote!(let #function: Value = #value;), Some(function), None)
                        }
                    },
                    other => {
                        let value = self.chain_object_owned(other);
                        let function = self.temp("function");
                        (quote!(let #function: Value = #value;), Some(function), None)
                    }
                };
                let receiver = receiver.expect("a receiver or function temporary");
                match (member, chain.optional) {
                    (Some(prop), false) => {
                        let call = self.method_call(quote!(#receiver), prop, args);
                        quote!({ #setup #call })
                    }
                    (Some(prop), true) => {
                        let function = self.temp("function");
                        let read = self.get_member(quote!(#receiver), prop);
                        let label = self.chain_label.clone().expect("inside a chain");
                        quote!({
                            #setup
                            let #function: Value = #read;
                            if #function.is_nullish() { break #label Value::Undefined; }
                            rt::call_with_this(&#function, &#receiver, &#args)?
                        })
                    }
                    (None, optional) => {
                        let label = self.chain_label.clone().expect("inside a chain");
                        let check = if optional {
                            quote!(if #receiver.is_nullish() { break #label Value::Undefined; })
                        } else {
                            quote!()
                        };
                        quote!({ #setup #check rt::call(&#receiver, &#args)? })
                    }
                }
            }
        }
    }
}
