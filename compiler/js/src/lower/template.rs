//! Template literals.
//!
//! ```text
//! `Post ${id} does not exist`   →   rt::template(&[Value::str("Post "), id.clone(), Value::str(" does not exist")])?
//! `plain`                       →   Value::str("plain")
//! tag`a${x}b`                   →   rt::call(&tag, &[rt::template_strings(vec![cooked…], vec![raw…]), x])?
//! ```
//!
//! A tag receives the cooked strings as an array whose `raw` property holds the strings as
//! written. `String.raw` needs no call: its result is the template built from the raw strings.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::common::Spanned;
use swc_core::ecma::ast::*;

use super::Lowerer;
use super::expressions::{string_value, wtf8_value};

impl Lowerer<'_> {
    pub(super) fn template(&mut self, tpl: &Tpl) -> TokenStream {
        let cooked = |element: &TplElement| -> Option<TokenStream> {
            let text = element.cooked.as_ref()?;
            (!text.is_empty()).then(|| wtf8_value(text))
        };
        if tpl.exprs.is_empty() {
            return tpl
                .quasis
                .first()
                .and_then(cooked)
                .unwrap_or_else(|| string_value(""));
        }
        let mut parts = Vec::new();
        for (index, quasi) in tpl.quasis.iter().enumerate() {
            if let Some(text) = cooked(quasi) {
                parts.push(text);
            }
            if let Some(expr) = tpl.exprs.get(index) {
                parts.push(self.expr(expr));
            }
        }
        quote!(rt::template(&[#(#parts),*])?)
    }

    /// A tagged template: the tag called with the strings and the values.
    pub(super) fn tagged_template(&mut self, tagged: &TaggedTpl) -> TokenStream {
        if let Expr::Member(member) = &*tagged.tag
            && self.static_member_name(member).as_deref() == Some("String.raw")
        {
            return self.string_raw(&tagged.tpl);
        }
        let tag = self.expr(&tagged.tag);
        let strings: Vec<TokenStream> = tagged
            .tpl
            .quasis
            .iter()
            .map(|quasi| match &quasi.cooked {
                Some(text) => wtf8_value(text),
                None => quote!(Value::Undefined),
            })
            .collect();
        let raw: Vec<TokenStream> = tagged
            .tpl
            .quasis
            .iter()
            .map(|quasi| string_value(&quasi.raw.replace("\r\n", "\n").replace('\r', "\n")))
            .collect();
        let values: Vec<TokenStream> = tagged
            .tpl
            .exprs
            .iter()
            .map(|expr| self.expr(expr))
            .collect();
        let source = self.source_of(tagged.tag.span());
        quote!(rt::call_at(
            &#tag,
            &[rt::template_strings(vec![#(#strings),*], vec![#(#raw),*]), #(#values),*],
            #source
        )?)
    }

    /// ``String.raw`a\n${x}` `` → the raw strings (escapes as written) joined with the values.
    fn string_raw(&mut self, tpl: &Tpl) -> TokenStream {
        let mut parts = Vec::new();
        for (index, quasi) in tpl.quasis.iter().enumerate() {
            // The spec normalises line terminators in raw strings to `\n`.
            let raw = quasi.raw.replace("\r\n", "\n").replace('\r', "\n");
            parts.push(string_value(&raw));
            if let Some(expr) = tpl.exprs.get(index) {
                parts.push(self.expr(expr));
            }
        }
        quote!(rt::template(&[#(#parts),*])?)
    }
}
