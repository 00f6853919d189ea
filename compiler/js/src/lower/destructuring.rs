//! Destructuring patterns in declarations, parameters, loop heads and assignments.
//!
//! ```text
//! const { author, tag } = q;       → let source = q.clone();
//!                                    let mut author: Value = rt::destructure(&source, "author")?;
//!                                    let mut tag: Value = rt::destructure(&source, "tag")?;
//! const [removed] = list;          → let items = rt::pattern_items(&list)?; let mut removed: Value = rt::item(&items, 0);
//! { partial = false } = {}          → defaults apply when the value is `undefined`
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;

/// Whether a pattern declares new variables or assigns existing ones.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `let`/`const`/`var` declarations (block-level cells already exist).
    Declare,
    /// Parameters and loop heads: always new variables.
    DeclareFresh,
    /// Destructuring assignment to existing variables.
    Assign,
}

impl Lowerer<'_> {
    /// How V8's destructuring errors name `init`, when they name it by its source: `obj`,
    /// `req.body`, `null`, `{}`.
    pub(crate) fn destructured_source(&self, init: &Expr) -> Option<String> {
        fn is_path(expr: &Expr) -> bool {
            match expr {
                Expr::Ident(_) | Expr::This(_) => true,
                Expr::Member(member) => {
                    matches!(member.prop, MemberProp::Ident(_)) && is_path(&member.obj)
                }
                _ => false,
            }
        }
        match init {
            Expr::Object(object) if object.props.is_empty() => Some("{}".to_string()),
            Expr::Object(_) => Some("{(intermediate value)}".to_string()),
            Expr::Lit(Lit::Null(_) | Lit::Num(_) | Lit::Bool(_)) => {
                Some(self.source_of(swc_core::common::Spanned::span(init)))
            }
            expr if is_path(expr) => Some(self.source_of(swc_core::common::Spanned::span(expr))),
            _ => None,
        }
    }

    /// Statements binding `pat` to `value`.
    pub(crate) fn bind_pattern(
        &mut self,
        pat: &Pat,
        value: TokenStream,
        mode: Mode,
    ) -> TokenStream {
        // Only the outermost pattern of a declaration is named by its source.
        let source_text = match pat {
            Pat::Object(_) | Pat::Array(_) => self.pattern_source.take(),
            _ => None,
        };
        let nested = self.nested_pattern;
        match pat {
            Pat::Object(_) | Pat::Array(_) => {
                self.nested_pattern = true;
                let lowered = self.bind_structure(pat, value, mode, source_text, nested);
                self.nested_pattern = nested;
                lowered
            }
            _ => self.bind_structure(pat, value, mode, None, nested),
        }
    }

    fn bind_structure(
        &mut self,
        pat: &Pat,
        value: TokenStream,
        mode: Mode,
        source_text: Option<String>,
        nested: bool,
    ) -> TokenStream {
        // V8 reads a nested pattern's properties as plain reads (`Cannot read properties of
        // undefined (reading 'y')`); the outermost one says `Cannot destructure …`.
        let read_key = |source: &proc_macro2::Ident, key: &str| match (&source_text, nested) {
            (_, true) => quote!(rt::get(&#source, #key)?),
            (Some(shown), false) => quote!(rt::destructure_named(&#source, #key, #shown)?),
            (None, false) => quote!(rt::destructure(&#source, #key)?),
        };
        match pat {
            Pat::Ident(binding) => self.bind_ident(&binding.id, value, mode),
            Pat::Assign(assign) => {
                let temp = self.temp("value");
                let default = self.expr(&assign.right);
                let inner = self.bind_pattern(&assign.left, quote!(#temp), mode);
                quote! {
                    let #temp: Value = #value;
                    let #temp: Value = if matches!(#temp, Value::Undefined) { #default } else { #temp };
                    #inner
                }
            }
            Pat::Object(object) => {
                let source = self.temp("source");
                let mut steps = vec![quote!(let #source: Value = #value;)];
                if object.props.is_empty() {
                    steps.push(quote!(rt::destructure_any(&#source)?;));
                }
                let mut taken: Vec<String> = Vec::new();
                for prop in &object.props {
                    match prop {
                        ObjectPatProp::Assign(assign) => {
                            let key = assign.key.id.sym.to_string();
                            let read = read_key(&source, &key);
                            taken.push(key);
                            let step = match &assign.value {
                                Some(default) => {
                                    let temp = self.temp("value");
                                    let default = self.expr(default);
                                    let bind = self.bind_ident(&assign.key.id, quote!(#temp), mode);
                                    quote! {
                                        let #temp: Value = #read;
                                        let #temp: Value = if matches!(#temp, Value::Undefined) { #default } else { #temp };
                                        #bind
                                    }
                                }
                                None => self.bind_ident(&assign.key.id, read, mode),
                            };
                            steps.push(step);
                        }
                        ObjectPatProp::KeyValue(pair) => {
                            let read = match &pair.key {
                                PropName::Ident(ident) => {
                                    let key = ident.sym.to_string();
                                    taken.push(key.clone());
                                    read_key(&source, &key)
                                }
                                PropName::Str(text) => {
                                    let key = text.value.to_atom_lossy().to_string();
                                    taken.push(key.clone());
                                    read_key(&source, &key)
                                }
                                PropName::Num(number) => {
                                    let key = super::literals::js_number_key(number.value);
                                    taken.push(key.clone());
                                    read_key(&source, &key)
                                }
                                PropName::Computed(computed) => {
                                    let key = self.expr(&computed.expr);
                                    quote!({ rt::destructure_any(&#source)?; rt::get_computed(&#source, &#key)? })
                                }
                                PropName::BigInt(big) => {
                                    let key = big.value.to_string();
                                    taken.push(key.clone());
                                    read_key(&source, &key)
                                }
                            };
                            steps.push(self.bind_pattern(&pair.value, read, mode));
                        }
                        ObjectPatProp::Rest(rest) => {
                            let read = quote!(rt::object_rest(&#source, &[#(#taken),*])?);
                            steps.push(self.bind_pattern(&rest.arg, read, mode));
                        }
                    }
                }
                quote!(#(#steps)*)
            }
            Pat::Array(array) => {
                let items = self.temp("items");
                // Without a rest element only the bound values are taken, and an iterator
                // the pattern leaves unfinished is closed (`return()`), as in JS.
                let has_rest = array
                    .elems
                    .iter()
                    .flatten()
                    .any(|e| matches!(e, Pat::Rest(_)));
                let count = proc_macro2::Literal::usize_unsuffixed(array.elems.len());
                let collect = match (&source_text, has_rest) {
                    (Some(shown), true) => quote!(rt::pattern_items_named(&#value, #shown)?),
                    (None, true) => quote!(rt::pattern_items(&#value)?),
                    (Some(shown), false) => {
                        quote!(rt::pattern_take_named(&#value, #shown, #count)?)
                    }
                    (None, false) => quote!(rt::pattern_take(&#value, #count)?),
                };
                let mut steps = vec![quote!(let #items: Vec<Value> = #collect;)];
                for (index, element) in array.elems.iter().enumerate() {
                    let Some(element) = element else { continue };
                    let index = proc_macro2::Literal::usize_unsuffixed(index);
                    if let Pat::Rest(rest) = element {
                        let read = quote!(rt::rest_items(&#items, #index));
                        steps.push(self.bind_pattern(&rest.arg, read, mode));
                    } else {
                        let read = quote!(rt::item(&#items, #index));
                        steps.push(self.bind_pattern(element, read, mode));
                    }
                }
                quote!(#(#steps)*)
            }
            Pat::Rest(rest) => self.unsupported(
                rest.span,
                "a rest element here",
                "use it as the last element of a pattern",
            ),
            Pat::Expr(expr) => match &**expr {
                Expr::Member(member) if mode == Mode::Assign => {
                    let object = self.expr(&member.obj);
                    match self.member_key(&member.prop) {
                        Ok(name) => {
                            let set = self.property_setter(false);
                            quote!(#set(&#object, #name, #value)?;)
                        }
                        Err(key) => {
                            let set = self.property_setter(true);
                            quote!(#set(&#object, &#key, #value)?;)
                        }
                    }
                }
                other => {
                    let stream = self.unsupported(
                        swc_core::common::Spanned::span(other),
                        "this pattern",
                        "destructure into variables",
                    );
                    quote!(let _ = #stream;)
                }
            },
            Pat::Invalid(invalid) => {
                let stream =
                    self.unsupported(invalid.span, "this pattern", "destructure into variables");
                quote!(let _ = #stream;)
            }
        }
    }

    fn bind_ident(&mut self, ident: &Ident, value: TokenStream, mode: Mode) -> TokenStream {
        let Some(id) = self.cx.scopes.binding_of(ident) else {
            self.unknown_global(ident);
            return quote!();
        };
        match mode {
            Mode::Declare => self.declare_binding(id, value, false),
            Mode::DeclareFresh => self.declare_binding(id, value, true),
            Mode::Assign => self.write_binding(id, value),
        }
    }
}
