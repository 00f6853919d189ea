//! Classes: constructor, fields, methods, statics, `extends`, `super`, `new`, `this`.
//!
//! A class lowers to one `rt::class` value whose closure runs the instance field initialisers
//! and the constructor body with `this` = the new instance (`runtime-lib/src/js/class.rs`);
//! methods go on its prototype, statics on the class itself:
//!
//! ```text
//! class Dog extends Animal {          { let parent = rt::ClassParent::of(&Animal)?;
//!   legs = 4;                           let class = { rt::class("Dog", 1, parent.clone(), move |this, args| {
//!   constructor(name) { super(name); }      let this_1 = this.clone(); let mut name = rt::arg(args, 0);
//!   bark() { return this.name; }            { rt::super_construct(&parent, &this_1, &[name.clone()])?;
//!   static create() { return new Dog(); }     rt::set(&this_1, "legs", Value::Number(4.0))?; } … })? };
//! }                                     rt::define_method(&class, "bark", rt::method("bark", 0, …));
//!                                       rt::define_static(&class, "create", rt::method("create", 0, …));
//!                                       class }
//! ```
//!
//! A derived class initialises its fields right after `super(…)` returns, as in JS. A class may
//! extend a user class, an Error class, `Array`, `Map` or `Set`; extending another built-in
//! (`Date`, `Promise`, …) and computed field names are reported as unsupported; a static block
//! runs as a static initialiser (`static_blocks.rs`).

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use super::functions::{Body, Kind};
use crate::globals;

/// The class whose members are being lowered.
#[derive(Clone)]
pub(crate) struct ClassContext {
    /// The variable holding its `rt::ClassParent`, if it has `extends`.
    pub(crate) parent: Option<Ident>,
    /// Lowering a static member (`super.m()` looks at the parent's statics).
    pub(crate) is_static: bool,
    /// A derived class's field initialisers, run where `super(…)` returns.
    pub(crate) fields: Option<TokenStream>,
}

impl Lowerer<'_> {
    pub(super) fn class_declaration(&mut self, class: &ClassDecl) -> TokenStream {
        let name = class.ident.sym.to_string();
        // A captured name (a cell, declared before this statement) is bound as soon as the
        // class exists, so static blocks and initialisers that name the class see it.
        let own = self
            .cx
            .scopes
            .binding_of(&class.ident)
            .filter(|id| self.is_cell(*id) && !self.is_numeric_binding(*id))
            .filter(|_| runs_static_code(&class.class))
            .map(|id| self.binding_ident(id));
        let value = self.class_value(&name, &class.class, own.as_ref());
        match self.cx.scopes.binding_of(&class.ident) {
            Some(id) => self.declare_binding(id, value, false),
            None => quote!(let _ = #value;),
        }
    }

    pub(super) fn class_expr(&mut self, class: &ClassExpr, inferred: &str) -> TokenStream {
        let name = class
            .ident
            .as_ref()
            .map(|ident| ident.sym.to_string())
            .unwrap_or_else(|| inferred.to_string());
        let own = class
            .ident
            .as_ref()
            .and_then(|ident| self.cx.scopes.binding_of(ident));
        match own {
            Some(id) if self.is_cell(id) => {
                let cell = self.binding_ident(id);
                let early = runs_static_code(&class.class).then_some(&cell);
                let value = self.class_value(&name, &class.class, early);
                let temp = self.temp("class");
                quote!({
                    let #cell = rt::Var::new(Value::Undefined);
                    let #temp: Value = #value;
                    #cell.set(#temp.clone());
                    #temp
                })
            }
            Some(id) => {
                let local = self.binding_ident(id);
                let value = self.class_value(&name, &class.class, None);
                quote!({ let #local: Value = #value; #local })
            }
            None => self.class_value(&name, &class.class, None),
        }
    }

    /// The instance field initialisers of a class, run with `this` bound.
    pub(super) fn field_initialisers(&mut self, fields: &[&ClassMember]) -> TokenStream {
        let Some(this) = self.this_ident.clone() else {
            return quote!();
        };
        let mut lines = Vec::new();
        for member in fields {
            match member {
                ClassMember::ClassProp(prop) => {
                    let key = match self.prop_name(&prop.key) {
                        Ok(key) => key,
                        Err(_) => {
                            let stream = self.unsupported(
                                prop.span,
                                "a computed class field name",
                                "use a plain name",
                            );
                            lines.push(quote!(let _ = #stream;));
                            continue;
                        }
                    };
                    let value = match &prop.value {
                        Some(value) => self.named_expr(value, &key),
                        None => quote!(Value::Undefined),
                    };
                    lines.push(quote!(rt::set(&#this, #key, #value)?;));
                }
                ClassMember::PrivateProp(prop) => {
                    let key = format!("#{}", prop.key.name);
                    let value = match &prop.value {
                        Some(value) => self.expr(value),
                        None => quote!(Value::Undefined),
                    };
                    lines.push(quote!(rt::set_private(&#this, #key, #value)?;));
                }
                _ => {}
            }
        }
        quote!(#(#lines)*)
    }

    /// `class … { … }` as a value; `own` is the cell of the class's name, set before the static
    /// members run (JS binds the name inside the class before it evaluates them).
    fn class_value(&mut self, name: &str, class: &Class, own: Option<&Ident>) -> TokenStream {
        // Class bodies are strict code.
        let saved_strict = std::mem::replace(&mut self.strict, true);
        let value = self.class_value_strict(name, class, own);
        self.strict = saved_strict;
        value
    }

    fn class_value_strict(
        &mut self,
        name: &str,
        class: &Class,
        own: Option<&Ident>,
    ) -> TokenStream {
        let mut setup = Vec::new();
        let parent = match &class.super_class {
            Some(expr) => {
                let parent = self.temp("parent");
                let value = match &**expr {
                    Expr::Ident(ident)
                        if self.cx.scopes.binding_of(ident).is_none()
                            && globals::ERROR_CLASSES.contains(&ident.sym.as_str()) =>
                    {
                        let base = ident.sym.as_str();
                        quote!(rt::ClassParent::error(#base))
                    }
                    // Instances are real arrays, Maps and Sets that remember their class
                    // (`runtime-lib/src/js/subclass.rs`).
                    Expr::Ident(ident)
                        if self.cx.scopes.binding_of(ident).is_none()
                            && globals::SUBCLASSABLE.contains(&ident.sym.as_str()) =>
                    {
                        let base = ident.sym.as_str();
                        quote!(rt::ClassParent::builtin(#base))
                    }
                    Expr::Ident(ident)
                        if self.cx.scopes.binding_of(ident).is_none()
                            && globals::is_constructor(ident.sym.as_str()) =>
                    {
                        let stream = self.unsupported(
                            ident.span,
                            &format!("extending the built-in `{}`", ident.sym),
                            "wrap the built-in value in a field of a plain class",
                        );
                        quote!({ let _ = #stream; rt::ClassParent::None })
                    }
                    other => {
                        let value = self.expr(other);
                        quote!(rt::ClassParent::of(&#value)?)
                    }
                };
                setup.push(quote!(let #parent: rt::ClassParent = #value;));
                Some(parent)
            }
            None => None,
        };
        let saved = self.class_context.replace(ClassContext {
            parent: parent.clone(),
            is_static: false,
            fields: None,
        });
        let constructor = class.body.iter().find_map(|member| match member {
            ClassMember::Constructor(constructor) => Some(constructor),
            _ => None,
        });
        let fields: Vec<&ClassMember> = class
            .body
            .iter()
            .filter(|member| match member {
                ClassMember::ClassProp(prop) => !prop.is_static,
                ClassMember::PrivateProp(prop) => !prop.is_static,
                _ => false,
            })
            .collect();
        let derived = parent.is_some();
        let key = (class.span.lo, class.span.hi);
        let empty: Vec<Stmt> = Vec::new();
        let implicit_super;
        let (params, body): (Vec<&Pat>, &[Stmt]) = match constructor {
            Some(constructor) => {
                let mut params = Vec::new();
                for param in &constructor.params {
                    match param {
                        ParamOrTsParamProp::Param(param) => params.push(&param.pat),
                        ParamOrTsParamProp::TsParamProp(prop) => {
                            let stream = self.unsupported(
                                prop.span,
                                "a TypeScript parameter property",
                                "declare the field and assign it in the constructor",
                            );
                            setup.push(quote!(let _ = #stream;));
                        }
                    }
                }
                implicit_super = false;
                let body = constructor
                    .body
                    .as_ref()
                    .map(|block| block.stmts.as_slice())
                    .unwrap_or(&empty);
                (params, body)
            }
            None => {
                implicit_super = derived;
                (Vec::new(), empty.as_slice())
            }
        };
        let class_value = self.temp("class");
        let init = self.closure(
            name,
            &params,
            Body::Block(body),
            super::functions::Flavor::Plain,
            key,
            Kind::Constructor {
                fields,
                derived,
                implicit_super,
            },
        );
        setup.push(quote!(let #class_value: Value = #init;));
        if let Some(cell) = own {
            setup.push(quote!(#cell.set(#class_value.clone());));
        }
        for member in &class.body {
            match member {
                ClassMember::Method(method) => {
                    let method_name = match self.prop_name(&method.key) {
                        Ok(name) => name,
                        Err(key) => {
                            // `[Symbol.iterator]() {…}`: the key is evaluated where the class
                            // is defined, in member order (`runtime-lib/src/js/symbol_props.rs`).
                            setup.push(self.computed_class_method(&class_value, key, method));
                            continue;
                        }
                    };
                    if method.kind != MethodKind::Method {
                        // An accessor (`runtime-lib/src/js/class.rs`), named `get x` / `set x`.
                        let is_getter = method.kind == MethodKind::Getter;
                        let prefix = if is_getter { "get" } else { "set" };
                        let value = self.member_method(
                            &format!("{prefix} {method_name}"),
                            &method.function,
                            method.is_static,
                        );
                        let (getter, setter) = if is_getter {
                            (value, quote!(Value::Undefined))
                        } else {
                            (quote!(Value::Undefined), value)
                        };
                        let is_static = method.is_static;
                        setup.push(quote!(rt::define_class_accessor(&#class_value, #method_name, #getter, #setter, #is_static);));
                        continue;
                    }
                    let value =
                        self.member_method(&method_name, &method.function, method.is_static);
                    setup.push(if method.is_static {
                        quote!(rt::define_static_method(&#class_value, #method_name, #value);)
                    } else {
                        quote!(rt::define_method(&#class_value, #method_name, #value);)
                    });
                }
                ClassMember::PrivateMethod(method) => {
                    if method.kind != MethodKind::Method {
                        let stream = self.unsupported(
                            method.span,
                            "a getter or setter",
                            "use a plain method",
                        );
                        setup.push(quote!(let _ = #stream;));
                        continue;
                    }
                    let method_name = format!("#{}", method.key.name);
                    let value =
                        self.member_method(&method_name, &method.function, method.is_static);
                    setup.push(if method.is_static {
                        quote!(rt::define_static(&#class_value, #method_name, #value);)
                    } else {
                        quote!(rt::define_method(&#class_value, #method_name, #value);)
                    });
                }
                ClassMember::ClassProp(prop) if prop.is_static => {
                    let Ok(key) = self.prop_name(&prop.key) else {
                        let stream = self.unsupported(
                            prop.span,
                            "a computed class field name",
                            "use a plain name",
                        );
                        setup.push(quote!(let _ = #stream;));
                        continue;
                    };
                    let value = self.static_initialiser(&class_value, prop.value.as_deref(), &key);
                    setup.push(quote!(rt::define_static(&#class_value, #key, #value);));
                }
                ClassMember::PrivateProp(prop) if prop.is_static => {
                    let key = format!("#{}", prop.key.name);
                    let value = self.static_initialiser(&class_value, prop.value.as_deref(), &key);
                    setup.push(quote!(rt::define_static(&#class_value, #key, #value);));
                }
                ClassMember::StaticBlock(block) => {
                    // Rewritten after parsing to the arrow it is equivalent to
                    // (`static_blocks.rs`): run like a static field's initialiser.
                    if let Some(call) = crate::static_blocks::call_of(block) {
                        let value = self.static_initialiser(&class_value, Some(call), "");
                        setup.push(quote!(let _ = #value;));
                    }
                }
                ClassMember::AutoAccessor(accessor) => {
                    let stream =
                        self.unsupported(accessor.span, "an `accessor` field", "use a plain field");
                    setup.push(quote!(let _ = #stream;));
                }
                _ => {}
            }
        }
        self.class_context = saved;
        quote!({ #(#setup)* #class_value })
    }

    fn member_method(&mut self, name: &str, function: &Function, is_static: bool) -> TokenStream {
        let parent = self
            .class_context
            .as_ref()
            .and_then(|class| class.parent.clone());
        if let Some(class) = &mut self.class_context {
            class.is_static = is_static;
        }
        let value = self.method_function(name, function);
        if let Some(class) = &mut self.class_context {
            class.is_static = false;
        }
        match parent {
            Some(parent) => quote!({ let #parent = #parent.clone(); #value }),
            None => value,
        }
    }

    /// A static field's value, computed with `this` = the class.
    fn static_initialiser(
        &mut self,
        class: &Ident,
        value: Option<&Expr>,
        key: &str,
    ) -> TokenStream {
        let Some(value) = value else {
            return quote!(Value::Undefined);
        };
        let saved = self.this_ident.replace(class.clone());
        // `super.x` in a static initialiser reads the parent class's statics.
        if let Some(context) = &mut self.class_context {
            context.is_static = true;
        }
        let lowered = self.named_expr(value, key);
        if let Some(context) = &mut self.class_context {
            context.is_static = false;
        }
        self.this_ident = saved;
        lowered
    }

    /// `this`.
    pub(super) fn this_expr(&mut self, this: &ThisExpr) -> TokenStream {
        match (&self.this_ident, &self.derived_this) {
            (Some(ident), Some((binding, _))) => quote!(#binding.get(&#ident)?),
            _ => self.raw_this(this),
        }
    }

    /// `this` without the derived-constructor check (what `super(…)` initialises).
    fn raw_this(&mut self, this: &ThisExpr) -> TokenStream {
        match &self.this_ident {
            Some(ident) => quote!(#ident.clone()),
            // At the top level of an ES module `this` is undefined; of a CommonJS module, the
            // `exports` object Node's wrapper was called with (UMD wrappers pass it on:
            // `}(this, function () {…})`). `exports` is that object unless the module assigns
            // the name itself.
            None if self.function_depth == 0 => {
                let _ = this;
                if self.cx.esm {
                    quote!(Value::Undefined)
                } else {
                    self.read_binding(1)
                }
            }
            None => quote!(this.clone()),
        }
    }

    /// `super(...args)` in a constructor.
    pub(super) fn super_call(&mut self, call: &CallExpr) -> TokenStream {
        let Some(class) = self.class_context.clone() else {
            return self.unsupported(
                call.span,
                "`super(…)` outside a class constructor",
                "remove it",
            );
        };
        let Some(parent) = class.parent else {
            return self.unsupported(
                call.span,
                "`super(…)` in a class without `extends`",
                "remove it",
            );
        };
        let this = self.raw_this(&ThisExpr { span: call.span });
        let args = self.arguments(&call.args);
        let fields = class.fields.unwrap_or_default();
        let bind = self
            .derived_this
            .as_ref()
            .map(|(binding, _)| quote!(#binding.bind()?;));
        quote!({
            rt::super_construct(&#parent, &#this, &#args)?;
            #bind
            #fields
            Value::Undefined
        })
    }

    /// `super.name(...args)` in a method.
    pub(super) fn super_method_call(
        &mut self,
        prop: &SuperPropExpr,
        call: &CallExpr,
    ) -> TokenStream {
        let Some(class) = self.class_context.clone() else {
            return self.unsupported(
                prop.span,
                "`super` outside a class",
                "call the function directly",
            );
        };
        let SuperProp::Ident(name) = &prop.prop else {
            return self.unsupported(
                prop.span,
                "a computed `super[…]` member",
                "use `super.name(…)`",
            );
        };
        let name = name.sym.to_string();
        let this = self.this_expr(&ThisExpr { span: prop.span });
        let args = self.arguments(&call.args);
        let is_static = class.is_static;
        let parent = match class.parent {
            Some(parent) => quote!(#parent),
            None => quote!(rt::ClassParent::None),
        };
        quote!(rt::super_method(&#parent, &#this, #name, &#args, #is_static)?)
    }
}

impl Lowerer<'_> {
    /// A class method, getter or setter whose name is computed (`[Symbol.iterator]() {…}`,
    /// `get [Symbol.toStringTag]() {…}`).
    fn computed_class_method(
        &mut self,
        class_value: &Ident,
        key: TokenStream,
        method: &ClassMethod,
    ) -> TokenStream {
        let is_static = method.is_static;
        let temp = self.temp("key");
        let value = self.member_method("", &method.function, is_static);
        let define = match method.kind {
            MethodKind::Method => {
                quote!(rt::define_computed_method(&#class_value, &#temp, #value, #is_static)?;)
            }
            MethodKind::Getter => quote!(
                rt::define_computed_accessor(&#class_value, &#temp, #value, Value::Undefined, #is_static)?;
            ),
            MethodKind::Setter => quote!(
                rt::define_computed_accessor(&#class_value, &#temp, Value::Undefined, #value, #is_static)?;
            ),
        };
        quote!(let #temp: Value = #key; #define)
    }
}

/// Whether defining `class` runs code of its own that could name it: a static field's
/// initialiser or a static block.
fn runs_static_code(class: &Class) -> bool {
    class.body.iter().any(|member| match member {
        ClassMember::ClassProp(prop) => prop.is_static && prop.value.is_some(),
        ClassMember::PrivateProp(prop) => prop.is_static && prop.value.is_some(),
        ClassMember::StaticBlock(_) => true,
        _ => false,
    })
}
