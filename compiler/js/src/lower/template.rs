//! Template literals.
//!
//! ```text
//! `Post ${id} does not exist`   →   rt::template(&[Value::str("Post "), id.clone(), Value::str(" does not exist")])?
//! `plain`                       →   Value::str("plain")
//! ```

use proc_macro2::TokenStream;
use quote::quote;
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
}
