//! Arithmetic on numeric variables (`crate::numeric`) as plain `f64` Rust.
//!
//! ```text
//! let sum = 0;                      →   let mut sum: f64 = 0f64;
//! for (let i = 0; i < n; i++)       →   let mut i: f64 = 0f64; … if !(rt::lt(&Value::Number(i), &n)?) …; i += 1f64;
//! sum += i * 2;                     →   sum = sum + i * 2f64;
//! total(sum)                        →   rt::call_at(&total, &[Value::Number(sum)], "total")?
//! ```
//!
//! Only expressions whose operands are all numeric are computed directly (`+ - * / %`, unary
//! `-`/`+`, comparisons, `++`/`--` and assignments of numeric variables), which keeps JS's order
//! of evaluation and coercion exact: anything else goes through the runtime as before and, when
//! a numeric variable receives it, is unwrapped with `rt::number_value` (the analysis proved it
//! is a number). Rust's `%` on `f64` is C's `fmod`, which is JS's `%`.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::scope::BindingId;

/// The Rust operator of a binary arithmetic operator computed directly on `f64`.
fn direct_arithmetic(op: BinaryOp) -> Option<TokenStream> {
    Some(match op {
        BinaryOp::Add => quote!(+),
        BinaryOp::Sub => quote!(-),
        BinaryOp::Mul => quote!(*),
        BinaryOp::Div => quote!(/),
        BinaryOp::Mod => quote!(%),
        _ => return None,
    })
}

/// The Rust comparison of two numbers for a JS comparison operator.
fn direct_comparison(op: BinaryOp) -> Option<TokenStream> {
    Some(match op {
        BinaryOp::Lt => quote!(<),
        BinaryOp::LtEq => quote!(<=),
        BinaryOp::Gt => quote!(>),
        BinaryOp::GtEq => quote!(>=),
        BinaryOp::EqEqEq | BinaryOp::EqEq => quote!(==),
        BinaryOp::NotEqEq | BinaryOp::NotEq => quote!(!=),
        _ => return None,
    })
}

/// The arithmetic a compound assignment computes directly (`+=` → `+`).
fn direct_compound(op: AssignOp) -> Option<TokenStream> {
    direct_arithmetic(match op {
        AssignOp::AddAssign => BinaryOp::Add,
        AssignOp::SubAssign => BinaryOp::Sub,
        AssignOp::MulAssign => BinaryOp::Mul,
        AssignOp::DivAssign => BinaryOp::Div,
        AssignOp::ModAssign => BinaryOp::Mod,
        _ => return None,
    })
}

/// A JS number literal as a Rust `f64` expression.
fn number_literal(value: f64) -> TokenStream {
    if value.is_finite() {
        let literal = proc_macro2::Literal::f64_suffixed(value);
        quote!(#literal)
    } else if value.is_nan() {
        quote!(f64::NAN)
    } else if value > 0.0 {
        quote!(f64::INFINITY)
    } else {
        quote!(f64::NEG_INFINITY)
    }
}

impl Lowerer<'_> {
    /// Whether a binding is a numeric (`f64`) local.
    pub(crate) fn is_numeric_binding(&self, id: BindingId) -> bool {
        self.cx.numeric.contains(&id)
    }

    /// Whether `expr` always produces a number.
    pub(crate) fn is_numeric(&self, expr: &Expr) -> bool {
        crate::numeric::is_numeric(expr, self.cx.numeric, self.cx.scopes)
    }

    /// The numeric binding `expr` names, if it is one.
    pub(super) fn numeric_target(&self, expr: &Expr) -> Option<BindingId> {
        match expr {
            Expr::Ident(ident) => self
                .cx
                .scopes
                .binding_of(ident)
                .filter(|id| self.is_numeric_binding(*id)),
            Expr::Paren(paren) => self.numeric_target(&paren.expr),
            _ => None,
        }
    }

    /// The numeric variable an update writes; `const`s are left to the generic lowering,
    /// which throws V8's `Assignment to constant variable.`.
    fn updated_numeric(&self, expr: &Expr) -> Option<BindingId> {
        self.numeric_target(expr)
            .filter(|id| self.cx.scopes.bindings[*id].kind != crate::scope::BindingKind::Const)
    }

    fn assigned_numeric(&self, assign: &AssignExpr) -> Option<BindingId> {
        match &assign.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(target)) => {
                self.updated_numeric(&Expr::Ident(target.id.clone()))
            }
            _ => None,
        }
    }

    /// Whether [`Self::number`] computes `expr` itself rather than through the runtime.
    fn is_direct(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Lit(Lit::Num(_)) => true,
            Expr::Ident(_) => self.numeric_target(expr).is_some(),
            Expr::Paren(paren) => self.is_direct(&paren.expr),
            Expr::Bin(bin) => {
                direct_arithmetic(bin.op).is_some()
                    && self.is_numeric(&bin.left)
                    && self.is_numeric(&bin.right)
            }
            Expr::Unary(unary) => {
                matches!(unary.op, UnaryOp::Minus | UnaryOp::Plus) && self.is_numeric(&unary.arg)
            }
            Expr::Update(update) => self.updated_numeric(&update.arg).is_some(),
            Expr::Assign(assign) => {
                self.assigned_numeric(assign).is_some()
                    && (assign.op == AssignOp::Assign || direct_compound(assign.op).is_some())
                    && self.is_numeric(&assign.right)
            }
            Expr::Cond(cond) => self.is_numeric(&cond.cons) && self.is_numeric(&cond.alt),
            _ => false,
        }
    }

    /// A numeric expression as a Rust `f64` expression.
    pub(crate) fn number(&mut self, expr: &Expr) -> TokenStream {
        if !self.is_direct(expr) {
            return self.unwrapped_number(expr);
        }
        match expr {
            Expr::Lit(Lit::Num(number)) => number_literal(number.value),
            Expr::Paren(paren) => self.number(&paren.expr),
            Expr::Ident(_) => match self.numeric_target(expr) {
                Some(id) => {
                    let ident = self.binding_ident(id);
                    quote!(#ident)
                }
                None => self.unwrapped_number(expr),
            },
            Expr::Bin(bin) => match direct_arithmetic(bin.op) {
                Some(op) => {
                    let left = self.number(&bin.left);
                    let right = self.number(&bin.right);
                    quote!((#left #op #right))
                }
                None => self.unwrapped_number(expr),
            },
            Expr::Unary(unary) => {
                let operand = self.number(&unary.arg);
                if unary.op == UnaryOp::Minus {
                    quote!((-#operand))
                } else {
                    operand
                }
            }
            Expr::Update(update) => self
                .numeric_update(update, false)
                .unwrap_or_else(|| self.unwrapped_number(expr)),
            Expr::Assign(assign) => self
                .numeric_assignment(assign, false)
                .unwrap_or_else(|| self.unwrapped_number(expr)),
            Expr::Cond(cond) => {
                let test = self.condition(&cond.test);
                let cons = self.number(&cond.cons);
                let alt = self.number(&cond.alt);
                quote!((if #test { #cons } else { #alt }))
            }
            _ => self.unwrapped_number(expr),
        }
    }

    /// `expr` as a `Value` operand to borrow (`&#operand`) when it is a number literal, a
    /// numeric variable or arithmetic on them: wrapped by `rt::number_operand`, the temporary
    /// has no drop glue. A plain `Value::Number(x)` temporary whose address a runtime call sees
    /// costs a call to `drop_in_place::<Value>` per evaluation, which hot loops pay millions of
    /// times.
    pub(super) fn number_operand(&mut self, expr: &Expr) -> Option<TokenStream> {
        if !self.is_direct(expr) || matches!(expr, Expr::Assign(_) | Expr::Update(_)) {
            return None;
        }
        let number = self.number(expr);
        Some(quote!((*rt::number_operand(#number))))
    }

    /// A numeric expression the runtime computes, unwrapped to its `f64`.
    fn unwrapped_number(&mut self, expr: &Expr) -> TokenStream {
        let value = self.expr(expr);
        quote!(rt::number_of(#value))
    }

    /// `expr` as a `Value` when it is computed on `f64`s: `None` leaves it to the generic
    /// lowering (variables are read by `read_binding`, literals by `literal`).
    pub(super) fn numeric_value(&mut self, expr: &Expr) -> Option<TokenStream> {
        if matches!(expr, Expr::Lit(_) | Expr::Ident(_) | Expr::Paren(_)) {
            return None;
        }
        if let Expr::Bin(bin) = expr
            && let Some(compare) = self.numeric_comparison(bin)
        {
            return Some(quote!(Value::Bool(#compare)));
        }
        if !self.is_direct(expr) {
            return None;
        }
        let number = self.number(expr);
        Some(quote!(Value::Number(#number)))
    }

    /// A comparison of two numeric operands as a Rust `bool`.
    pub(super) fn numeric_comparison(&mut self, bin: &BinExpr) -> Option<TokenStream> {
        let op = direct_comparison(bin.op)?;
        if !(self.is_numeric(&bin.left) && self.is_numeric(&bin.right)) {
            return None;
        }
        let left = self.number(&bin.left);
        let right = self.number(&bin.right);
        Some(quote!((#left #op #right)))
    }

    /// `x++`, `--x` of a numeric variable: an `f64` expression, or a statement.
    pub(super) fn numeric_update(
        &mut self,
        update: &UpdateExpr,
        as_statement: bool,
    ) -> Option<TokenStream> {
        let id = self.updated_numeric(&update.arg)?;
        let ident = self.binding_ident(id);
        let step = if update.op == UpdateOp::PlusPlus {
            quote!(+=)
        } else {
            quote!(-=)
        };
        if as_statement {
            return Some(quote!(#ident #step 1f64;));
        }
        Some(if update.prefix {
            quote!({ #ident #step 1f64; #ident })
        } else {
            let old = self.temp("old");
            quote!({ let #old = #ident; #ident #step 1f64; #old })
        })
    }

    /// `x = e`, `x += e` of a numeric variable and a numeric `e`: an `f64` expression, or a
    /// statement.
    pub(super) fn numeric_assignment(
        &mut self,
        assign: &AssignExpr,
        as_statement: bool,
    ) -> Option<TokenStream> {
        let id = self.assigned_numeric(assign)?;
        let ident = self.binding_ident(id);
        let value = self.number(&assign.right);
        let computed = match direct_compound(assign.op) {
            Some(op) => quote!(#ident #op #value),
            None => value,
        };
        Some(if as_statement {
            quote!(#ident = #computed;)
        } else {
            quote!({ #ident = #computed; #ident })
        })
    }

    /// `let x = init` of a numeric variable: `let mut x: f64 = …;`.
    pub(super) fn numeric_declaration(&mut self, name: &Pat, init: &Expr) -> Option<TokenStream> {
        let Pat::Ident(binding) = name else {
            return None;
        };
        let id = self
            .cx
            .scopes
            .binding_of(&binding.id)
            .filter(|id| self.is_numeric_binding(*id))?;
        let value = self.number(init);
        let ident = self.binding_ident(id);
        Some(quote!(let mut #ident: f64 = #value;))
    }

    /// An update or assignment statement of a numeric variable, computed on `f64`.
    pub(super) fn numeric_write_statement(&mut self, expr: &Expr) -> Option<TokenStream> {
        if !self.is_direct(expr) {
            return None;
        }
        match expr {
            Expr::Update(update) => self.numeric_update(update, true),
            Expr::Assign(assign) => self.numeric_assignment(assign, true),
            _ => None,
        }
    }
}
