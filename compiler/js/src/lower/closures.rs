//! Closure captures: what a function value copies from its enclosing scopes.
//!
//! A compiled function is a `move` closure; before it, each captured binding is cloned — a
//! cell (`rt::Var`) clones its `Rc`, so both sides share the variable, and a plain local clones
//! its value (it never changes after the closure is created; see `scope.rs`):
//!
//! ```text
//! { let tasks = tasks.clone(); let limit = limit.clone(); rt::func("findTask", 1, move |this, args| { … }) }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::Lowerer;
use crate::scope::{BindingKind, FunctionKey};

impl Lowerer<'_> {
    /// The `let x = x.clone();` lines for the bindings the function at `key` captures.
    pub(super) fn capture_clones(&mut self, key: FunctionKey) -> Vec<TokenStream> {
        let captured = self
            .cx
            .scopes
            .captures
            .get(&key)
            .cloned()
            .unwrap_or_default();
        // A `require` or `import()` inside the function loads through the module's handle.
        let loads_modules = self
            .cx
            .requires
            .keys()
            .any(|position| key.0 <= *position && *position < key.1);
        let handle = loads_modules.then(|| {
            let handle = self.module_handle();
            quote!(let #handle = #handle.clone();)
        });
        captured
            .into_iter()
            // `require` is resolved at compile time, never captured at run time.
            .filter(|id| {
                let binding = &self.cx.scopes.bindings[*id];
                !(binding.kind == BindingKind::Module && binding.name == "require")
            })
            .map(|id| {
                let ident = self.binding_ident(id);
                quote!(let #ident = #ident.clone();)
            })
            .chain(handle)
            .collect()
    }
}
