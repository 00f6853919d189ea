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
use super::expressions::string_value;

impl Lowerer<'_> {
    pub(super) fn template(&mut self, tpl: &Tpl) -> TokenStream {
        let cooked = |element: &TplElement| -> String {
            element
                .cooked
                .as_ref()
                .map(|text| text.to_atom_lossy().to_string())
                .unwrap_or_default()
        };
        if tpl.exprs.is_empty() {
            let text = tpl.quasis.first().map(cooked).unwrap_or_default();
            return string_value(&text);
        }
        let mut parts = Vec::new();
        for (index, quasi) in tpl.quasis.iter().enumerate() {
            let text = cooked(quasi);
            if !text.is_empty() {
                parts.push(string_value(&text));
            }
            if let Some(expr) = tpl.exprs.get(index) {
                parts.push(self.expr(expr));
            }
        }
        quote!(rt::template(&[#(#parts),*])?)
    }
}
