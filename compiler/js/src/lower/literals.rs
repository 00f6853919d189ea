//! Array and object literals.
//!
//! ```text
//! [a, ...xs]              → { let mut items = Vec::new(); items.push(a); rt::spread_into(&mut items, &xs)?; rt::array(items) }
//! [1, , 3]                → { …; holes.push(items.len()); items.push(Value::Undefined); …; rt::array_with_holes(items, &holes) }
//! { id, title: t }        → rt::object([("id", id.clone()), ("title", t.clone())])
//! { ...post, n: 1 }       → { let object = rt::object([]); rt::spread_object(&object, &post)?; rt::set(&object, "n", …)?; object }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;

impl Lowerer<'_> {
    pub(super) fn array_literal(&mut self, array: &ArrayLit) -> TokenStream {
        if array
            .elems
            .iter()
            .all(|element| element.as_ref().is_some_and(|e| e.spread.is_none()))
        {
            let values: Vec<TokenStream> = array
                .elems
                .iter()
                .flatten()
                .map(|element| self.expr(&element.expr))
                .collect();
            return quote!(rt::array(vec![#(#values),*]));
        }
        let items = self.temp("items");
        let has_holes = array.elems.iter().any(Option::is_none);
        // Only named (and so only taking a fresh name) when the literal has elisions.
        let holes = if has_holes {
            self.temp("holes")
        } else {
            quote::format_ident!("holes")
        };
        let mut steps = Vec::new();
        for element in &array.elems {
            steps.push(match element {
                // An elision is a hole (skipped by `forEach`, `in`, `Object.keys`…); its index
                // is only known at run time after a spread.
                None => quote!(#holes.push(#items.len()); #items.push(Value::Undefined);),
                Some(element) => {
                    let value = self.expr(&element.expr);
                    if element.spread.is_some() {
                        quote!(rt::spread_into(&mut #items, &#value)?;)
                    } else {
                        quote!(#items.push(#value);)
                    }
                }
            });
        }
        if has_holes {
            return quote!({
                let mut #items: Vec<Value> = Vec::new();
                let mut #holes: Vec<usize> = Vec::new();
                #(#steps)*
                rt::array_with_holes(#items, &#holes)
            });
        }
        quote!({ let mut #items: Vec<Value> = Vec::new(); #(#steps)* rt::array(#items) })
    }

    /// The static name of a property key, or its lowered computed value.
    pub(super) fn prop_name(&mut self, name: &PropName) -> Result<String, TokenStream> {
        match name {
            PropName::Ident(ident) => Ok(ident.sym.to_string()),
            PropName::Str(text) => Ok(text.value.to_atom_lossy().to_string()),
            PropName::Num(number) => Ok(crate::lower::literals::js_number_key(number.value)),
            PropName::Computed(computed) => Err(self.expr(&computed.expr)),
            // `{ 1n: x }` is the key "1".
            PropName::BigInt(big) => Ok(big.value.to_string()),
        }
    }

    pub(super) fn object_literal(&mut self, object: &ObjectLit) -> TokenStream {
        // Fast path: only static keys and no spreads → one `rt::object([...])` call (a repeated
        // key keeps its first position, as in JS, because `rt::object` inserts in order).
        let is_simple = object.props.iter().all(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Shorthand(_) => true,
                Prop::KeyValue(pair) => {
                    matches!(
                        pair.key,
                        PropName::Ident(_) | PropName::Str(_) | PropName::Num(_)
                    ) && !is_proto_key(&pair.key)
                }
                _ => false,
            },
            PropOrSpread::Spread(_) => false,
        });
        if is_simple {
            let mut entries = Vec::new();
            for prop in &object.props {
                if let PropOrSpread::Prop(prop) = prop {
                    match &**prop {
                        Prop::Shorthand(ident) => {
                            let key = ident.sym.to_string();
                            let value = self.ident(ident);
                            entries.push(quote!((#key, #value)));
                        }
                        Prop::KeyValue(pair) => {
                            let key = self.prop_name(&pair.key).unwrap_or_default();
                            let value = self.named_expr(&pair.value, &key);
                            entries.push(quote!((#key, #value)));
                        }
                        _ => {}
                    }
                }
            }
            return quote!(rt::object([#(#entries),*]));
        }
        let target = self.temp("object");
        // With accessors or a `__proto__` in the literal, an assignment could reach a setter:
        // plain keys then define their property (CreateDataProperty), as JS does.
        let defines = object.props.iter().any(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Getter(_) | Prop::Setter(_) => true,
                Prop::KeyValue(pair) => is_proto_key(&pair.key),
                _ => false,
            },
            PropOrSpread::Spread(_) => false,
        });
        let set = if defines {
            quote!(rt::define)
        } else {
            quote!(rt::set)
        };
        let mut steps = Vec::new();
        for prop in &object.props {
            steps.push(match prop {
                PropOrSpread::Spread(spread) => {
                    let value = self.expr(&spread.expr);
                    quote!(rt::spread_object(&#target, &#value)?;)
                }
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::Shorthand(ident) => {
                        let key = ident.sym.as_str();
                        let value = self.ident(ident);
                        // `{ __proto__ }` is an own property, not the prototype.
                        if key == "__proto__" {
                            quote!(rt::define(&#target, #key, #value)?;)
                        } else {
                            quote!(#set(&#target, #key, #value)?;)
                        }
                    }
                    Prop::KeyValue(pair) if is_proto_key(&pair.key) => {
                        // `{ __proto__: p }` sets the new object's prototype.
                        let value = self.expr(&pair.value);
                        quote!(rt::literal_prototype(&#target, &#value);)
                    }
                    Prop::KeyValue(pair) => {
                        let key = self.prop_name(&pair.key);
                        let name = key.clone().unwrap_or_default();
                        let value = self.named_expr(&pair.value, &name);
                        match key {
                            Ok(key) => quote!(#set(&#target, #key, #value)?;),
                            Err(key) => {
                                // A computed key defines an own property, even `["__proto__"]`.
                                let temp = self.temp("key");
                                quote!(let #temp: Value = #key; rt::define_computed(&#target, &#temp, #value)?;)
                            }
                        }
                    }
                    Prop::Method(method) => {
                        let key = self.prop_name(&method.key);
                        let name = match &key {
                            Ok(name) => name.clone(),
                            Err(_) => String::new(),
                        };
                        let value = self.method_function(&name, &method.function);
                        match key {
                            Ok(key) if key == "__proto__" => {
                                quote!(rt::define(&#target, #key, #value)?;)
                            }
                            Ok(key) => quote!(#set(&#target, #key, #value)?;),
                            Err(key) => quote!(rt::define_computed(&#target, &#key, #value)?;),
                        }
                    }
                    // An accessor property (`runtime-lib/src/js/descriptors.rs`); the
                    // functions are named `get x` / `set x`, as in V8.
                    Prop::Getter(getter) => {
                        let key = self.prop_name(&getter.key);
                        let function = &getter.function;
                        let (name, key) = accessor_key(key);
                        let value = self.method_function(&format!("get {name}"), function);
                        quote!(rt::define_accessor(&#target, &#key, #value, Value::Undefined)?;)
                    }
                    Prop::Setter(setter) => {
                        let key = self.prop_name(&setter.key);
                        let function = &setter.function;
                        let (name, key) = accessor_key(key);
                        let value = self.method_function(&format!("set {name}"), function);
                        quote!(rt::define_accessor(&#target, &#key, Value::Undefined, #value)?;)
                    }
                    Prop::Assign(assign) => {
                        let stream = self.unsupported(assign.span, "`=` in an object literal", "use `:`");
                        quote!(let _ = #stream;)
                    }
                },
            });
        }
        quote!({ let #target: Value = rt::object([]); #(#steps)* #target })
    }
}

/// Whether a literal key is the non-computed `__proto__`, which sets the prototype.
fn is_proto_key(key: &PropName) -> bool {
    match key {
        PropName::Ident(ident) => ident.sym == "__proto__",
        PropName::Str(text) => &*text.value.to_atom_lossy() == "__proto__",
        _ => false,
    }
}

/// The property key a numeric literal key stands for (`{ 1: x }` → `"1"`).
pub(crate) fn js_number_key(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e21 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The name an accessor's function takes and its key as a value, from a literal's key.
fn accessor_key(key: Result<String, TokenStream>) -> (String, TokenStream) {
    match key {
        Ok(name) => {
            let value = quote!(Value::str(#name));
            (name, value)
        }
        Err(computed) => (String::new(), computed),
    }
}
