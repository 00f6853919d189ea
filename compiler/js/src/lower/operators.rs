//! Unary, binary, update and assignment operators.
//!
//! ```text
//! a - b        → rt::sub(&a, &b)?            a === b   → Value::Bool(rt::strict_eq(&a, &b))
//! a && b       → { let left = a; if rt::truthy(&left) { b } else { left } }
//! a ?? b       → { let left = a; if left.is_nullish() { b } else { left } }
//! total += 3   → total = rt::add(&total.clone(), &Value::Number(3))?;
//! nextId++     → { let (old, new) = rt::increment(&next_id.get(), 1.0)?; next_id.set(new); old }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::globals;

/// The runtime function of an arithmetic or bitwise operator.
fn arithmetic(op: BinaryOp) -> Option<TokenStream> {
    Some(match op {
        BinaryOp::Add => quote!(rt::add),
        BinaryOp::Sub => quote!(rt::sub),
        BinaryOp::Mul => quote!(rt::mul),
        BinaryOp::Div => quote!(rt::div),
        BinaryOp::Mod => quote!(rt::rem),
        BinaryOp::Exp => quote!(rt::pow),
        BinaryOp::BitAnd => quote!(rt::bit_and),
        BinaryOp::BitOr => quote!(rt::bit_or),
        BinaryOp::BitXor => quote!(rt::bit_xor),
        BinaryOp::LShift => quote!(rt::shl),
        BinaryOp::RShift => quote!(rt::shr),
        BinaryOp::ZeroFillRShift => quote!(rt::ushr),
        _ => return None,
    })
}

/// The binary operator a compound assignment applies (`+=` → `+`).
fn compound(op: AssignOp) -> Option<BinaryOp> {
    Some(match op {
        AssignOp::AddAssign => BinaryOp::Add,
        AssignOp::SubAssign => BinaryOp::Sub,
        AssignOp::MulAssign => BinaryOp::Mul,
        AssignOp::DivAssign => BinaryOp::Div,
        AssignOp::ModAssign => BinaryOp::Mod,
        AssignOp::ExpAssign => BinaryOp::Exp,
        AssignOp::BitAndAssign => BinaryOp::BitAnd,
        AssignOp::BitOrAssign => BinaryOp::BitOr,
        AssignOp::BitXorAssign => BinaryOp::BitXor,
        AssignOp::LShiftAssign => BinaryOp::LShift,
        AssignOp::RShiftAssign => BinaryOp::RShift,
        AssignOp::ZeroFillRShiftAssign => BinaryOp::ZeroFillRShift,
        AssignOp::AndAssign => BinaryOp::LogicalAnd,
        AssignOp::OrAssign => BinaryOp::LogicalOr,
        AssignOp::NullishAssign => BinaryOp::NullishCoalescing,
        AssignOp::Assign => return None,
    })
}

/// Where an assignment writes, with its object and key already evaluated.
enum Place {
    Binding(crate::scope::BindingId),
    /// A `const`: reading works, writing throws V8's TypeError.
    Constant(crate::scope::BindingId),
    /// `object.#name`.
    Private {
        object: proc_macro2::Ident,
        name: String,
    },
    Property {
        object: proc_macro2::Ident,
        key: Result<String, proc_macro2::Ident>,
    },
    /// `object[i]` where the key is proved a number: `index` is an `f64` local.
    Element {
        object: proc_macro2::Ident,
        index: proc_macro2::Ident,
    },
    /// A free name: a property of the global object `object` (`free_names.rs`).
    Global {
        object: proc_macro2::Ident,
        name: String,
    },
}

impl Lowerer<'_> {
    /// `left op right` on lowered operands.
    fn apply(&mut self, op: BinaryOp, left: TokenStream, right: TokenStream) -> TokenStream {
        if let Some(function) = arithmetic(op) {
            return quote!(#function(&#left, &#right)?);
        }
        let temp = self.temp("left");
        match op {
            BinaryOp::LogicalAnd => {
                quote!({ let #temp: Value = #left; if rt::truthy(&#temp) { #right } else { #temp } })
            }
            BinaryOp::LogicalOr => {
                quote!({ let #temp: Value = #left; if rt::truthy(&#temp) { #temp } else { #right } })
            }
            BinaryOp::NullishCoalescing => {
                quote!({ let #temp: Value = #left; if #temp.is_nullish() { #right } else { #temp } })
            }
            BinaryOp::EqEqEq => quote!(Value::Bool(rt::strict_eq(&#left, &#right))),
            BinaryOp::NotEqEq => quote!(Value::Bool(!rt::strict_eq(&#left, &#right))),
            BinaryOp::EqEq => quote!(Value::Bool(rt::loose_eq(&#left, &#right)?)),
            BinaryOp::NotEq => quote!(Value::Bool(!rt::loose_eq(&#left, &#right)?)),
            BinaryOp::Lt => quote!(Value::Bool(rt::lt(&#left, &#right)?)),
            BinaryOp::LtEq => quote!(Value::Bool(rt::le(&#left, &#right)?)),
            BinaryOp::Gt => quote!(Value::Bool(rt::gt(&#left, &#right)?)),
            BinaryOp::GtEq => quote!(Value::Bool(rt::ge(&#left, &#right)?)),
            BinaryOp::In => quote!(Value::Bool(rt::has_property(&#left, &#right)?)),
            _ => quote!(Value::Undefined),
        }
    }

    /// An expression used as a condition, as a Rust `bool`: comparisons, `!` and `&&`/`||` of
    /// conditions stay booleans instead of round-tripping through `Value::Bool`.
    pub(super) fn condition(&mut self, expr: &Expr) -> TokenStream {
        match expr {
            Expr::Paren(paren) => self.condition(&paren.expr),
            Expr::Unary(unary) if unary.op == UnaryOp::Bang => {
                let inner = self.condition(&unary.arg);
                quote!(!(#inner))
            }
            Expr::Bin(bin) => {
                if let Some(compare) = self.numeric_comparison(bin) {
                    return compare;
                }
                let comparison = match bin.op {
                    BinaryOp::LogicalAnd | BinaryOp::LogicalOr => {
                        let left = self.condition(&bin.left);
                        let right = self.condition(&bin.right);
                        return if bin.op == BinaryOp::LogicalAnd {
                            quote!((#left && #right))
                        } else {
                            quote!((#left || #right))
                        };
                    }
                    BinaryOp::EqEqEq => Some((quote!(rt::strict_eq), false, false)),
                    BinaryOp::NotEqEq => Some((quote!(rt::strict_eq), true, false)),
                    BinaryOp::EqEq => Some((quote!(rt::loose_eq), false, true)),
                    BinaryOp::NotEq => Some((quote!(rt::loose_eq), true, true)),
                    BinaryOp::Lt => Some((quote!(rt::lt), false, true)),
                    BinaryOp::LtEq => Some((quote!(rt::le), false, true)),
                    BinaryOp::Gt => Some((quote!(rt::gt), false, true)),
                    BinaryOp::GtEq => Some((quote!(rt::ge), false, true)),
                    _ => None,
                };
                match comparison {
                    Some((function, negate, fallible)) => {
                        let left = self.borrowed(&bin.left);
                        let right = self.borrowed(&bin.right);
                        let call = if fallible {
                            quote!(#function(&#left, &#right)?)
                        } else {
                            quote!(#function(&#left, &#right))
                        };
                        if negate { quote!(!#call) } else { call }
                    }
                    None => {
                        let value = self.expr(expr);
                        quote!(rt::truthy(&#value))
                    }
                }
            }
            Expr::Ident(ident)
                if self.plain_local(ident).is_some() || self.numeric_target(expr).is_some() =>
            {
                let local = self.borrowed(expr);
                quote!(rt::truthy(&#local))
            }
            other => {
                let value = self.expr(other);
                quote!(rt::truthy_owned(#value))
            }
        }
    }

    pub(super) fn binary(&mut self, bin: &BinExpr) -> TokenStream {
        if bin.op == BinaryOp::InstanceOf {
            let left = self.borrowed(&bin.left);
            return match &*bin.right {
                Expr::Ident(class)
                    if self.cx.scopes.binding_of(class).is_none()
                        && globals::is_instance_class(class.sym.as_str()) =>
                {
                    let name = class.sym.as_str();
                    quote!(Value::Bool(rt::instance_of(&#left, #name)))
                }
                other => {
                    let right = self.borrowed(other);
                    quote!(Value::Bool(rt::instance_of_value(&#left, &#right)?))
                }
            };
        }
        if bin.op == BinaryOp::In
            && let Expr::PrivateName(private) = &*bin.left
        {
            let name = format!("#{}", private.name);
            let object = self.borrowed(&bin.right);
            return quote!(Value::Bool(rt::has_private(&#object, #name)));
        }
        let (left, right) = if arithmetic(bin.op).is_some()
            || !matches!(
                bin.op,
                BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::NullishCoalescing
            ) {
            (self.borrowed(&bin.left), self.borrowed(&bin.right))
        } else {
            (self.expr(&bin.left), self.expr(&bin.right))
        };
        self.apply(bin.op, left, right)
    }

    pub(super) fn unary(&mut self, unary: &UnaryExpr) -> TokenStream {
        if unary.op == UnaryOp::TypeOf
            && let Some(global) = self.global_object_member(&unary.arg)
        {
            let mut direct = unary.clone();
            *direct.arg = Expr::Ident(global);
            return self.unary(&direct);
        }
        if unary.op == UnaryOp::TypeOf
            && let Expr::Ident(ident) = &*unary.arg
        {
            let known = self.cx.scopes.binding_of(ident).is_some()
                || globals::STATIC_CALLS.contains(&ident.sym.as_str())
                || globals::STATIC_VALUES.contains(&ident.sym.as_str())
                || crate::builtin_modules::is_global(&ident.sym)
                || globals::OBJECT_PROTOTYPE_GLOBALS.contains(&ident.sym.as_str())
                || ident.sym.as_str() == "undefined"
                || self.module_location(ident).is_some();
            if !known && let Some(global) = self.global_object_for(ident) {
                // A free name: "undefined" while the global object has no such property.
                let name = ident.sym.as_str();
                return quote!(rt::global_typeof(&#global, #name)?);
            }
            if !known {
                // `typeof undeclared` is "undefined" (or "object"/"function" for namespaces).
                let kind = if globals::is_constructor(ident.sym.as_str()) {
                    "function"
                } else if globals::NAMESPACES.contains(&ident.sym.as_str()) {
                    "object"
                } else {
                    "undefined"
                };
                return quote!(Value::str(#kind));
            }
        }
        if unary.op == UnaryOp::Delete {
            return match &*unary.arg {
                Expr::Member(member) => {
                    let object = self.expr(&member.obj);
                    let key = match self.member_key(&member.prop) {
                        Ok(name) => quote!(Value::str(#name)),
                        Err(key) => key,
                    };
                    let delete = if self.strict {
                        quote!(rt::delete_strict)
                    } else {
                        quote!(rt::delete)
                    };
                    quote!(Value::Bool(#delete(&#object, &#key)?))
                }
                // Sloppy `delete name`: a free name's property of the global object goes (what
                // an assignment created is configurable); a declared binding stays.
                Expr::Ident(ident) => match self.global_object_for(ident) {
                    Some(global) => {
                        let name = ident.sym.as_str();
                        quote!(Value::Bool(rt::delete(&#global, &Value::str(#name))?))
                    }
                    None if self.cx.scopes.binding_of(ident).is_some() => {
                        quote!(Value::Bool(false))
                    }
                    None => quote!(Value::Bool(true)),
                },
                _ => quote!(Value::Bool(true)),
            };
        }
        let arg = if unary.op == UnaryOp::Void {
            self.expr(&unary.arg)
        } else {
            self.borrowed(&unary.arg)
        };
        match unary.op {
            UnaryOp::Bang => quote!(rt::not(&#arg)),
            UnaryOp::Minus => quote!(rt::neg(&#arg)?),
            UnaryOp::Plus => quote!(rt::plus(&#arg)?),
            UnaryOp::Tilde => quote!(rt::bit_not(&#arg)?),
            UnaryOp::TypeOf => quote!(rt::type_of_value(&#arg)),
            UnaryOp::Void => quote!({ let _ = #arg; Value::Undefined }),
            UnaryOp::Delete => quote!(Value::Bool(true)),
        }
    }

    /// Evaluates the object and key of a member target into temporaries. A local that is never
    /// reassigned is used in place: nothing evaluated between the object and the write (the key,
    /// the right-hand side) can change which object it holds, so no copy is needed.
    fn member_place(&mut self, member: &MemberExpr, setup: &mut Vec<TokenStream>) -> Place {
        // `Array.prototype.last = …`: each read of a built-in prototype is a fresh marker
        // object (`prototype.rs`), so nothing added to one would be inherited.
        if let Expr::Member(inner) = &*member.obj
            && let (Expr::Ident(class), MemberProp::Ident(prop)) = (&*inner.obj, &inner.prop)
            && prop.sym == "prototype"
            && self.cx.scopes.binding_of(class).is_none()
            && (globals::is_constructor(&class.sym) || globals::NAMESPACES.contains(&&*class.sym))
        {
            self.unsupported(
                member.span,
                &format!("adding or changing a property of `{}.prototype`", class.sym),
                "built-in prototypes are shared by every value of the kind and cannot be extended in handlers; write a helper function instead",
            );
        }
        let object = match self.fixed_local(&member.obj) {
            Some(local) => local,
            None => {
                let object_value = self.expr(&member.obj);
                let object = self.temp("target");
                setup.push(quote!(let #object: Value = #object_value;));
                object
            }
        };
        if let MemberProp::PrivateName(private) = &member.prop {
            return Place::Private {
                object,
                name: format!("#{}", private.name),
            };
        }
        if let Some(index_value) = self.numeric_key(&member.prop) {
            let index = self.temp("index");
            setup.push(quote!(let #index: f64 = #index_value;));
            return Place::Element { object, index };
        }
        let key = match self.member_key(&member.prop) {
            Ok(name) if name == "__proto__" => {
                self.unsupported(
                    member.span,
                    "changing an object's prototype through `__proto__`",
                    "create the object with its prototype: `Object.create(proto)` or `{ __proto__: proto, … }`",
                );
                Ok(name)
            }
            Ok(name) => Ok(name),
            Err(key_value) => {
                let key = self.temp("key");
                setup.push(quote!(let #key: Value = #key_value;));
                Err(key)
            }
        };
        Place::Property { object, key }
    }

    fn read_place(&mut self, place: &Place) -> TokenStream {
        match place {
            Place::Binding(id) | Place::Constant(id) => self.read_binding(*id),
            Place::Private { object, name } => quote!(rt::get_private(&#object, #name)?),
            Place::Property {
                object,
                key: Ok(name),
            } => quote!(rt::get(&#object, #name)?),
            Place::Property {
                object,
                key: Err(key),
            } => quote!(rt::get_computed(&#object, &#key)?),
            Place::Element { object, index } => quote!(rt::get_index(&#object, #index)?),
            Place::Global { object, name } => quote!(rt::global_read(&#object, #name)?),
        }
    }

    fn write_place(&mut self, place: &Place, value: TokenStream) -> TokenStream {
        match place {
            Place::Binding(id) => self.write_binding(*id, value),
            Place::Constant(_) => quote!({ let _ = #value; return Err(rt::const_assignment()); }),
            Place::Private { object, name } => quote!(rt::set_private(&#object, #name, #value)?;),
            Place::Property {
                object,
                key: Ok(name),
            } => {
                let set = self.property_setter(false);
                quote!(#set(&#object, #name, #value)?;)
            }
            Place::Property {
                object,
                key: Err(key),
            } => {
                let set = self.property_setter(true);
                quote!(#set(&#object, &#key, #value)?;)
            }
            Place::Element { object, index } => {
                let set = if self.strict {
                    quote!(rt::set_index_strict)
                } else {
                    quote!(rt::set_index)
                };
                quote!(#set(&#object, #index, #value)?;)
            }
            Place::Global { object, name } => {
                let strict = self.strict;
                quote!(rt::global_write(&#object, #name, #value, #strict)?;)
            }
        }
    }

    /// The place a simple assignment target names, or `None` after reporting it.
    fn place(
        &mut self,
        target: &SimpleAssignTarget,
        setup: &mut Vec<TokenStream>,
    ) -> Option<Place> {
        match target {
            SimpleAssignTarget::Ident(binding) => match self.cx.scopes.binding_of(&binding.id) {
                Some(id) => {
                    if matches!(
                        self.cx.scopes.bindings[id].kind,
                        crate::scope::BindingKind::Const | crate::scope::BindingKind::Import
                    ) {
                        return Some(Place::Constant(id));
                    }
                    Some(Place::Binding(id))
                }
                None => match self.global_object_for(&binding.id) {
                    Some(global) => {
                        let name = binding.id.sym.to_string();
                        if !self.strict {
                            let span = self.cx.spans.span(binding.id.span);
                            self.diagnostics
                                .push(crate::diagnostics::implicit_global(span, &name));
                        }
                        let object = self.temp("global");
                        setup.push(quote!(let #object: Value = #global;));
                        Some(Place::Global { object, name })
                    }
                    None => {
                        self.unknown_global(&binding.id);
                        None
                    }
                },
            },
            SimpleAssignTarget::Member(member) => Some(self.member_place(member, setup)),
            SimpleAssignTarget::Paren(paren) => match &*paren.expr {
                Expr::Ident(ident) => {
                    let target = SimpleAssignTarget::Ident(ident.clone().into());
                    self.place(&target, setup)
                }
                Expr::Member(member) => Some(self.member_place(member, setup)),
                other => {
                    self.unsupported(
                        swc_core::common::Spanned::span(other),
                        "this assignment target",
                        "assign to a variable or a property",
                    );
                    None
                }
            },
            other => {
                self.unsupported(
                    swc_core::common::Spanned::span(other),
                    "this assignment target",
                    "assign to a variable or a property",
                );
                None
            }
        }
    }

    /// An assignment; `as_statement` drops the result value.
    pub(super) fn assignment(&mut self, assign: &AssignExpr, as_statement: bool) -> TokenStream {
        let target = match &assign.left {
            AssignTarget::Simple(target) => target,
            AssignTarget::Pat(pattern) => {
                if assign.op != AssignOp::Assign {
                    return self.unsupported(
                        assign.span,
                        "a compound destructuring assignment",
                        "use `=`",
                    );
                }
                let value = self.expr(&assign.right);
                let temp = self.temp("assigned");
                let pat = match pattern {
                    AssignTargetPat::Array(array) => Pat::Array(array.clone()),
                    AssignTargetPat::Object(object) => Pat::Object(object.clone()),
                    AssignTargetPat::Invalid(invalid) => {
                        return self.unsupported(
                            invalid.span,
                            "this assignment target",
                            "assign to a variable",
                        );
                    }
                };
                let bind = self.bind_pattern(
                    &pat,
                    quote!(#temp.clone()),
                    super::destructuring::Mode::Assign,
                );
                return if as_statement {
                    quote!({ let #temp: Value = #value; #bind })
                } else {
                    quote!({ let #temp: Value = #value; #bind #temp })
                };
            }
        };
        let mut setup = Vec::new();
        let Some(place) = self.place(target, &mut setup) else {
            return quote!(Value::Undefined);
        };
        let result = self.temp("value");
        let body = match compound(assign.op) {
            // `a[i] = v;` as a statement: the value goes straight to the write.
            None if as_statement => {
                let value = self.expr(&assign.right);
                self.write_place(&place, value)
            }
            None => {
                let value = self.expr(&assign.right);
                let write = self.write_place(&place, quote!(#result.clone()));
                quote!(let #result: Value = #value; #write)
            }
            Some(
                op @ (BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::NullishCoalescing),
            ) => {
                let current = self.read_place(&place);
                let value = self.expr(&assign.right);
                let write = self.write_place(&place, quote!(#result.clone()));
                let condition = match op {
                    BinaryOp::LogicalAnd => quote!(rt::truthy(&#result)),
                    BinaryOp::LogicalOr => quote!(!rt::truthy(&#result)),
                    _ => quote!(#result.is_nullish()),
                };
                quote! {
                    let mut #result: Value = #current;
                    if #condition { #result = #value; #write }
                }
            }
            Some(op) => {
                let current = self.read_place(&place);
                let value = self.expr(&assign.right);
                let combined = self.apply(op, current, value);
                let write = self.write_place(&place, quote!(#result.clone()));
                quote!(let #result: Value = #combined; #write)
            }
        };
        if as_statement {
            quote!({ #(#setup)* #body })
        } else {
            quote!({ #(#setup)* #body #result })
        }
    }

    pub(super) fn assign_expr(&mut self, assign: &AssignExpr) -> TokenStream {
        self.assignment(assign, false)
    }

    /// `x++`, `--x`, `o.n++`; `as_statement` drops the result value.
    pub(super) fn update_with(&mut self, update: &UpdateExpr, as_statement: bool) -> TokenStream {
        let mut setup = Vec::new();
        let target = match &*update.arg {
            Expr::Ident(ident) => SimpleAssignTarget::Ident(ident.clone().into()),
            Expr::Member(member) => SimpleAssignTarget::Member(member.clone()),
            Expr::Paren(paren) => SimpleAssignTarget::Paren(paren.clone()),
            other => {
                return self.unsupported(
                    swc_core::common::Spanned::span(other),
                    "this update target",
                    "update a variable or a property",
                );
            }
        };
        let Some(place) = self.place(&target, &mut setup) else {
            return quote!(Value::Undefined);
        };
        let delta = if update.op == UpdateOp::PlusPlus {
            quote!(1.0)
        } else {
            quote!(-1.0)
        };
        let current = self.read_place(&place);
        let old = self.temp("old");
        let new = self.temp("new");
        let write = self.write_place(&place, quote!(#new.clone()));
        let result = if update.prefix {
            quote!(#new)
        } else {
            quote!(#old)
        };
        if as_statement {
            quote!({ #(#setup)* let (#old, #new) = rt::increment(&#current, #delta)?; #write })
        } else {
            quote!({ #(#setup)* let (#old, #new) = rt::increment(&#current, #delta)?; #write #result })
        }
    }

    pub(super) fn update(&mut self, update: &UpdateExpr) -> TokenStream {
        self.update_with(update, false)
    }
}
